"""The generated backend serves the built web UI at /ui/ from the same origin (and only then)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from factory.analyst import analyse_text
from factory.backend import generate_backend
from factory.output import write_tree
from tests.test_pages_api import ROOT, generated_app, spec_of

INDEX = "<!doctype html><title>Shop</title><script type=module src=/ui/assets/app.js></script>"
APP_JS = "console.log('shop');"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated shop whose frontend/dist holds a fake build, with files just outside it."""
    where = tmp_path_factory.mktemp("shop")
    dist = where / "frontend" / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX, encoding="utf-8")
    (dist / "assets" / "app.js").write_text(APP_JS, encoding="utf-8")
    (dist / "assets" / "app.css").write_text("body{}", encoding="utf-8")
    (where / "frontend" / "package.json").write_text('{"secret": "SECRET"}', encoding="utf-8")
    return where


@pytest.fixture(scope="module")
def client(repo: Path) -> Iterator[TestClient]:
    with generated_app(spec_of("specs/shop.md"), repo, frontend_dist=repo / "frontend" / "dist") as c:
        yield c


def _is_index(r: Any) -> bool:
    return r.status_code == 200 and r.text == INDEX and r.headers["content-type"].startswith("text/html")


def test_root_redirects_to_the_ui(client: TestClient) -> None:
    for path in ("/", "/ui"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 307 and r.headers["location"] == "/ui/", path


def test_ui_serves_index_html_uncached(client: TestClient) -> None:
    for path in ("/ui/", "/ui/index.html"):
        r = client.get(path)
        assert _is_index(r), path
        assert r.headers["cache-control"] == "no-cache", path


def test_assets_are_served_with_their_content_type(client: TestClient) -> None:
    r = client.get("/ui/assets/app.js")
    assert r.status_code == 200 and r.text == APP_JS
    assert r.headers["content-type"].startswith("text/javascript")
    assert "no-cache" not in r.headers.get("cache-control", "")
    css = client.get("/ui/assets/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.head("/ui/assets/app.js").status_code == 200


def test_client_side_routes_fall_back_to_index_html(client: TestClient) -> None:
    for path in ("/ui/login", "/ui/p/Cart", "/ui/p/Product/3", "/ui/e/products/1", "/ui/assets/nope.js"):
        r = client.get(path)
        assert _is_index(r), path
        assert r.headers["cache-control"] == "no-cache", path


@pytest.mark.parametrize(
    "path",
    [
        "/ui/..%2f..%2fpyproject.toml",
        "/ui/..%2fpackage.json",
        "/ui/%2e%2e/package.json",
        "/ui/assets/..%2f..%2fpackage.json",
        "/ui/..%5c..%5cpyproject.toml",
        "/ui//etc/passwd",
        "/ui/%2fetc%2fpasswd",
        "/ui/assets%00.js",
    ],
)
def test_paths_outside_dist_are_never_served(client: TestClient, repo: Path, path: str) -> None:
    assert (repo / "pyproject.toml").is_file()  # the generated repository's, just outside dist
    # Encoded slashes and dot segments do reach the handler (so the cases below are real attempts):
    assert client.get("/ui/x%2f..%2fassets%2fapp.js").text == APP_JS
    r = client.get(path)
    assert _is_index(r), (path, r.status_code, r.text[:200])


def test_the_api_is_untouched(client: TestClient) -> None:
    r = client.get("/products")
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/pages/Shop").json()["items"] == []
    assert client.get("/openapi.json").json()["info"]["title"] == "Shop"
    assert client.get("/products/999").status_code == 404
    assert "/ui/{path}" not in client.get("/openapi.json").json()["paths"]


def test_without_a_dist_nothing_is_served(tmp_path: Path) -> None:
    with generated_app(spec_of("specs/shop.md"), tmp_path, frontend_dist=tmp_path / "frontend" / "dist") as c:
        assert c.get("/", follow_redirects=False).status_code == 404
        assert c.get("/ui/").status_code == 404
        assert c.get("/products").status_code == 200


def test_the_dist_comes_from_frontend_dist_else_the_repository(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = str(repo / "backend")
    sys.path.insert(0, backend)
    try:
        settings = importlib.import_module("shop_api.settings")
        monkeypatch.setenv("JWT_SECRET", "k" * 32)
        monkeypatch.setenv("ADMIN_PASSWORD", "pw")
        monkeypatch.delenv("FRONTEND_DIST", raising=False)
        assert settings.load_settings().frontend_dist == (repo / "frontend" / "dist").resolve()
        monkeypatch.setenv("FRONTEND_DIST", str(repo / "elsewhere"))
        assert settings.load_settings().frontend_dist == repo / "elsewhere"
    finally:
        sys.path.remove(backend)
        for name in [m for m in sys.modules if m == "shop_api" or m.startswith("shop_api.")]:
            del sys.modules[name]


def test_frontend_none_generates_no_ui_serving(tmp_path: Path) -> None:
    text = (ROOT / "specs/shop.md").read_text(encoding="utf-8")
    spec, diags = analyse_text(
        text.replace("- layout: topbar", "- layout: topbar\n- frontend: none"), "shop.md"
    )
    assert spec is not None and spec.settings.frontend == "none", [d.format() for d in diags.items]
    files = {f.path: f.content for f in generate_backend(spec)}
    write_tree(tmp_path, files)
    assert "serve_frontend" not in files["backend/shop_api/main.py"]
    assert "frontend_dist" not in files["backend/shop_api/settings.py"]
    for rel in ("Makefile", "README.md"):
        assert "npm" not in files[rel] and "/ui/" not in files[rel] and "FRONTEND_DIST" not in files[rel]
    assert "--reload" in _dry_run_dev(tmp_path)


def _dry_run_dev(root: Path) -> str:
    (root / ".venv").mkdir(exist_ok=True)
    (root / ".venv" / ".installed").touch()  # newer than requirements.txt: no set-up
    done = subprocess.run(["make", "-n", "dev"], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_make_dev_runs_the_vite_dev_server_only_when_there_is_a_frontend(tmp_path: Path) -> None:
    write_tree(tmp_path, {f.path: f.content for f in generate_backend(spec_of("specs/shop.md"))})
    alone = _dry_run_dev(tmp_path)
    assert "uvicorn shop_api.main:create_app" in alone and "--reload" in alone and "npm" not in alone
    (tmp_path / "frontend").mkdir()
    (tmp_path / "frontend" / "package.json").write_text("{}", encoding="utf-8")
    both = _dry_run_dev(tmp_path)
    assert "npm --prefix frontend install" in both and "npm --prefix frontend run dev &" in both
    assert "trap" in both and "--host 127.0.0.1 --port 8000 --reload" in both


def _serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, built: bool) -> tuple[str, dict[str, str]]:
    """`factory serve DIR` on a fake repository: the output and the server's environment."""
    from typer.testing import CliRunner

    import factory.build
    import factory.cli_run
    from factory.build import BuildResult
    from factory.cli import app

    (tmp_path / "backend" / "shop_api").mkdir(parents=True)
    (tmp_path / "backend" / "shop_api" / "main.py").write_text("", encoding="utf-8")
    (tmp_path / ".factory").mkdir()
    (tmp_path / "frontend").mkdir()
    (tmp_path / "frontend" / "package.json").write_text("{}", encoding="utf-8")
    if built:
        (tmp_path / "frontend" / "dist").mkdir()
        (tmp_path / "frontend" / "dist" / "index.html").write_text(INDEX, encoding="utf-8")
    seen: dict[str, str] = {}

    def call(cmd: list[str], cwd: Path, env: dict[str, str]) -> int:
        seen.update(env)
        return 0

    monkeypatch.delenv("FRONTEND_DIST", raising=False)
    monkeypatch.setattr(
        factory.build, "build_local", lambda root: BuildResult(True, "python", True, False, "")
    )
    monkeypatch.setattr(factory.cli_run.subprocess, "call", call)
    result = CliRunner().invoke(app, ["serve", str(tmp_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    return result.output, seen


def test_serve_passes_the_built_ui_and_prints_its_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output, env = _serve(tmp_path, monkeypatch, built=True)
    assert env["FRONTEND_DIST"] == str((tmp_path / "frontend" / "dist").resolve())
    assert "http://127.0.0.1:8123/openapi.json" in output
    assert "web UI at http://127.0.0.1:8123/ui/" in output


def test_serve_says_when_the_ui_is_not_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output, env = _serve(tmp_path, monkeypatch, built=False)
    assert "FRONTEND_DIST" not in env
    assert "not built yet" in output and "factory verify" in output and "/ui/" not in output
