"""The document registry: every printable document of every feature, and the one place where the options of
a printed document (paper, document language, region) are resolved.

Each feature registers its own documents in its own ``documents`` module (``FEATURE_MODULES``, one line per
feature); the GUI (every page and the Print Center) and the command line ask this registry, so the same
request gives the same PDF on every route::

    from inducci_desktop.services.documents import DocumentType, register

    register(DocumentType(
        key="workshop-agenda",            # unique, stable (stored in settings, used by the CLI)
        title="Workshop agenda",          # shown in the Print Center's "Single document" list
        needs="workshop",                 # the record it is about: "" (none), "item", "template", "assessment",
                                          # "assessments", "workshop", "pilot", "file", "items"
        list_choices=lambda services: [(w.id, w.title) for w in services.workshops.list()],
        build=agenda,                     # (services, request, options, report) -> Built(pdf bytes, file name)
        group="Workshops",
    ))

``build`` runs on a worker thread: it reads through the services (each call opens its own session) and
never touches widgets. It raises ``PrintError`` or a ``ServiceError`` with a message for the user.
Qt-free; ReportLab is imported only inside the builders.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inducci_desktop.domain import i18n
from inducci_desktop.domain.files import safe_filename
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.paths import AppPaths
from inducci_desktop.printing.options import PaperSize as PaperSize  # re-exported: the front ends offer it
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.services.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

log = logging.getLogger(__name__)

#: the modules that register documents, one per feature (imported on the first question to the registry)
FEATURE_MODULES = (
    "inducci_desktop.services.library.documents",
    "inducci_desktop.services.checklists.documents",
    "inducci_desktop.services.workshops.documents",
    "inducci_desktop.services.pilots.documents",
    "inducci_desktop.services.strategy.documents",
    "inducci_desktop.services.evidence.documents",
    "inducci_desktop.services.evidence.people_documents",
)
#: the user's document settings (paper, language, region) in the settings table
SETTING = "documents"
#: the options a document may take from a request; every document takes the first three
COMMON_OPTIONS = frozenset({"paper", "language", "region"})

Report = Callable[[int, int], None]


@dataclass(frozen=True)
class PackCover:
    """The cover of a handout pack."""

    title: str = N_("Handout pack")
    subtitle: str = ""
    organiser: str = ""
    date: str = ""


@dataclass(frozen=True)
class DocumentRequest:
    """What to print: the document's key, the record(s) it is about and the options that override the user's
    settings for this one document (None: take the setting)."""

    key: str
    record: str = ""  # the id (or, for a Markdown file, the path) of the one record the document is about
    records: tuple[str, ...] = ()  # documents about several records: a comparison, a handout pack
    paper: PaperSize | str | None = None
    language: str | None = None  # one of domain.i18n.LANGUAGES (None: the setting, else the interface's)
    second_language: str | None = None  # participant documents in two languages side by side (None: one)
    region_id: str | None = None  # "" prints no region whatever the settings say
    organisation: str | None = None
    version: int | None = None  # a checklist template's version (blank form)
    title: str | None = None  # a Markdown file's title
    cover: PackCover = field(default_factory=PackCover)
    with_glossary: bool = False
    blank_rows: int = 10  # sign-in sheet
    logo: str | None = None  # an image file for this document only (None: the logo chosen in Settings)
    params: tuple[tuple[str, str], ...] = ()  # a document's own choices (the evidence annex's filters)


@dataclass(frozen=True)
class Built:
    """A built document: the PDF and the file name to suggest when saving it."""

    data: bytes
    file_name: str
    title: str = ""
    paper: PaperSize = PaperSize.A4  # set by ``build`` from the resolved options


Choices = Callable[["Services"], list[tuple[str, str]]]
Builder = Callable[["Services", DocumentRequest, PrintOptions, Report], Built]


@dataclass(frozen=True)
class DocumentType:
    """One kind of printable document."""

    key: str
    title: str
    needs: str
    list_choices: Choices
    build: Builder
    group: str = ""
    accepts: frozenset[str] = COMMON_OPTIONS
    listed: bool = True  # offered in the Print Center's "Single document" list

    @property
    def needs_choice(self) -> bool:
        return self.needs not in ("", "items", "file")


@dataclass(frozen=True)
class DocumentSettings:
    """The user's choices that every printed document follows unless a request says otherwise."""

    paper: PaperSize = PaperSize.A4
    language: str = ""  # "" → the interface language
    region_id: str | None = None


_DOCUMENTS: dict[str, DocumentType] = {}
_loaded = False


def register(document: DocumentType) -> None:
    """Add ``document`` (one of the same key is replaced, so registering twice is harmless)."""
    _DOCUMENTS[document.key] = document


def documents() -> list[DocumentType]:
    """Every registered document, in the order of registration (features in FEATURE_MODULES order)."""
    _load()
    return list(_DOCUMENTS.values())


def document(key: str) -> DocumentType:
    _load()
    try:
        return _DOCUMENTS[key]
    except KeyError:
        raise NotFoundError(_("There is no printable document of the kind {key!r}.").format(key=key)) from None


def _load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for name in FEATURE_MODULES:
            importlib.import_module(name)


# --- options -----------------------------------------------------------------------------------------------

def load_settings(services: Services) -> DocumentSettings:
    return settings_from(services.settings.get(SETTING))


def settings_from(raw: Any) -> DocumentSettings:
    """The document settings in the stored JSON value ``raw`` (defaults where it is missing or damaged)."""
    if not isinstance(raw, dict):
        return DocumentSettings()
    try:
        paper = PaperSize(raw.get("paper", "a4"))
    except ValueError:
        paper = PaperSize.A4
    language = raw.get("language") if isinstance(raw.get("language"), str) else ""
    region = raw.get("region") if isinstance(raw.get("region"), str) and raw.get("region") else None
    return DocumentSettings(paper, language or "", region)


