"""The toolbox's printable documents (one item, the glossary, a Markdown file, the handout pack), registered
with the document registry, and the handout pack the Print Center keeps between sessions.

Qt-free; ReportLab is imported only inside the functions that make a PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inducci_desktop.content.model import ContentItem
from inducci_desktop.domain.i18n import N_, _, ngettext
from inducci_desktop.domain.upgrades import Upgrades
from inducci_desktop.printing.options import PaperSize, PrintOptions
from inducci_desktop.services.documents import (
    Built,
    DocumentRequest,
    DocumentType,
    PackCover,
    Report,
    file_name,
    register,
)
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.library.service import LibraryService
from inducci_desktop.services.library.store_free import check_kind, titles_of
from inducci_desktop.services.library.views import ItemView
from inducci_desktop.services.regions import RegionService
from inducci_desktop.services.settings import SettingsService

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

log = logging.getLogger(__name__)

PACK_SETTING = "print_center.pack"
#: upgrades of the saved pack's format, oldest first (none yet: format 1 is current)
PACK_UPGRADES = Upgrades("the saved handout pack")
PACK_STATE_VERSION = PACK_UPGRADES.current
MAX_PACK_ITEMS = 500
PRINTABLE_KINDS = ("guide", "case", "format", "interview")
PackCoverText = PackCover  # the name the Print Center and the CLI have used


# --- the pack the user is collecting ---------------------------------------------------------------------

@dataclass(frozen=True)
class PackState:
    """The handout pack as the Print Center keeps it between sessions (in the settings table, so it
    travels with backups and restores)."""

    item_ids: tuple[str, ...] = ()
    cover: PackCover = field(default_factory=PackCover)
    paper: PaperSize = PaperSize.A4
    region_id: str | None = None
    with_glossary: bool = False


# --- the service -----------------------------------------------------------------------------------------

class PrintService:
    """PDFs (as bytes) of toolbox content; saving them is the caller's job (``printing.output.write_pdf``)."""

    def __init__(self, library: LibraryService, settings: SettingsService, regions: RegionService) -> None:
        self.library = library
        self.settings = settings
        self.regions = regions

    # -- content ------------------------------------------------------------------------------------

    def content_item(self, item_id: str, language: str | None = None) -> ContentItem:
        """The item as the printing engine takes it, in ``language`` (default: the interface language;
        English where it is not translated). Raises NotFoundError for unknown ids."""
        return content_item(self.library.item(item_id, language))

    def titles(self, language: str | None = None) -> dict[str, str]:
        """Every id a link or "related" list may name → its title (as ``printing.options.titles_from_pack``)."""
        return titles_of(((i.id, i.title) for i in self.library.items(language=language)),
                         ((c.id, c.title) for c in self.library.checklists(language)),
                         self.library.glossary(language), self.library.links(language))

    def printable_items(self, kind: str | None = None) -> list[tuple[str, str]]:
        """(id, title) of the items that print on their own, in pack order."""
        return [(i.id, i.title) for i in self.library.items(kind=kind) if i.kind in PRINTABLE_KINDS]

    def check_items(self, item_ids: Sequence[str]) -> list[str]:
        """The ids, checked: every unknown id is named in one NotFoundError."""
        known = {i.id for i in self.library.items()}
        unknown = [i for i in item_ids if i not in known]
        if unknown:
            listed = ", ".join(repr(i) for i in unknown[:10]) + (" …" if len(unknown) > 10 else "")
            raise NotFoundError(ngettext("The toolbox has no item {listed}.", "The toolbox has no items {listed}.",
                len(unknown))
                .format(listed=listed))
        return list(item_ids)

    # -- documents ----------------------------------------------------------------------------------

    def item_pdf(self, item_id: str, options: PrintOptions | None = None, *, kind: str | None = None) -> bytes:
        """One guide, case profile, format card or interview guide.

        ``kind``: refuse items of another kind (``print guide`` with a case id) with a clear message.
        """
        language = options.language if options is not None else None
        item = self.content_item(item_id, language)
        check_kind(item_id, item.kind, kind)
        from inducci_desktop.printing.library.items import item_document

        return item_document(item, options, titles=self.titles(language))

    def glossary_pdf(self, options: PrintOptions | None = None) -> bytes:
        from inducci_desktop.printing.library.glossary import glossary_document

        language = options.language if options is not None else None
        return glossary_document(self.library.glossary(language), options, titles=self.titles(language))

    def markdown_pdf(self, path: Path | str, options: PrintOptions | None = None, *,
                     title: str | None = None) -> bytes:
        """Any UTF-8 Markdown file (PrintError when missing, unreadable or not UTF-8)."""
        from inducci_desktop.printing.markdown_file import markdown_document

        return markdown_document(Path(path), options, title=title)

    def pack_pdf(self, item_ids: Sequence[str], cover: PackCover | None = None,
                 options: PrintOptions | None = None, *, with_glossary: bool = False,
                 report: Callable[[int, int], None] | None = None) -> bytes:
        """The handout pack: cover, contents with page numbers, the items in this order, bookmarks.

        ``report(done, total)`` is told about loading progress (layout is one step at the end).
        """
        ids = self.check_items(item_ids)
        if not ids and not with_glossary:
            raise ValidationError(_("The handout pack is empty: add items from the library first."))
        if len(ids) > MAX_PACK_ITEMS:
            raise ValidationError(_("A handout pack can hold at most {MAX_PACK_ITEMS} items.")
                .format(MAX_PACK_ITEMS=MAX_PACK_ITEMS))
        total = len(ids) + 2
        language = options.language if options is not None else None
        items: list[ContentItem] = []
        for done, item_id in enumerate(ids, start=1):
            items.append(self.content_item(item_id, language))
            if report:
                report(done, total)
        glossary = self.library.glossary(language) if with_glossary else []
        titles = self.titles(language)
        if report:
            report(total - 1, total)
        from inducci_desktop.printing.library.pack import PackCover as PrintedCover
        from inducci_desktop.printing.library.pack import handout_pack

        cover = cover or PackCover()
        data = handout_pack(items, PrintedCover(_(cover.title.strip()) or _("Handout pack"), cover.subtitle.strip(),
                                             cover.organiser.strip(), cover.date.strip()),
                            options, titles=titles, glossary=glossary)
        if report:
            report(total, total)
        return data

    # -- the pack kept between sessions ---------------------------------------------------------------

    def load_pack(self) -> PackState:
        """The pack as last saved; ids no longer in the toolbox are dropped, a damaged value gives an empty pack."""
        raw = self.settings.get_versioned(PACK_SETTING, PACK_UPGRADES)
        if raw is None:
            return PackState()
        try:
            known = {i.id for i in self.library.items()}
            ids = tuple(i for i in raw.get("items", []) if isinstance(i, str) and i in known)
            cover = raw.get("cover") or {}
            return PackState(
                item_ids=ids,
                cover=PackCover(str(cover.get("title", "Handout pack")), str(cover.get("subtitle", "")),
                                    str(cover.get("organiser", "")), str(cover.get("date", ""))),
                paper=PaperSize(raw.get("paper", "a4")),
                region_id=raw.get("region") if isinstance(raw.get("region"), str) else None,
                with_glossary=bool(raw.get("glossary", False)),
            )
        except (ValueError, TypeError, AttributeError) as exc:
            log.warning("ignoring the saved handout pack: %s", exc)
            return PackState()

    def save_pack(self, state: PackState) -> None:
        value: dict[str, Any] = {
            "items": list(state.item_ids),
            "cover": {"title": state.cover.title, "subtitle": state.cover.subtitle,
                      "organiser": state.cover.organiser, "date": state.cover.date},
            "paper": state.paper.value,
            "region": state.region_id,
            "glossary": state.with_glossary,
        }
        self.settings.set_versioned(PACK_SETTING, PACK_UPGRADES, value)


