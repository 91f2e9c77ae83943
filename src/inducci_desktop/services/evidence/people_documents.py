"""The printable documents of interviews and the stakeholder register, registered with the document
registry: the interview record (``interview-record``) and the "people consulted" annex (``people-annex``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.services.documents import Built, DocumentRequest, DocumentType, Report, file_name, register

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

INTERVIEW_RECORD = "interview-record"
PEOPLE_ANNEX = "people-annex"


def _interview(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    from inducci_desktop.printing.evidence.interviews import interview_record

    view = services.interviews.get(request.record)
    summary = view.summary
    who = summary.interviewee_organisation or summary.interviewee_role
    return Built(interview_record(view, options), file_name(_("Interview"), who, summary.held_on.isoformat()),
                 _("Interview record – {guide}").format(guide=summary.guide_title))


def _annex(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    from inducci_desktop.printing.evidence.interviews import people_annex

    annex = services.stakeholders.annex(request.record or None)
    return Built(people_annex(annex, options), file_name(_("People consulted"), annex.region), annex.title)


def _interview_choices(services: Services) -> list[tuple[str, str]]:
    return [(i.id, f"{i.held_on.isoformat()} · {i.guide_title} · {i.interviewee_organisation or i.interviewee_role}")
            for i in services.interviews.list() if i.erased_at is None]


register(DocumentType(INTERVIEW_RECORD, N_("Interview record"), "interview", _interview_choices, _interview,
                      group="Evidence"))
register(DocumentType(PEOPLE_ANNEX, N_("People consulted (annex)"), "", lambda _s: [], _annex, group="Evidence"))
