"""Page endpoints (§10): `GET /pages/<page>` is the entity's list narrowed by the page's own/where.

The generated shop backend runs in this process (FastAPI TestClient, SQLite in tmp_path).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from factory.analyst import analyse_file, analyse_text
from factory.architect import design
from factory.backend import generate_backend
from factory.ir.model import Condition, Spec
from factory.output import write_tree

ROOT = Path(__file__).resolve().parents[1]
ADMIN_PASSWORD = "admin-password"


def spec_of(path: str) -> Spec:
    spec, diags = analyse_file(ROOT / path, path)
    assert spec is not None, [d.format() for d in diags.items]
    return spec


def _forget(package: str) -> None:
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


@contextmanager
def generated_app(spec: Spec, where: Path, **settings: Any) -> Iterator[TestClient]:
    """The generated backend of `spec`, imported from `where` and served by a TestClient."""
    write_tree(where, {f.path: f.content for f in generate_backend(spec)})
    backend = str(where / "backend")
    package = f"{spec.name}_api"
    _forget(package)
    sys.path.insert(0, backend)
    try:
        main = importlib.import_module(f"{package}.main")
        config = importlib.import_module(f"{package}.settings").Settings(
            database_url=f"sqlite:///{where / 'app.db'}",
            jwt_secret="a-test-secret-that-is-long-enough-for-hs256",
            jwt_expire_minutes=60,
            admin_username="admin",
            admin_password=ADMIN_PASSWORD,
            admin_email="admin@example.test",
            **settings,
        )
        with TestClient(main.create_app(config)) as client:
            yield client
    finally:
        sys.path.remove(backend)
        _forget(package)


class Shop:
    """Signs people up and fills the shop through its public API."""

    def __init__(self, client: TestClient) -> None:
        self.c = client
        self.admin = self.login("admin", ADMIN_PASSWORD)

    def login(self, username: str, password: str) -> dict[str, str]:
        r = self.c.post("/auth/login", json={"username": username, "password": password})
        assert r.status_code == 200, r.text
        return {"Authorization": f"Bearer {r.json()['access_token']}"}

    def sign_up(self, username: str, role: str = "buyer") -> dict[str, str]:
        body = {"username": username, "email": f"{username}@example.test", "password": "pw-" + username}
        r = self.c.post("/auth/signup", json=body)
        assert r.status_code == 201, r.text
        if role != "buyer":
            r = self.c.patch(f"/users/{r.json()['id']}", json={"role": role}, headers=self.admin)
            assert r.status_code == 200, r.text
        return self.login(username, "pw-" + username)

    def product(self, seller: dict[str, str], name: str, price: str, *, published: bool) -> int:
        r = self.c.post("/products", json={"name": name, "price": price, "stock": 10}, headers=seller)
        assert r.status_code == 201, r.text
        row_id = int(r.json()["id"])
        if published:
            r = self.c.post(f"/products/{row_id}/publish", headers=seller)
            assert r.status_code == 200, r.text
        return row_id

    def add_to_cart(self, buyer: dict[str, str], product: int, quantity: int) -> int:
        r = self.c.post(f"/products/{product}/add_to_cart", json={"quantity": quantity}, headers=buyer)
        assert r.status_code == 200, r.text
        return int(r.json()["id"])

    def get(self, path: str, who: dict[str, str] | None = None) -> Any:
        r = self.c.get(path, headers=who or {})
        assert r.status_code == 200, r.text
        return r.json()


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The shop with two sellers (published and draft products) and two buyers with carts."""
    with generated_app(spec_of("specs/shop.md"), tmp_path_factory.mktemp("shop")) as client:
        s = Shop(client)
        ann, bob = s.sign_up("ann", "seller"), s.sign_up("bob", "seller")
        products = {
            "lamp": s.product(ann, "Lamp", "30.00", published=True),
            "desk": s.product(ann, "Desk", "120.00", published=True),
            "sketch": s.product(ann, "Sketch", "5.00", published=False),
            "chair": s.product(bob, "Chair", "45.00", published=True),
            "stool": s.product(bob, "Stool", "15.00", published=False),
        }
        cai, dan = s.sign_up("cai"), s.sign_up("dan")
        carts = {
            "cai": [s.add_to_cart(cai, products["lamp"], 1), s.add_to_cart(cai, products["chair"], 2)],
            "dan": [s.add_to_cart(dan, products["desk"], 1)],
        }
        yield {"s": s, "ann": ann, "bob": bob, "cai": cai, "dan": dan, "products": products, "carts": carts}


