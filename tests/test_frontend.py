"""The frontend engineer: what it generates from a document, and that the result builds.

The unit tests read the generated files; the build tests install the app from the shared npm
cache, type-check, lint and bundle it (the first run in a fresh cache downloads the packages).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from factory.build import build_frontend
from factory.compiler import compile_spec
from factory.frontend import generate_frontend
from factory.ir.model import Spec
from factory.output import write_atomic

ROOT = Path(__file__).resolve().parents[1]
NPM = shutil.which("npm") is not None


def _spec(path: Path) -> Spec:
    spec, diags = compile_spec(path)
    assert spec is not None, [d.format() for d in diags]
    return spec


def _files(spec: Spec) -> dict[str, str]:
    return {f.path: f.content for f in generate_frontend(spec)}


def _write(root: Path, files: dict[str, str]) -> None:
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, content)


def test_the_shop_ui_follows_its_settings_and_pages() -> None:
    files = _files(_spec(ROOT / "specs/shop.md"))
    config = files["frontend/src/app/config.ts"]
    assert '"#fa541c"' in config and 'layout: "topbar"' in config and 'language: "en"' in config
    pages = files["frontend/src/app/pages.ts"]
    names = re.findall(r'^    name: "([^"]+)",', pages, re.M)
    assert names[:7] == ["Shop", "Product", "Cart", "my_orders", "my_products", "Sales", "Categories"]
    assert "e-products" in names and "e-users" in names  # admin keeps the generated admin UI
    # Narrowed pages read the page endpoint; the storefront home page is shown as cards.
    assert "source: c.pageShop," in pages and "source: c.pageSales" not in pages
    shop = pages[pages.index('name: "Shop"') : pages.index('name: "Product"')]
    assert 'homeFor: ["anyone"]' in shop and "cards: true" in shop and 'sort: "price"' in shop
    assert 'columns: ["name", "price", "category"]' in shop and 'filters: ["category"]' in shop
    cart = pages[pages.index('name: "Cart"') : pages.index('name: "my_orders"')]
    assert (
        '{ kind: "action", name: "checkout", label: "checkout", roles: ["admin", "buyer"], row: false }'
        in cart
    )
    assert '{ kind: "update", name: "edit", label: t("edit"), roles: ["admin", "buyer"], row: true }' in cart


def test_the_typed_client_covers_every_operation_without_any() -> None:
    spec = _spec(ROOT / "specs/shop.md")
    files = _files(spec)
    client = files["frontend/src/api/client.ts"]
    from factory.architect import design

    doc = json.loads(design(spec)["design/openapi.json"])
    ops = [
        op["operationId"] for item in doc["paths"].values() for op in item.values() if isinstance(op, dict)
    ]
    assert client.count("export function ") == len(ops)
    assert "export function addToCart(id: number, body: s.AddToCartInput): Promise<s.CartItem>" in client
    assert "export function listProducts(query: ListProductsQuery = {}): Promise<s.ProductList>" in client
    schema = files["frontend/src/api/schema.ts"]
    assert 'status: "draft" | "published" | "archived" | null;' in schema
    for path, text in files.items():
        if path.endswith((".ts", ".tsx")):
            assert not re.search(r":\s*any\b|as any\b|<any>", text), path


def test_the_chinese_ui_uses_display_names_and_the_sidebar() -> None:
    files = _files(_spec(ROOT / "specs/party.zh.md"))
    assert 'language: "zh"' in files["frontend/src/app/config.ts"]
    assert 'layout: "sidebar"' in files["frontend/src/app/config.ts"]
    assert '<html lang="zh-CN">' in files["frontend/index.html"]
    model = files["frontend/src/app/model.ts"]
    assert 'label: "聚会"' in model and '"label": "人数上限"' in model
    assert '{ name: "accept", label: "接受"' in model


def test_frontend_none_generates_no_frontend(tmp_path: Path) -> None:
    text = (
        (ROOT / "specs/shop.md").read_text(encoding="utf-8").replace("- layout: topbar", "- frontend: none")
    )
    doc = tmp_path / "shop.md"
    doc.write_text(text, encoding="utf-8")
    assert generate_frontend(_spec(doc)) == []


HOSTILE = """# Odd "quotes" `ticks` ${window.x} </script> {{ 7*7 }}

