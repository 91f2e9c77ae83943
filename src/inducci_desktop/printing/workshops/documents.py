"""Workshop documents: agenda and workshop report here; paper forms in workshop_forms.py.

The kinds are listed once, in ``services/workshops/documents.py``.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.workshops import (
    ACTION_STATUSES,
    OUTCOME_KINDS,
    STATUSES,
    AgendaDay,
    QuestionSummary,
    WorkshopKit,
    day_text,
    format_duration,
    format_time,
)
from inducci_desktop.printing.common import DocContext, bullet_list, section_heading, title_block
from inducci_desktop.printing.fonts import SANS, SANS_BOLD
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import ACCENT, MUTED, SHADE, TEXT, data_table_style
from inducci_desktop.printing.templates import DocumentMeta, render
from inducci_desktop.printing.workshops.forms import workshop_facts

WARN = "#B3261E"


def _agenda_table(ctx: DocContext, day: AgendaDay, titles: dict[str, str], *, with_notes: bool) -> list[Flowable]:
    s = ctx.styles
    if not day.blocks:
        return [Paragraph(escape(_("No agenda blocks yet.")), s.placeholder)]
    width = ctx.width
    cols = [24 * mm, 0.44 * width, 0.22 * width]
    cols.append(width - sum(cols))
    rows: list[list[Flowable | str]] = [[Paragraph(_("Time"), s.table_header), Paragraph(_("Block"), s.table_header),
                                         Paragraph(_("Responsible"), s.table_header),
                                         Paragraph(_("Materials"), s.table_header)]]
    breaks = []
    for n, block in enumerate(day.blocks, start=1):
        what = f"<b>{escape(block.title)}</b>"
        if block.format_id:
            name = escape(titles.get(block.format_id, block.format_id))
            what += _("<br/><font color='#5A6570' size='8'>Format: {name}</font>").format(name=name)
        if with_notes and block.notes:
            what += f"<br/><font size='8'>{escape(block.notes)}</font>"
        length = format_duration(block.duration)
        when = f"{format_time(block.start)}–{format_time(block.end)}<br/><font size='8'>{length}</font>"
        rows.append([Paragraph(when, s.table_cell), Paragraph(what, s.table_cell),
                     Paragraph(escape(block.responsible), s.table_cell),
                     Paragraph(escape(block.materials), s.table_cell)])
        if block.is_break:
            breaks.append(n)
    table = Table(rows, colWidths=cols, repeatRows=1, hAlign="LEFT")
    style = data_table_style()
    for n in breaks:
        style.add("BACKGROUND", (0, n), (-1, n), SHADE)
    table.setStyle(style)
    if not with_notes:
        return [table]  # the handout: the planner's note ("3 h 15 min planned of 7 h …") is for the trainer only
    plan = day.plan
    colour = WARN if not plan.fits else "#5A6570"
    note = Paragraph(f"<font color='{colour}'>{escape(plan.message())}</font>"
        , s.small)
    return [table, Spacer(1, 2 * mm), note]


def agenda_story(kit: WorkshopKit, ctx: DocContext) -> list[Flowable]:
    w = kit.workshop
    story = [*title_block(ctx, _("Agenda"), w.title, logo=True), *workshop_facts(ctx, kit)]
    if w.objectives:
        story += [section_heading(ctx, _("Objectives")), Paragraph(escape(w.objectives).replace("\n", "<br/>"),
                                                                 ctx.styles.body)]
    for day in kit.agenda:
        story += [section_heading(ctx, day.day.label), *_agenda_table(ctx, day, kit.format_titles, with_notes=False)]
    if not kit.agenda:
        story.append(Paragraph(escape(_("The workshop has no days yet.")), ctx.styles.placeholder))
    return story


def agenda_document(kit: WorkshopKit, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(_("Agenda – {title}")
        .format(title=kit.workshop.title), _("Workshop agenda"), ("InduCCI", "workshop", "agenda"))
    return render(lambda: agenda_story(kit, ctx), meta, options)


# --- report ---------------------------------------------------------------------------------------------


class DistributionChart(Flowable):
    """Small bars, one per answer value, with the count above and the value below; drawn straight on the
    canvas in the embedded font (reportlab.graphics would start every drawing in Helvetica)."""

    def __init__(self, summary: QuestionSummary, width: float = 60 * mm, height: float = 18 * mm) -> None:
        super().__init__()
        self.summary, self.width, self.height = summary, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.width, self.height)

    def draw(self) -> None:
        c = self.canv
        counts = self.summary.distribution
        top = max((n for _v, n in counts), default=0) or 1
        slot = self.width / max(len(counts), 1)
        bar_room = self.height - 16
        for i, (value, n) in enumerate(counts):
            x = i * slot + slot * 0.2
            h = bar_room * n / top
            c.setFillColor(ACCENT if n else MUTED)
            c.rect(x, 8, slot * 0.6, max(h, 0.5), stroke=0, fill=1)
            c.setFillColor(MUTED)
            c.setFont(SANS, 6.5)
            c.drawCentredString(x + slot * 0.3, 1, value)
            if n:
                c.setFillColor(TEXT)
                c.setFont(SANS_BOLD, 6.5)
                c.drawCentredString(x + slot * 0.3, 10 + h, str(n))


def _evaluation(ctx: DocContext, kit: WorkshopKit) -> list[Flowable]:
    s = ctx.styles
    summary = kit.feedback
    story: list[Flowable] = [section_heading(ctx, _("Evaluation"))]
    if not summary.responses:
        return [*story, Paragraph(escape(_("No feedback forms entered.")), s.placeholder)]
    story.append(Paragraph(escape(_("{responses} feedback forms returned.")
        .format(responses=summary.responses)), s.body))
    rows: list[list[object]] = [[Paragraph(_("Question"), s.table_header), Paragraph(_("Answers"), s.table_header),
                                 Paragraph(_("Average"), s.table_header), Paragraph(_("Distribution"), s.table_header)]]
    for q in summary.questions:
        if q.question.kind == "text":
            continue
        average = f"{q.average:.2f}" if q.average is not None else ("–" if q.question.kind == "rating" else "")
        rows.append([Paragraph(escape(q.question.text), s.table_cell), Paragraph(str(q.answered), s.table_cell),
                     Paragraph(average, s.table_cell), DistributionChart(q)])
    if len(rows) > 1:
        width = ctx.width
        table = Table(rows, colWidths=[width - 20 * mm - 20 * mm - 64 * mm, 20 * mm, 20 * mm, 64 * mm],
                      repeatRows=1, hAlign="LEFT")
        table.setStyle(data_table_style())
        story.append(table)
    for q in summary.questions:
        if q.question.kind == "text" and q.comments:
            story += [Paragraph(f"<b>{escape(q.question.text)}</b>", s.body),
                      bullet_list(ctx, [escape(c) for c in q.comments])]
    return story


def report_story(kit: WorkshopKit, ctx: DocContext) -> list[Flowable]:
    w = kit.workshop
    s = ctx.styles
    story = [*title_block(ctx, _("Workshop report"), w.title, _("Status: {get}")
        .format(get=STATUSES.get(w.status, w.status)),
                          logo=True),
             *workshop_facts(ctx, kit)]
    if w.objectives:
        story += [section_heading(ctx, _("Objectives")), Paragraph(escape(w.objectives).replace("\n", "<br/>"), s.body)]
    story.append(section_heading(ctx, _("Agenda")))
    for day in kit.agenda:
        story += [Paragraph(f"<b>{escape(day.day.label)}</b>", s.body),
                  *_agenda_table(ctx, day, kit.format_titles, with_notes=True), Spacer(1, 3 * mm)]
    f = kit.figures
    story.append(section_heading(ctx, _("Attendance")))
    rows: list[list[str]] = [[_("Day"), _("Present"), _("Absent"), _("Not recorded")]]
    for when, present, absent in f.per_day:
        rows.append([_("Day {number}, {day_text}")
            .format(number=when.number, day_text=day_text(when.day)), str(present), str(absent),
                     str(f.registered - present - absent)])
    table = Table(rows, colWidths=[ctx.width - 3 * 30 * mm, 30 * mm, 30 * mm, 30 * mm], hAlign="LEFT")
    table.setStyle(data_table_style())
    erased = _(" (the data of {erased} of them was erased on request)").format(erased=f.erased) if f.erased else ""
    story += [Paragraph(escape(_("{registered} registered{erased}; {attended_any} attended at least one day.")
        .format(registered=f.registered, erased=erased, attended_any=f.attended_any)),
                        s.body), table]
    story.append(section_heading(ctx, _("Outcomes")))
    if not kit.outcomes:
        story.append(Paragraph(escape(_("No outcomes recorded.")), s.placeholder))
    for kind, label in OUTCOME_KINDS.items():
        texts = [o.text for o in kit.outcomes if o.kind == kind]
        if texts:
            story += [Paragraph(f"<b>{escape(label)}</b>", s.body), bullet_list(ctx, [escape(t) for t in texts])]
    story.append(section_heading(ctx, _("Action items")))
    if kit.actions:
        rows2: list[list[object]] = [[Paragraph(h, s.table_header) for h in (_("Action"), _("Owner"), _("Due"),
            _("Status"))]]
        for a in kit.actions:
            rows2.append([Paragraph(escape(a.text), s.table_cell), Paragraph(escape(a.owner), s.table_cell),
                          Paragraph(a.due.isoformat() if a.due else "", s.table_cell),
                          Paragraph(ACTION_STATUSES.get(a.status, a.status), s.table_cell)])
        actions = Table(rows2, colWidths=[ctx.width - 40 * mm - 24 * mm - 24 * mm, 40 * mm, 24 * mm, 24 * mm],
                        repeatRows=1, hAlign="LEFT")
        actions.setStyle(data_table_style())
        story.append(actions)
    else:
        story.append(Paragraph(escape(_("No action items.")), s.placeholder))
    story += _evaluation(ctx, kit)
    return story


def workshop_report(kit: WorkshopKit, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(_("Workshop report – {title}")
        .format(title=kit.workshop.title), _("Workshop report"), ("InduCCI", "workshop"))
    return render(lambda: report_story(kit, ctx), meta, options)
