"""The reader: structure from markdown-it-py, text and positions from the raw source."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from factory.diagnostics import Diagnostics
from factory.reader import ListBlock, Paragraph, Table, read_document, read_markdown_text

ROOT = Path(__file__).resolve().parents[1]


def _read(text: str) -> tuple[list, Diagnostics]:
    diags = Diagnostics("t.md")
    doc = read_markdown_text(text, "t.md", diags)
    return (doc.blocks if doc else []), diags


def test_shop_structure_and_positions() -> None:
    diags = Diagnostics("shop.md")
    doc = read_document(ROOT / "specs" / "shop.md", diags)
    assert doc is not None and not diags.items
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    product = tables[1]
    assert [c.text for c in product.header] == ["Field", "Type", "Rules", "Description"]
    assert len(product.rows) == 7
    price_rules = product.rows[2][2]
    assert (price_rules.text, price_rules.line, price_rules.col) == ("required, min 0.01", 33, 19)
    # `Input:` directly followed by a table, and nested steps under `for each`
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    checkout = next(lst for lst in lists if lst.items[0].text.startswith("let items"))
    loop = checkout.items[2]
    assert loop.text == "for each item in items:"
    assert [c.text.split(",")[0] for c in loop.children] == [
        "require item.product.status = published",
        "require item.product.stock >= item.quantity",
    ]
    assert loop.children[0].first.col == 5


def test_header_line_followed_by_list_without_blank_line() -> None:
    blocks, _ = _read("# T\n\nAccess:\n- anyone: read\n- admin: all\n")
    assert isinstance(blocks[1], Paragraph) and blocks[1].lines[0].text == "Access:"
    assert isinstance(blocks[2], ListBlock) and [i.text for i in blocks[2].items] == [
        "anyone: read",
        "admin: all",
    ]


def test_cells_are_raw_text() -> None:
    src = (
        "| Field | Type | Rules |\n| --- | --- | --- |\n"
        '| v | text | pattern "^\\d+\\.\\d+$" |\n| c | money | computed: a*b*2 |\n'
        '| p | text | pattern "a\\|b" |\n| x | text | a | extra |\n'
    )
    blocks, _ = _read("# T\n\n" + src)
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.rows[0][2].text == 'pattern "^\\d+\\.\\d+$"'
    assert table.rows[1][2].text == "computed: a*b*2"
    assert table.rows[2][2].text == 'pattern "a|b"'
    assert [c.text for c in table.rows[3]] == ["x", "text", "a", "extra"]


def test_bom_crlf_and_headings_with_closing_hashes() -> None:
    blocks, diags = _read("\ufeff# Title ##\r\n\r\n## Roles\r\n- a: b\r\n")
    assert not diags.items
    assert blocks[0].text.text == "Title" and blocks[0].text.col == 3
    assert blocks[2].items[0].first.line == 4


def test_code_blocks_are_not_content() -> None:
    blocks, _ = _read("# T\n\n```\n## Entities\n```\n\n> ## Quoted\n")
    assert [b.kind for b in blocks] == ["heading"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty-input"),
        (b"  \n\t\n", "empty-input"),
        (b"# A\x00B", "binary-input"),
        (b"# Caf\xe9\n", "binary-input"),
    ],
)
def test_unreadable_input(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(data)
    diags = Diagnostics("x.md")
    assert read_document(path, diags) is None
    assert [d.code for d in diags.items] == [code]


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    diags = Diagnostics("x")
    assert read_document(tmp_path / "spec.pdf", diags) is None
    assert read_document(tmp_path / "missing.md", diags) is None
    assert [d.code for d in diags.items] == ["unsupported-format", "file-not-found"]


def test_docx_reads_like_markdown(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Shop", 0)
    d.add_paragraph("A shop.")
    d.add_heading("Entities", 2)
    d.add_heading("Thing", 3)
    table = d.add_table(rows=2, cols=2)
    for c, (head, value) in enumerate([("Field", "name"), ("Type", "text")]):
        table.cell(0, c).text = head
        table.cell(1, c).text = value
    d.add_paragraph("Access:")
    d.add_paragraph("anyone: read", style="List Bullet")
    d.add_paragraph("nested", style="List Bullet 2")
    d.add_paragraph("| a | b |")
    d.add_paragraph("| --- | --- |")
    d.add_paragraph("| 1 | 2 |")
    path = tmp_path / "spec.docx"
    d.save(str(path))
    diags = Diagnostics("spec.docx")
    doc = read_document(path, diags)
    assert doc is not None and doc.format == "docx"
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [
        "heading",
        "paragraph",
        "heading",
        "heading",
        "table",
        "paragraph",
        "list",
        "table",
    ]
    assert doc.blocks[3].text.line == 4  # paragraph numbers
    assert doc.blocks[4].rows[0][0].text == "name" and doc.blocks[4].line == 5
    item = doc.blocks[6].items[0]
    assert (item.text, item.first.line, item.first.col) == ("anyone: read", 7, 1)
    assert item.children[0].text == "nested"
    assert [c.text for c in doc.blocks[7].rows[0]] == ["1", "2"]  # Markdown pasted into Word


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    diags = Diagnostics("bad.docx")
    assert read_document(path, diags) is None
    assert [d.code for d in diags.items] == ["bad-docx"]
