"""The reader: structure from markdown-it-py, text and positions from the raw source."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from factory.diagnostics import Diagnostics, Severity
from factory.reader import (
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    Text,
    read_document,
    read_markdown_text,
)

ROOT = Path(__file__).resolve().parents[1]
SHOP = ROOT / "specs" / "shop.md"
PARTY = ROOT / "specs" / "party.zh.md"


def _read(text: str) -> tuple[list[Block], Diagnostics]:
    diags = Diagnostics("t.md")
    doc = read_markdown_text(text, "t.md", diags)
    return (doc.blocks if doc else []), diags


def _item_shape(item: ListItem) -> Any:
    texts = [t.text for t in item.lines]
    return (texts[0] if len(texts) == 1 else texts, [_item_shape(c) for c in item.children])


def _shape(blocks: list[Block]) -> list[Any]:
    """Blocks without positions, for comparing structure."""
    out: list[Any] = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(("h", b.level, b.text.text))
        elif isinstance(b, Paragraph):
            out.append(("p", [t.text for t in b.lines]))
        elif isinstance(b, ListBlock):
            out.append(("ol" if b.ordered else "ul", [_item_shape(i) for i in b.items]))
        else:
            out.append(("t", [c.text for c in b.header], [[c.text for c in r] for r in b.rows]))
    return out


def _pos(t: Text) -> tuple[str, int, int]:
    return t.text, t.line, t.col


def _texts(blocks: list[Block]) -> list[tuple[str, Text]]:
    """Every Text with its kind: heading, line or cell."""
    found: list[tuple[str, Text]] = []

    def item(i: ListItem) -> None:
        found.extend(("line", t) for t in i.lines)
        for c in i.children:
            item(c)

    for b in blocks:
        if isinstance(b, Heading):
            found.append(("heading", b.text))
        elif isinstance(b, Paragraph):
            found.extend(("line", t) for t in b.lines)
        elif isinstance(b, ListBlock):
            for i in b.items:
                item(i)
        else:
            found.extend(("cell", c) for r in [b.header, *b.rows] for c in r)
    return found


def _assert_raw(source: str, blocks: list[Block]) -> None:
    """Each text is exactly what its source line holds at its position."""
    lines = source.split("\n")
    for kind, t in _texts(blocks):
        assert 1 <= t.line <= len(lines) and t.col >= 1, t
        at = lines[t.line - 1][t.col - 1 :]
        if kind == "cell":
            at = at.replace("\\|", "|")
        elif kind == "heading":  # a setext heading joins its lines
            at, text = at[: len(t.text.split(" ")[0])], t.text.split(" ")[0]
            assert at == text, t
            continue
        assert at.startswith(t.text), (t, at)


# --- the two examples -------------------------------------------------------------------


def test_shop_structure_and_positions() -> None:
    diags = Diagnostics("shop.md")
    doc = read_document(SHOP, diags)
    assert doc is not None and not diags.items and doc.format == "markdown"
    _assert_raw(SHOP.read_text(encoding="utf-8"), doc.blocks)
    headings = [(b.level, b.text.text) for b in doc.blocks if isinstance(b, Heading)]
    assert headings[:4] == [(1, "Shop"), (2, "Settings"), (2, "Roles"), (2, "Entities")]
    assert (3, "add to cart") in headings and (2, "Scenarios") in headings
    assert isinstance(doc.blocks[1], Paragraph) and len(doc.blocks[1].lines) == 2
    settings = doc.blocks[3]
    assert isinstance(settings, ListBlock)
    assert settings.items[2].text == "primary color: #fa541c"  # `#` inside an item is text

    product = next(b for b in doc.blocks if isinstance(b, Table) and b.line == 29)
    assert [c.text for c in product.header] == ["Field", "Type", "Rules", "Description"]
    assert len(product.rows) == 7 and all(len(r) == 4 for r in product.rows)
    assert _pos(product.rows[2][2]) == ("required, min 0.01", 33, 19)
    assert _pos(product.rows[4][1]) == ("enum(draft, published, archived)", 35, 12)
    assert product.rows[0][3].text == "" and product.rows[3][3].text == "units on hand"

    # `Access:` is a paragraph line, and the list follows it
    i = doc.blocks.index(product)
    access, rules = doc.blocks[i + 1], doc.blocks[i + 2]
    assert isinstance(access, Paragraph) and [_pos(t) for t in access.lines] == [("Access:", 39, 1)]
    assert isinstance(rules, ListBlock) and rules.line == 40 and not rules.ordered
    assert _pos(rules.items[0].first) == ("anyone: read where status = published", 40, 3)
    states = doc.blocks[i + 3]
    assert isinstance(states, Paragraph) and states.lines[0].text == "States of status:"
    arch = doc.blocks[i + 4]
    assert isinstance(arch, ListBlock)
    assert arch.items[1].text == "archive: draft | published -> archived, by seller own, admin"


def test_shop_actions_and_scenarios() -> None:
    doc = read_document(SHOP, Diagnostics("shop.md"))
    assert doc is not None
    blocks = doc.blocks
    checkout = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text.text == "checkout")
    head, inp, table, steps = blocks[checkout + 1 : checkout + 5]
    assert isinstance(head, Paragraph)
    assert [_pos(t) for t in head.lines] == [
        ("Who: buyer", 95, 1),
        ("Turns the buyer's cart into an order.", 96, 1),
    ]
    assert isinstance(inp, Paragraph) and [t.text for t in inp.lines] == ["Input:"]
    assert isinstance(table, Table) and table.line == 99  # directly under `Input:`
    assert [c.text for c in table.header] == ["Field", "Type", "Rules"]
    assert [[c.text for c in r] for r in table.rows] == [["address", "text(200)", "required"]]
    assert isinstance(steps, ListBlock) and len(steps.items) == 6
    loop = steps.items[2]
    assert _pos(loop.first) == ("for each item in items:", 105, 3)
    assert [_pos(c.first)[1:] for c in loop.children] == [(106, 5), (107, 5)]
    assert loop.children[0].text.startswith("require item.product.status = published, else")
    assert [c.text.split()[0] for c in steps.items[4].children] == ["require", "create", "decrease", "delete"]
    assert steps.items[5].text == "return order" and not steps.items[5].children

    cart = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text.text == "add to cart")
    head, table = blocks[cart + 1 : cart + 3]
    assert isinstance(head, Paragraph) and [t.text for t in head.lines] == [
        "Who: buyer",
        "On: Product",
        "Input:",
    ]
    assert isinstance(table, Table) and table.line == 120

    scenario = blocks[-1]
    assert isinstance(scenario, ListBlock) and scenario.ordered and len(scenario.items) == 10
    assert all(item.ordered for item in scenario.items)
    assert _pos(scenario.items[0].first) == ('sign up seller "sam"', 199, 4)
    assert _pos(scenario.items[9].first) == ("expect count(CartItem where buyer = bob) = 2", 208, 5)


def test_party_chinese_text_is_kept() -> None:
    diags = Diagnostics("party.zh.md")
    doc = read_document(PARTY, diags)
    assert doc is not None and not diags.items
    source = PARTY.read_text(encoding="utf-8")
    _assert_raw(source, doc.blocks)
    headings = [b.text.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings[:5] == ["家庭聚会 (family_party)", "设置", "角色", "实体", "聚会 (Party)"]
    intro = doc.blocks[1]
    assert isinstance(intro, Paragraph) and "：组织者发起聚会、邀请亲友，" in intro.lines[0].text
    party = next(b for b in doc.blocks if isinstance(b, Table))
    assert [c.text for c in party.header] == ["字段", "类型", "规则", "说明"]
    assert _pos(party.rows[3][1]) == ("整数", 22, 21)  # columns count code points
    assert party.rows[3][3].text == "仅供参考，不限制确认人数"
    assert party.rows[5][1].text == "Invitation列表"
    claim = next(
        i for i, b in enumerate(doc.blocks) if isinstance(b, Heading) and b.text.text == "认领 (claim)"
    )
    head, steps = doc.blocks[claim + 1 : claim + 3]
    assert isinstance(head, Paragraph) and [_pos(t) for t in head.lines] == [
        ("执行者: 亲友", 61, 1),
        ("对象: Dish", 62, 1),
    ]
    assert (
        isinstance(steps, ListBlock)
        and steps.items[0].text == '要求 this.claimed_by = null, 否则 "这道菜已经有人认领了"'
    )
    fullwidth, _ = _read("# 标题\n\n权限：\n- 用户：读取，创建\n")
    assert _shape(fullwidth)[1:] == [("p", ["权限："]), ("ul", [("用户：读取，创建", [])])]


# --- raw text -----------------------------------------------------------------------------


def test_cells_are_raw_text() -> None:
    src = (
        "| Field | Type | Rules |\n| --- | --- | --- |\n"
        '| v | text | pattern "^\\d+\\.\\d+$" |\n| c | money | computed: a*b*2 |\n'
        '| p | text | pattern "a\\|b" |\n| x | text | a | extra |\n| y | | |\n'
        "| z | `a|b` | &amp; <b>x</b> |\n"
    )
    blocks, _ = _read("# T\n\n" + src)
    table = blocks[1]
    assert isinstance(table, Table) and table.line == 3
    assert table.rows[0][2].text == 'pattern "^\\d+\\.\\d+$"'
    assert table.rows[1][2].text == "computed: a*b*2"
    assert _pos(table.rows[2][2]) == ('pattern "a|b"', 7, 14)
    assert [c.text for c in table.rows[3]] == ["x", "text", "a", "extra"]
    assert [c.text for c in table.rows[4]] == ["y", "", ""]
    assert [c.text for c in table.rows[5]] == ["z", "`a", "b`", "&amp; <b>x</b>"]


def test_other_text_is_raw() -> None:
    src = (
        "# **Shop** \\# &amp;\n\nSome *emphasis* and \\*stars\\* &lt;b&gt;  \n"
        "- a*b*2 and `code`\n- [link](x) \\_x\\_\n"
    )
    blocks, _ = _read(src)
    assert _shape(blocks) == [
        ("h", 1, "**Shop** \\# &amp;"),
        ("p", ["Some *emphasis* and \\*stars\\* &lt;b&gt;"]),
        ("ul", [("a*b*2 and `code`", []), ("[link](x) \\_x\\_", [])]),
    ]
    _assert_raw(src, blocks)


# --- lists ----------------------------------------------------------------------------------


def test_lists_directly_after_paragraph_lines() -> None:
    blocks, _ = _read("# T\n\nAccess:\n- anyone: read\n- admin: all\n")
    assert _shape(blocks)[1:] == [("p", ["Access:"]), ("ul", [("anyone: read", []), ("admin: all", [])])]
    blocks, _ = _read("Steps:\n1. a\n2. b\n")
    assert _shape(blocks) == [("p", ["Steps:"]), ("ol", [("a", []), ("b", [])])]
    blocks, _ = _read("Who: x\n2. a\n3. b\n")  # CommonMark would keep these in the paragraph
    assert _shape(blocks) == [("p", ["Who: x"]), ("ol", [("a", []), ("b", [])])]
    assert [_pos(i.first) for i in blocks[1].items] == [("a", 2, 4), ("b", 3, 4)]  # type: ignore[union-attr]


def test_nested_steps_follow_indentation() -> None:
    loop: list[Any] = [("for each x in xs:", [("require x > 0", []), ("delete x", [])]), ("return 1", [])]
    for src in (
        "- for each x in xs:\n  - require x > 0\n  - delete x\n- return 1\n",
        "- for each x in xs:\n    - require x > 0\n    - delete x\n- return 1\n",
        "- for each x in xs:\n\t- require x > 0\n\t- delete x\n- return 1\n",
    ):
        blocks, _ = _read(src)
        assert _shape(blocks) == [("ul", loop)], src
    for src in (  # under `1.` an indent of 2 is not enough for CommonMark
        "1. for each x in xs:\n  - require x > 0\n  - delete x\n2. return 1\n",
        "1. for each x in xs:\n   - require x > 0\n   - delete x\n2. return 1\n",
    ):
        blocks, _ = _read(src)
        assert _shape(blocks) == [("ol", loop)], src
    blocks, _ = _read("- a\n  1. b\n    - c\n")
    assert _shape(blocks) == [("ul", [("a", [("b", [("c", [])])])])]
    assert _pos(blocks[0].items[0].children[0].children[0].first) == ("c", 3, 7)  # type: ignore[union-attr]
    blocks, _ = _read("- a\n\n```\nx\n```\n\n  - b\n")  # something between: no joining
    assert _shape(blocks) == [("ul", [("a", [])]), ("ul", [("b", [])])]


def test_list_item_lines() -> None:
    blocks, _ = _read("- step one\n  continued\nlazy line\n- \n-\n  below marker\n* other marker\n")
    assert _shape(blocks) == [
        ("ul", [(["step one", "continued", "lazy line"], []), ("", []), ("below marker", [])]),
        ("ul", [("other marker", [])]),  # CommonMark: a new marker starts a new list
    ]
    item = blocks[0].items[0]  # type: ignore[union-attr]
    assert [_pos(t) for t in item.lines] == [("step one", 1, 3), ("continued", 2, 3), ("lazy line", 3, 1)]
    blocks, _ = _read("- a\n\n  | x | y |\n  |---|---|\n  | 1 | 2 |\n\n  more\n+ b\n")
    assert _shape(blocks)[0] == ("ul", [(["a", "| x | y |", "|---|---|", "| 1 | 2 |", "more"], [])])


# --- tables ---------------------------------------------------------------------------------


def test_tables_after_and_before_paragraph_lines() -> None:
    blocks, _ = _read("Input:\n| a | b |\n|---|---|\n| 1 | 2 |\nAccess:\n- anyone: read\n")
    assert _shape(blocks) == [
        ("p", ["Input:"]),
        ("t", ["a", "b"], [["1", "2"]]),
        ("p", ["Access:"]),  # GFM would make this a row
        ("ul", [("anyone: read", [])]),
    ]
    assert blocks[2].lines[0].line == 5  # type: ignore[union-attr]
    blocks, _ = _read("| a | b |\n|-|-|\n| 1 | 2 |\nInput:\n| x | y |\n|-|-|\n| 3 | 4 |\ntext\n")
    assert _shape(blocks) == [
        ("t", ["a", "b"], [["1", "2"]]),
        ("p", ["Input:"]),
        ("t", ["x", "y"], [["3", "4"]]),
        ("p", ["text"]),
    ]
    assert [b.line for b in blocks if isinstance(b, Table)] == [1, 5]


def test_table_shapes() -> None:
    blocks, _ = _read("Field | Type\n--- | ---\nx | text\n")  # no outer pipes
    assert _shape(blocks) == [("t", ["Field", "Type"], [["x", "text"]])]
    assert [_pos(c) for c in blocks[0].rows[0]] == [("x", 3, 1), ("text", 3, 5)]  # type: ignore[union-attr]
    blocks, _ = _read("Input:\n| a | b | c |\n| --- | --- |\n| 1 | 2 | 3 |\n")  # delimiter too short
    assert _shape(blocks) == [("p", ["Input:"]), ("t", ["a", "b", "c"], [["1", "2", "3"]])]
    blocks, _ = _read("| a | b |\n| :-- | --: |\n")
    assert _shape(blocks) == [("t", ["a", "b"], [])]


# --- headings and other blocks ----------------------------------------------------------------


def test_headings() -> None:
    src = "# Title ##\n## Settings ##   \n### ###\n## C#\n  ## Roles\nSetext\ntitle\n===\n\nSub\n---\n"
    blocks, _ = _read(src)
    assert _shape(blocks) == [
        ("h", 1, "Title"),
        ("h", 2, "Settings"),
        ("h", 3, ""),
        ("h", 2, "C#"),
        ("h", 2, "Roles"),
        ("h", 1, "Setext title"),
        ("h", 2, "Sub"),
    ]
    assert [_pos(b.text)[1:] for b in blocks if isinstance(b, Heading)] == [
        (1, 3),
        (2, 4),
        (3, 5),
        (4, 4),
        (5, 6),
        (6, 1),
        (10, 1),
    ]


def test_code_html_and_quotes() -> None:
    src = (
        "# T\n\n```\n## Entities\n- x\n```\n\n<!-- a comment\n## Hidden -->\n\n"
        "> ## Quoted\n> - a\n>   - b\n\n---\n\n    indented text\n"
    )
    blocks, diags = _read(src)
    assert not diags.items
    assert _shape(blocks) == [
        ("h", 1, "T"),
        ("h", 2, "Quoted"),  # block quotes are read as if unquoted
        ("ul", [("a", [("b", [])])]),
        ("p", ["indented text"]),  # there are no indented code blocks
    ]
    assert _pos(blocks[1].text) == ("Quoted", 11, 6)  # type: ignore[union-attr]
    assert _pos(blocks[2].items[0].children[0].first) == ("b", 13, 7)  # type: ignore[union-attr]
    blocks, _ = _read("> > ## Deep\n> > | a |\n> > |---|\n> > | x \\| y |\n")
    assert _shape(blocks) == [("h", 2, "Deep"), ("t", ["a"], [["x | y"]])]
    assert _pos(blocks[0].text) == ("Deep", 1, 8) and _pos(blocks[1].rows[0][0]) == ("x | y", 4, 7)  # type: ignore[union-attr]


def test_unclosed_code_block_and_comment_warn() -> None:
    blocks, diags = _read("# T\n\n```yaml\n## Entities\n")
    assert _shape(blocks) == [("h", 1, "T")]
    assert [(d.severity, d.code, d.line, d.col) for d in diags.items] == [
        (Severity.WARNING, "unclosed-code-block", 3, 1)
    ]
    _, diags = _read("# T\n<!-- todo\n\n## Entities\n")
    assert [(d.code, d.line) for d in diags.items] == [("unclosed-comment", 2)]


def test_line_endings_bom_and_tabs() -> None:
    blocks, diags = _read("\ufeff# Title ##\r\n\r\n## Roles\r\n- a: b\r\n-\tc\r\r| x |\r|---|\r| 1 |\r\n")
    assert not diags.items
    assert _shape(blocks) == [
        ("h", 1, "Title"),
        ("h", 2, "Roles"),
        ("ul", [("a: b", []), ("c", [])]),
        ("t", ["x"], [["1"]]),
    ]
    assert _pos(blocks[0].text) == ("Title", 1, 3)  # type: ignore[union-attr]
    assert [_pos(i.first) for i in blocks[2].items] == [("a: b", 4, 3), ("c", 5, 3)]  # type: ignore[union-attr]
    assert blocks[3].line == 7  # type: ignore[union-attr]


def test_random_text_never_breaks_positions() -> None:
    pieces = [
        "# ", "## ", "- ", "  - ", "1. ", "2) ", "| a | b |", "|---|---|", "\\|", "|", "> ", "```",
        "<!--", "-->", "---", "===", "\t", "    ", "Access:", "中文，", "*x*", "\\", "\n", "\n", "\n\n",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(400):
        src = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        blocks, _ = _read("x\n" + src)
        _assert_raw("x\n" + src.replace("\r", ""), blocks)


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code", "line", "col"),
    [
        (b"", "empty-input", 1, 1),
        (b"  \n\t\n", "empty-input", 1, 1),
        (b"\xef\xbb\xbf \r\n", "empty-input", 1, 1),
        (b"# A\x00B", "binary-input", 1, 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary-input", 1, 1),
        (b"# Caf\xe9\n", "binary-input", 1, 6),
        (b"\xef\xbb\xbf# A\n\n\xe4\xb8\xad\xff", "binary-input", 3, 2),
    ],
)
def test_unreadable_input(tmp_path: Path, data: bytes, code: str, line: int, col: int) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(data)
    diags = Diagnostics("x.md")
    assert read_document(path, diags) is None
    assert [(d.code, d.line, d.col) for d in diags.items] == [(code, line, col)]
    assert diags.items[0].file == "x.md"
    if code == "binary-input":
        assert diags.items[0].message.startswith("not a text document")


def test_in_memory_bad_text() -> None:
    for text, code in [("", "empty-input"), (" \n \u3000\n", "empty-input"), ("# a\x00", "binary-input")]:
        diags = Diagnostics("t.md")
        assert read_markdown_text(text, "t.md", diags) is None
        assert [d.code for d in diags.items] == [code]


def test_file_kinds(tmp_path: Path) -> None:
    diags = Diagnostics("x")
    assert read_document(tmp_path / "spec.pdf", diags) is None
    assert read_document(tmp_path / "spec", diags) is None
    assert read_document(tmp_path / "missing.md", diags) is None
    (tmp_path / "dir.md").mkdir()
    assert read_document(tmp_path / "dir.md", diags) is None
    assert [d.code for d in diags.items] == [
        "unsupported-format",
        "unsupported-format",
        "file-not-found",
        "unreadable",
    ]
    for name in ("a.markdown", "b.txt", "c.MD"):
        (tmp_path / name).write_text("# T\n", encoding="utf-8")
        doc = read_document(tmp_path / name, Diagnostics(name))
        assert doc is not None and _shape(doc.blocks) == [("h", 1, "T")]


# --- .docx ----------------------------------------------------------------------------------


def _save(d: Any, tmp_path: Path, name: str = "spec.docx") -> Path:
    path = tmp_path / name
    d.save(str(path))
    return path


def _numbered(p: Any, num_id: int, level: int) -> None:
    numpr = p._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


MARKDOWN_TWIN = """# Shop

