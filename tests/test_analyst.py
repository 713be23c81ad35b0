"""The analyst on whole documents: the examples' IR, Chinese keywords, names and settings."""

from __future__ import annotations

from pathlib import Path

from factory.analyst import analyse_file, analyse_text
from factory.diagnostics import Severity
from factory.ir.model import CreateStep, ForEachStep, RequireStep, Spec

ROOT = Path(__file__).resolve().parents[1]


def shop() -> Spec:
    spec, diags = analyse_file(ROOT / "specs" / "shop.md", "specs/shop.md")
    assert spec is not None, [d.format() for d in diags.items]
    return spec


def party() -> Spec:
    spec, diags = analyse_file(ROOT / "specs" / "party.zh.md", "specs/party.zh.md")
    assert spec is not None, [d.format() for d in diags.items]
    return spec


def test_shop_model() -> None:
    spec = shop()
    assert (spec.title, spec.name, spec.language) == ("Shop", "shop", "en")
    assert spec.settings.primary_color == "#fa541c" and spec.settings.layout == "topbar"
    assert [r.name for r in spec.roles] == ["admin", "seller", "buyer"]
    assert spec.default_role is not None and spec.default_role.name == "buyer"
    assert [e.name for e in spec.entities] == [
        "User",
        "Category",
        "Product",
        "CartItem",
        "Order",
        "OrderItem",
    ]
    user = spec.entity("User")
    assert user is not None and user.field("role") is not None
    assert user.field("role").type.values == ["seller", "buyer", "admin"]  # type: ignore[union-attr]
    product = spec.entity("Product")
    assert product is not None and product.path == "/products"
    price = product.field("price")
    assert price is not None and price.type.money and (price.type.precision, price.type.scale) == (12, 2)
    assert price.required and price.min == "0.01"
    assert product.owner_field is not None and product.owner_field.name == "seller"
    assert product.states is not None and product.states.initial == "draft"
    archive = product.states.transitions[1]
    assert (archive.sources, archive.target) == (["draft", "published"], "archived")
    assert [(b.role, b.condition.own) for b in archive.by] == [("seller", True), ("admin", False)]
    order = spec.entity("Order")
    assert order is not None
    items = order.field("items")
    assert items is not None and (items.type.list_kind, items.type.back_field) == (
        "one_to_many",
        "order",
    )
    total = order.field("total")
    assert total is not None and total.computed is not None and total.computed.type is not None
    seller_grant = order.access[1]
    assert seller_grant.condition.where_source == "count(items where product.seller = me) > 0"


def test_shop_actions_pages_scenarios() -> None:
    spec = shop()
    checkout = spec.action("checkout")
    assert checkout is not None and checkout.who == ["buyer"] and checkout.on is None
    assert [s.kind for s in checkout.steps] == [
        "let",
        "require",
        "for_each",
        "create",
        "for_each",
        "return",
    ]
    loop = checkout.steps[4]
    assert isinstance(loop, ForEachStep) and [s.kind for s in loop.steps] == [
        "require",
        "create",
        "adjust",
        "delete",
    ]
    require = loop.steps[0]
    assert isinstance(require, RequireStep) and require.message is not None
    assert [p.text for p in require.message.parts] == ["Not enough stock for ", None]
    create = loop.steps[1]
    assert isinstance(create, CreateStep) and [a.field for a in create.values] == [
        "order",
        "product",
        "price",
        "quantity",
    ]
    add = spec.action("add_to_cart")
    assert add is not None and add.display == "add to cart" and add.on == "Product"
    cart = next(p for p in spec.pages if p.name == "Cart")
    assert cart.roles == ["buyer"] and cart.condition.own
    assert [(b.kind, b.name) for b in cart.buttons] == [
        ("update", "update"),
        ("delete", "delete"),
        ("action", "checkout"),
    ]
    home = spec.pages[0]
    assert home.home and home.roles == ["anyone"] and home.sort == "price" and home.filters == ["category"]
    assert len(spec.scenarios) == 5
    steps = spec.scenarios[0].steps
    assert [s.kind for s in steps[:3]] == ["sign_up", "sign_up", "call"]
    checkout_step = steps[5]
    assert checkout_step.kind == "call" and checkout_step.verb == "action" and checkout_step.bind == "order"
    last = steps[-1]
    assert last.kind == "call" and last.fails_message == "Your cart is empty"


