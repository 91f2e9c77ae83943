"""Pilot action documents: the case profile (in the layout of the toolbox's case profiles, with photos) and the
one-page pilot plan. They render a ``PilotPrint``; voices and photos without consent are never printed.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.pilots import (
    AUDIENCES,
    PhotoView,
    PilotPrint,
    PilotView,
    audience_label,
    money_text,
    period_text,
    repeat_label,
    status_label,
    step_status_label,
)
from inducci_desktop.printing.common import DocContext, bullet_list, fact_box, section_heading, title_block
from inducci_desktop.printing.fonts import SANS
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import data_table_style, quote_table_style
from inducci_desktop.printing.templates import DocumentMeta, render

PHOTO_HEIGHT = 62 * mm  # the tallest a photo is printed (two side by side on A4)


def _text(value: str) -> str:
    return escape(value.strip()).replace("\n", "<br/>")


def _lines(value: str) -> list[str]:
    return [escape(line.strip().lstrip("-•* ").strip()) for line in value.splitlines() if line.strip()]


def _own_record_note(ctx: DocContext, pilot: PilotView) -> Paragraph:
    where = pilot.region or _("this region")
    text = _("Own record of {region}, documented with InduCCI Desktop: not part of the shipped InduCCI "
             "toolbox.").format(region=where)
    return Paragraph(f"<i>{escape(text)}</i>", ctx.styles.small)


def _facts(ctx: DocContext, p: PilotPrint, *, plan: bool = False) -> list[Flowable]:
    pilot = p.pilot
    partners = "; ".join(f"{escape(x.name)}" + (f" ({escape(x.role)})" if x.role else "") for x in pilot.partners)
    budget = money_text(pilot.budget_planned, pilot.currency)
    if not plan and pilot.budget_spent is not None:
        budget = _("{planned} planned, {spent} spent").format(planned=budget or "–",
                                                             spent=money_text(pilot.budget_spent, pilot.currency))
    people = ", ".join(f"{x.count} {escape(x.type)}" for x in pilot.participants)
    rows = [
        (_("Where"), _text(pilot.places)),
        (_("When"), escape(period_text(pilot.start_date, pilot.end_date))),
        (_("Region"), escape(pilot.region)),
        (_("Partners"), partners),
        (_("Formats"), f"<i>{escape(pilot.format_title)}</i>" if pilot.format_title else ""),
        (_("Status"), escape(status_label(pilot.status))),
        (_("Budget"), escape(budget)),
    ]
    if not plan:
        rows.append((_("Participants"), people))
    return fact_box(ctx, rows)


def _criteria_table(ctx: DocContext, pilot: PilotView, *, achieved: bool = True) -> list[Flowable]:
    if not pilot.criteria:
        return []
    s = ctx.styles
    header = [_("Success criterion"), _("Baseline"), _("Target")] + ([_("Achieved")] if achieved else [])
    rows: list[list[Flowable]] = [[Paragraph(escape(h), s.table_header) for h in header]]
    for criterion in pilot.criteria:
        cells = [criterion.text, criterion.baseline, criterion.target] + ([criterion.achieved] if achieved else [])
        rows.append([Paragraph(_text(c), s.table_cell) for c in cells])
    value = 0.16 * ctx.width
    first = ctx.width - value * (len(header) - 1)
    table = Table(rows, colWidths=[first] + [value] * (len(header) - 1), repeatRows=1, hAlign="LEFT")
    table.setStyle(data_table_style())
    return [table, Spacer(1, 3 * mm)]


def _steps(ctx: DocContext, pilot: PilotView) -> list[Flowable]:
    if not pilot.steps:
        return []
    items = [f"{escape(step.title)} <font color='#5A6570'>({escape(step_status_label(step.status))})</font>"
             for step in pilot.steps]
    return [bullet_list(ctx, items, numbered=True)]


def _photo_cell(ctx: DocContext, photo: PhotoView, width: float) -> list[Flowable]:
    scale = min(width / max(photo.width, 1), PHOTO_HEIGHT / max(photo.height, 1))
    image = Image(photo.path, photo.width * scale, photo.height * scale)
    caption = escape(photo.caption)
    if photo.credit:
        caption += f" · <font color='#5A6570'>{escape(_('Photo: {credit}').format(credit=photo.credit))}</font>"
    return [image, Paragraph(caption, ctx.styles.small)]


def _photos(ctx: DocContext, photos: Sequence[PhotoView]) -> list[Flowable]:
    """The photos two by two, each with its caption under it."""
    if not photos:
        return []
    gap = 6 * mm
    width = (ctx.width - gap) / 2
    out: list[Flowable] = []
    for start in range(0, len(photos), 2):
        pair = list(photos[start:start + 2])
        cells: list[list[Flowable]] = [_photo_cell(ctx, photo, width) for photo in pair]
        while len(cells) < 2:
            cells.append([])
        table = Table([cells], colWidths=[width + gap / 2, width + gap / 2], hAlign="LEFT")
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), gap / 2),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        out.append(table)
    return out


def _section(ctx: DocContext, heading: str, text: str) -> list[Flowable]:
    if not text.strip():
        return []
    return [section_heading(ctx, heading), Paragraph(_text(text), ctx.styles.body)]


def _lessons(ctx: DocContext, pilot: PilotView) -> list[Flowable]:
    if not pilot.lessons:
        return []
    out: list[Flowable] = []
    for audience in AUDIENCES:
        lessons = pilot.lessons_for(audience)
        if lessons:
            group: list[Flowable] = [section_heading(ctx, audience_label(audience), level=3),
                                     bullet_list(ctx, [_text(x.text) for x in lessons])]
            if not out:  # the section's heading stays with its first group
                group.insert(0, section_heading(ctx, _("Lessons in brief")))
            out.append(KeepTogether(group))
    return out


def _voices(ctx: DocContext, pilot: PilotView) -> list[Flowable]:
    voices = pilot.printable_voices
    if not voices:
        return []
    out: list[Flowable] = [section_heading(ctx, _("Voices"))]
    for voice in voices:
        words = Paragraph(_text(voice.text), ctx.styles.quote)
        parts: list[Flowable] = [words]
        if voice.speaker:
            parts.append(Paragraph(f"— {escape(voice.speaker)}", ctx.styles.small))
        table = Table([[parts]], colWidths=[ctx.width], hAlign="LEFT", style=quote_table_style(), spaceAfter=4)
        out.append(table)
    return out


def profile_story(p: PilotPrint, ctx: DocContext) -> list[Flowable]:
    """The case profile: as the toolbox's case profiles (kicker, title, lead, fact box, results, lessons, body),
    with photos, criteria, voices and the repeat decision."""
    pilot = p.pilot
    lead, _newline, rest = pilot.challenge.strip().partition("\n")
    story: list[Flowable] = [
        *title_block(ctx, _("Case profile"), pilot.title, lead),
        _own_record_note(ctx, pilot), Spacer(1, 2 * mm),
        *_facts(ctx, p),
        *_photos(ctx, pilot.printable_photos[:2]),
    ]
    results = _lines(pilot.outputs)
    if results or pilot.criteria:
        story.append(section_heading(ctx, _("Results in brief")))
        story += _criteria_table(ctx, pilot)
        if results:
            story.append(bullet_list(ctx, results))
    story += _lessons(ctx, pilot)
    story += _section(ctx, _("The challenge"), rest)
    story += _section(ctx, _("Target groups"), pilot.target_groups)
    if pilot.steps:
        story += [section_heading(ctx, _("Programme")), *_steps(ctx, pilot)]
    story += _section(ctx, _("What changed from the plan, and why"), pilot.changes)
    story += _section(ctx, _("Problems and solutions"), pilot.problems)
    story += _voices(ctx, pilot)
    story += _photos(ctx, pilot.printable_photos[2:])
    decision = repeat_label(pilot.repeat)
    if pilot.repeat != "undecided" or pilot.repeat_note:
        note = f"<b>{escape(decision)}</b>" + (f" — {_text(pilot.repeat_note)}" if pilot.repeat_note else "")
        story += [section_heading(ctx, _("Repeat it?")), Paragraph(note, ctx.styles.body)]
    links = _links(p)
    if links:
        story += [section_heading(ctx, _("Related records")), bullet_list(ctx, links)]
    return story


def _links(p: PilotPrint) -> list[str]:
    out = []
    if p.assessment:
        out.append(escape(_("Planning checklist: {title}").format(title=p.assessment)))
    out += [escape(_("Workshop: {title}").format(title=title)) for title in p.workshops]
    return out


def plan_story(p: PilotPrint, ctx: DocContext) -> list[Flowable]:
    """The one-page plan: what, who, when, the targets, the steps and the budget."""
    pilot = p.pilot
    story: list[Flowable] = [
        *title_block(ctx, _("Pilot plan"), pilot.title, logo=True),
        *_facts(ctx, p, plan=True),
    ]
    story += _section(ctx, _("The challenge"), pilot.challenge)
    story += _section(ctx, _("Target groups"), pilot.target_groups)
    if pilot.criteria:
        story += [section_heading(ctx, _("Success criteria")), *_criteria_table(ctx, pilot, achieved=False)]
    if pilot.steps:
        story += [section_heading(ctx, _("Steps")), *_steps(ctx, pilot)]
    links = _links(p)
    if links:
        story += [section_heading(ctx, _("Linked records")), bullet_list(ctx, links)]
    return [KeepTogether(story[:3]), *story[3:]]


def pilot_meta(pilot: PilotView, kind: str = "") -> DocumentMeta:
    return DocumentMeta(title=f"{kind}: {pilot.title}" if kind else pilot.title, subject=pilot.challenge[:200],
                        keywords=("pilot action", pilot.region, "InduCCI"))


def profile_document(p: PilotPrint, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    return render(lambda: profile_story(p, ctx), pilot_meta(p.pilot), options)


def plan_document(p: PilotPrint, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    return render(lambda: plan_story(p, ctx), pilot_meta(p.pilot, _("Pilot plan")), options)