def _ids(body: dict[str, Any]) -> list[int]:
    return [row["id"] for row in body["items"]]


def test_shop_page_shows_anonymous_callers_only_published_products(shop: dict[str, Any]) -> None:
    s, p = shop["s"], shop["products"]
    body = s.get("/pages/Shop")
    assert sorted(_ids(body)) == sorted([p["lamp"], p["desk"], p["chair"]])
    assert body["total"] == 3 and body["page"] == 1 and body["size"] == 20
    assert {row["status"] for row in body["items"]} == {"published"}


def test_shop_page_narrows_what_access_alone_would_show(shop: dict[str, Any]) -> None:
    """A seller reads their drafts through /products; the Shop page still shows only published ones."""
    s, p = shop["s"], shop["products"]
    assert p["sketch"] in _ids(s.get("/products", shop["ann"]))
    page = s.get("/pages/Shop", shop["ann"])
    assert sorted(_ids(page)) == sorted([p["lamp"], p["desk"], p["chair"]]) and page["total"] == 3
    mine = s.get("/pages/my_products", shop["ann"])
    assert sorted(_ids(mine)) == sorted([p["lamp"], p["desk"], p["sketch"]]) and mine["total"] == 3


def test_page_takes_the_list_parameters(shop: dict[str, Any]) -> None:
    s, p = shop["s"], shop["products"]
    body = s.get("/pages/Shop?sort=-price&size=2&page=1")
    assert _ids(body) == [p["desk"], p["chair"]] and body["total"] == 3 and body["size"] == 2
    assert _ids(s.get("/pages/Shop?sort=-price&size=2&page=2")) == [p["lamp"]]
    assert _ids(s.get("/pages/Shop?q=LAM")) == [p["lamp"]]
    assert s.get("/pages/Shop?status=draft")["total"] == 0
    r = s.c.get("/pages/Shop?colour=red")
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "colour"
    assert s.c.get("/pages/Shop?size=101").status_code == 422


def test_cart_page_shows_only_the_callers_cart_items(shop: dict[str, Any]) -> None:
    s, carts = shop["s"], shop["carts"]
    cai = s.get("/pages/Cart", shop["cai"])
    assert sorted(_ids(cai)) == sorted(carts["cai"]) and cai["total"] == 2
    dan = s.get("/pages/Cart", shop["dan"])
    assert _ids(dan) == carts["dan"] and dan["total"] == 1
    assert dan["items"][0]["subtotal"] == "120.00"


def test_page_checks_come_first_like_the_entity_list(shop: dict[str, Any]) -> None:
    s = shop["s"]
    assert s.c.get("/pages/Cart").status_code == 401  # CartItem has no anyone grant
    assert s.c.get("/pages/Cart", headers=shop["ann"]).status_code == 403  # sellers may not read carts
    assert s.c.get("/pages/Cart", headers={"Authorization": "Bearer nonsense"}).status_code == 401


def test_admin_is_never_narrowed(shop: dict[str, Any]) -> None:
    s, p, carts = shop["s"], shop["products"], shop["carts"]
    products = s.get("/pages/Shop", s.admin)
    assert sorted(_ids(products)) == sorted(p.values()) and products["total"] == 5
    cart = s.get("/pages/Cart", s.admin)
    assert sorted(_ids(cart)) == sorted(carts["cai"] + carts["dan"]) and cart["total"] == 3
    assert s.get("/pages/my_products", s.admin)["total"] == 5


def test_pages_without_a_condition_get_no_endpoint(shop: dict[str, Any]) -> None:
    s = shop["s"]
    for slug in ("Sales", "Categories", "Product", "sales"):
        assert s.c.get(f"/pages/{slug}", headers=s.admin).status_code == 404, slug
    paths = json.loads(design(spec_of("specs/shop.md"))["design/openapi.json"])["paths"]
    pages = sorted(p for p in paths if p.startswith("/pages/"))
    assert pages == ["/pages/Cart", "/pages/Shop", "/pages/my_orders", "/pages/my_products"]


