"""QA's browser tests (factory/qa/ui): what they contain for the examples, escaping, and that they type-check.

No browser runs here: the generated Playwright tests run against a built system in the pipeline.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from factory.analyst import analyse_text
from factory.artifacts import GeneratedFile
from factory.compiler import compile_spec
from factory.ir.model import Spec
from factory.qa.ui import generate_ui_tests
from factory.qa.ui.text import one_line
from factory.testrun.junit import parse_junit
from factory.testrun.ui import with_spec_lines

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = Path(os.environ.get("E2E_NODE_MODULES", "/tmp/fe-proto/node_modules"))
CALL = re.compile(r"^\s*(?:await )?run\.(\w+)\((\{.*\})\);$")
TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noUnusedLocals": True,
        "noUnusedParameters": True,
        "noImplicitReturns": True,
        "noFallthroughCasesInSwitch": True,
        "noUncheckedIndexedAccess": True,
        "module": "ESNext",
        "moduleResolution": "bundler",
        "target": "ES2022",
        "lib": ["ES2022", "DOM"],
        "types": ["node"],
        "noEmit": True,
        "skipLibCheck": True,
        "isolatedModules": True,
        "verbatimModuleSyntax": True,
    },
    "include": ["e2e/**/*.ts", "playwright.config.ts"],
}

ODD = """# Odd `tick` ${app} App

## Roles
- Boss "big" `b` ${x} (boss): runs it
- Member (member) (default): uses it

## Entities

