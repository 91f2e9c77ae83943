"""The pilot actions' printable documents, registered with the document registry: the case profile (toolbox
layout, with photos) and the one-page plan. ``KINDS`` is the one list of them."""

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
    from inducci_desktop.domain.pilots import PilotPrint
    from inducci_desktop.services.container import Services

#: kind → (label on the Pilot actions page, title in the Print Center); registry key ``pilot-<kind>``
KINDS: dict[str, tuple[str, str]] = {
    "profile": (N_("Case profile"), N_("Pilot action case profile")),
    "plan": (N_("Pilot plan"), N_("One-page pilot plan")),
}
PREFIX = "pilot-"


def key(kind: str) -> str:
    return PREFIX + kind


def render_pilot(kind: str, data: PilotPrint, options: PrintOptions) -> bytes:
    from inducci_desktop.printing.pilots.documents import plan_document, profile_document

    if kind == "profile":
        return profile_document(data, options)
    if kind == "plan":
        return plan_document(data, options)
    raise PrintError(_("Unknown pilot document {kind!r}; choose one of: {kinds}.").format(
        kind=kind, kinds=", ".join(KINDS)))


def _builder(kind: str) -> Callable[[Services, DocumentRequest, PrintOptions, Report], Built]:
    def build(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
        data = services.pilots.for_print(request.record)
        options = with_defaults(options, region=data.pilot.region)
        label = _(KINDS[kind][0])
        return Built(render_pilot(kind, data, options), file_name(label, data.pilot.title),
                     f"{label} – {data.pilot.title}")
    return build


for _kind, (_label, _title) in KINDS.items():
    register(DocumentType(key(_kind), _title, "pilot", lambda s: [(p.id, p.title) for p in s.pilots.list()],
                          _builder(_kind), group=N_("Pilot actions")))
