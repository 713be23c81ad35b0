"""How each entity of `specs/shop.md` behaves in the shared request flows (`core/crud.py`)."""

from __future__ import annotations

from shop_api import access, rows, rules, schemas
from shop_api.core import crud
from shop_api.core.crud import EntityApi, Reference, States, Transition
from shop_api.core.listing import Filter, ListSpec
from shop_api.models import *  # noqa: F403

USER = EntityApi(
    name="User",
    model=User,
    access=access.user_access,
    anyone=access.USER_ANYONE,
    row=rows.user_row,
    listing=ListSpec(
        filters={
            "username": Filter(User.username, "text", ()),
            "email": Filter(User.email, "text", ()),
            "role": Filter(User.role, "enum", ("seller", "buyer", "admin")),
        },
        sortable={
            "id": User.id,
            "username": User.username,
            "email": User.email,
            "role": User.role,
        },
        searchable=[],
    ),
    create_schema=None,
    update_schema=schemas.UserUpdate,
    attrs={"email": "email", "password": "password", "role": "role"},
    required=frozenset(["email", "password"]),
    owner=None,
    references=(),
    many=(),
    unique=(("username", "username"),),
    restrict=(),
    nullify=(
        (Product, "seller_id"),
        (CartItem, "buyer_id"),
        (Order, "buyer_id"),
    ),
    defaults={},
    check_rules=rules.check_user,
)
crud.REGISTRY["User"] = USER

CATEGORY = EntityApi(
    name="Category",
    model=Category,
    access=access.category_access,
    anyone=access.CATEGORY_ANYONE,
    row=rows.category_row,
    listing=ListSpec(
        filters={
            "name": Filter(Category.name, "text", ()),
        },
        sortable={
            "id": Category.id,
            "name": Category.name,
        },
        searchable=[],
    ),
    create_schema=schemas.CategoryCreate,
    update_schema=schemas.CategoryUpdate,
    attrs={"name": "name"},
    required=frozenset(["name"]),
    owner=None,
    references=(),
    many=(),
    unique=(("name", "name"),),
    restrict=(),
    nullify=((Product, "category_id"),),
    defaults={},
    check_rules=rules.check_category,
)
crud.REGISTRY["Category"] = CATEGORY

PRODUCT = EntityApi(
    name="Product",
    model=Product,
    access=access.product_access,
    anyone=access.PRODUCT_ANYONE,
    row=rows.product_row,
    listing=ListSpec(
        filters={
            "name": Filter(Product.name, "text", ()),
            "description": Filter(Product.description, "text", ()),
            "price": Filter(Product.price, "decimal", ()),
            "stock": Filter(Product.stock, "integer", ()),
            "status": Filter(Product.status, "enum", ("draft", "published", "archived")),
            "category": Filter(Product.category_id, "ref", ()),
            "seller": Filter(Product.seller_id, "ref", ()),
        },
        sortable={
            "id": Product.id,
            "name": Product.name,
            "description": Product.description,
            "price": Product.price,
            "stock": Product.stock,
            "status": Product.status,
            "category": Product.category_id,
            "seller": Product.seller_id,
        },
        searchable=[Product.name, Product.description],
    ),
    create_schema=schemas.ProductCreate,
    update_schema=schemas.ProductUpdate,
    attrs={
        "name": "name",
        "description": "description",
        "price": "price",
        "stock": "stock",
        "status": "status",
    },
    required=frozenset(["name", "price"]),
    owner="seller_id",
    references=(Reference("category", "category_id", "Category"),),
    many=(),
    states=States(
        field="status",
        attr="status",
        initial="draft",
        transitions=(
            Transition("publish", ("draft",), "published", access.product_may_publish, False),
            Transition("archive", ("draft", "published"), "archived", access.product_may_archive, False),
        ),
    ),
    unique=(),
    restrict=(
        (CartItem, "product_id", "CartItem"),
        (OrderItem, "product_id", "OrderItem"),
    ),
    nullify=(),
    defaults={},
    check_rules=rules.check_product,
)
crud.REGISTRY["Product"] = PRODUCT

