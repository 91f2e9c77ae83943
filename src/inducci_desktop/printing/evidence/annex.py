"""The evidence annex: findings grouped by topic or region, each with its strength, date and source."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from inducci_desktop.domain import rules
from inducci_desktop.domain.evidence import EvidenceAnnex, FindingView, SourceView
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.printing.common import DocContext, section_heading, title_block
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import data_table_style
from inducci_desktop.printing.templates import DocumentMeta, render

STATE_NOTES = {"trashed": "source in the trash", "erased": "source erased on request",
               "missing": "source no longer exists"}


def _source_markup(finding: FindingView, source: SourceView | None) -> str:
    if finding.source.kind == "note":
        return escape(finding.citation)
    kind = _(rules.FINDING_SOURCE.labels.get(finding.source.kind, finding.source.kind))
    title = source.title if source is not None else finding.source.title
    markup = f"<b>{escape(kind)}</b><br/>{escape(title)}"
    if source is not None and source.state in STATE_NOTES:
        markup += f"<br/><i>({escape(_(STATE_NOTES[source.state]))})</i>"
    elif source is not None and source.text:
        text = source.text if len(source.text) <= 300 else source.text[:299] + "…"
        markup += f"<br/><font size='8'>“{escape(text)}”</font>"
    return markup


def _table(ctx: DocContext, annex: EvidenceAnnex, findings: tuple[FindingView, ...]) -> Table:
    s = ctx.styles
    width = ctx.width
    cols = [0.38 * width, 0.34 * width, 20 * mm]
    cols.append(width - sum(cols))
    rows: list[list[Flowable | str]] = [[Paragraph(escape(_("Finding")), s.table_header),
                                         Paragraph(escape(_("Source")), s.table_header),
                                         Paragraph(escape(_("Strength")), s.table_header),
                                         Paragraph(escape(_("Region, date")), s.table_header)]]
    for finding in findings:
        topics = ", ".join(finding.topic_names)
        statement = escape(finding.statement) + (f"<br/><font size='8'>{escape(topics)}</font>" if topics else "")
        strength = _(rules.FINDING_STRENGTH.labels.get(finding.strength, finding.strength))
        rows.append([Paragraph(statement, s.table_cell),
                     Paragraph(_source_markup(finding, annex.sources.get(finding.id)), s.table_cell),
                     Paragraph(escape(strength), s.table_cell),
                     Paragraph(f"{escape(finding.region_name)}<br/>{finding.observed_on.isoformat()}", s.table_cell)])
    table = Table(rows, colWidths=cols, repeatRows=1, hAlign="LEFT")
    table.setStyle(data_table_style())
    return table


def evidence_annex(annex: EvidenceAnnex, options: PrintOptions) -> bytes:
    ctx = DocContext(options)
    total = len({f.id for group in annex.groups for f in group.findings})

    def story() -> list[Flowable]:
        count = ngettext("{count} finding", "{count} findings", total).format(count=total)
        flowables: list[Flowable] = [*title_block(ctx, _("Evidence annex"), annex.title,
                                                  f"{annex.subtitle} · {count}", logo=True)]
        if not annex.groups:
            flowables.append(Paragraph(escape(_("No findings match.")), ctx.styles.placeholder))
        for group in annex.groups:
            flowables.append(section_heading(ctx, f"{group.title} ({len(group.findings)})"))
            flowables.append(_table(ctx, annex, group.findings))
            flowables.append(Spacer(1, 4 * mm))
        return flowables

    return render(story, DocumentMeta(annex.title, _("Evidence annex"), ("evidence", "findings")), options)
