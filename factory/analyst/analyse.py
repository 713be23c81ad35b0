"""Run the analyst's passes in order. Each pass reports into the shared Context."""

from __future__ import annotations

from pathlib import Path

from factory.analyst import actions, entities, pages, roles, scenarios, services, settings
from factory.analyst.context import Context
from factory.analyst.sections import outline
from factory.analyst.text import normalise, split_display
from factory.diagnostics import Diagnostics
from factory.ir.model import Loc, Section, Spec
from factory.names import APP_CODE, app_code
from factory.reader import read_document, read_markdown_text
from factory.reader.model import Document


def analyse(doc: Document, diags: Diagnostics) -> Spec | None:
    """Analyse a read document. Returns None when any error was reported."""
    out = outline(doc, diags)
    ctx = Context(diags=diags, source=doc.path, chinese=out.chinese)
    if out.title is None:
        diags.error("no-title", "the document has no '# Title' heading", 1, 1)
        title, name = "", "app"
    else:
        title, name = _title(out.title.text)
    ctx.settings = settings.analyse_settings(out.sections.get("settings"), ctx)
    ctx.roles = roles.analyse_roles(out.sections.get("roles"), ctx)
    ctx.entities = entities.analyse_entities(out.sections.get("entities"), ctx)
    service_list = services.analyse_services(out.sections.get("services"), ctx, name)
    ctx.actions = actions.analyse_actions(out.sections.get("actions"), ctx)
    services.check_actions(ctx)
    page_list = pages.analyse_pages(out.sections.get("pages"), ctx)
    scenario_list = scenarios.analyse_scenarios(out.sections.get("scenarios"), ctx)
    if diags.has_errors:
        return None
    extra = [
        Section(
            title=s.heading.text,
            text="\n\n".join(_section_text(s)),
            loc=Loc(line=s.heading.line, col=s.heading.col),
        )
        for s in out.unknown
    ]
    return Spec(
        source=doc.path,
        title=title,
        name=name,
        description=out.description,
        language="zh" if out.chinese else "en",
        settings=ctx.settings,
        roles=ctx.roles,
        services=service_list,
        entities=ctx.entities,
        actions=ctx.actions,
        pages=page_list,
        scenarios=scenario_list,
        extra_sections=extra,
    )


def _title(raw: str) -> tuple[str, str]:
    part = split_display(normalise(raw))
    if part.code is not None and APP_CODE.fullmatch(part.code):
        return part.display, part.code
    return raw.strip(), app_code(raw.strip())


def _section_text(section: object) -> list[str]:
    from factory.analyst.sections import Section as OutlineSection
    from factory.analyst.sections import block_text

    assert isinstance(section, OutlineSection)
    return [block_text(b) for b in section.blocks]


def analyse_text(text: str, path: str = "<input>") -> tuple[Spec | None, Diagnostics]:
    diags = Diagnostics(path)
    doc = read_markdown_text(text, path, diags)
    return (analyse(doc, diags) if doc is not None else None), diags


def analyse_file(path: Path, display_path: str | None = None) -> tuple[Spec | None, Diagnostics]:
    shown = display_path if display_path is not None else str(path)
    diags = Diagnostics(shown)
    doc = read_document(path, diags)
    if doc is None:
        return None, diags
    doc = doc.model_copy(update={"path": shown})
    return analyse(doc, diags), diags
