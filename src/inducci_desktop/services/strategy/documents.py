"""The strategy documents in the document registry (the regional paper; the recommendation, short and full),
and their DOCX exports, which take the same request and options."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.strategy import PaperPrint, RecommendationPrint
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.services.documents import (
    Builder,
    Built,
    DocumentRequest,
    DocumentType,
    Report,
    file_name,
    register,
    resolve_options,
)
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.strategy.blocks import region_pilots, source_text

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

PAPER = "strategy-paper"
SHORT, FULL = "recommendation-short", "recommendation-full"
METHOD = N_("This paper follows the toolbox guide “Regional strategy paper”. Every measure names the findings "
            "of the region's evidence register that support it (numbered F1, F2 … in the evidence annex); a "
            "measure without one is marked as an assumption. Evidence blocks show checklist scores, workshop "
            "figures and findings as they were on the date printed with them. Sources erased on request are "
            "said so and print nothing of the person.")


def paper_id_for(services: Services, request: DocumentRequest) -> str:
    """The paper of the request; ``request.version`` picks another version of the same paper."""
    paper_id = request.record
    if request.version is None:
        return paper_id
    for summary in services.strategy.papers.versions(paper_id):
        if summary.version == request.version:
            return summary.id
    raise NotFoundError(_("That paper has no version {n}.").format(n=request.version))


def paper_print(services: Services, paper_id: str) -> PaperPrint:
    paper = services.strategy.papers.get(paper_id)
    sources = {fid: source_text(services, finding) for fid, finding in paper.findings.items()}
    region_id = paper.summary.region_id
    people = tuple(services.stakeholders.list(region_id))
    return PaperPrint(paper, sources, _(METHOD), date.today(), people, region_pilots(services, region_id))



def _paper_options(services: Services, request: DocumentRequest, options: PrintOptions, paper_id: str
                   ) -> tuple[PaperPrint, PrintOptions]:
    from dataclasses import replace

    doc = paper_print(services, paper_id)
    if not options.region:
        options = replace(options, region=doc.paper.summary.region_name)
    return doc, options


def _paper(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
    from inducci_desktop.printing.strategy.paper import paper_document

    doc, options = _paper_options(services, request, options, paper_id_for(services, request))
    title = doc.paper.summary.title
    return Built(paper_document(doc, options), file_name(title, f"v{doc.paper.summary.version}"), title)


def _recommendation(short: bool) -> Builder:
    def build(services: Services, request: DocumentRequest, options: PrintOptions, _report: Report) -> Built:
        from inducci_desktop.printing.strategy.recommendation import recommendation_document

        view = services.strategy.recommendations.get(request.record)
        label = _("short") if short else _("full")
        return Built(recommendation_document(RecommendationPrint(view, short, date.today()), options),
                     file_name(view.summary.title, label), view.summary.title)
    return build


def _papers(services: Services) -> list[tuple[str, str]]:
    return [(p.id, f"{p.region_name} – {p.title} (v{p.version})") for p in services.strategy.papers.list()]


def _recommendations(services: Services) -> list[tuple[str, str]]:
    return [(r.id, r.title) for r in services.strategy.recommendations.list()]


register(DocumentType(PAPER, N_("Regional strategy paper"), "paper", _papers, _paper, group="Strategy",
                      accepts=frozenset({"paper", "language", "region", "version"})))
register(DocumentType(SHORT, N_("Transnational recommendation (short)"), "recommendation", _recommendations,
                      _recommendation(True), group="Strategy"))
register(DocumentType(FULL, N_("Transnational recommendation (full)"), "recommendation", _recommendations,
                      _recommendation(False), group="Strategy"))


def docx(services: Services, request: DocumentRequest) -> tuple[bytes, str]:
    """The DOCX of a paper or recommendation request (same options as its PDF) and the file name to suggest."""
    from inducci_desktop.printing.strategy import docx_export

    options = resolve_options(services, request)
    if request.key == PAPER:
        doc, options = _paper_options(services, request, options, paper_id_for(services, request))
        name = file_name(doc.paper.summary.title, f"v{doc.paper.summary.version}")
        return docx_export.paper_docx(doc, options), name.removesuffix(".pdf") + ".docx"
    if request.key in (SHORT, FULL):
        view = services.strategy.recommendations.get(request.record)
        data = docx_export.recommendation_docx(RecommendationPrint(view, request.key == SHORT, date.today()), options)
        name = file_name(view.summary.title, _("short") if request.key == SHORT else _("full"))
        return data, name.removesuffix(".pdf") + ".docx"
    raise ValidationError(_("Only strategy papers and recommendations are exported as DOCX."))


def docx_name(services: Services, request: DocumentRequest) -> str:
    """The file name a DOCX export suggests (the PDF's, ending .docx), without building anything."""
    if request.key == PAPER:
        summary = services.strategy.papers.summary(paper_id_for(services, request))
        name = file_name(summary.title, f"v{summary.version}")
    else:
        title = services.strategy.recommendations.get(request.record).summary.title
        name = file_name(title, _("short") if request.key == SHORT else _("full"))
    return name.removesuffix(".pdf") + ".docx"


def write_docx(target: Path | str, services: Services, request: DocumentRequest) -> Path:
    """Build the DOCX and write it atomically (nothing partial is left when building or writing fails)."""
    from inducci_desktop.printing.output import write_pdf

    return write_pdf(target, lambda: docx(services, request)[0])
