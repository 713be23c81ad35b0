"""The backend engineer: generated code is typed and mangles keywords; expressions compile."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factory.analyst import analyse_file, analyse_text
from factory.backend import BackendError, generate_backend
from factory.backend.exprgen import Ctx, py
from factory.backend.sqlgen import SqlCtx, sql
from factory.ir.model import Spec
from factory.output import write_tree
from tests.test_architect import KEYWORDS

ROOT = Path(__file__).resolve().parents[1]


def _spec(path: str) -> Spec:
    spec, diags = analyse_file(ROOT / path, path)
    assert spec is not None, [d.format() for d in diags.items]
    return spec


def _write(spec: Spec, out: Path) -> Path:
    write_tree(out, {f.path: f.content for f in generate_backend(spec)})
    return out / "backend"


@pytest.mark.parametrize("path", ["specs/shop.md", "specs/party.zh.md"])
def test_generated_backend_is_mypy_clean(tmp_path: Path, path: str) -> None:
    spec = _spec(path)
    backend = _write(spec, tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--ignore-missing-imports",
            "--python-version",
            "3.11",
            "--no-incremental",
            f"{spec.name}_api",
        ],
        cwd=backend,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_expressions_compile_to_python_and_sql() -> None:
    spec = _spec("specs/shop.md")
    cart = spec.entity("CartItem")
    order = spec.entity("Order")
    assert cart is not None and order is not None
    subtotal = cart.field("subtotal")
    assert subtotal is not None and subtotal.computed is not None
    assert py(subtotal.computed, Ctx(spec, row="row", row_entity="CartItem")) == (
        "ops.mul(row.product.price, row.quantity)"
    )
    seller = order.access[1].condition.where
    assert seller is not None
    code = sql(seller, SqlCtx(Ctx(spec), "Order"))
    assert code.startswith(
        "(select(func.count()).select_from(OrderItem).where(OrderItem.order_id == Order.id"
    )
    assert "ops.id_of(me)" in code


def test_keyword_names_are_mangled_in_code_and_exact_in_the_api(tmp_path: Path) -> None:
    spec, diags = analyse_text(KEYWORDS, "school.md")
    assert spec is not None, [d.format() for d in diags.items]
    backend = _write(spec, tmp_path)
    models = (backend / "school_api" / "models.py").read_text(encoding="utf-8")
    assert 'from_: Mapped[dt.date] = mapped_column("from"' in models
    script = (
        "import os\n"
        "os.environ.update(JWT_SECRET='k' * 32, ADMIN_PASSWORD='pw')\n"
        "os.environ['DATABASE_URL'] = 'sqlite:///' + os.path.abspath('t.db')\n"
        "from fastapi.testclient import TestClient\n"
        "from school_api.main import create_app\n"
        "with TestClient(create_app()) as c:\n"
        "    t = c.post('/auth/login', json={'username': 'admin', 'password': 'pw'}).json()['access_token']\n"
        "    h = {'Authorization': 'Bearer ' + t}\n"
        "    body = {'from': '2026-01-01', 'order': 3, 'select': 'in progress'}\n"
        "    r = c.post('/classes', json=body, headers=h)\n"
        "    assert r.status_code == 201, r.text\n"
        "    row = r.json()\n"
        "    assert {k: row[k] for k in body} == body, row\n"
        "    assert c.get('/classes?order=3', headers=h).json()['total'] == 1\n"
        "    r = c.post('/classes', json={'from': '2026-01-02', 'order': 3}, headers=h)\n"
        "    assert r.status_code == 409, r.text\n"
        "    s = c.post('/students', json={'name': 'Ann'}, headers=h).json()['id']\n"
        "    r = c.post('/classes', json={'from': '2026-01-02', 'order': 4, 'students': [s]}, headers=h)\n"
        "    assert r.status_code == 201 and r.json()['students'] == [s], r.text\n"
        "    r = c.post('/classes', json={'from': '2026-01-02', 'order': 5, 'students': [999]}, headers=h)\n"
        "    assert r.status_code == 422 and r.json()['detail'][0]['field'] == 'students', r.text\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script],
        cwd=backend,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip().endswith("ok"), done.stdout + done.stderr


def test_multiple_services_are_refused_clearly() -> None:
    spec, _ = analyse_text(
        "# Two\n\n## Services\n- catalog: Item\n\n## Entities\n\n### Item\n| Field | Type |\n"
        "| --- | --- |\n| name | text |\n",
        "two.md",
    )
    assert spec is not None
    with pytest.raises(BackendError) as caught:
        generate_backend(spec)
    assert caught.value.diagnostics[0].code == "services-unsupported"
