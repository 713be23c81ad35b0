-- Database schema of Shop (shop) for sqlite.
-- Generated from specs/shop.md: change the document and regenerate.

PRAGMA foreign_keys = ON;

-- User
CREATE TABLE "users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "username" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "password" TEXT NOT NULL,
  "role" TEXT DEFAULT 'buyer',
  CHECK (length("username") <= 150),
  UNIQUE ("username"),
  CHECK ("role" IN ('seller', 'buyer', 'admin'))
);

-- Category
CREATE TABLE "categories" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL,
  CHECK (length("name") <= 60),
  UNIQUE ("name")
);

-- Product
CREATE TABLE "products" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL,
  "description" TEXT,
  "price" NUMERIC(12, 2) NOT NULL,
  "stock" INTEGER DEFAULT 0,
  "status" TEXT DEFAULT 'draft',
  "category_id" INTEGER REFERENCES "categories" ("id") ON DELETE SET NULL,
  "seller_id" INTEGER REFERENCES "users" ("id") ON DELETE SET NULL,
  CHECK (length("name") <= 120),
  CHECK ("price" >= 0.01),
  CHECK ("stock" >= 0),
  CHECK ("status" IN ('draft', 'published', 'archived'))
);

-- CartItem
CREATE TABLE "cart_items" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "product_id" INTEGER NOT NULL REFERENCES "products" ("id") ON DELETE RESTRICT,
  "quantity" INTEGER NOT NULL,
  "buyer_id" INTEGER REFERENCES "users" ("id") ON DELETE SET NULL,
  CHECK ("quantity" >= 1),
  CHECK ("quantity" <= 99)
);

-- Order
CREATE TABLE "orders" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "buyer_id" INTEGER REFERENCES "users" ("id") ON DELETE SET NULL,
  "status" TEXT DEFAULT 'pending',
  "address" TEXT NOT NULL,
  CHECK ("status" IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  CHECK (length("address") <= 200)
);

-- OrderItem
CREATE TABLE "order_items" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "order_id" INTEGER NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT,
  "product_id" INTEGER NOT NULL REFERENCES "products" ("id") ON DELETE RESTRICT,
  "price" NUMERIC(12, 2) NOT NULL,
  "quantity" INTEGER NOT NULL,
  CHECK ("quantity" >= 1)
);

CREATE INDEX "ix_products_category_id" ON "products" ("category_id");
CREATE INDEX "ix_products_seller_id" ON "products" ("seller_id");
CREATE INDEX "ix_cart_items_product_id" ON "cart_items" ("product_id");
CREATE INDEX "ix_cart_items_buyer_id" ON "cart_items" ("buyer_id");
CREATE INDEX "ix_orders_buyer_id" ON "orders" ("buyer_id");
CREATE INDEX "ix_order_items_order_id" ON "order_items" ("order_id");
CREATE INDEX "ix_order_items_product_id" ON "order_items" ("product_id");
