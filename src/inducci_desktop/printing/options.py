"""What a caller chooses about a printed document (paper, organisation, date, language).

Deliberately free of ReportLab so that dialogs can build options without loading it.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import _

if TYPE_CHECKING:
    from inducci_desktop.content.model import ContentPack

_MM = 72.0 / 25.4


class PaperSize(enum.Enum):
    """Paper formats offered for printing."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def points(self) -> tuple[float, float]:
        """Width and height in PostScript points (portrait)."""
        if self is PaperSize.A4:
            return (210 * _MM, 297 * _MM)
        return (612.0, 792.0)

    @property
    def label(self) -> str:
        return "A4" if self is PaperSize.A4 else _("US Letter")


@dataclass(frozen=True)
class PrintOptions:
    """Choices shared by all documents.

    ``organisation`` and ``region`` go into the page header when given; ``author`` into the PDF
    metadata (defaults to the organisation); ``language`` is a BCP 47 tag written to the catalog's
    /Lang; ``date`` is printed in the footer (today when None); ``logo`` is the path of the organisation's
    logo (already checked and scaled, see services/logo.py), "" for none.
    """

    paper: PaperSize = PaperSize.A4
    organisation: str = ""
    region: str = ""
    author: str = ""
    language: str = "en"
    second_language: str = ""  # participant documents (sign-in sheet, feedback form, certificates) in two languages
    date: _dt.date | None = None
    keywords: tuple[str, ...] = ()
    logo: str = ""  # a checked PNG/JPEG file: the organisation logo on covers, certificates and title areas

    def effective_date(self) -> _dt.date:
        return self.date or _dt.date.today()

    def date_text(self) -> str:
        # ISO 8601: unambiguous in every country the toolbox is used in.
        return self.effective_date().isoformat()


def titles_from_pack(pack: ContentPack) -> dict[str, str]:
    """Map every id a link or "related" list may name to its title."""
    titles: dict[str, str] = {item_id: item.title for item_id, item in pack.items.items()}
    for template_id, template in pack.checklists.items():
        titles.setdefault(template_id, template.title)
    for term in pack.glossary:
        titles.setdefault(term.id, term.term)
    for link in pack.links:
        titles.setdefault(link.id, link.title)
    return titles


def lookup_title(titles: Mapping[str, str] | None, item_id: str, fallback: str = "") -> str:
    """The title for ``item_id``, else ``fallback``, else the id itself."""
    if titles and item_id in titles:
        return titles[item_id]
    return fallback or item_id
