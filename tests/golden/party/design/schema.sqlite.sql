-- Database schema of 家庭聚会 (family_party) for sqlite.
-- Generated from specs/party.zh.md: change the document and regenerate.

PRAGMA foreign_keys = ON;

-- User
CREATE TABLE "users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "username" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "password" TEXT NOT NULL,
  "role" TEXT DEFAULT 'guest',
  CHECK (length("username") <= 150),
  UNIQUE ("username"),
  CHECK ("role" IN ('organizer', 'guest', 'admin'))
);

-- 聚会
CREATE TABLE "parties" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "title" TEXT NOT NULL,
  "starts_at" TEXT NOT NULL,
  "place" TEXT NOT NULL,
  "capacity" INTEGER DEFAULT 20,
  "organizer_id" INTEGER REFERENCES "users" ("id") ON DELETE SET NULL,
  CHECK (length("title") <= 80),
  CHECK (length("place") <= 120),
  CHECK ("capacity" >= 1)
);

-- 邀请
CREATE TABLE "invitations" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "party_id" INTEGER NOT NULL REFERENCES "parties" ("id") ON DELETE RESTRICT,
  "guest_id" INTEGER NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
  "answer" TEXT DEFAULT 'pending',
  CHECK ("answer" IN ('pending', 'yes', 'no'))
);

-- 菜品
CREATE TABLE "dishes" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" TEXT NOT NULL,
  "party_id" INTEGER NOT NULL REFERENCES "parties" ("id") ON DELETE RESTRICT,
  "claimed_by_id" INTEGER REFERENCES "users" ("id") ON DELETE SET NULL,
  CHECK (length("name") <= 60)
);

CREATE INDEX "ix_parties_organizer_id" ON "parties" ("organizer_id");
CREATE INDEX "ix_invitations_party_id" ON "invitations" ("party_id");
CREATE INDEX "ix_invitations_guest_id" ON "invitations" ("guest_id");
CREATE INDEX "ix_dishes_party_id" ON "dishes" ("party_id");
CREATE INDEX "ix_dishes_claimed_by_id" ON "dishes" ("claimed_by_id");
