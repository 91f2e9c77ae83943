"""The workshops' printable documents, registered with the document registry: agenda, sign-in sheet,
blank feedback form, certificates of attendance and the workshop report. ``KINDS`` is the one list of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.services.documents import (
    Built,
    DocumentRequest,
    DocumentType,
    Report,
    file_name,
    register,
    with_defaults,
)

if TYPE_CHECKING:
    from inducci_desktop.domain.workshops import WorkshopKit
    from inducci_desktop.services.container import Services

#: kind → (label on the Workshops page, title in the Print Center), in menu order; registry key ``workshop-<kind>``
KINDS: dict[str, tuple[str, str]] = {
    "agenda": (N_("Agenda"), N_("Workshop agenda")),
    "signin": (N_("Sign-in sheet"), N_("Workshop sign-in sheet")),
    "feedback": (N_("Blank feedback form"), N_("Workshop feedback form")),
    "certificates": (N_("Certificates of attendance"), N_("Certificates of attendance")),
    "report": (N_("Workshop report"), N_("Workshop report")),
}
PREFIX = "workshop-"


def key(kind: str) -> str:
    return PREFIX + kind


def render_kit(kind: str, kit: WorkshopKit, options: PrintOptions, *, blank_rows: int = 10) -> bytes:
    """The PDF of one kind of workshop document for ``kit``."""
    if kind == "agenda":
        from inducci_desktop.printing.workshops.documents import agenda_document

        return agenda_document(kit, options)
    if kind == "report":
        from inducci_desktop.printing.workshops.documents import workshop_report

        return workshop_report(kit, options)
    from inducci_desktop.printing.workshops import forms

    if kind == "signin":
        return forms.signin_sheet(kit, options, blank_rows=blank_rows)
    if kind == "feedback":
        return forms.feedback_form(kit, options)
    if kind == "certificates":
        return forms.certificates(kit, options)
    raise PrintError(_("Unknown workshop document {kind!r}; choose one of: {join}.")
        .format(kind=kind, join=', '.join(KINDS)))


def _builder(kind: str) -> Callable[[Services, DocumentRequest, PrintOptions, Report], Built]:
    def build(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
        kit = services.workshops.kit(request.record)
        options = with_defaults(options, organisation=kit.workshop.organisation, region=kit.workshop.region)
        label = _(KINDS[kind][0])
        return Built(render_kit(kind, kit, options, blank_rows=request.blank_rows),
                     file_name(label, kit.workshop.title), f"{label} – {kit.workshop.title}")
    return build


#: the participant documents that can be printed in two languages side by side
BILINGUAL = frozenset({"signin", "feedback", "certificates"})

for _kind, (_label, _title) in KINDS.items():
    register(DocumentType(
        key(_kind), _title, "workshop", lambda s: [(w.id, w.title) for w in s.workshops.list()], _builder(_kind),
        group="Workshops",
        accepts=frozenset({"paper", "language", "region", "blank_rows", "second_language"}) if _kind == "signin"
        else frozenset({"paper", "language", "region", "second_language"}) if _kind in BILINGUAL
        else frozenset({"paper", "language", "region"})))
