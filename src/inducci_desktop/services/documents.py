"""Printing use cases: PDFs of toolbox items, the glossary, Markdown files and handout packs — and the one
registry through which features plug printable documents into the Print Center.

Qt-free, and ReportLab is imported only inside the functions that make a PDF.

Document sources
----------------
A *document source* is one kind of printable document that needs at most one choice (which item, which
assessment, which workshop …)::

    from inducci_desktop.services.documents import DocumentSource, register_source

    register_source(DocumentSource(
        key="workshop-agenda",                       # unique, stable (stored in settings)
        label="Workshop agenda",                      # shown in the Print Center's "Single document" list
        list_choices=lambda services: [(w.id, w.title) for w in services.workshops.list()],
        build=lambda services, choice, options: agenda_pdf(services, choice, options),   # -> PDF bytes
        group="Workshops",
    ))

``list_choices(services)`` returns ``[(id, title), …]`` (empty: nothing to print yet); ``needs_choice=False``
sources (the glossary) get ``choice=""``. ``build`` runs on a worker thread: it may read through the services
(each call opens its own session) but must not touch widgets. It raises ``PrintError`` or a ``ServiceError``
with a message for the user. The built-in sources and those of the checklist and workshop features are
registered at the bottom of this module (``_register_builtin_sources``); add new ones there, one call each.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inducci_desktop.content.model import ContentItem
from inducci_desktop.printing.options import PaperSize, PrintOptions
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.library.service import ItemView, LibraryService
from inducci_desktop.services.regions import RegionService
from inducci_desktop.services.settings import SettingsService

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

log = logging.getLogger(__name__)

PACK_SETTING = "print_center.pack"
PACK_STATE_VERSION = 1
MAX_PACK_ITEMS = 500
PRINTABLE_KINDS = ("guide", "case", "format", "interview")


# --- the registry --------------------------------------------------------------------------------------

Choices = Callable[["Services"], list[tuple[str, str]]]
Builder = Callable[["Services", str, PrintOptions], bytes]


@dataclass(frozen=True)
class DocumentSource:
    """One kind of printable document, offered by the Print Center and built on a worker thread."""

    key: str
    label: str
    list_choices: Choices
    build: Builder
    group: str = ""
    needs_choice: bool = True


_SOURCES: dict[str, DocumentSource] = {}


def register_source(source: DocumentSource) -> None:
    """Add ``source`` (a source of the same key is replaced, so registering twice is harmless)."""
    _SOURCES[source.key] = source


def sources() -> list[DocumentSource]:
    """Every registered source, in the order of registration."""
    return list(_SOURCES.values())


def source(key: str) -> DocumentSource:
    try:
        return _SOURCES[key]
    except KeyError:
        raise NotFoundError(f"There is no printable document of the kind {key!r}.") from None


# --- the pack the user is collecting ---------------------------------------------------------------------

@dataclass(frozen=True)
class PackCoverText:
    title: str = "Handout pack"
    subtitle: str = ""
    organiser: str = ""
    date: str = ""


@dataclass(frozen=True)
class PackState:
    """The handout pack as the Print Center keeps it between sessions (in the settings table, so it
    travels with backups and restores)."""

    item_ids: tuple[str, ...] = ()
    cover: PackCoverText = field(default_factory=PackCoverText)
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

    # -- options ------------------------------------------------------------------------------------

    def options(self, paper: PaperSize | str = PaperSize.A4, *, region_id: str | None = None,
                organisation: str = "", date: _dt.date | None = None) -> PrintOptions:
        """Print options with the region's name in the page header (unknown or deleted regions: none)."""
        region = ""
        if region_id:
            try:
                region = self.regions.get(region_id).name
            except NotFoundError:
                log.info("region %s is gone; printing without a region", region_id)
        language = self.library.language
        return PrintOptions(paper=PaperSize(paper), organisation=organisation.strip(), region=region,
                            language=language, date=date)

    # -- content ------------------------------------------------------------------------------------

    def content_item(self, item_id: str) -> ContentItem:
        """The item as the printing engine takes it. Raises NotFoundError for unknown ids."""
        return content_item(self.library.item(item_id))

    def titles(self) -> dict[str, str]:
        """Every id a link or "related" list may name → its title (as ``printing.options.titles_from_pack``)."""
        titles = {i.id: i.title for i in self.library.items()}
        for checklist in self.library.checklists():
            titles.setdefault(checklist.id, checklist.title)
        for term in self.library.glossary():
            titles.setdefault(term.id, term.term)
        for link in self.library.links():
            titles.setdefault(link.id, link.title)
        return titles

    def printable_items(self, kind: str | None = None) -> list[tuple[str, str]]:
        """(id, title) of the items that print on their own, in pack order."""
        return [(i.id, i.title) for i in self.library.items(kind=kind) if i.kind in PRINTABLE_KINDS]

    def check_items(self, item_ids: Sequence[str]) -> list[str]:
        """The ids, checked: every unknown id is named in one NotFoundError."""
        known = {i.id for i in self.library.items()}
        unknown = [i for i in item_ids if i not in known]
        if unknown:
            listed = ", ".join(repr(i) for i in unknown[:10]) + (" …" if len(unknown) > 10 else "")
            raise NotFoundError(f"The toolbox has no item{'s' if len(unknown) > 1 else ''} {listed}.")
        return list(item_ids)

    # -- documents ----------------------------------------------------------------------------------

    def item_pdf(self, item_id: str, options: PrintOptions | None = None, *, kind: str | None = None) -> bytes:
        """One guide, case profile, format card or interview guide.

        ``kind``: refuse items of another kind (``print guide`` with a case id) with a clear message.
        """
        item = self.content_item(item_id)
        if kind is not None and item.kind != kind:
            raise ValidationError(f"{item_id!r} is a {_kind_label(item.kind)}, not a {_kind_label(kind)}; "
                                  f"use 'print item {item_id}' to print it.")
        from inducci_desktop.printing.library.items import item_document

        return item_document(item, options, titles=self.titles())

    def glossary_pdf(self, options: PrintOptions | None = None) -> bytes:
        from inducci_desktop.printing.library.glossary import glossary_document

        return glossary_document(self.library.glossary(), options, titles=self.titles())

    def markdown_pdf(self, path: Path | str, options: PrintOptions | None = None, *,
                     title: str | None = None) -> bytes:
        """Any UTF-8 Markdown file (PrintError when missing, unreadable or not UTF-8)."""
        from inducci_desktop.printing.markdown_file import markdown_document

        return markdown_document(Path(path), options, title=title)

    def pack_pdf(self, item_ids: Sequence[str], cover: PackCoverText | None = None,
                 options: PrintOptions | None = None, *, with_glossary: bool = False,
                 report: Callable[[int, int], None] | None = None) -> bytes:
        """The handout pack: cover, contents with page numbers, the items in this order, bookmarks.

        ``report(done, total)`` is told about loading progress (layout is one step at the end).
        """
        ids = self.check_items(item_ids)
        if not ids and not with_glossary:
            raise ValidationError("The handout pack is empty: add items from the library first.")
        if len(ids) > MAX_PACK_ITEMS:
            raise ValidationError(f"A handout pack can hold at most {MAX_PACK_ITEMS} items.")
        total = len(ids) + 2
        items: list[ContentItem] = []
        for done, item_id in enumerate(ids, start=1):
            items.append(self.content_item(item_id))
            if report:
                report(done, total)
        glossary = self.library.glossary() if with_glossary else []
        titles = self.titles()
        if report:
            report(total - 1, total)
        from inducci_desktop.printing.library.pack import PackCover, handout_pack

        cover = cover or PackCoverText()
        data = handout_pack(items, PackCover(cover.title.strip() or "Handout pack", cover.subtitle.strip(),
                                             cover.organiser.strip(), cover.date.strip()),
                            options, titles=titles, glossary=glossary)
        if report:
            report(total, total)
        return data

    # -- the pack kept between sessions ---------------------------------------------------------------

    def load_pack(self) -> PackState:
        """The pack as last saved; ids no longer in the toolbox are dropped, a damaged value gives an empty pack."""
        raw = self.settings.get(PACK_SETTING)
        if not isinstance(raw, dict) or raw.get("version") != PACK_STATE_VERSION:
            if raw is not None:
                log.warning("ignoring the saved handout pack (unknown format)")
            return PackState()
        try:
            known = {i.id for i in self.library.items()}
            ids = tuple(i for i in raw.get("items", []) if isinstance(i, str) and i in known)
            cover = raw.get("cover") or {}
            return PackState(
                item_ids=ids,
                cover=PackCoverText(str(cover.get("title", "Handout pack")), str(cover.get("subtitle", "")),
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
            "version": PACK_STATE_VERSION,
            "items": list(state.item_ids),
            "cover": {"title": state.cover.title, "subtitle": state.cover.subtitle,
                      "organiser": state.cover.organiser, "date": state.cover.date},
            "paper": state.paper.value,
            "region": state.region_id,
            "glossary": state.with_glossary,
        }
        self.settings.set(PACK_SETTING, value)


def content_item(view: ItemView) -> ContentItem:
    """An ItemView of the library as the ContentItem the printing engine takes."""
    return ContentItem(
        id=view.id, kind=view.kind, section=view.section, title=view.title, summary=view.summary,
        body=view.body, tags=view.tags, sources=view.sources, related=tuple(r.id for r in view.related),
        fields=dict(view.fields), path=view.path,
    )


def _kind_label(kind: str) -> str:
    from inducci_desktop.content.model import KIND_LABELS

    return KIND_LABELS.get(kind, kind).lower()


# --- the sources -----------------------------------------------------------------------------------------

def _register_builtin_sources() -> None:
    register_source(DocumentSource(
        "glossary", "Glossary", lambda s: [], lambda s, _c, o: s.printing.glossary_pdf(o),
        group="Toolbox", needs_choice=False))
    def items_of(kind: str) -> Choices:
        return lambda services: services.printing.printable_items(kind)

    def item_of(kind: str) -> Builder:
        return lambda services, choice, options: services.printing.item_pdf(choice, options, kind=kind)

    for kind, label in (("guide", "Guide"), ("case", "Case profile"), ("format", "Format card"),
                        ("interview", "Interview guide")):
        register_source(DocumentSource(kind, label, items_of(kind), item_of(kind), group="Toolbox"))

    # Checklists (printing/checklist_docs.py)
    def checklist_form(services: Services, choice: str, options: PrintOptions) -> bytes:
        from inducci_desktop.printing.checklists.documents import blank_checklist

        return blank_checklist(services.checklists.templates.template(choice), options)

    def assessment(services: Services, choice: str, options: PrintOptions) -> bytes:
        from inducci_desktop.printing.checklists.documents import assessment_report

        view = services.checklists.get(choice)
        if not options.region:
            options = _with(options, region=view.summary.subject)
        return assessment_report(view, options)

    def comparable(services: Services) -> list[tuple[str, str]]:
        counts: dict[str, list[str]] = {}
        titles: dict[str, str] = {}
        for a in services.checklists.list():
            counts.setdefault(a.template_id, []).append(a.id)
            titles[a.template_id] = a.template_title
        return [(t, f"{titles[t]} ({len(ids)} assessments)") for t, ids in counts.items() if len(ids) >= 2]

    def comparison(services: Services, choice: str, options: PrintOptions) -> bytes:
        from inducci_desktop.printing.checklists.documents import comparison_report

        # oldest first: differences are shown against the first round
        ids = [a.id for a in reversed(services.checklists.list(template_id=choice))]
        return comparison_report(services.checklists.compare(ids), options)

    register_source(DocumentSource(
        "checklist-form", "Blank checklist form",
        lambda s: [(t.id, t.title) for t in s.checklists.templates.templates()], checklist_form, group="Checklists"))
    register_source(DocumentSource(
        "assessment-report", "Assessment report",
        lambda s: [(a.id, a.title) for a in s.checklists.list()], assessment, group="Checklists"))
    register_source(DocumentSource(
        "assessment-comparison", "Comparison of all assessments of a checklist", comparable, comparison,
        group="Checklists"))

    # Workshops (printing/workshop_docs.py, printing/workshop_forms.py)
    def workshop_builder(kind: str) -> Builder:
        def build(services: Services, choice: str, options: PrintOptions) -> bytes:
            from inducci_desktop.printing.workshops.documents import workshop_document

            kit = services.workshops.kit(choice)
            options = _with(options, organisation=options.organisation or kit.workshop.organisation,
                            region=options.region or kit.workshop.region)
            return workshop_document(kind, kit, options)
        return build

    for kind, label in (("agenda", "Workshop agenda"), ("signin", "Workshop sign-in sheet"),
                        ("feedback", "Workshop feedback form"), ("certificates", "Certificates of attendance"),
                        ("report", "Workshop report")):
        register_source(DocumentSource(
            f"workshop-{kind}", label, lambda s: [(w.id, w.title) for w in s.workshops.list()],
            workshop_builder(kind), group="Workshops"))


def _with(options: PrintOptions, **changes: Any) -> PrintOptions:
    from dataclasses import replace

    return replace(options, **changes)


_register_builtin_sources()
