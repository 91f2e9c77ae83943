"""Papers and recommendations as DOCX (python-docx), for administrations that finish and adopt them in their
word processor: real headings (Heading 1–3), real tables, the charts as PNG images, the logo on the cover."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import PRIORITIES_KEY, BlockValue, PaperPrint, PaperView, RecommendationPrint
from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.strategy.charts import chart_png
from inducci_desktop.printing.strategy.paper import finding_numbers, status_line
from inducci_desktop.printing.strategy.recommendation import example_text, matrix_rows

_INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)")
_HEADING = re.compile(r"^(#{1,4})\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")


def _runs(paragraph: Paragraph, text: str) -> None:
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def markdown(document: DocxDocument, text: str, level: int) -> None:
    """The Markdown a section is written in, as Word paragraphs: headings below ``level``, lists, emphasis."""
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            _runs(document.add_paragraph(), " ".join(line.strip() for line in buffer))
            buffer.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
        elif match := _HEADING.match(line):
            flush()
            document.add_heading(match.group(2), min(9, level + len(match.group(1))))
        elif match := _BULLET.match(line):
            flush()
            _runs(document.add_paragraph(style="List Bullet"), match.group(1))
        elif match := _NUMBERED.match(line):
            flush()
            _runs(document.add_paragraph(style="List Number"), match.group(1))
        else:
            buffer.append(line)
    flush()


def table(document: DocxDocument, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    grid = document.add_table(rows=1, cols=len(columns))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = text
    document.add_paragraph()


def block(document: DocxDocument, value: BlockValue, frozen: bool) -> None:
    document.add_paragraph().add_run(value.title).bold = True
    taken = value.taken_on.isoformat() if value.taken_on else ""
    caption = (_("Values taken on {date}").format(date=taken) if frozen
               else _("Live values as of {date}").format(date=taken))
    document.add_paragraph(caption).runs[0].font.size = Pt(8)
    if value.rows:
        table(document, value.columns, value.rows)
    if value.chart is not None and value.chart.categories:
        document.add_picture(io.BytesIO(chart_png(value.chart)), width=Cm(16))
    if value.note:
        document.add_paragraph(value.note)


def _cover(document: DocxDocument, options: PrintOptions, kicker: str, title: str,
           lines: Sequence[tuple[str, str]]) -> None:
    if options.logo:
        try:
            document.add_picture(options.logo, width=Cm(5))
        except Exception as exc:  # python-docx raises its own errors for images it cannot read
            raise PrintError(_("The logo could not be put on the cover: {error}").format(error=exc)) from exc
    document.add_paragraph(kicker.upper())
    document.add_heading(title, 0)
    for label, value in lines:
        if value:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _new(title: str, options: PrintOptions) -> DocxDocument:
    document = Document()
    document.core_properties.title = title
    document.core_properties.author = options.organisation or "InduCCI Desktop"
    document.core_properties.language = options.language or "en"
    return document


def _bytes(document: DocxDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def measures(document: DocxDocument, paper: PaperView, numbers: dict[str, str]) -> None:
    for index, priority in enumerate(paper.priorities, 1):
        document.add_heading(f"{_('Priority')} {index}: {priority.title}", 2)
        if priority.description:
            markdown(document, priority.description, 2)
        rows = []
        for number, measure in enumerate(priority.measures, 1):
            support = ", ".join(numbers[f] for f in measure.finding_ids if f in numbers)
            rows.append((f"{index}.{number}", measure.what, measure.responsible or "–",
                         measure.due.isoformat() if measure.due else "–",
                         " · ".join(p for p in (measure.resources, measure.funding) if p) or "–",
                         "; ".join(i.text for i in measure.indicators) or "–",
                         support or (_("assumption") if measure.assumption else _("none"))))
        if rows:
            table(document, (_("No."), _("Measure"), _("Responsible"), _("By"), _("Resources"), _("Indicators"),
                             _("Evidence")), rows)


def paper_docx(doc: PaperPrint, options: PrintOptions) -> bytes:
    paper = doc.paper
    document = _new(paper.summary.title, options)
    _cover(document, options, _("Regional strategy paper"), paper.summary.title,
           [(_("Region"), paper.summary.region_name), (_("Status"), status_line(paper)),
            (_("Date"), doc.generated_on.isoformat())])
    numbers = finding_numbers(paper)
    for number, section in enumerate(paper.sections, 1):
        document.add_heading(f"{number}. {section.title}", 1)
        markdown(document, section.body, 1)
        for item in section.blocks:
            block(document, item.value, item.frozen)
        if section.outline_key == PRIORITIES_KEY:
            measures(document, paper, numbers)
    if PRIORITIES_KEY not in {s.outline_key for s in paper.sections} and paper.priorities:
        document.add_heading(_("Priorities and measures"), 1)
        measures(document, paper, numbers)
    document.add_heading(_("Annex: evidence"), 1)
    for finding_id, finding in paper.findings.items():
        paragraph = document.add_paragraph()
        paragraph.add_run(numbers[finding_id] + " ").bold = True
        paragraph.add_run(finding.statement)
        document.add_paragraph(" · ".join((_(rules.FINDING_STRENGTH.labels[finding.strength]),
                                           finding.observed_on.isoformat(), doc.sources.get(finding_id, ""))))
    document.add_heading(_("Annex: method"), 1)
    markdown(document, doc.method, 1)
    return _bytes(document)


def recommendation_docx(doc: RecommendationPrint, options: PrintOptions) -> bytes:
    view = doc.recommendation
    document = _new(view.summary.title, options)
    regions = ", ".join(p.region_name for p in view.papers)
    if doc.short:
        document.add_heading(view.summary.title, 0)
        document.add_paragraph(_("Short version · regions: {regions}").format(regions=regions))
    else:
        _cover(document, options, _("Transnational policy recommendation"), view.summary.title,
               [(_("Regions"), regions), (_("Date"), doc.generated_on.isoformat())])
        document.add_heading(_("1. Introduction"), 1)
    markdown(document, view.intro, 1)
    if not doc.short:
        document.add_heading(_("2. Topics of the regional papers"), 1)
        columns, rows = matrix_rows(view)
        table(document, columns, rows)
        document.add_heading(_("3. The European level"), 1)
        for entry in view.topics:
            if entry.common not in ("all", "most") and not entry.policy:
                continue
            document.add_heading(entry.topic_name, 2)
            for label, value in ((_("Policy, programme or network"), entry.policy), (_("Gap"), entry.gap),
                                 (_("Level and actor addressed"), entry.actor)):
                if value:
                    paragraph = document.add_paragraph()
                    paragraph.add_run(f"{label}: ").bold = True
                    paragraph.add_run(value)
            for example in entry.examples:
                document.add_paragraph(example_text(example), style="List Bullet")
        document.add_heading(_("4. Recommendations"), 1)
    for number, item in enumerate(view.items, 1):
        document.add_heading(f"{number}. {item.title}", 2)
        document.add_paragraph(_("Addressed to: {actor} ({level})").format(
            actor=item.actor, level=_(rules.POLICY_LEVEL.labels[item.level])))
        if not doc.short:
            markdown(document, item.reasoning, 2)
        for example in item.examples[:2] if doc.short else item.examples:
            document.add_paragraph(example_text(example), style="List Bullet")
    return _bytes(document)
