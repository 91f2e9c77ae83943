"""The checklists' printable documents, registered with the document registry: the blank paper form of a
template, the report of one assessment, and the comparison of assessments of one checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import N_, _
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
    from inducci_desktop.services.container import Services


def _blank_form(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    from inducci_desktop.printing.checklists.documents import blank_checklist

    template = services.checklists.templates.template(request.record, request.version, options.language)
    return Built(blank_checklist(template, options), file_name(template.title, _("paper form")),
                 _("{title} – paper form").format(title=template.title))


def _report(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    from inducci_desktop.printing.checklists.documents import assessment_report

    view = services.checklists.get(request.record, options.language)
    options = with_defaults(options, region=view.summary.subject)
    return Built(assessment_report(view, options), file_name(view.summary.title), view.summary.title)


def _comparable(services: Services) -> list[tuple[str, str]]:
    ids: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for a in services.checklists.list():
        ids.setdefault(a.template_id, []).append(a.id)
        titles[a.template_id] = a.template_title
    return [(t, _("{titles} ({count} assessments)")
        .format(titles=titles[t], count=len(found))) for t, found in ids.items() if len(found) >= 2]


def _comparison(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    """The assessments named in ``records``; or, given a checklist in ``record``, all its assessments."""
    from inducci_desktop.printing.checklists.documents import comparison_report

    ids = list(request.records)
    if not ids:  # oldest first: differences are shown against the first round
        ids = [a.id for a in reversed(services.checklists.list(template_id=request.record))]
    comparison = services.checklists.compare(ids, options.language)
    title = _("Comparison – {title}").format(title=comparison.template.title)
    return Built(comparison_report(comparison, options), file_name(_("Comparison"), comparison.template.title), title)


register(DocumentType(
    "checklist-form", N_("Blank checklist form"), "template",
    lambda s: [(t.id, t.title) for t in s.checklists.templates.templates()], _blank_form, group="Checklists",
    accepts=frozenset({"paper", "language", "region", "version"})))
register(DocumentType(
    "assessment-report", N_("Assessment report"), "assessment",
    lambda s: [(a.id, a.title) for a in s.checklists.list()], _report, group="Checklists"))
register(DocumentType(
    "assessment-comparison", N_("Comparison of all assessments of a checklist"), "assessments", _comparable,
    _comparison, group="Checklists"))
