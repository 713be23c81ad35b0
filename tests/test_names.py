"""Code names (§2, §5): derivation, plurals and mangling."""

from __future__ import annotations

import pytest

from factory.names import app_code, derive_pascal, derive_snake, plural, safe_identifier, snake_case


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Lending Library", "lending_library"),
        ("../../Odd {{ 7*7 }} App", "odd_7_7_app"),
        ("家庭聚会", "jia_ting_ju_hui"),
        ("123 Go", "app_123_go"),
        ("!!!", "app"),
    ],
)
def test_app_code(title: str, code: str) -> None:
    assert app_code(title) == code


@pytest.mark.parametrize(
    ("display", "snake", "pascal"),
    [
        ("add to cart", "add_to_cart", "AddToCart"),
        ("Über Größe", "uber_grosse", "UberGrosse"),
        ("客户", "ke_hu", "KeHu"),
        ("Crème brûlée", "creme_brulee", "CremeBrulee"),
    ],
)
def test_derived_names(display: str, snake: str, pascal: str) -> None:
    assert derive_snake(display) == snake
    assert derive_pascal(display) == pascal


@pytest.mark.parametrize(
    ("entity", "path"),
    [
        ("CartItem", "cart_items"),
        ("Category", "categories"),
        ("Copy", "copies"),
        ("class", "classes"),
        ("Box", "boxes"),
        ("Day", "days"),
        ("Church", "churches"),
        ("OrderItem", "order_items"),
        ("HTTPLog2Entry", "httplog2_entries"),
    ],
)
def test_collection_paths(entity: str, path: str) -> None:
    assert plural(snake_case(entity)) == path


def test_keywords_are_mangled_for_code_only() -> None:
    assert [safe_identifier(n) for n in ("class", "from", "order", "select", "price")] == [
        "class_",
        "from_",
        "order_",
        "select_",
        "price",
    ]