def test_page_operations_mirror_the_entity_list_in_openapi() -> None:
    doc = json.loads(design(spec_of("specs/shop.md"))["design/openapi.json"])
    page, listing = doc["paths"]["/pages/Shop"]["get"], doc["paths"]["/products"]["get"]
    assert page["tags"] == ["pages"] and page["operationId"] == "page_Shop"
    assert page["parameters"] == listing["parameters"]
    assert page["responses"] == listing["responses"]
    assert page["security"] == listing["security"]
    assert "Shop" in page["description"] and "list Product where status = published" in page["description"]
    assert doc["tags"][-1]["name"] == "pages"


def test_own_and_where_together_are_anded(tmp_path: Path) -> None:
    """§10 allows `where EXPR own` on one page; the backend ANDs the two (the IR is set directly)."""
    spec = spec_of("specs/shop.md")
    shop_page = next(p for p in spec.pages if p.name == "Shop")
    mine = next(p for p in spec.pages if p.name == "my_products")
    mine.condition = Condition(
        own=True, where=shop_page.condition.where, where_source=shop_page.condition.where_source
    )
    with generated_app(spec, tmp_path) as client:
        s = Shop(client)
        ann, bob = s.sign_up("ann", "seller"), s.sign_up("bob", "seller")
        lamp = s.product(ann, "Lamp", "30.00", published=True)
        s.product(ann, "Sketch", "5.00", published=False)
        s.product(bob, "Chair", "45.00", published=True)
        body = s.get("/pages/my_products", ann)
        assert _ids(body) == [lamp] and body["total"] == 1
        assert s.get("/pages/my_products", s.admin)["total"] == 3


def test_a_page_condition_may_follow_references(tmp_path: Path) -> None:
    """`邀请名单 (组织者): list Invitation where party.organizer = me` (a subquery per hop)."""
    with generated_app(spec_of("specs/party.zh.md"), tmp_path) as client:
        s = Shop(client)
        amy, ben = s.sign_up("amy", "organizer"), s.sign_up("ben", "organizer")
        guest = s.sign_up("gus", "guest")
        gus = s.get("/auth/me", guest)["id"]
        invitations = {}
        for who, host in (("amy", amy), ("ben", ben)):
            party = {"title": f"{who}'s", "starts_at": "2026-05-01T18:00:00Z", "place": "home"}
            r = client.post("/parties", json=party, headers=host)
            assert r.status_code == 201, r.text
            r = client.post("/invitations", json={"party": r.json()["id"], "guest": gus}, headers=host)
            assert r.status_code == 201, r.text
            invitations[who] = r.json()["id"]
        assert _ids(s.get("/pages/yao_qing_ming_dan", amy)) == [invitations["amy"]]
        assert _ids(s.get("/pages/yao_qing_ming_dan", ben)) == [invitations["ben"]]
        assert sorted(_ids(s.get("/pages/wo_de_yao_qing", guest))) == sorted(invitations.values())
        assert s.get("/pages/wo_de_ju_hui", amy)["total"] == 1
        assert s.get("/pages/yao_qing_ming_dan", s.admin)["total"] == 2


def test_a_user_page_shows_others_as_the_users_list_does(tmp_path: Path) -> None:
    source = (ROOT / "specs/shop.md").read_text(encoding="utf-8")
    page = "- Buyers (seller): list User where role = buyer\n\n"
    text = source.replace("## Scenarios", page + "## Scenarios", 1)
    spec, diags = analyse_text(text, "shop.md")
    assert spec is not None, [d.format() for d in diags.items]
    with generated_app(spec, tmp_path) as client:
        s = Shop(client)
        ann, cai = s.sign_up("ann", "seller"), s.sign_up("cai")
        s.sign_up("dan")
        body = s.get("/pages/Buyers", ann)
        assert [row["username"] for row in body["items"]] == ["cai", "dan"] and body["total"] == 2
        assert all(set(row) == {"id", "username", "role"} for row in body["items"])
        mine = s.get("/pages/Buyers", cai)["items"]
        assert [set(row) == {"id", "username", "role"} for row in mine] == [False, True]
        assert s.get("/pages/Buyers", s.admin)["total"] == 4
