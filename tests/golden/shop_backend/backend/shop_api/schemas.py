"""Input models of the Shop API: the field rules of `specs/shop.md` as Pydantic v2 models.

Unknown keys are refused (422), so read-only, owner, computed and id fields are never
silently dropped.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    field_validator,
)

from shop_api.core.errors import message

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL = re.compile(r"^https?://[^\s/]+\S*$")
PHONE = re.compile(r"^\+?[0-9 ()-]{5,20}$")
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
FORMAT_MESSAGES = {"EMAIL": "email", "URL": "url", "PHONE": "phone", "UUID": "uuid"}


def empty_to_none(value: Any) -> Any:
    """An empty string in an optional text field is stored as null (§4)."""
    return None if value == "" else value


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False)


class UserUpdate(Input):
    """Input to change a User (built in)."""

    email: Annotated[
        Annotated[str, StringConstraints(min_length=1)] | None, BeforeValidator(empty_to_none)
    ] = None
    password: Annotated[
        Annotated[str, StringConstraints(min_length=1)] | None, BeforeValidator(empty_to_none)
    ] = None
    role: Literal["seller", "buyer", "admin"] | None = None

    @field_validator("email")
    @classmethod
    def _check_email(cls, value: Any) -> Any:
        if value is not None and not EMAIL.search(str(value)):
            raise ValueError(message(FORMAT_MESSAGES["EMAIL"]))
        return value


class CategoryCreate(Input):
    """Input to create a Category (specs/shop.md:19)."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=60)]


class CategoryUpdate(Input):
    """Input to change a Category (specs/shop.md:19)."""

    name: Annotated[
        Annotated[str, StringConstraints(min_length=1, max_length=60)] | None, BeforeValidator(empty_to_none)
    ] = None


class ProductCreate(Input):
    """Input to create a Product (specs/shop.md:28)."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    description: Annotated[str | None, BeforeValidator(empty_to_none)] = None
    price: Annotated[Decimal, Field(ge=Decimal("0.01"))]
    stock: Annotated[StrictInt, Field(ge=0)] | None = None
    status: Literal["draft", "published", "archived"] | None = None
    category: StrictInt | None = None


class ProductUpdate(Input):
    """Input to change a Product (specs/shop.md:28)."""

    name: Annotated[
        Annotated[str, StringConstraints(min_length=1, max_length=120)] | None, BeforeValidator(empty_to_none)
    ] = None
    description: Annotated[str | None, BeforeValidator(empty_to_none)] = None
    price: Annotated[Decimal, Field(ge=Decimal("0.01"))] | None = None
    stock: Annotated[StrictInt, Field(ge=0)] | None = None
    status: Literal["draft", "published", "archived"] | None = None
    category: StrictInt | None = None


class CartItemCreate(Input):
    """Input to create a CartItem (specs/shop.md:48)."""

    product: StrictInt
    quantity: Annotated[StrictInt, Field(ge=1, le=99)]


class CartItemUpdate(Input):
    """Input to change a CartItem (specs/shop.md:48)."""

    product: StrictInt | None = None
    quantity: Annotated[StrictInt, Field(ge=1, le=99)] | None = None


class OrderCreate(Input):
    """Input to create a Order (specs/shop.md:59)."""

    status: Literal["pending", "paid", "shipped", "delivered", "cancelled"] | None = None
    address: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class OrderUpdate(Input):
    """Input to change a Order (specs/shop.md:59)."""

    status: Literal["pending", "paid", "shipped", "delivered", "cancelled"] | None = None
    address: Annotated[
        Annotated[str, StringConstraints(min_length=1, max_length=200)] | None, BeforeValidator(empty_to_none)
    ] = None


class OrderItemUpdate(Input):
    """Input to change a OrderItem (specs/shop.md:79)."""

    order: StrictInt | None = None
    product: StrictInt | None = None
    quantity: Annotated[StrictInt, Field(ge=1)] | None = None


class CheckoutInput(Input):
    """Input of the action checkout (specs/shop.md:94)."""

    address: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class AddToCartInput(Input):
    """Input of the action add to cart (specs/shop.md:116)."""

    quantity: Annotated[StrictInt, Field(ge=1, le=99)]


class RestockInput(Input):
    """Input of the action restock (specs/shop.md:128)."""

    amount: Annotated[StrictInt, Field(ge=1)]


class SignUp(Input):
    """Input of POST /auth/signup."""

    username: Annotated[str, StringConstraints(min_length=1, max_length=150, pattern=r"^\S+$")]
    email: Annotated[str, StringConstraints(min_length=1)]
    password: Annotated[str, StringConstraints(min_length=1)]

    @field_validator("email")
    @classmethod
    def _check_email(cls, value: Any) -> Any:
        if value is not None and not EMAIL.search(str(value)):
            raise ValueError(message(FORMAT_MESSAGES["EMAIL"]))
        return value
