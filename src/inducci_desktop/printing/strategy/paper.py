"""The regional strategy paper as a PDF: cover with logo, contents, numbered sections with their evidence
blocks (tables and charts), the measures table, and the annexes (evidence: findings with sources; method)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import PRIORITIES_KEY, BlockValue, PaperPrint, PaperView
from inducci_desktop.printing.checklists.parts import score_chart
from inducci_desktop.printing.common import DocContext, body
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import ACCENT, data_table_style
from inducci_desktop.printing.templates import CONTENT, COVER, DocumentMeta, contents, mark_heading, render


def status_line(paper: PaperView) -> str:
    s = paper.summary
    text = _("Version {n} · {status}").format(n=s.version, status=_(rules.PAPER_STATUS.labels[s.status]))
    if s.status == "adopted" and s.adopted_on:
        text += " · " + _("adopted by {body} on {date}").format(body=s.adopted_by, date=s.adopted_on.isoformat())
    if s.frozen_at:
        text += " · " + _("frozen {date}").format(date=s.frozen_at.date().isoformat())
    return text


def cover(ctx: DocContext, title: str, kicker: str, lines: Sequence[tuple[str, str]]) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [Spacer(1, ctx.options.paper.points[1] * 0.2),
                             Paragraph(escape(kicker.upper()), s.kicker),
                             Paragraph(escape(title), s.cover_title),
                             HRFlowable(width="35%", thickness=2, color=ACCENT, hAlign="LEFT", spaceBefore=4,
                                        spaceAfter=18)]
    story += [Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", s.cover_meta) for label, value in lines if value]
    return story


def heading(ctx: DocContext, text: str, level: int = 1) -> Flowable:
    return mark_heading(Paragraph(escape(text), ctx.styles.heading(level)), text, outline_level=level - 1,
                        toc_level=level - 1)


def table(ctx: DocContext, columns: Sequence[str], rows: Sequence[Sequence[str]],
          widths: Sequence[float] | None = None) -> Table:
    s = ctx.styles
    data = [[Paragraph(escape(c), s.table_header) for c in columns]]
    data += [[Paragraph(escape(cell), s.table_cell) for cell in row] for row in rows]
    if widths is None:
        first = ctx.width * (0.5 if len(columns) > 2 else 0.65)
        rest = (ctx.width - first) / max(1, len(columns) - 1)
        widths = [first] + [rest] * (len(columns) - 1)
    return Table(data, colWidths=list(widths), repeatRows=1, style=data_table_style(), hAlign="LEFT",
                 spaceBefore=4, spaceAfter=8)


def block_story(ctx: DocContext, value: BlockValue, frozen: bool) -> list[Flowable]:
    s = ctx.styles
    taken = value.taken_on.isoformat() if value.taken_on else ""
    caption = (_("Values taken on {date}").format(date=taken) if frozen
               else _("Live values as of {date}").format(date=taken))
    parts: list[Flowable] = [Paragraph(f"<b>{escape(value.title)}</b>", s.body), Paragraph(escape(caption), s.small)]
    if value.rows:
        parts.append(table(ctx, value.columns, value.rows))
    if value.chart is not None and value.chart.categories:
        parts += [score_chart(value.chart.categories, value.chart.series, value.chart.names, ctx.width),
                  Spacer(1, 8 * mm)]
    if value.note:
        parts.append(Paragraph(escape(value.note), s.small))
    return [CondPageBreak(60 * mm), *parts, Spacer(1, 4 * mm)]


def measures_story(ctx: DocContext, paper: PaperView, numbers: dict[str, str]) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = []
    for index, priority in enumerate(paper.priorities, 1):
        story.append(Paragraph(escape(f"{_('Priority')} {index}: {priority.title}"), s.h3))
        if priority.description:
            story += body(ctx, priority.description)
        rows = []
        for number, measure in enumerate(priority.measures, 1):
            indicators = "; ".join(i.text for i in measure.indicators)
            support = ", ".join(numbers[f] for f in measure.finding_ids if f in numbers)
            if not support:
                support = _("assumption") if measure.assumption else _("none")
            resources = " · ".join(p for p in (measure.resources, measure.funding) if p)
            rows.append((f"{index}.{number}", measure.what, measure.responsible or "–",
                         measure.due.isoformat() if measure.due else "–", resources or "–", indicators or "–",
                         support))
        if rows:
            w = ctx.width
            story.append(table(ctx, (_("No."), _("Measure"), _("Responsible"), _("By"), _("Resources"),
                                     _("Indicators"), _("Evidence")), rows,
                               [0.06 * w, 0.25 * w, 0.15 * w, 0.11 * w, 0.15 * w, 0.16 * w, 0.12 * w]))
    return story


def finding_numbers(paper: PaperView) -> dict[str, str]:
    return {finding_id: f"F{n}" for n, finding_id in enumerate(paper.findings, 1)}


def paper_story(doc: PaperPrint, ctx: DocContext) -> list[Flowable]:
    paper = doc.paper
    s = ctx.styles
    numbers = finding_numbers(paper)
    story: list[Flowable] = [
        *cover(ctx, paper.summary.title, _("Regional strategy paper"),
               [(_("Region"), paper.summary.region_name), (_("Status"), status_line(paper)),
                (_("Date"), doc.generated_on.isoformat())]),
        NextPageTemplate(CONTENT), PageBreak(), *contents(_("Contents")), PageBreak(),
    ]
    for number, section in enumerate(paper.sections, 1):
        story.append(heading(ctx, f"{number}. {section.title}"))
        story += body(ctx, section.body)
        for block in section.blocks:
            story += block_story(ctx, block.value, block.frozen)
        if section.outline_key == PRIORITIES_KEY:
            story += measures_story(ctx, paper, numbers)
    if PRIORITIES_KEY not in {sec.outline_key for sec in paper.sections} and paper.priorities:
        story.append(heading(ctx, _("Priorities and measures")))
        story += measures_story(ctx, paper, numbers)
    story += [PageBreak(), heading(ctx, _("Annex: evidence"))]
    if not paper.findings:
        story.append(Paragraph(escape(_("No measure cites a finding yet.")), s.body))
    for finding_id, finding in paper.findings.items():
        line = (f"<b>{numbers[finding_id]}</b> {escape(finding.statement)}<br/>"
                f"<font size=8>{escape(_(rules.FINDING_STRENGTH.labels[finding.strength]))} · "
                f"{escape(finding.observed_on.isoformat())} · {escape(doc.sources.get(finding_id, ''))}</font>")
        story.append(KeepTogether([Paragraph(line, s.body), Spacer(1, 2 * mm)]))
    story += [heading(ctx, _("Annex: method")), *body(ctx, doc.method)]
    return story


def paper_document(doc: PaperPrint, options: PrintOptions) -> bytes:
    ctx = DocContext(options=options)
    meta = DocumentMeta(title=doc.paper.summary.title, subject=_("Regional strategy paper"),
                        keywords=("strategy", "InduCCI"))
    return render(lambda: paper_story(doc, ctx), meta, options, outline_open=True, first_template=COVER)
