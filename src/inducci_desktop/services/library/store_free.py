"""The toolbox documents that need nothing stored: a Markdown file, and a toolbox item read from the shipped
pack through content/'s parser, kept in the user's cache once parsed (``content.cache``). It is the pack the
store loads at every start, so the text, language and translation notes are those of the item read from the
database.

``services.documents.build_without_store`` calls these, with the options already resolved; neither opens the
store nor imports SQLAlchemy. ``documents.PrintService`` shares ``check_kind`` and ``titles_of`` with them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from inducci_desktop.content.labels import KIND_LABELS
from inducci_desktop.content.model import ContentItem, ContentPack, GlossaryTerm, Link
from inducci_desktop.domain.i18n import _
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.services.documents import Built, DocumentRequest, file_name
from inducci_desktop.services.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from inducci_desktop.paths import AppPaths


def markdown_file(_paths: AppPaths, request: DocumentRequest, options: PrintOptions) -> Built:
    """Any UTF-8 Markdown file (PrintError when missing, unreadable or not UTF-8)."""
    from inducci_desktop.printing.markdown_file import markdown_document

    data = markdown_document(Path(request.record), options, title=request.title)
    return Built(data, file_name(request.title or Path(request.record).stem))


def toolbox_item(_paths: AppPaths, request: DocumentRequest, options: PrintOptions) -> Built | None:
    """One guide, case profile, format card or interview guide (``request.key`` "item": any of them); None
    when the shipped pack cannot be read (the store then says what the library holds)."""
    from inducci_desktop.content.cache import shipped

    pack = shipped(options.language)
    if pack is None:
        return None
    item = pack.items.get(request.record)
    if item is None:
        raise NotFoundError(_("The toolbox has no item {item_id!r}.").format(item_id=request.record))
    check_kind(item.id, item.kind, None if request.key == "item" else request.key)
    printed = as_stored(item, pack)
    from inducci_desktop.printing.library.items import item_document

    titles = titles_of(((i.id, i.title) for i in pack.items.values()),
                       ((t.id, t.title) for t in pack.checklists.values()), pack.glossary, pack.links)
    return Built(item_document(printed, options, titles=titles), file_name(printed.title))


def as_stored(item: ContentItem, pack: ContentPack) -> ContentItem:
    """``item`` as the library hands it to printing after a trip through the database: front matter as JSON
    gives it back, related ids that name nothing in the pack left out, no plain text."""
    known = set(pack.items) | set(pack.checklists)
    return ContentItem(
        id=item.id, kind=item.kind, section=item.section, title=item.title, summary=item.summary, body=item.body,
        tags=tuple(item.tags), sources=tuple(item.sources), related=tuple(r for r in item.related if r in known),
        fields=json.loads(json.dumps(item.fields)), path=item.path, language=item.language,
        translation=item.translation,
    )


def check_kind(item_id: str, kind: str, wanted: str | None) -> None:
    """Refuse an item of another kind than ``wanted`` (``print guide`` with a case id) with a clear message."""
    if wanted is not None and kind != wanted:
        raise ValidationError(_("{item_id!r} is a {kind_label}, not a {kind_label2}; use 'print item {item_id}' "
            "to print it.")
            .format(item_id=item_id, kind_label=kind_label(kind), kind_label2=kind_label(wanted)))


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind).lower()


def titles_of(items: Iterable[tuple[str, str]], checklists: Iterable[tuple[str, str]],
              glossary: Iterable[GlossaryTerm], links: Iterable[Link]) -> dict[str, str]:
    """Every id a link or "related" list may name → its title (as ``printing.options.titles_from_pack``);
    an id is taken by the first of items, checklists, glossary terms, links that has it."""
    titles = dict(items)
    for template_id, title in checklists:
        titles.setdefault(template_id, title)
    for term in glossary:
        titles.setdefault(term.id, term.term)
    for link in links:
        titles.setdefault(link.id, link.title)
    return titles
