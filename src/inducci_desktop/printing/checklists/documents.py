"""Checklist documents: the blank paper form, the filled assessment report and the comparison report.

The paper form numbers every item ("2.3" = section 2, item 3) exactly as the runner does, so answers
written on paper can be typed back in item by item.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from inducci_desktop.content.model import ChecklistItem, ChecklistTemplate
from inducci_desktop.domain import checklists as scoring
from inducci_desktop.domain.checklists import AssessmentView, Comparison, item_numbers
from inducci_desktop.domain.i18n import _, format_number
from inducci_desktop.domain.labels import ASSESSMENT_STATUS_LABELS
from inducci_desktop.printing.checklists.parts import AnswerLines, TickBoxes, score_chart
from inducci_desktop.printing.common import DocContext, fact_box, section_heading, title_block, translation_notice
from inducci_desktop.printing.fonts import SANS, SANS_BOLD
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import ACCENT, RULE, SHADE, data_table_style
from inducci_desktop.printing.templates import DocumentMeta, render

#: the line spacing of everything written by hand on the paper form (about 8 mm)
HANDWRITING = 8 * mm
STATUS_LABELS = ASSESSMENT_STATUS_LABELS


# --- blank paper form -------------------------------------------------------------------------------


def _answer_area(item: ChecklistItem) -> list[Flowable]:
    if item.type == "ynp":
        return [TickBoxes([scoring.YNP_LABELS[v] for v in scoring.YNP_VALUES])]
    if item.type == "scale":
        low, high = item.scale_min or 0, item.scale_max or 0
        labels = [f"{v} {item.scale_labels[v]}" if v in item.scale_labels else str(v) for v in range(low, high + 1)]
        return [TickBoxes(labels)]
    if item.type in ("choice", "multi"):
        hint = _("Tick one.") if item.type == "choice" else _("Tick all that apply.")
        return [_hint(hint), TickBoxes([o.label for o in item.options], vertical=True)]
    if item.type == "longtext":
        return [AnswerLines(4, gap=HANDWRITING)]
    if item.type == "number":
        return [AnswerLines(1, unit=item.unit, width=70 * mm)]
    if item.type == "date":
        return [AnswerLines(1, label=_("Date (YYYY-MM-DD)"), width=70 * mm)]
    return [AnswerLines(1)]


def _fill_in_fields(ctx: DocContext, labels: Sequence[str]) -> Table:
    """Labelled lines to write the assessment's details on, one per row, at handwriting height."""
    s = ctx.styles
    label_width = 42 * mm
    rows = [[Paragraph(escape(label), s.fact_label), ""] for label in labels]
    return Table(rows, colWidths=[label_width, ctx.width - label_width], rowHeights=[10 * mm] * len(rows),
                 hAlign="LEFT", spaceBefore=2, spaceAfter=8,
                 style=TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                                   ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
                                   ("LINEBELOW", (1, 0), (1, -1), 0.6, RULE),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))


def _hint(text: str) -> Paragraph:
    from inducci_desktop.printing.styles import get_styles

    return Paragraph(escape(text), get_styles().small)


def _item_heading(ctx: DocContext, number: str, item: ChecklistItem) -> Table:
    s = ctx.styles
    marks = []
    if item.required:
        marks.append(_("required"))
    if item.weight != 1.0:
        decimals = 0 if float(item.weight).is_integer() else 2 if round(item.weight, 1) != item.weight else 1
        marks.append(_("weight {weight}").format(weight=format_number(item.weight, decimals)))
    extra = " <font size=\"7.5\" color=\"#5A6570\">({join})</font>".format(join=", ".join(marks)) if marks else ""
    text = Paragraph(f"<b>{escape(item.text)}</b>{extra}", s.body)
    return Table([[Paragraph(f"<b>{number}</b>", s.body), text]], colWidths=[11 * mm, ctx.width - 11 * mm],
                 style=TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]), hAlign="LEFT")


