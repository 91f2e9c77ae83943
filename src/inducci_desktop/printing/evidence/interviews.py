"""Evidence documents about people: the interview record and the "people consulted" annex.

Both print the interviewee or stakeholder by role and organisation; a name only where the person agreed
(the views say so: ``InterviewSummary.interviewee``, ``StakeholderView.printed_name``).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from inducci_desktop.domain import rules
from inducci_desktop.domain.evidence import InterviewView, PeopleAnnex, StakeholderView
from inducci_desktop.printing.common import DocContext, fact_box, section_heading, title_block
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import data_table_style
from inducci_desktop.printing.templates import DocumentMeta, render


def _lines(text: str) -> str:
    return escape(text.strip()).replace("\n", "<br/>")


def interview_story(view: InterviewView, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    summary = view.summary
    erased = summary.erased_at is not None
    story: list[Flowable] = [*title_block(ctx, "Interview record", summary.guide_title, logo=True)]
    consent = "Yes" if summary.consent else "No"
    if summary.consent and not summary.name_consent:
        consent += " (not to be named)"
    story += fact_box(ctx, [
        ("Date", escape(summary.held_on.isoformat())),
        ("Region", escape(summary.region_name)),
        ("Interviewer", escape(summary.interviewer)),
        ("Interviewee", escape("Erased on request" if erased else summary.interviewee)),
        ("Consent", "" if erased else escape(consent)),
    ])
    if erased:
        story.append(Paragraph(escape("The interviewee's data and every answer were erased on request."),
                               s.placeholder))
        return story
    if view.notes.strip():
        story += [section_heading(ctx, "Notes"), Paragraph(_lines(view.notes), s.body)]
    section = None
    for entry in view.answers:
        question = entry.question
        if question.section != section:
            section = question.section
            if section:
                story.append(section_heading(ctx, section))
        parts: list[Flowable] = [Paragraph(f"<b>{question.number}. {escape(question.text)}</b>", s.body)]
        if entry.answer.strip():
            parts.append(Paragraph(_lines(entry.answer), s.body))
        else:
            parts.append(Paragraph(escape("Not answered."), s.placeholder))
        if entry.note.strip():
            parts.append(Paragraph(f"<i>Note:</i> {_lines(entry.note)}", s.small))
        parts.append(Spacer(1, 2 * mm))
        story.append(KeepTogether(parts))
    if view.kept:
        story.append(section_heading(ctx, "Answers to questions the guide no longer has"))
        for key, answer, note in view.kept:
            text = f"<b>{escape(key)}</b> {_lines(answer)}"
            if note.strip():
                text += f"<br/><i>Note:</i> {_lines(note)}"
            story.append(Paragraph(text, s.body))
    return story


def interview_record(view: InterviewView, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(f"Interview record – {view.summary.guide_title}", "Interview record",
                        ("InduCCI", "interview"))
    return render(lambda: interview_story(view, ctx), meta, options)


def _activities(person: StakeholderView) -> str:
    return "<br/>".join(escape(a.label or rules.ACTIVITY_KIND.labels.get(a.kind, a.kind)) for a in person.activities)


def annex_story(annex: PeopleAnnex, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    subtitle = f"{annex.region} · {annex.generated_on.isoformat()}" if annex.region else annex.generated_on.isoformat()
    story: list[Flowable] = [*title_block(ctx, "Annex", annex.title, subtitle, logo=True)]
    if not annex.people:
        return [*story, Paragraph(escape("Nobody is recorded as consulted yet."), s.placeholder)]
    header: list[Flowable] = [Paragraph(h, s.table_header) for h in ("Organisation", "Role", "Name", "Activities")]
    rows: list[list[Flowable]] = [header]
    for person in annex.people:
        rows.append([Paragraph(escape(person.organisation), s.table_cell), Paragraph(escape(person.role), s.table_cell),
                     Paragraph(escape(person.printed_name), s.table_cell),
                     Paragraph(_activities(person), s.table_cell)])
    width = ctx.width
    table = Table(rows, colWidths=[0.28 * width, 0.2 * width, 0.2 * width, 0.32 * width], repeatRows=1, hAlign="LEFT")
    table.setStyle(data_table_style())
    named = sum(1 for p in annex.people if p.printed_name)
    note = (f"{len(annex.people)} people and organisations consulted; names are printed only for the {named} "
            "who agreed.")
    return [*story, Paragraph(escape(note), s.body), table]


def people_annex(annex: PeopleAnnex, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(annex.title, "People consulted", ("InduCCI", "stakeholders", "annex"))
    return render(lambda: annex_story(annex, ctx), meta, options)
