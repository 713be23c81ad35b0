"""Database tables of Shop, one class per entity of `specs/shop.md`."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop_api.db import Base

ID = BigInteger().with_variant(Integer(), "sqlite")


class User(Base):
    """User (built in)"""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(ID, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column("username", String(150), nullable=False, unique=True)
    email: Mapped[str] = mapped_column("email", Text(), nullable=False)
    password: Mapped[str] = mapped_column("password", Text(), nullable=False)
    role: Mapped[str | None] = mapped_column("role", String(6), nullable=True, default="buyer")

    def label(self) -> str:
        """How a row shows in messages and page columns."""
        return self.username


class Category(Base):
    """Category (specs/shop.md:19)"""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(ID, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column("name", String(60), nullable=False, unique=True)

    def label(self) -> str:
        """How a row shows in messages and page columns."""
        return str(self.name)


class Product(Base):
    """Product (specs/shop.md:28)"""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(ID, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column("name", String(120), nullable=False)
    description: Mapped[str | None] = mapped_column("description", Text(), nullable=True)
    price: Mapped[Decimal] = mapped_column("price", Numeric(12, 2, asdecimal=True), nullable=False)
    stock: Mapped[int | None] = mapped_column("stock", BigInteger(), nullable=True, default=0)
    status: Mapped[str | None] = mapped_column("status", String(9), nullable=True, default="draft")
    category_id: Mapped[int | None] = mapped_column(
        "category_id", ID, ForeignKey("categories.id", ondelete="SET NULL"), index=True, nullable=True
    )
    seller_id: Mapped[int | None] = mapped_column(
        "seller_id", ID, ForeignKey("users.id", ondelete="SET NULL"), index=True, nullable=True
    )
    category: Mapped[Category | None] = relationship(
        foreign_keys=[category_id], lazy="selectin", viewonly=True
    )
    seller: Mapped[User | None] = relationship(foreign_keys=[seller_id], lazy="selectin", viewonly=True)

    def label(self) -> str:
        """How a row shows in messages and page columns."""
        return str(self.name)


class CartItem(Base):
    """CartItem (specs/shop.md:48)"""

    __tablename__ = "cart_items"

    id: Mapped[int] = mapped_column(ID, primary_key=True, autoincrement=True)
    product_id: Mapped[int] = mapped_column(
        "product_id", ID, ForeignKey("products.id", ondelete="RESTRICT"), index=True, nullable=False
    )
    quantity: Mapped[int] = mapped_column("quantity", BigInteger(), nullable=False)
    buyer_id: Mapped[int | None] = mapped_column(
        "buyer_id", ID, ForeignKey("users.id", ondelete="SET NULL"), index=True, nullable=True
    )
    product: Mapped[Product] = relationship(foreign_keys=[product_id], lazy="selectin", viewonly=True)
    buyer: Mapped[User | None] = relationship(foreign_keys=[buyer_id], lazy="selectin", viewonly=True)

    def label(self) -> str:
        """How a row shows in messages and page columns."""
        return f"#{self.id}"


class Order(Base):
    """Order (specs/shop.md:59)"""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(ID, primary_key=True, autoincrement=True)
    buyer_id: Mapped[int | None] = mapped_column(
        "buyer_id", ID, ForeignKey("users.id", ondelete="SET NULL"), index=True, nullable=True
    )
    status: Mapped[str | None] = mapped_column("status", String(9), nullable=True, default="pending")
    address: Mapped[str] = mapped_column("address", String(200), nullable=False)
    buyer: Mapped[User | None] = relationship(foreign_keys=[buyer_id], lazy="selectin", viewonly=True)
    items: Mapped[list[OrderItem]] = relationship(
        foreign_keys="OrderItem.order_id", lazy="selectin", viewonly=True, order_by="OrderItem.id"
    )

    def label(self) -> str:
        """How a row shows in messages and page columns."""
        return str(self.address)


class OrderItem(Base):
    """OrderItem (specs/shop.md:79)"""

    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(ID, primary_key=True, autoincrement=True)
    order_id: Mapped[int] = mapped_column(
        "order_id", ID, ForeignKey("orders.id", ondelete="RESTRICT"), index=True, nullable=False
    )
    product_id: Mapped[int] = mapped_column(
        "product_id", ID, ForeignKey("products.id", ondelete="RESTRICT"), index=True, nullable=False
    )
    price: Mapped[Decimal] = mapped_column("price", Numeric(12, 2, asdecimal=True), nullable=False)
    quantity: Mapped[int] = mapped_column("quantity", BigInteger(), nullable=False)
    order: Mapped[Order] = relationship(foreign_keys=[order_id], lazy="selectin", viewonly=True)
    product: Mapped[Product] = relationship(foreign_keys=[product_id], lazy="selectin", viewonly=True)

    def label(self) -> str:
        """How a row shows in messages and page columns."""
        return f"#{self.id}"