def _indented(flowables: Sequence[Flowable], width: float) -> Table:
    return Table([[None, list(flowables)]], colWidths=[11 * mm, width - 11 * mm], hAlign="LEFT",
                 style=TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))


def _notice(template: ChecklistTemplate, ctx: DocContext) -> str:
    """A template in the toolbox's English printed for another language, or an unreviewed translation."""
    if template.language == "en" and template.translation is None and not template.path:
        return ""  # a user's own template: written in the language its author chose
    return translation_notice(template.language, template.translation, ctx.options.language)


def blank_story(template: ChecklistTemplate, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    summary = template.summary or _("A checklist to fill in on paper.")
    story: list[Flowable] = [*title_block(ctx, _("Checklist · paper form"), template.title, summary,
                                          notice=_notice(template, ctx))]
    story.append(_fill_in_fields(ctx, (_("Region / organisation"), _("Assessor"), _("Date"))))
    story.append(Paragraph(
        escape(_("Template {id}, version {version}. Tick one box per question unless it says otherwise; n.a. means "
            "the question does not apply. Items marked required must be answered. The numbers match the app, so "
                "answers can be typed in item by item.")
            .format(id=template.id, version=template.version)), s.small))
    story.append(Spacer(1, 6))
    numbers = item_numbers(template)
    for index, section in enumerate(template.sections, 1):
        story.append(section_heading(ctx, f"{index}  {section.title}"))
        for item in section.items:
            block: list[Flowable] = [_item_heading(ctx, numbers[item.key], item)]
            below: list[Flowable] = []
            if item.help:
                below.append(Paragraph(escape(item.help), s.small))
                below.append(Spacer(1, 3))
            below += _answer_area(item)
            below.append(AnswerLines(2, label=_("Note"), gap=HANDWRITING))
            block.append(_indented(below, ctx.width))
            block.append(Spacer(1, 7))
            story.append(KeepTogether(block))
    return story


def blank_checklist(template: ChecklistTemplate, options: PrintOptions | None = None) -> bytes:
    """The paper form of ``template``: numbered items, tick boxes, answer lines and a note line each."""
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(title=template.title, subject=_("Checklist paper form (version {version})")
        .format(version=template.version),
                        keywords=("checklist", "InduCCI"))
    return render(lambda: blank_story(template, ctx), meta, options)


# --- filled assessment report -----------------------------------------------------------------------


def _score_table(ctx: DocContext, headers: Sequence[str], rows: Sequence[Sequence[str]],
                 widths: Sequence[float]) -> Table:
    s = ctx.styles
    data = [[Paragraph(escape(h), s.table_header) for h in headers]]
    data += [[Paragraph(escape(c), s.table_cell) for c in row] for row in rows]
    style = data_table_style()
    style.add("FONTNAME", (0, -1), (-1, -1), SANS_BOLD)
    style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)
    return Table(data, colWidths=list(widths), style=style, hAlign="LEFT", repeatRows=1, spaceAfter=8)


