"""Write a loaded ContentPack into the content tables and the search index, in the caller's transaction.

Only content tables are written. Bookmarks and notes are read (notes go into the index) but never changed.
Checklist templates are kept per (id, version) for good: assessments pin the version they started with (and
the pinned versions are kept with the user data too, content/pinned.py).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from inducci_desktop.content import pinned
from inducci_desktop.content.model import (
    ChecklistItem,
    ChecklistOption,
    ChecklistSection,
    ChecklistTemplate,
    ContentPack,
    Source,
    Translation,
)
from inducci_desktop.content.search import SearchDoc, rebuild_index
from inducci_desktop.store.models import (
    ChecklistTemplateRow,
    ChecklistTemplateTextRow,
    ContentItemRow,
    ContentPackRow,
    ContentSectionRow,
    GlossaryTermRow,
    LinkRow,
    Note,
    utcnow,
)

log = logging.getLogger(__name__)


def template_to_json(template: ChecklistTemplate) -> dict[str, Any]:
    """The template as JSON-ready data (lists, string keys), equal to what the database hands back."""
    result: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(template), ensure_ascii=False))
    return result


def template_from_json(data: dict[str, Any]) -> ChecklistTemplate:
    """The inverse of template_to_json (JSON turned tuples into lists and int keys into strings)."""
    sections = tuple(
        ChecklistSection(
            key=s["key"],
            title=s["title"],
            items=tuple(
                ChecklistItem(
                    **{k: v for k, v in i.items() if k not in ("options", "scale_labels")},
                    options=tuple(ChecklistOption(**o) for o in i.get("options", ())),
                    scale_labels={int(k): v for k, v in i.get("scale_labels", {}).items()},
                )
                for i in s["items"]
            ),
        )
        for s in data["sections"]
    )
    translation = data.get("translation")
    return ChecklistTemplate(
        id=data["id"],
        version=int(data["version"]),
        title=data["title"],
        summary=data.get("summary", ""),
        sections=sections,
        section=data.get("section"),
        sources=tuple(Source(**s) for s in data.get("sources", ())),
        path=data.get("path", ""),
        language=data.get("language", "en"),
        translation=Translation(**translation) if isinstance(translation, dict) else None,
    )


def translation_from_json(data: dict[str, Any] | None) -> Translation | None:
    return None if not data else Translation(data["language"], data["translated_by"], bool(data["reviewed"]))


def _translation(value: Translation | None) -> dict[str, Any] | None:
    return None if value is None else dataclasses.asdict(value)


def _checklist_text(template: ChecklistTemplate) -> str:
    lines: list[str] = []
    for section in template.sections:
        lines.append(section.title)
        for item in section.items:
            lines.extend(x for x in (item.text, item.help, *(o.label for o in item.options)) if x)
    return "\n".join(lines)


#: Kind-specific front matter that is searched with the body (places, partners, steps …).
SEARCHED_FIELDS = ("where", "when", "region", "partners", "results", "lessons", "purpose", "duration",
                   "materials", "steps")


def _fields_text(fields: dict[str, Any]) -> str:
    lines: list[str] = []
    for name in SEARCHED_FIELDS:
        value = fields.get(name)
        if isinstance(value, str):
            lines.append(value)
        elif isinstance(value, list):
            lines.append(", ".join(str(v) for v in value) if name in ("where", "partners", "materials")
                         else "\n".join(str(v) for v in value))
    return "\n".join(x for x in lines if x)


def search_docs(pack: ContentPack, notes: dict[str, str]) -> Iterator[SearchDoc]:
    for item in pack.items.values():
        text = "\n".join(x for x in (item.text, _fields_text(item.fields)) if x)
        yield SearchDoc(item.id, item.kind, item.title, item.summary, text, item.tags, notes.get(item.id, ""))
    for template in pack.checklists.values():
        yield SearchDoc(template.id, "checklist", template.title, template.summary, _checklist_text(template),
                        (), notes.get(template.id, ""))
    for term in pack.glossary:
        yield SearchDoc(term.id, "glossary", term.term, term.definition, "", (), notes.get(term.id, ""))


def _sources(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    return [{"url": s.url, "title": s.title} for s in sources]


def store_pack(session: Session, pack: ContentPack, translations: dict[str, ContentPack] | None = None) -> None:
    """Replace the loaded content by ``pack`` and its resolved ``translations`` (in the caller's transaction).

    Every language gets a full set of rows (English texts where a translation lacks an item), so reading
    one language is one condition. The search index holds every language, each in one run of docids.
    """
    for table in (ContentSectionRow, ContentItemRow, GlossaryTermRow, LinkRow, ContentPackRow):
        session.execute(delete(table))
    packs = {pack.language: pack, **(translations or {})}
    for lang, one in packs.items():
        _store_language(session, lang, one)
    _store_templates(session, pack)
    _store_template_texts(session, pack, packs)
    # a version this load set aside (no longer in the pack) stays readable on every client of a shared database
    pinned.keep(session, pinned.pins_of_assessments(session))
    rows = session.execute(select(Note.item_id, Note.text).where(Note.deleted_at.is_(None))).all()
    notes = {item_id: note for item_id, note in rows}
    rebuild_index(session, {lang: list(search_docs(one, notes)) for lang, one in packs.items()})


def _text(lang: str, text_language: str, translation: Translation | None) -> dict[str, Any]:
    return {"language": lang, "text_language": text_language, "translation": _translation(translation)}


def _store_language(session: Session, lang: str, pack: ContentPack) -> None:
    session.add(ContentPackRow(language=lang, pack_id=pack.id, version=pack.version, title=pack.title,
                               loaded_at=utcnow()))
    if pack.sections:
        session.execute(insert(ContentSectionRow), [
            {"id": s.id, **_text(lang, s.language, s.translation), "parent_id": s.parent, "position": n,
             "title": s.title, "summary": s.summary}
            for n, s in enumerate(pack.sections)
        ])
    if pack.items:
        session.execute(insert(ContentItemRow), [
            {"id": i.id, **_text(lang, i.language, i.translation), "kind": i.kind, "section": i.section,
             "position": n, "title": i.title, "summary": i.summary, "body": i.body, "tags": list(i.tags),
             "sources": _sources(i.sources), "related": list(i.related), "fields": i.fields, "path": i.path}
            for n, i in enumerate(pack.items.values())
        ])
    if pack.glossary:
        session.execute(insert(GlossaryTermRow), [
            {"id": t.id, **_text(lang, t.language, t.translation), "position": n, "term": t.term,
             "definition": t.definition, "see": list(t.see), "sources": _sources(t.sources)}
            for n, t in enumerate(pack.glossary)
        ])
    if pack.links:
        session.execute(insert(LinkRow), [
            {"id": x.id, **_text(lang, x.language, x.translation), "position": n, "title": x.title,
             "url": x.url, "description": x.description, "section": x.section}
            for n, x in enumerate(pack.links)
        ])


def _store_template_texts(session: Session, base: ContentPack, packs: dict[str, ContentPack]) -> None:
    """The translated texts of each template version (kept, like the versions: assessments pin them)."""
    # every stored text at once: a get() per template flushed the rows added before it, each time
    ids = {t.id for one in packs.values() for t in one.checklists.values()}
    stored = {(r.id, r.version, r.language): r for r in session.scalars(
        select(ChecklistTemplateTextRow).where(ChecklistTemplateTextRow.id.in_(ids)))}
    for lang, pack in packs.items():
        if lang == base.language:
            continue
        for template in pack.checklists.values():
            if template.language != lang:
                continue  # this language lacks the template: English is shown
            data = template_to_json(template)
            row = stored.get((template.id, template.version, lang))
            if row is None:
                session.add(ChecklistTemplateTextRow(id=template.id, version=template.version, language=lang,
                                                     data=data, loaded_at=utcnow()))
            elif row.data != data:
                row.data, row.loaded_at = data, utcnow()


def _store_templates(session: Session, pack: ContentPack) -> None:
    session.execute(update(ChecklistTemplateRow).values(in_pack=False))
    stored = {(r.id, r.version): r for r in session.scalars(
        select(ChecklistTemplateRow).where(ChecklistTemplateRow.id.in_(list(pack.checklists))))}
    for template in pack.checklists.values():
        data = template_to_json(template)
        row = stored.get((template.id, template.version))
        if row is None:
            session.add(ChecklistTemplateRow(id=template.id, version=template.version, title=template.title,
                                             summary=template.summary, section=template.section, data=data,
                                             in_pack=True, loaded_at=utcnow()))
            continue
        if row.data != data:
            # The pack changed a template without raising its version; assessments pinned to it will see
            # the new text. Logged so the content author can bump the version.
            log.warning("checklist %s version %s changed without a new version number", template.id,
                        template.version)
            row.data = data
        row.title, row.summary, row.section, row.in_pack = template.title, template.summary, template.section, True
    session.flush()
