"""Evidence documents about people: the interview record and the "people consulted" annex.

Both print the interviewee or stakeholder by role and organisation; a name only where the person agreed
(the views say so: ``InterviewSummary.interviewee``, ``StakeholderView.printed_name``).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from inducci_desktop.domain import i18n, rules
from inducci_desktop.domain.evidence import InterviewView, PeopleAnnex, StakeholderView
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.printing.common import DocContext, fact_box, section_heading, title_block
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import data_table_style
from inducci_desktop.printing.templates import DocumentMeta, render


def _lines(text: str) -> str:
    return escape(text.strip()).replace("\n", "<br/>")


def _consent(recorded: bool, named: bool) -> str:
    if not recorded:
        return _("No")
    return _("Yes") if named else _("Yes (not to be named)")


def _note_label() -> str:
    return escape(_("Note:"))


def _answer(number: int | str, question: str, answer: str, note: str, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    parts: list[Flowable] = [Paragraph(f"<b>{number}. {escape(question)}</b>", s.body)]
    if answer.strip():
        parts.append(Paragraph(_lines(answer), s.body))
    else:
        parts.append(Paragraph(escape(_("Not answered.")), s.placeholder))
    if note.strip():
        parts.append(Paragraph(f"<i>{_note_label()}</i> {_lines(note)}", s.small))
    parts.append(Spacer(1, 2 * mm))
    return parts


def interview_story(view: InterviewView, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    summary = view.summary
    erased = summary.erased_at is not None
    story: list[Flowable] = [*title_block(ctx, _("Interview record"), summary.guide_title, logo=True)]
    story += fact_box(ctx, [
        (_("Date"), escape(i18n.format_date(summary.held_on))),
        (_("Region"), escape(summary.region_name)),
        (_("Interviewer"), escape(summary.interviewer)),
        (_("Interviewee"), escape(_("Erased on request") if erased else summary.interviewee)),
        (_("Consent"), "" if erased else escape(_consent(summary.consent, summary.name_consent))),
    ])
    if erased:
        story.append(Paragraph(escape(_("The interviewee's data and every answer were erased on request.")),
                               s.placeholder))
        return story
    if view.notes.strip():
        story += [section_heading(ctx, _("Notes")), Paragraph(_lines(view.notes), s.body)]
    section = None
    for entry in view.answers:
        question = entry.question
        if question.section != section:
            section = question.section
            if section:
                story.append(section_heading(ctx, section))
        story.append(KeepTogether(_answer(question.number, question.text, entry.answer, entry.note, ctx)))
    if view.kept:
        story.append(section_heading(ctx, _("Answers to questions the guide no longer has")))
        for key, answer, note in view.kept:
            text = f"<b>{escape(key)}</b> {_lines(answer)}"
            if note.strip():
                text += f"<br/><i>{_note_label()}</i> {_lines(note)}"
            story.append(Paragraph(text, s.body))
    return story


def interview_record(view: InterviewView, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(_("Interview record – {guide}").format(guide=view.summary.guide_title),
                        _("Interview record"), ("InduCCI", "interview"))
    return render(lambda: interview_story(view, ctx), meta, options)


def _activities(person: StakeholderView) -> str:
    return "<br/>".join(escape(a.label or rules.ACTIVITY_KIND.labels.get(a.kind, a.kind)) for a in person.activities)


def annex_story(annex: PeopleAnnex, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    made = i18n.format_date(annex.generated_on)
    subtitle = f"{annex.region} · {made}" if annex.region else made
    story: list[Flowable] = [*title_block(ctx, _("Annex"), annex.title, subtitle, logo=True)]
    if not annex.people:
        return [*story, Paragraph(escape(_("Nobody is recorded as consulted yet.")), s.placeholder)]
    header: list[Flowable] = [Paragraph(escape(h), s.table_header)
                              for h in (_("Organisation"), _("Role"), _("Name"), _("Activities"))]
    rows: list[list[Flowable]] = [header]
    for person in annex.people:
        rows.append([Paragraph(escape(person.organisation), s.table_cell), Paragraph(escape(person.role), s.table_cell),
                     Paragraph(escape(person.printed_name), s.table_cell),
                     Paragraph(_activities(person), s.table_cell)])
    width = ctx.width
    table = Table(rows, colWidths=[0.28 * width, 0.2 * width, 0.2 * width, 0.32 * width], repeatRows=1, hAlign="LEFT")
    table.setStyle(data_table_style())
    named = sum(1 for p in annex.people if p.printed_name)
    note = " ".join((
        ngettext("{count} person or organisation consulted.", "{count} people and organisations consulted.",
                 len(annex.people)).format(count=len(annex.people)),
        ngettext("Names are printed only for the {named} who agreed.",
                 "Names are printed only for the {named} who agreed.", named).format(named=named)))
    return [*story, Paragraph(escape(note), s.body), table]


def people_annex(annex: PeopleAnnex, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(annex.title, _("People consulted"), ("InduCCI", "stakeholders", "annex"))
    return render(lambda: annex_story(annex, ctx), meta, options)
