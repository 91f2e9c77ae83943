"""The evidence documents, registered with the document registry: the evidence annex."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from inducci_desktop.domain.evidence import EvidenceAnnex
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.services.documents import Built, DocumentRequest, DocumentType, Report, file_name, register

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services


def annex_view(services: Services, *, region_id: str = "", topic_id: str = "", group: str = "topic") -> EvidenceAnnex:
    """The annex of the findings of one region and/or topic (all when empty), grouped by topic or region."""
    findings = services.evidence.findings
    views = findings.list(region_id=region_id or None, topic_id=topic_id or None)
    parts = []
    if region_id:
        parts.append(services.regions.get(region_id).name)
    if topic_id:
        parts.extend(t.name for t in findings.topics() if t.id == topic_id)
    title = " · ".join(parts) or _("All regions")
    subtitle = _("Findings by region") if group == "region" else _("Findings by topic")
    sources = services.evidence.sources.resolve_all({v.id: v.source for v in views})
    return EvidenceAnnex(title, subtitle, tuple(findings.grouped(views, "region" if group == "region" else "topic")),
                         sources, date.today())


def _annex(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    from inducci_desktop.printing.evidence.annex import evidence_annex

    params = dict(request.params)
    view = annex_view(services, region_id=params.get("region", ""), topic_id=params.get("topic", ""),
                      group=params.get("group", "topic"))
    return Built(evidence_annex(view, options), file_name(_("Evidence annex"), view.title),
                 f"{_('Evidence annex')} – {view.title}")


register(DocumentType("evidence-annex", N_("Evidence annex"), "", lambda _services: [], _annex, group="Evidence"))
