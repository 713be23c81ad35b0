"""The design stage: OpenAPI, DDL (run against real databases), architecture and traceability."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from factory.analyst import analyse_file, analyse_text
from factory.architect import design
from factory.ir.model import Spec
from tests.postgres import postgres_server

ROOT = Path(__file__).resolve().parents[1]

KEYWORDS = """# School

## Roles
- teacher (default): teaches

## Entities

### Student
| Field | Type | Rules |
| --- | --- | --- |
| name | text(40) | required |

### Class
| Field | Type | Rules |
| --- | --- | --- |
| from | date | required |
| order | integer | min 1, unique |
| select | enum(a, "in progress") | default a |
| students | list of Student | |
| parent | Class | optional |
| owner | User | owner |
"""


def _spec(path: str) -> Spec:
    spec, diags = analyse_file(ROOT / path, path)
    assert spec is not None, [d.format() for d in diags.items]
    return spec


@pytest.fixture(scope="module")
def shop() -> dict[str, str]:
    return design(_spec("specs/shop.md"))


@pytest.fixture(scope="module")
def school() -> dict[str, str]:
    spec, diags = analyse_text(KEYWORDS, "school.md")
    assert spec is not None, [d.format() for d in diags.items]
    return design(spec)


def _ops(doc: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    return {
        op["operationId"]: (method, path, op)
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if method != "parameters"
    }


def test_shop_paths_and_operations(shop: dict[str, str]) -> None:
    doc = json.loads(shop["design/openapi.json"])
    validate(doc)
    ops = _ops(doc)
    assert ops["list_products"][:2] == ("get", "/products")
    assert ops["create_cart_item"][:2] == ("post", "/cart_items")
    assert ops["publish_product"][:2] == ("post", "/products/{id}/publish")
    assert ops["add_to_cart"][:2] == ("post", "/products/{id}/add_to_cart")
    assert ops["checkout"][:2] == ("post", "/actions/checkout")
    assert ops["update_user"][:2] == ("patch", "/users/{id}")
    assert "create_user" not in ops and "create_order_item" not in ops  # sign-up; readonly price
    assert ops["login"][2]["requestBody"]["content"].keys() == {
        "application/json",
        "application/x-www-form-urlencoded",
    }


def test_shop_responses_follow_the_check_order(shop: dict[str, str]) -> None:
    ops = _ops(json.loads(shop["design/openapi.json"]))
    products = ops["list_products"][2]
    assert set(products["responses"]) == {"200", "403", "422"}  # anyone may read: no 401
    assert products["security"] == [{}, {"bearer": []}]
    assert set(ops["update_product"][2]["responses"]) == {"200", "401", "403", "404", "409", "422"}
    assert set(ops["delete_category"][2]["responses"]) == {"204", "401", "403", "404"}
    assert set(ops["delete_product"][2]["responses"]) >= {"409"}  # referenced by required fields
    assert set(ops["ship_order"][2]["responses"]) == {"200", "401", "403", "404", "409"}
    params = {p["name"] for p in products["parameters"]}
    assert params == {
        "page",
        "size",
        "sort",
        "q",
        "name",
        "description",
        "price",
        "stock",
        "status",
        "category",
        "seller",
    }


def test_shop_schemas(shop: dict[str, str]) -> None:
    schemas = json.loads(shop["design/openapi.json"])["components"]["schemas"]
    product = schemas["Product"]["properties"]
    assert product["price"]["type"] == "string" and product["price"]["x-scale"] == 2
    assert product["category"]["type"] == ["integer", "null"]
    assert product["seller"]["readOnly"] is True
    assert schemas["Order"]["properties"]["items"]["type"] == "array"
    create = schemas["ProductCreate"]
    assert create["required"] == ["name", "price"] and create["additionalProperties"] is False
    assert "seller" not in create["properties"]  # owner
    assert create["properties"]["status"]["enum"] == ["draft"]  # only the initial state
    assert "subtotal" not in schemas["CartItemCreate"]["properties"]  # computed
    assert "password" not in schemas["User"]["properties"]
    assert schemas["SignUp"]["required"] == ["username", "email", "password"]


def test_keyword_names_stay_exact_in_the_api(school: dict[str, str]) -> None:
    doc = json.loads(school["design/openapi.json"])
    validate(doc)
    assert "/classes/{id}" in doc["paths"]
    props = doc["components"]["schemas"]["Class"]["properties"]
    assert {"from", "order", "select", "students"} <= set(props)


def test_sqlite_ddl_runs_and_enforces_rules(school: dict[str, str]) -> None:
    db = sqlite3.connect(":memory:")
    db.executescript(school["design/schema.sqlite.sql"])
    db.execute(
        'INSERT INTO "classes" ("from", "order", "select") VALUES (\'2026-01-01\', 1, \'in progress\')'
    )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute('INSERT INTO "classes" ("from", "order") VALUES (\'2026-01-01\', 1)')  # unique
    with pytest.raises(sqlite3.IntegrityError):
        db.execute('INSERT INTO "classes" ("from", "order", "select") VALUES (\'2026-01-02\', 2, \'b\')')
    with pytest.raises(sqlite3.IntegrityError):
        db.execute('INSERT INTO "classes" ("from", "order") VALUES (\'2026-01-02\', 0)')  # min 1
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"users", "students", "classes", "classes_students"} <= tables
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {
        "ix_classes_parent_id",
        "ix_classes_owner_id",
        "ix_classes_students_student_id",
    } <= indexes


def test_postgres_ddl_runs() -> None:
    files = [design(_spec("specs/shop.md")), design(_spec("specs/party.zh.md"))]
    spec, _ = analyse_text(KEYWORDS, "school.md")
    assert spec is not None
    files.append(design(spec))
    with postgres_server() as psql:
        for i, f in enumerate(files):
            subprocess.run(
                [
                    *psql,
                    "-c",
                    f"CREATE SCHEMA s{i}; SET search_path TO s{i};",
                    "-c",
                    f"SET search_path TO s{i};\n" + f["design/schema.postgres.sql"],
                ],
                check=True,
                capture_output=True,
                text=True,
            )
        checked = subprocess.run(
            [
                *psql,
                "-tAc",
                "SET search_path TO s0; INSERT INTO categories (name) "
                "VALUES ('a'); INSERT INTO categories (name) VALUES ('a');",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode != 0 and "unique" in checked.stderr.lower()


def test_architecture_and_traceability(shop: dict[str, str]) -> None:
    arch = shop["design/architecture.md"]
    assert "erDiagram" in arch and "stateDiagram-v2" in arch and "flowchart LR" in arch
    assert "Product }o--o| Category" in arch and "OrderItem }o--|| Order" in arch
    trace = shop["design/traceability.md"]
    assert "| POST | `/products/{id}/publish` | publish_product | specs/shop.md:45 |" in trace
    assert "| products | price_id |" not in trace and "| products | price | specs/shop.md:33 |" in trace
    assert "| A buyer checks out a cart | specs/shop.md:151 |" in trace