## Settings
- primary color: red

## Entities

### Note
| Field | Type | Rules | Description |
| --- | --- | --- | --- |
| 标题 "t" (title) | text(40) | required | a */ comment ${x} `y` |
| kind | enum("a \\"b\\"", "c`d", "${e}") | default "c`d" | |

## Pages
- Notes `x` "y" (user): list Note; buttons: create, edit
"""


def test_spec_text_is_data_in_the_generated_typescript(tmp_path: Path) -> None:
    doc = tmp_path / "odd.md"
    doc.write_text(HOSTILE, encoding="utf-8")
    files = _files(_spec(doc))
    config = files["frontend/src/app/config.ts"]
    assert 'title: "Odd \\"quotes\\" `ticks` ${window.x} </script> {{ 7*7 }}",' in config
    assert (
        "<title>Odd &#34;quotes&#34; `ticks` ${window.x} &lt;/script&gt; {{ 7*7 }}</title>"
        in files["frontend/index.html"]
    )


@pytest.mark.e2e
@pytest.mark.skipif(not NPM, reason="npm is not installed")
def test_hostile_spec_text_still_builds(tmp_path: Path) -> None:
    doc = tmp_path / "odd.md"
    doc.write_text(HOSTILE, encoding="utf-8")
    _write(tmp_path / "app", _files(_spec(doc)))
    built = build_frontend(tmp_path / "app")
    assert built.ok, built.log


@pytest.mark.e2e
@pytest.mark.skipif(not NPM, reason="npm is not installed")
def test_the_shop_ui_builds_and_a_second_build_installs_nothing(tmp_path: Path) -> None:
    _write(tmp_path / "shop", _files(_spec(ROOT / "specs/shop.md")))
    first = build_frontend(tmp_path / "shop")
    assert first.ok, first.log
    assert [s.name for s in first.steps] == ["install", "typecheck", "lint", "build"]
    assert (tmp_path / "shop" / "frontend" / "dist" / "index.html").is_file()
    assert '"/ui/assets/' in (tmp_path / "shop" / "frontend" / "dist" / "index.html").read_text(
        encoding="utf-8"
    )
    again = build_frontend(tmp_path / "shop")
    assert again.ok and again.reused and not again.downloaded
    # Another repo from the same document installs from the shared cache, offline.
    _write(tmp_path / "other", _files(_spec(ROOT / "specs/party.zh.md")))
    other = build_frontend(tmp_path / "other")
    assert other.ok, other.log
    assert not other.downloaded and not other.reused


@pytest.mark.e2e
@pytest.mark.skipif(not NPM, reason="npm is not installed")
def test_a_type_error_fails_the_build_with_its_place(tmp_path: Path) -> None:
    files = _files(_spec(ROOT / "specs/party.zh.md"))
    files["frontend/src/app/config.ts"] = files["frontend/src/app/config.ts"].replace(
        "pageSize: 20", 'pageSize: "20"'
    )
    _write(tmp_path / "bad", files)
    built = build_frontend(tmp_path / "bad")
    assert not built.ok
    failed = {s.name for s in built.steps if not s.ok}
    assert "typecheck" in failed
    assert "src/app/config.ts(9,3): error TS2322" in built.log


def test_browser_tests_are_required_in_ci() -> None:
    if os.environ.get("FACTORY_REQUIRE_BROWSER"):
        assert Path("/usr/bin/chromium").exists(), "CI must install Debian's chromium"
        assert NPM, "CI must install npm"
