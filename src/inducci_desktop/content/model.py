"""Plain, immutable data of a loaded content pack (see docs/CONTENT_FORMAT.md for the files).

Everything that reads content — library, search, printing, checklists — works on these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Translation:
    """Who translated an item and whether a native speaker reviewed it (metadata of a translated item)."""

    language: str
    translated_by: str
    reviewed: bool = False


@dataclass(frozen=True)
class Source:
    url: str
    title: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    summary: str = ""
    parent: str | None = None
    children: tuple[str, ...] = ()
    #: the language of the text (English when a translated pack lacks it) and its translation metadata
    language: str = "en"
    translation: Translation | None = None


@dataclass(frozen=True)
class ContentItem:
    """A guide, case profile, format card or interview guide."""

    id: str
    kind: str
    section: str
    title: str
    summary: str
    body: str  # CommonMark
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = ()
    #: kind-specific front matter (case: where, when, region, partners, formats, results, lessons;
    #: format: purpose, duration, duration_minutes, group_size, materials, steps; interview: audience, duration)
    fields: dict[str, Any] = field(default_factory=dict)
    path: str = ""  # file inside the pack, for messages
    text: str = ""  # the body as plain text (no Markdown syntax), for search and snippets
    language: str = "en"  # the language of the text: English when a translated pack lacks the item
    translation: Translation | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    see: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    language: str = "en"
    translation: Translation | None = None


@dataclass(frozen=True)
class Link:
    id: str
    title: str
    url: str
    description: str = ""
    section: str | None = None
    language: str = "en"
    translation: Translation | None = None


@dataclass(frozen=True)
class ChecklistOption:
    key: str
    label: str
    score: float | None = None


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    text: str
    type: str  # ynp | scale | choice | multi | text | longtext | number | date
    help: str = ""
    weight: float = 1.0
    required: bool = False
    guide: str | None = None
    options: tuple[ChecklistOption, ...] = ()
    scale_min: int | None = None
    scale_max: int | None = None
    scale_labels: dict[int, str] = field(default_factory=dict)
    unit: str = ""


@dataclass(frozen=True)
class ChecklistSection:
    key: str
    title: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class ChecklistTemplate:
    id: str
    version: int
    title: str
    summary: str
    sections: tuple[ChecklistSection, ...]
    section: str | None = None
    sources: tuple[Source, ...] = ()
    path: str = ""
    language: str = "en"
    translation: Translation | None = None


@dataclass(frozen=True)
class ContentPack:
    id: str
    version: str
    language: str
    title: str
    sections: tuple[Section, ...]
    items: dict[str, ContentItem]
    glossary: tuple[GlossaryTerm, ...] = ()
    links: tuple[Link, ...] = ()
    checklists: dict[str, ChecklistTemplate] = field(default_factory=dict)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)