CART_ITEM = EntityApi(
    name="CartItem",
    model=CartItem,
    access=access.cart_item_access,
    anyone=access.CART_ITEM_ANYONE,
    row=rows.cart_item_row,
    listing=ListSpec(
        filters={
            "product": Filter(CartItem.product_id, "ref", ()),
            "quantity": Filter(CartItem.quantity, "integer", ()),
            "buyer": Filter(CartItem.buyer_id, "ref", ()),
        },
        sortable={
            "id": CartItem.id,
            "product": CartItem.product_id,
            "quantity": CartItem.quantity,
            "buyer": CartItem.buyer_id,
        },
        searchable=[],
    ),
    create_schema=schemas.CartItemCreate,
    update_schema=schemas.CartItemUpdate,
    attrs={"quantity": "quantity"},
    required=frozenset(["product", "quantity"]),
    owner="buyer_id",
    references=(Reference("product", "product_id", "Product"),),
    many=(),
    unique=(),
    restrict=(),
    nullify=(),
    defaults={},
    check_rules=rules.check_cart_item,
)
crud.REGISTRY["CartItem"] = CART_ITEM

ORDER = EntityApi(
    name="Order",
    model=Order,
    access=access.order_access,
    anyone=access.ORDER_ANYONE,
    row=rows.order_row,
    listing=ListSpec(
        filters={
            "buyer": Filter(Order.buyer_id, "ref", ()),
            "status": Filter(Order.status, "enum", ("pending", "paid", "shipped", "delivered", "cancelled")),
            "address": Filter(Order.address, "text", ()),
        },
        sortable={
            "id": Order.id,
            "buyer": Order.buyer_id,
            "status": Order.status,
            "address": Order.address,
        },
        searchable=[],
    ),
    create_schema=schemas.OrderCreate,
    update_schema=schemas.OrderUpdate,
    attrs={"status": "status", "address": "address"},
    required=frozenset(["address"]),
    owner="buyer_id",
    references=(),
    many=(),
    states=States(
        field="status",
        attr="status",
        initial="pending",
        transitions=(
            Transition("pay", ("pending",), "paid", access.order_may_pay, False),
            Transition("ship", ("paid",), "shipped", access.order_may_ship, False),
            Transition("deliver", ("shipped",), "delivered", access.order_may_deliver, False),
            Transition("cancel", ("pending", "paid"), "cancelled", access.order_may_cancel, False),
        ),
    ),
    unique=(),
    restrict=((OrderItem, "order_id", "OrderItem"),),
    nullify=(),
    defaults={},
    check_rules=rules.check_order,
)
crud.REGISTRY["Order"] = ORDER

ORDER_ITEM = EntityApi(
    name="OrderItem",
    model=OrderItem,
    access=access.order_item_access,
    anyone=access.ORDER_ITEM_ANYONE,
    row=rows.order_item_row,
    listing=ListSpec(
        filters={
            "order": Filter(OrderItem.order_id, "ref", ()),
            "product": Filter(OrderItem.product_id, "ref", ()),
            "price": Filter(OrderItem.price, "decimal", ()),
            "quantity": Filter(OrderItem.quantity, "integer", ()),
        },
        sortable={
            "id": OrderItem.id,
            "order": OrderItem.order_id,
            "product": OrderItem.product_id,
            "price": OrderItem.price,
            "quantity": OrderItem.quantity,
        },
        searchable=[],
    ),
    create_schema=None,
    update_schema=schemas.OrderItemUpdate,
    attrs={"quantity": "quantity"},
    required=frozenset(["order", "product", "quantity"]),
    owner=None,
    references=(
        Reference("order", "order_id", "Order"),
        Reference("product", "product_id", "Product"),
    ),
    many=(),
    unique=(),
    restrict=(),
    nullify=(),
    defaults={},
    check_rules=rules.check_order_item,
)
crud.REGISTRY["OrderItem"] = ORDER_ITEM