def report_story(view: AssessmentView, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    a = view.summary
    template = view.template
    story: list[Flowable] = [*title_block(ctx, _("Checklist · assessment report"), a.title, template.title,
                                          notice=_notice(template, ctx))]
    story += fact_box(ctx, [
        (_("Region / organisation"), escape(a.subject or "–")),
        (_("Assessor"), escape(a.assessor or "–")),
        (_("Date"), escape(a.assessed_on or "–")),
        (_("Checklist"), escape(_("{title} (version {version})")
            .format(title=template.title, version=template.version))),
        (_("Round"), str(a.round)),
        (_("Status"), escape(STATUS_LABELS.get(a.status, a.status) + (_(" · archived") if a.archived else ""))),
        (_("Answered"), _("{answered} of {total_items} items")
            .format(answered=view.scores.answered, total_items=view.scores.total_items)),
        (_("Total score"), f"<b>{scoring.percent(view.scores.total)}</b>"),
    ])
    story.append(section_heading(ctx, _("Scores")))
    rows = [[f"{i}  {sec.title}", scoring.percent(sec.score), f"{sec.answered} / {sec.total}"]
            for i, sec in enumerate(view.scores.sections, 1)]
    rows.append([_("Total"), scoring.percent(view.scores.total), f"{view.scores.answered} / {view.scores.total_items}"])
    story.append(_score_table(ctx, [_("Section"), _("Score"), _("Answered")], rows,
                              [ctx.width - 50 * mm, 22 * mm, 28 * mm]))
    story.append(Paragraph(escape(_("Scores are weighted means of the answered, scored items (yes 100 %, partly "
                                  "50 %, no 0 %; n.a. and unanswered items are left out).")), s.small))
    story.append(Spacer(1, 6))
    story.append(score_chart([sec.title for sec in view.scores.sections],
                             [[sec.score for sec in view.scores.sections]], [a.title], ctx.width))
    if view.scores.missing_required:
        numbers = item_numbers(template)
        texts = {i.key: i.text for sec in template.sections for i in sec.items}
        story.append(section_heading(ctx, _("Required items not answered yet")))
        story += [Paragraph(escape(f"{numbers[k]}  {texts[k]}"), s.list_item) for k in view.scores.missing_required]
    numbers = item_numbers(template)
    for index, section in enumerate(template.sections, 1):
        found = view.scores.section(section.key)
        score = found.score if found else None
        # A section without a score (nothing scored answered yet, or only unscored items) shows no dash.
        shown = f" — {scoring.percent(score)}" if score is not None else ""
        story.append(section_heading(ctx, f"{index}  {section.title}{shown}"))
        data: list[list[Flowable | list[Flowable]]] = [
            [Paragraph(h, s.table_header) for h in (_("No."), _("Question"), _("Answer"))]]
        for item in section.items:
            answer = scoring.answer_text(item, view.value(item.key))
            note = view.note(item.key)
            cell: list[Flowable] = [Paragraph(escape(answer) if answer else _("<i>not answered</i>"), s.table_cell)]
            if note:
                cell.append(Paragraph(f"<i>Note:</i> {escape(note)}".replace("\n", "<br/>"), s.small))
            data.append([Paragraph(numbers[item.key], s.table_cell), Paragraph(escape(item.text), s.table_cell),
                         cell])
        story.append(Table(data, colWidths=[11 * mm, ctx.width * 0.55 - 11 * mm, ctx.width * 0.45],
                           style=data_table_style(), repeatRows=1, hAlign="LEFT", spaceAfter=6))
    if view.kept:
        story.append(section_heading(ctx, _("Answers kept from an earlier template version")))
        story.append(Paragraph(escape(_("These answers are stored but do not fit the items of this version; "
                                      "they are not scored.")), s.small))
        data = [[Paragraph(h, s.table_header) for h in (_("Item key"), _("Stored answer"), _("Why it is not shown"))]]
        for kept in view.kept:
            shown = ", ".join(map(str, kept.value)) if isinstance(kept.value, list) else str(kept.value or "")
            if kept.note:
                shown = _("{shown} (note: {note})").format(shown=shown, note=kept.note)
            data.append([Paragraph(escape(kept.item_key), s.table_cell), Paragraph(escape(shown), s.table_cell),
                         Paragraph(escape(kept.reason), s.table_cell)])
        story.append(Table(data, colWidths=[35 * mm, ctx.width - 95 * mm, 60 * mm], style=data_table_style(),
                           repeatRows=1, hAlign="LEFT"))
    return story


def assessment_report(view: AssessmentView, options: PrintOptions | None = None) -> bytes:
    """The filled assessment: details, section scores with a chart, every answer and note."""
    options = options or PrintOptions(region=view.summary.subject)
    ctx = DocContext(options=options)
    meta = DocumentMeta(title=view.summary.title, subject=_("Assessment report: {title}")
        .format(title=view.template.title),
                        keywords=("checklist", "assessment", "InduCCI"))
    return render(lambda: report_story(view, ctx), meta, options)


# --- comparison report ------------------------------------------------------------------------------


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    points = round(value * 100)
    return f"{points:+d}" if points else "±0"


def compare_story(comparison: Comparison, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    views = comparison.assessments
    letters = [chr(ord("A") + i) for i in range(len(views))]
    story: list[Flowable] = [*title_block(ctx, _("Checklist · comparison"), comparison.template.title,
                                          _("{count} assessments side by side; differences in percentage points "
                                              "against {title} (A).")
                                              .format(count=len(views), title=views[0].title),
                                          notice=_notice(comparison.template, ctx))]
    rows = [[letter, a.title, a.subject or "–", a.assessed_on or "–", f"{a.round}", f"v{a.template_version}"]
            for letter, a in zip(letters, views, strict=True)]
    data = [[Paragraph(h, s.table_header) for h in ("", _("Assessment"), _("Region / organisation"), _("Date"),
        _("Round"),
                                                     _("Version"))]]
    data += [[Paragraph(escape(c), s.table_cell) for c in row] for row in rows]
    story.append(Table(data, colWidths=[8 * mm, ctx.width - 112 * mm, 46 * mm, 22 * mm, 17 * mm, 19 * mm],
                       style=data_table_style(), hAlign="LEFT", spaceAfter=8))
    story.append(section_heading(ctx, _("Scores by section")))
    headers = [_("Section"), *letters, *(f"{x}−A" for x in letters[1:])]
    score_rows = []
    for row in (*comparison.sections, comparison.total):
        score_rows.append([row.title, *(scoring.percent(v) for v in row.scores),
                           *(_signed(d) for d in row.differences[1:])])
    value_width = 15 * mm
    columns = len(letters) + len(letters) - 1
    story.append(_score_table(ctx, headers, score_rows,
                              [ctx.width - columns * value_width, *([value_width] * columns)]))
    story.append(score_chart([r.title for r in comparison.sections],
                             [[r.scores[i] for r in comparison.sections] for i in range(len(views))],
                             [f"{letter}: {a.title}" for letter, a in zip(letters, views, strict=True)], ctx.width))
    story.append(section_heading(ctx, _("Answers")))
    answer_width = (ctx.width - 11 * mm - 60 * mm) / len(views)
    for index, section in enumerate(comparison.template.sections, 1):
        story.append(section_heading(ctx, f"{index}  {section.title}", level=3))
        data = [[Paragraph(h, s.table_header) for h in (_("No."), "Question", *letters)]]
        style = data_table_style()
        for r, item in enumerate((i for i in comparison.items if i.section_key == section.key), 1):
            cells = [Paragraph(escape(text) or "–", s.table_cell) for text in item.answers]
            data.append([Paragraph(item.number, s.table_cell), Paragraph(escape(item.item.text), s.table_cell), *cells])
            if len(set(item.answers)) > 1:
                style.add("BACKGROUND", (2, r), (-1, r), SHADE)
        story.append(Table(data, colWidths=[11 * mm, 60 * mm, *([answer_width] * len(views))], style=style,
                           repeatRows=1, hAlign="LEFT", spaceAfter=6))
    story.append(Paragraph(escape(_("Shaded rows: the answers differ.")), s.small))
    return story


def comparison_report(comparison: Comparison, options: PrintOptions | None = None) -> bytes:
    """Two or more assessments of one checklist: section scores, differences, a chart and all answers."""
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(title=_("Comparison: {title}").format(title=comparison.template.title),
                        subject=", ".join(a.title for a in comparison.assessments),
                        keywords=("checklist", "comparison", "InduCCI"))
    return render(lambda: compare_story(comparison, ctx), meta, options)


__all__ = ["assessment_report", "blank_checklist", "comparison_report"]