### Thing "q" `t` ${t} (Thing)
| Field | Type | Rules | Description |
| --- | --- | --- | --- |
| Label "l" `x` ${y} */ (label) | text(60) | required | says "hi" |
| Owner (owner_user) | User | owner | |
| Kind (kind) | enum("a\\"b", "c`d", "${e}") | | |

Access:
- member: all own
- boss: all

## Pages
- Things "p" `p` ${p} (member, home): list Thing; buttons: create, edit, delete
- Boss view `b` (boss): list Thing; buttons: create

## Scenarios

### Odd "names" `work` ${ok}
1. sign up member "m1"
2. as m1: create Thing {label: "a \\"quoted\\" `tick` ${x} */ text", kind: "${e}"} as t
3. expect t.label = "a \\"quoted\\" `tick` ${x} */ text"
4. as m1: update t {label: "</script> \\\\ back"}
5. as m1: delete t
"""


@cache
def _example(name: str) -> tuple[Spec, str]:
    path = ROOT / "specs" / name
    spec, diags = compile_spec(path, f"specs/{name}")
    assert spec is not None, [d.format() for d in diags.items]
    return spec, path.read_text(encoding="utf-8")


@cache
def generated(name: str) -> dict[str, str]:
    spec, text = _example(name)
    return {f.path: f.content for f in generate_ui_tests(spec, text)}


def odd_files() -> list[GeneratedFile]:
    spec, diags = analyse_text(ODD, "specs/odd.md")
    assert spec is not None, [d.format() for d in diags.items]
    return generate_ui_tests(spec, ODD)


def calls(content: str) -> list[tuple[str, dict[str, Any]]]:
    """Every runner call of a test file with its (JSON) argument."""
    return [(m.group(1), json.loads(m.group(2))) for line in content.splitlines() if (m := CALL.match(line))]


def titles(content: str) -> list[str]:
    return [json.loads(m.group(1)) for m in re.finditer(r'^test\(("(?:[^"\\]|\\.)*"),', content, re.M)]


def code_of(content: str) -> str:
    """The TypeScript without its whole-line comments (which quote the document)."""
    return "\n".join(line for line in content.splitlines() if not line.lstrip().startswith(("//", "/*", "*")))


def scenario_file(files: dict[str, str], n: int = 1) -> str:
    return next(v for k, v in sorted(files.items()) if k.startswith(f"frontend/e2e/scenario-{n:02d}-"))


def test_files_for_the_examples() -> None:
    for name, scenarios in (("shop.md", 5), ("party.zh.md", 1)):
        files = generated(name)
        for path in (
            "frontend/playwright.config.ts",
            "frontend/e2e/support/model.ts",
            "frontend/e2e/support/system.ts",
            "frontend/e2e/support/api.ts",
            "frontend/e2e/support/ui.ts",
            "frontend/e2e/support/run.ts",
            "frontend/e2e/auth.spec.ts",
            "frontend/e2e/pages.spec.ts",
            "frontend/e2e/crud.spec.ts",
        ):
            assert path in files, (name, path)
        assert sum(1 for p in files if p.startswith("frontend/e2e/scenario-")) == scenarios
        assert all(p.startswith("frontend/") for p in files)


def test_config_runs_debian_chromium_headless_with_junit_next_to_the_repo() -> None:
    config = generated("shop.md")["frontend/playwright.config.ts"]
    for part in (
        'testDir: "e2e"',
        "workers: 1",
        "fullyParallel: false",
        'executablePath: "/usr/bin/chromium"',
        '"--no-sandbox"',
        '"--disable-quic"',
        '"--disable-sync"',
        '"../.factory/junit-ui.xml"',
        'screenshot: "only-on-failure"',
    ):
        assert part in config, part
    assert "webServer:" not in config


def test_the_system_starts_as_the_contract_says() -> None:
    files = generated("shop.md")
    system = files["frontend/e2e/support/system.ts"]
    for part in (
        "E2E_PYTHON",
        '".venv", "bin", "python"',
        '"--factory"',
        "DATABASE_URL",
        "FRONTEND_DIST",
        "JWT_SECRET",
    ):
        assert part in system, part
    assert '"package": "shop_api"' in files["frontend/e2e/support/model.ts"]
    assert "admin-password-for-tests" in files["frontend/e2e/support/api.ts"]


def test_a_log_in_test_per_role() -> None:
    shop = titles(generated("shop.md")["frontend/e2e/auth.spec.ts"])
    for role in ("seller", "buyer", "admin"):
        assert any(t.startswith(f"log in as {role}:") for t in shop), shop
    assert all("(spec: specs/shop.md:" in t for t in shop)
    assert any(t.startswith("sign up in the browser: the new user is a buyer") for t in shop)
    assert any(t.startswith("log out") for t in shop) and any(
        t.startswith("an anonymous visitor") for t in shop
    )
    party = titles(generated("party.zh.md")["frontend/e2e/auth.spec.ts"])
    for role in ("组织者", "亲友", "admin"):
        assert any(t.startswith(f"log in as {role}:") for t in party), party


def test_log_in_checks_home_and_exact_navigation() -> None:
    found = calls(generated("shop.md")["frontend/e2e/auth.spec.ts"])
    content = generated("shop.md")["frontend/e2e/auth.spec.ts"]
    assert 'expectNav(["Sales", "Shop", "my_products"], [])' in content  # seller
    assert 'expectNav(["Cart", "Shop", "my_orders"], [])' in content  # buyer
    assert 'expectNav(["Shop"], [])' in content  # anonymous: the anyone page
    assert (
        "signUp",
        {
            "line": "specs/shop.md:14",
            "role": "seller",
            "text": "(test user) role seller",
            "user": "seller-login",
        },
    ) in found
    party = generated("party.zh.md")["frontend/e2e/auth.spec.ts"]
    assert 'expectHome("wo_de_ju_hui")' in party  # the organizer's home page
    assert 'expectHome("wo_de_yao_qing")' in party  # a guest's first page: no home page names guest
    assert "expectHome(null)" in party  # no page for anyone: the log-in page
    assert 'expectNav(["cai_dan", "wo_de_yao_qing"], [])' in party


def test_every_list_page_shows_a_seeded_row() -> None:
    checks = [a for c, a in calls(generated("shop.md")["frontend/e2e/pages.spec.ts"]) if c == "expectRows"]
    by_page = {a["page"]: a for a in checks}
    assert set(by_page) == {"Shop", "Cart", "my_orders", "my_products", "Sales", "Categories"}
    assert by_page["Shop"]["variable"] == "pen" and by_page["Shop"]["viewer"] == "sam"
    assert by_page["Sales"]["viewer"] == "sam" and by_page["my_orders"]["viewer"] == "bob"
    assert [c["field"] for c in by_page["Shop"]["columns"]] == ["name", "price", "category"]
    assert by_page["Categories"]["viewer"] == "admin"
    party = {
        a["page"]: a
        for c, a in calls(generated("party.zh.md")["frontend/e2e/pages.spec.ts"])
        if c == "expectRows"
    }
    assert party["wo_de_yao_qing"]["viewer"] == "小明" and party["wo_de_yao_qing"]["variable"] == "inv"


def test_round_trips_for_categories_and_my_parties() -> None:
    for name, page, entity in (
        ("shop.md", "Categories", "Category"),
        ("party.zh.md", "wo_de_ju_hui", "Party"),
    ):
        found = [
            (c, a) for c, a in calls(generated(name)["frontend/e2e/crud.spec.ts"]) if a.get("page") == page
        ]
        kinds = [(c, a.get("button")) for c, a in found if c in ("uiCreate", "uiRow")]
        assert kinds[:3] == [("uiCreate", None), ("uiRow", "edit"), ("uiRow", "delete")], kinds
        create = next(a for c, a in found if c == "uiCreate")
        assert create["entity"] == entity and create["form"]
        assert [c for c, _ in found].count("expectCell") == 2
    party = next(
        a for c, a in calls(generated("party.zh.md")["frontend/e2e/crud.spec.ts"]) if c == "uiCreate"
    )
    assert {"field": "starts_at", "input": "datetime", "text": "2026-01-01T00:00"} in party["form"]


def test_a_422_under_its_field_per_create_page() -> None:
    invalid = {
        a["page"]: a for c, a in calls(generated("shop.md")["frontend/e2e/crud.spec.ts"]) if c == "uiInvalid"
    }
    assert set(invalid) == {"my_products", "Categories"}
    assert invalid["my_products"]["field"] == "name"
    assert invalid["my_products"]["form"] == [{"field": "price", "input": "number", "text": "0.01"}]
    party = {
        a["page"]: a
        for c, a in calls(generated("party.zh.md")["frontend/e2e/crud.spec.ts"])
        if c == "uiInvalid"
    }
    assert party["yao_qing_ming_dan"]["field"] == "party"  # a reference left empty; the guest is picked
    assert party["yao_qing_ming_dan"]["form"][0]["input"] == "ref"


def test_shop_first_scenario_runs_through_the_browser() -> None:
    steps = calls(scenario_file(generated("shop.md")))
    assert [c for c, _ in steps] == [
        "signUp",
        "signUp",
        "uiCreate",
        "uiRow",
        "api",
        "uiPageAction",
        "expectPath",
        "expectPath",
        "expectPath",
        "expectCount",
        "uiPageAction",
    ]
    create, publish, cart, checkout = (a for _, a in steps[2:6])
    assert create["page"] == "my_products" and create["bind"] == "pen"
    assert {"field": "price", "input": "number", "text": "2.50"} in create["form"]
    assert publish["button"] == "publish" and publish["suffix"] == "/publish" and publish["target"] == "pen"
    assert cart["path"] == "/cart_items" and cart["actor"] == "bob"  # no buyer page creates cart items
    assert checkout["page"] == "Cart" and checkout["bind"] == "order" and checkout["bindEntity"] == "Order"
    assert steps[-1][1]["fails"] == {"message": "Your cart is empty"}
    assert steps[9][1]["where"] == [{"field": "buyer", "kind": "ref", "right": {"variable": "bob"}}]
    content = scenario_file(generated("shop.md"))
    assert "through the API as bob (no page for buyer has a button for this step)" in content
    assert all(a["line"].startswith("specs/shop.md:") for _, a in steps)


def test_party_first_scenario_runs_through_the_browser() -> None:
    steps = calls(scenario_file(generated("party.zh.md")))
    assert [(c, a.get("page"), a.get("button")) for c, a in steps] == [
        ("signUp", None, None),
        ("signUp", None, None),
        ("uiCreate", "wo_de_ju_hui", None),
        ("uiCreate", "yao_qing_ming_dan", None),
        ("uiCreate", "cai_dan", None),
        ("uiRow", "cai_dan", "claim"),
        ("uiRow", "wo_de_yao_qing", "accept"),
        ("uiRow", "cai_dan", "claim"),
        ("expectPath", None, None),
        ("expectPath", None, None),
    ]
    invitation = steps[3][1]["form"]
    assert invitation == [
        {"entity": "Party", "field": "party", "input": "ref", "variable": "p"},
        {"entity": "User", "field": "guest", "input": "ref", "variable": "小明"},
    ]
    assert steps[5][1]["fails"] == {"message": "请先接受邀请"}
    assert steps[8][1]["right"] == {"variable": "小明"}


def test_other_scenarios_map_refusals_and_unreadable_rows() -> None:
    files = generated("shop.md")
    drafts = calls(scenario_file(files, 3))
    read, update = drafts[4][1], drafts[5][1]
    assert drafts[4][0] == "api" and read["method"] == "GET" and read["fails"] == {"status": 404}
    assert drafts[5][0] == "uiRow" and update["fails"] == {"status": 404} and update["page"] == "my_products"
    life = calls(scenario_file(files, 4))
    assert [(a.get("button"), a.get("page")) for c, a in life if c == "uiRow"] == [
        ("publish", "my_products"),
        ("deliver", "my_orders"),
        ("pay", "my_orders"),
        ("ship", "Sales"),
        ("deliver", "my_orders"),
        ("cancel", "my_orders"),
    ]


def test_unchecked_expect_forms_are_annotated() -> None:
    doc = ODD.replace(
        '3. expect t.label = "a \\"quoted\\" `tick` ${x} */ text"', "3. expect len(t.label) > 2"
    )
    spec, diags = analyse_text(doc, "specs/odd.md")
    assert spec is not None, [d.format() for d in diags.items]
    content = next(f.content for f in generate_ui_tests(spec, doc) if "scenario-01" in f.path)
    found = [a for c, a in calls(content) if c == "unchecked"]
    assert len(found) == 1 and found[0]["line"] == "specs/odd.md:29" and found[0]["reason"]
    assert "test.info().annotations.push" in next(
        f.content for f in generate_ui_tests(spec, doc) if f.path.endswith("run.ts")
    )


def test_spec_text_is_escaped_in_typescript() -> None:
    files = {f.path: f.content for f in odd_files()}
    scenario = next(v for k, v in files.items() if "scenario-01" in k)
    steps = calls(scenario)
    create = next(a for c, a in steps if c == "uiCreate")
    assert {"field": "label", "input": "text", "text": 'a "quoted" `tick` ${x} */ text'} in create["form"]
    assert {"field": "kind", "input": "select", "text": "${e}"} in create["form"]
    update = next(a for c, a in steps if c == "uiRow" and a["button"] == "edit")
    assert update["form"][0]["text"] == "</script> \\ back"
    assert "</script>" not in code_of(scenario)  # tojson escapes markup characters
    for content in files.values():
        code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', code_of(content))
        assert "${x}" not in code and "${e}" not in code and "`t`" not in code
    assert any(
        t.startswith('log in as Boss "big" `b` ${x}:') for t in titles(files["frontend/e2e/auth.spec.ts"])
    )


def test_without_auth_and_pages_only_the_anonymous_visitor_and_scenarios() -> None:
    files = generated("notes.md")
    auth = files["frontend/e2e/auth.spec.ts"]
    assert titles(auth) == ["an anonymous visitor sees the pages for anyone (spec: specs/notes.md:1)"]
    assert 'expectNav(["e-notes", "e-tags"], [])' in auth
    assert '"auth": "none"' in files["frontend/e2e/support/model.ts"]
    assert "frontend/e2e/pages.spec.ts" not in files
    assert all(c in ("api", "expectPath", "expectCount") for c, _ in calls(scenario_file(files)))


def test_comments_stay_on_one_line() -> None:
    assert one_line("a\nb\u2028c\u2029d\r\ne") == "a b c d e"


def test_no_any_in_generated_typescript() -> None:
    for content in [*generated("shop.md").values(), *generated("party.zh.md").values()]:
        code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', code_of(content))
        assert not re.search(r"(:\s*any\b|<any>|\bas any\b|any\[\])", code)


def test_junit_of_playwright_gets_spec_lines_and_file_names(tmp_path: Path) -> None:
    report = tmp_path / "junit-ui.xml"
    report.write_text(
        """<testsuites><testsuite name="auth.spec.ts">
<testcase name="log in as seller: home page (spec: specs/shop.md:14)" classname="auth.spec.ts" time="1"/>
<testcase name="scenario: A (spec: specs/shop.md:151)" classname="scenario-01-a.spec.ts" time="1">
<failure message="specs/shop.md:154: as sam: create" type="FAILURE">Error: specs/shop.md:154: boom</failure>
</testcase></testsuite></testsuites>""",
        encoding="utf-8",
    )
    results = with_spec_lines(parse_junit(report))
    assert (results.passed, results.failed) == (1, 1)
    assert [c.spec_line for c in results.cases] == ["specs/shop.md:14", "specs/shop.md:154"]
    assert results.cases[1].file == "frontend/e2e/scenario-01-a.spec.ts"


def _write(files: list[GeneratedFile], root: Path) -> Path:
    for f in files:
        path = root / f.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f.content, encoding="utf-8")
    frontend = root / "frontend"
    (frontend / "tsconfig.e2e.json").write_text(json.dumps(TSCONFIG), encoding="utf-8")
    (frontend / "node_modules").symlink_to(NODE_MODULES)
    return frontend


@pytest.mark.skipif(
    not (NODE_MODULES / "typescript" / "bin" / "tsc").is_file()
    or not (NODE_MODULES / "@playwright" / "test").is_dir(),
    reason=f"no node_modules with typescript and @playwright/test at {NODE_MODULES} (set E2E_NODE_MODULES); "
    "the pipeline type-checks the browser tests after npm ci",
)
@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_generated_typescript_type_checks(tmp_path: Path) -> None:
    cases = {
        "shop": generate_ui_tests(*_example("shop.md")),
        "party": generate_ui_tests(*_example("party.zh.md")),
        "notes": generate_ui_tests(*_example("notes.md")),  # auth: none, no Pages section
        "odd": odd_files(),
    }
    for name, files in cases.items():
        frontend = _write(files, tmp_path / name)
        done = subprocess.run(
            ["node", str(NODE_MODULES / "typescript" / "bin" / "tsc"), "-p", "tsconfig.e2e.json"],
            cwd=frontend,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"{name}:\n{done.stdout}{done.stderr}"