def test_party_chinese_model() -> None:
    spec = party()
    assert (spec.title, spec.name, spec.language) == ("家庭聚会", "family_party", "zh")
    assert spec.settings.ui_language == "zh"
    assert [r.name for r in spec.roles] == ["admin", "organizer", "guest"]
    assert spec.default_role is not None and spec.default_role.name == "guest"
    p = spec.entity("Party")
    assert p is not None and p.display == "聚会" and p.path == "/parties"
    assert p.field("title") is not None and p.field("title").display == "标题"  # type: ignore[union-attr]
    inv = p.field("invitations")
    assert inv is not None and inv.type.list_kind == "one_to_many" and inv.type.back_field == "party"
    invitation = spec.entity("Invitation")
    assert invitation is not None and invitation.states is not None
    accept = invitation.states.transitions[0]
    assert (accept.name, accept.display, accept.sources, accept.target) == (
        "accept",
        "接受",
        ["pending", "no"],
        "yes",
    )
    assert accept.by[0].role == "guest" and accept.by[0].condition.where_source == "guest = me"
    claim = spec.action("claim")
    assert claim is not None and claim.display == "认领" and claim.on == "Dish"
    menu = spec.pages[-1]
    assert [(b.kind, b.name) for b in menu.buttons] == [("create", "create"), ("action", "claim")]
    steps = spec.scenarios[0].steps
    assert steps[5].kind == "call" and steps[5].fails_message == "请先接受邀请"


def test_mixed_languages_and_derived_names() -> None:
    doc = """# 小店

## Roles
- 店主 (owner): runs the shop
- 顾客 (默认): buys

## 数据模型

### 客户
| 字段 | Type | 规则 |
| --- | --- | --- |
| 名字 | text(20) | required, 唯一 |
| class | integer | 最小 0 |
| from | 日期 | |

Access:
- 店主: all
- 顾客: read where class > 0
"""
    spec, diags = analyse_text(doc, "mixed.md")
    assert spec is not None, [d.format() for d in diags.items]
    assert spec.name == "xiao_dian" and spec.language == "en"  # the first section heading is English
    entity = spec.entity("KeHu")
    assert entity is not None and entity.plural == "ke_hus"
    assert [f.name for f in entity.fields] == ["ming_zi", "class", "from"]
    assert [r.name for r in spec.roles] == ["admin", "owner", "gu_ke"]
    notes = [d for d in diags.items if d.severity is Severity.NOTE]
    assert {d.message.split("'")[1] for d in notes} == {"顾客", "客户", "名字"}
    assert entity.access[1].role == "gu_ke"


def test_defaults_without_roles_or_access() -> None:
    spec, diags = analyse_text(
        "# Notes\n\n## Entities\n\n### Note\n| Field | Type | Rules |\n"
        "| --- | --- | --- |\n| body | long text | required |\n"
        "| author | User | owner |\n",
        "n.md",
    )
    assert spec is not None and not diags.has_errors
    assert [r.name for r in spec.roles] == ["admin", "user"]
    note = spec.entity("Note")
    assert note is not None and not note.access_declared
    assert [(g.role, g.permissions, g.condition.own) for g in note.access] == [
        ("user", ["create", "read"], False),
        ("user", ["update", "delete"], True),
    ]


def test_auth_none_has_no_users() -> None:
    spec, diags = analyse_text(
        "# Open\n\n## Settings\n- auth: none\n- page_size: 50\n\n## Entities\n\n"
        "### Item\n| Field | Type |\n| --- | --- |\n| name | text |\n\nAccess:\n"
        "- anyone: read\n",
        "o.md",
    )
    assert spec is not None
    assert [e.name for e in spec.entities] == ["Item"] and spec.settings.page_size == 50
    assert [d.code for d in diags.items] == ["ignored-access"]


def test_unknown_section_is_a_warning_kept_for_the_readme() -> None:
    spec, diags = analyse_text(
        "# T\n\n## Glossary\nA word.\n\n## Entities\n\n### A\n| Field | Type |\n"
        "| --- | --- |\n| n | text |\n",
        "t.md",
    )
    assert spec is not None and [d.code for d in diags.items] == ["unknown-section"]
    assert spec.extra_sections[0].title == "Glossary" and spec.extra_sections[0].text == "A word."


def test_model_json_round_trip() -> None:
    spec = shop()
    again = Spec.model_validate_json(spec.model_dump_json())
    assert again == spec
