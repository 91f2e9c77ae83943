"""What the Library service hands out: plain, immutable views of the toolbox content and the user's bookmarks
and notes. Apart from services/library/service.py (SQLAlchemy) so that the Library page and the first page of
the window (services/library/first_page.py) use them without importing the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inducci_desktop.content.model import Source, Translation
    from inducci_desktop.content.problems import Problem


@dataclass(frozen=True)
class PackInfo:
    id: str
    version: str
    language: str
    title: str
    loaded_at: datetime


@dataclass(frozen=True)
class ContentStatus:
    """What ensure_content did. ``loaded`` is False when the pack was unchanged or had problems."""

    loaded: bool
    reason: str  # "loaded" | "unchanged" | "invalid"
    pack_id: str | None
    version: str | None
    seconds: float
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    summary: str
    parent: str | None
    depth: int
    children: tuple[str, ...]


@dataclass(frozen=True)
class ItemSummary:
    id: str
    kind: str  # guide | case | format | interview | checklist
    section: str | None
    title: str
    summary: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemView:
    id: str
    kind: str
    section: str
    title: str
    summary: str
    body: str  # CommonMark; links to other items are written item:ID
    tags: tuple[str, ...]
    sources: tuple[Source, ...]
    related: tuple[ItemSummary, ...]  # resolved; ids not in the pack are left out
    fields: dict[str, Any] = field(default_factory=dict)
    path: str = ""
    bookmarked: bool = False
    note: str = ""
    #: the language asked for, the language of the text (English when the item is not translated into
    #: ``language`` yet) and the translation's metadata (None for English text)
    language: str = "en"
    text_language: str = "en"
    translation: Translation | None = None

    @property
    def fallback(self) -> bool:
        """The item is shown in English because the reader's language has no translation of it."""
        return self.text_language != self.language

    @property
    def unreviewed(self) -> bool:
        """A translation no native speaker has reviewed yet: never to be presented as authoritative."""
        return self.translation is not None and not self.translation.reviewed


@dataclass(frozen=True)
class ChecklistSummary:
    id: str
    version: int
    title: str
    summary: str
    section: str | None


@dataclass(frozen=True)
class BookmarkView:
    item_id: str
    kind: str | None  # None when the item is not in the loaded pack any more
    title: str
    created_at: datetime

    @property
    def available(self) -> bool:
        return self.kind is not None


@dataclass(frozen=True)
class NoteView:
    item_id: str
    text: str
    updated_at: datetime
    deleted_at: datetime | None = None


def section_views(rows: Iterable[tuple[str, str | None, str, str]]) -> list[SectionView]:
    """(id, parent id, title, summary) rows in display order (a parent before its children) → the sections
    with their depth in the tree and their children."""
    rows = list(rows)
    children: dict[str | None, list[str]] = {}
    for section_id, parent, _title, _summary in rows:
        children.setdefault(parent, []).append(section_id)
    depth: dict[str, int] = {}
    result = []
    for section_id, parent, title, summary in rows:
        depth[section_id] = 0 if parent is None else depth.get(parent, 0) + 1
        result.append(SectionView(section_id, title, summary, parent, depth[section_id],
                                  tuple(children.get(section_id, ()))))
    return result


def bookmark_views(marks: Iterable[tuple[str, datetime]], docs: dict[str, tuple[str, str]]) -> list[BookmarkView]:
    """Bookmarks (item id, made at; newest first) with the kind and title of their item in ``docs``; a
    bookmark whose item left the pack is kept, titled by its id, with ``available`` False."""
    views = []
    for item_id, created in marks:
        kind, title = docs.get(item_id, (None, None))
        views.append(BookmarkView(item_id, kind, title or item_id, created))
    return views
