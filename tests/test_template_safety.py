"""Spec text is data: template syntax in names and descriptions comes out verbatim."""

from __future__ import annotations

from factory.analyst import analyse_text
from factory.compiler import design_files

DOC = """# Odd {{ 7*7 }} App

Description with {{ 7*7 }} and {% if true %}IF{% endif %} and <script>alert(1)</script>.

## Entities

### {{ 7*7 }} Thing (Thing)
Thing described as {{ 7*7 }}.

| Field | Type | Rules | Description |
| --- | --- | --- | --- |
| {{ 7*7 }} label (label) | text | required | says {{ 7*7 }} \\| {% raw %} |
| status | enum("{{ 7*7 }}", done) | | |
"""


def test_template_syntax_is_shown_verbatim() -> None:
    spec, diags = analyse_text(DOC, "odd.md")
    assert spec is not None, [d.format() for d in diags.items]
    assert spec.name == "odd_7_7_app"
    files = design_files(spec)
    for rel in ["design/architecture.md", "design/openapi.json", ".factory/model.json"]:
        assert "{{ 7*7 }}" in files[rel], rel
    for rel, content in files.items():
        assert "IFIF" not in content and "49" not in content.replace("1.0.0", ""), rel
    assert "{% if true %}IF{% endif %}" in files["design/architecture.md"]