def save_settings(services: Services, settings: DocumentSettings) -> None:
    services.settings.set(SETTING, {"paper": settings.paper.value, "language": settings.language,
                                    "region": settings.region_id})


def resolve_options(services: Services, request: DocumentRequest) -> PrintOptions:
    """The options of the requested document: the request's overrides, else the user's settings.

    The region is printed by name; an unknown or deleted region prints none. The organisation logo is the
    one chosen in Settings (stored in the data folder) unless the request names another image file.
    """
    def region_name(region_id: str) -> str:
        try:
            return services.regions.get(region_id).name
        except NotFoundError:
            return ""

    return options_from(request, load_settings(services), region_name, services.paths)


def options_from(request: DocumentRequest, settings: DocumentSettings, region_name: Callable[[str], str],
                 paths: AppPaths) -> PrintOptions:
    """``resolve_options`` over settings already read; ``region_name`` gives "" for a region that is gone."""
    try:
        paper = PaperSize(request.paper) if request.paper is not None else settings.paper
    except ValueError:
        raise ValidationError(_("Unknown paper size {paper!r}; use a4 or letter.")
            .format(paper=request.paper)) from None
    language = i18n.normalise(request.language or settings.language or i18n.interface_language())
    second = i18n.normalise(request.second_language) if request.second_language else ""
    region_id = request.region_id if request.region_id is not None else settings.region_id
    region = ""
    if region_id:
        region = region_name(region_id)
        if not region:
            log.info("region %s is gone; printing without a region", region_id)
    return PrintOptions(paper=paper, organisation=(request.organisation or "").strip(), region=region,
                        language=language, second_language="" if second == language else second,
                        logo=_logo(paths, request))


def _logo(paths: AppPaths, request: DocumentRequest) -> str:
    """The logo file of the document: the request's (checked here), else the one stored by Settings."""
    from inducci_desktop.services.logo import check_image, stored_logo

    if request.logo:
        check_image(Path(request.logo))
        return str(Path(request.logo))
    stored = stored_logo(paths)
    return str(stored) if stored else ""


def build(services: Services, request: DocumentRequest, report: Report | None = None) -> Built:
    """The PDF of ``request`` (on a worker thread in the GUI). Raises NotFoundError for unknown keys,
    ValidationError when the record a document needs is missing."""
    kind = document(request.key)
    if kind.needs_choice and not (request.record or request.records):
        raise ValidationError(_("Choose what the {lower} is about first.").format(lower=_(kind.title).lower()))
    options = resolve_options(services, request)
    with i18n.speaking(options.language):  # the document's language, on this thread only (not the window's)
        built = kind.build(services, request, options, report or (lambda _done, _total: None))
    return replace(built, paper=options.paper)


#: documents that need nothing stored but the document settings (a Markdown file, a toolbox item read from
#: the shipped pack): key → the function that builds them from the data folder's paths, without the store
STORE_FREE: dict[str, str] = {
    "file": "inducci_desktop.services.library.store_free:markdown_file",
    "item": "inducci_desktop.services.library.store_free:toolbox_item",
    "guide": "inducci_desktop.services.library.store_free:toolbox_item",
    "case": "inducci_desktop.services.library.store_free:toolbox_item",
    "format": "inducci_desktop.services.library.store_free:toolbox_item",
    "interview": "inducci_desktop.services.library.store_free:toolbox_item",
}
StoreFreeBuilder = Callable[[AppPaths, DocumentRequest, PrintOptions], Built | None]


def build_without_store(paths: AppPaths, request: DocumentRequest) -> Built | None:
    """The PDF of ``request`` built without opening the store (no SQLAlchemy, no migration, no database
    created), as ``build(services, request)`` would build it; None when this document needs the store or
    the document settings cannot be read without it (then the caller opens the services and uses ``build``).

    The document settings and the region's name are read from the database file with the standard
    library's sqlite3, read-only, when the file exists (``services.peek``). With the data on a server the
    settings are there: None.
    """
    target = STORE_FREE.get(request.key)
    if target is None or paths.server is not None:  # the settings are on the server: through the store
        return None
    from inducci_desktop.services.peek import StoredValues, Unreadable

    try:
        with StoredValues(paths.database) as stored:
            options = options_from(request, settings_from(stored.setting(SETTING)), stored.region_name, paths)
    except Unreadable:
        return None
    module, name = target.split(":")
    builder: StoreFreeBuilder = getattr(importlib.import_module(module), name)
    with i18n.speaking(options.language):
        built = builder(paths, request, options)
    return None if built is None else replace(built, paper=options.paper)


def with_defaults(options: PrintOptions, **defaults: Any) -> PrintOptions:
    """``options`` with each empty field among ``defaults`` filled (a workshop's organisation, say)."""
    return replace(options, **{k: v for k, v in defaults.items() if not getattr(options, k)})


def file_name(*parts: str) -> str:
    """The file name every route suggests: the words of ``parts`` joined by hyphens, at most 80 characters,
    letters of every language kept ("Agenda-Kompetencje-łódzkie.pdf"); the rule is ``domain.files``'."""
    return safe_filename(" ".join(parts), ".pdf")


def write_pdf(target: Path | str, data: bytes) -> Path:
    """Write a built PDF to ``target`` atomically (temp file + rename: nothing partial is left behind) and
    return the path; raises PrintError with a message for the user (folder missing or not writable …)."""
    from inducci_desktop.printing.output import write_pdf as write

    return write(target, data)