def content_item(view: ItemView) -> ContentItem:
    """An ItemView of the library as the ContentItem the printing engine takes."""
    return ContentItem(
        id=view.id, kind=view.kind, section=view.section, title=view.title, summary=view.summary,
        body=view.body, tags=view.tags, sources=view.sources, related=tuple(r.id for r in view.related),
        fields=dict(view.fields), path=view.path, language=view.text_language, translation=view.translation,
    )


# --- the documents -----------------------------------------------------------------------------------------

def _item(kind: str | None) -> Callable[[Services, DocumentRequest, PrintOptions, Report], Built]:
    def build(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
        data = services.printing.item_pdf(request.record, options, kind=kind)
        return Built(data, file_name(services.printing.content_item(request.record).title))
    return build


def _glossary(services: Services, _request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    return Built(services.printing.glossary_pdf(options), file_name(_("Glossary")))


def _file(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    data = services.printing.markdown_pdf(request.record, options, title=request.title)
    return Built(data, file_name(request.title or Path(request.record).stem))


def _pack(services: Services, request: DocumentRequest, options: PrintOptions, report: Report) -> Built:
    cover = request.cover
    if cover.organiser.strip() and not options.organisation:
        from dataclasses import replace

        options = replace(options, organisation=cover.organiser.strip())
    data = services.printing.pack_pdf(request.records, cover, options, with_glossary=request.with_glossary,
                                      report=report)
    return Built(data, file_name(_(cover.title.strip()) or _("Handout pack")))


def _items_of(kind: str) -> Callable[[Services], list[tuple[str, str]]]:
    return lambda services: services.printing.printable_items(kind)


register(DocumentType("glossary", N_("Glossary"), "", lambda s: [], _glossary, group="Toolbox"))
for _kind, _title in (("guide", N_("Guide")), ("case", N_("Case profile")), ("format", N_("Format card")),
                      ("interview", N_("Interview guide"))):
    register(DocumentType(_kind, _title, "item", _items_of(_kind), _item(_kind), group="Toolbox"))
register(DocumentType("item", N_("Toolbox item"), "item", lambda s: s.printing.printable_items(), _item(None),
                      group="Toolbox", listed=False))
register(DocumentType("file", N_("Markdown file"), "file", lambda s: [], _file, group="Toolbox",
                      accepts=frozenset({"paper", "language", "region", "title"}), listed=False))
register(DocumentType("pack", N_("Handout pack"), "items", lambda s: s.printing.printable_items(), _pack,
                      group="Toolbox", accepts=frozenset({"paper", "language", "region", "cover", "glossary"}),
                      listed=False))