A shop.

## Entities

### Thing

| Field | Type | Rules |
| --- | --- | --- |
| name | text | required |
| code | text | pattern "a\\|b" |

Access:

- anyone: read
    - nested
- admin: all

## Scenarios

1. sign up buyer "bob"
2. expect count(Thing) = 0
"""


def test_docx_reads_like_the_same_markdown(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Shop", 0)
    d.add_paragraph("A shop.")
    d.add_heading("Entities", 2)
    d.add_heading("Thing", 3)
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("Field", "Type", "Rules"), ("name", "text", "required"), ("code", "text", 'pattern "a|b"')]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("Access:")
    d.add_paragraph("anyone: read", style="List Bullet")
    d.add_paragraph("nested", style="List Bullet 2")
    d.add_paragraph("admin: all", style="List Bullet")
    d.add_paragraph("")
    d.add_heading("Scenarios", 2)
    d.add_paragraph('sign up buyer "bob"', style="List Number")
    d.add_paragraph("expect count(Thing) = 0", style="List Number")
    diags = Diagnostics("spec.docx")
    doc = read_document(_save(d, tmp_path), diags)
    assert doc is not None and doc.format == "docx" and not diags.items
    twin, _ = _read(MARKDOWN_TWIN)
    assert _shape(doc.blocks) == _shape(twin)
    # positions are paragraph numbers (a table is one), columns are inside the paragraph
    assert [_pos(b.text) for b in doc.blocks if isinstance(b, Heading)] == [
        ("Shop", 1, 1),
        ("Entities", 3, 1),
        ("Thing", 4, 1),
        ("Scenarios", 11, 1),
    ]
    tbl = doc.blocks[4]
    assert isinstance(tbl, Table) and tbl.line == 5 and {c.line for r in tbl.rows for c in r} == {5}
    access, rules = doc.blocks[5:7]
    assert isinstance(access, Paragraph) and _pos(access.lines[0]) == ("Access:", 6, 1)
    assert isinstance(rules, ListBlock) and rules.line == 7
    assert _pos(rules.items[0].first) == ("anyone: read", 7, 1)
    assert _pos(rules.items[0].children[0].first) == ("nested", 8, 1)
    assert _pos(rules.items[1].first) == ("admin: all", 9, 1)
    steps = doc.blocks[-1]
    assert isinstance(steps, ListBlock) and steps.ordered and steps.items[1].first.line == 13


def test_docx_word_features(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Shop", 0)  # Title plus Heading 1: Heading 1 is `##`
    d.add_heading("Roles", 1)
    p = d.add_paragraph("Who: buyer")
    p.add_run().add_break()
    p.add_run("On: Product")
    d.add_paragraph("")
    for text, level in [("for each x in xs:", 0), ("delete x", 1), ("return 1", 0)]:
        _numbered(d.add_paragraph(text, style="List Paragraph"), 1, level)
    _numbered(d.add_paragraph("not a list any more"), 0, 0)
    p = d.add_paragraph("Tracked ")
    p._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>insert</w:t></w:r></w:ins>')
    )
    p._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del>'
        )
    )
    d.element.body.insert(
        len(d.element.body) - 1,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>In a control</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    diags = Diagnostics("w.docx")
    doc = read_document(_save(d, tmp_path, "w.docx"), diags)
    assert doc is not None and not diags.items
    assert _shape(doc.blocks) == [
        ("h", 1, "Shop"),
        ("h", 2, "Roles"),
        ("p", ["Who: buyer", "On: Product"]),
        ("ul", [("for each x in xs:", [("delete x", [])]), ("return 1", [])]),
        ("p", ["not a list any more"]),
        ("p", ["Tracked insert"]),
        ("p", ["In a control"]),
    ]
    assert [_pos(t) for t in doc.blocks[2].lines] == [("Who: buyer", 3, 1), ("On: Product", 3, 12)]  # type: ignore[union-attr]
    assert doc.blocks[-1].lines[0].line == 10  # type: ignore[union-attr]


def test_docx_with_markdown_typed_in(tmp_path: Path) -> None:
    d = docx.Document()
    source = [
        "# Shop", "## Entities", "### Thing", "| Field | Type |", "| --- | --- |", "| name | text |",
        "Access:", "- anyone: read", "  - nested", "1. for each x in xs:", "   - delete x",
    ]  # fmt: skip
    for line in source:
        d.add_paragraph(line)
    doc = read_document(_save(d, tmp_path), Diagnostics("spec.docx"))
    assert doc is not None
    assert _shape(doc.blocks) == [
        ("h", 1, "Shop"),
        ("h", 2, "Entities"),
        ("h", 3, "Thing"),
        ("t", ["Field", "Type"], [["name", "text"]]),
        ("p", ["Access:"]),
        ("ul", [("anyone: read", [("nested", [])])]),
        ("ol", [("for each x in xs:", [("delete x", [])])]),
    ]
    table = doc.blocks[3]
    assert isinstance(table, Table) and table.line == 4 and _pos(table.rows[0][1]) == ("text", 6, 10)
    assert _pos(doc.blocks[5].items[0].children[0].first) == ("nested", 9, 5)  # type: ignore[union-attr]


def test_docx_unclosed_fence_warning_points_at_the_paragraph(tmp_path: Path) -> None:
    d = docx.Document()
    for line in ["# T", "", "```", "## Entities"]:
        d.add_paragraph(line)
    diags = Diagnostics("f.docx")
    doc = read_document(_save(d, tmp_path, "f.docx"), diags)
    assert doc is not None and _shape(doc.blocks) == [("h", 1, "T")]
    assert [(d.code, d.line, d.col) for d in diags.items] == [("unclosed-code-block", 3, 1)]


def test_bad_docx(tmp_path: Path) -> None:
    empty = docx.Document()
    empty.add_paragraph("   ")
    cases = {
        "empty.docx": (_save(empty, tmp_path, "empty.docx").read_bytes(), "empty-input"),
        "fake.docx": (b"PK\x03\x04 not really a zip", "bad-docx"),
        "text.docx": (b"# Shop\n\n## Entities\n", "bad-docx"),
        "nul.docx": (b"\x00" * 40, "bad-docx"),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    cases["zip.docx"] = (buf.getvalue(), "bad-docx")
    for name, (data, code) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        diags = Diagnostics(name)
        assert read_document(path, diags) is None, name
        assert [(d.code, d.line, d.col) for d in diags.items] == [(code, 1, 1)], name
