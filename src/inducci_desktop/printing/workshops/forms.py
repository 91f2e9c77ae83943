"""Workshop paper forms: the sign-in sheet, the blank feedback form and certificates of attendance."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from inducci_desktop.domain import i18n
from inducci_desktop.domain.i18n import _, ngettext, pgettext
from inducci_desktop.domain.workshops import (
    CHOICES,
    MODES,
    RATING_SCALE,
    DayView,
    WorkshopKit,
    dates_text,
    day_text,
    format_time,
    hours_text,
)
from inducci_desktop.printing.common import DocContext, fact_box, title_block
from inducci_desktop.printing.fonts import SANS, SANS_BOLD
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import ACCENT, MUTED, RULE, SHADE, TEXT
from inducci_desktop.printing.templates import COVER, DocumentMeta, render

SIGNIN_ROW = 9 * mm


def both(ctx: DocContext, text: Callable[[], str], sep: str = " / ") -> str:
    """``text()`` in the document's language and, for a bilingual document, in its second language beside it
    (``text`` is called once per language, so plural forms, dates and numbers follow each language)."""
    first = text()
    second = ctx.options.second_language
    if not second or second == ctx.options.language:
        return first
    with i18n.speaking(second):
        other = text()
    return first if other == first else f"{first}{sep}{other}"


def both_markup(ctx: DocContext, text: Callable[[], str]) -> str:
    """Paragraph markup: the first language, the second one on the next line in italics."""
    first = escape(text())
    second = ctx.options.second_language
    if not second or second == ctx.options.language:
        return first
    with i18n.speaking(second):
        other = escape(text())
    return first if other == first else f"{first}<br/><i>{other}</i>"


def _fit(text: str, font: str, size: float, room: float) -> str:
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def workshop_facts(ctx: DocContext, kit: WorkshopKit) -> list[Flowable]:
    w = kit.workshop
    days = "<br/>".join(escape(d.label) for d in w.days) or _("no date yet")
    return fact_box(ctx, [
        (_("Dates"), days),
        (_("Venue"), escape(" · ".join(p for p in (w.venue, MODES.get(w.mode, w.mode)) if p))),
        (_("Region / organisation"), escape(" · ".join(p for p in (w.region, w.organisation) if p))),
        (_("Trainers"), escape(w.trainers)),
        (_("Target group"), escape(w.target_group)),
    ])


# --- sign-in sheet --------------------------------------------------------------------------------------


def _day_heading(day: DayView | None) -> str:
    return day.label if day is not None else _("Date: ____________")


def signin_story(kit: WorkshopKit, ctx: DocContext, blank_rows: int) -> list[Flowable]:
    """One sheet per day (a new page each): numbered rows with names pre-filled, then blank rows."""
    w = kit.workshop
    width = ctx.width
    cols = [10 * mm, 0.32 * width, 0.30 * width]
    cols.append(width - sum(cols))
    story: list[Flowable] = []
    days = w.days or ()
    collate = i18n.sort_key()  # as the document's language sorts (Czech ch after h, Polish ł after l)
    people = sorted(kit.participants, key=lambda p: (collate(p.name), collate(p.organisation)))
    for index, day in enumerate(days or (None,)):
        if index:
            story.append(PageBreak())
        heading = both(ctx, partial(_day_heading, day), "  ·  ")
        story += title_block(ctx, both(ctx, lambda: _("Sign-in sheet")), w.title, heading, logo=True)
        # Names and organisations wrap (an official list never cuts a name); a row is at least SIGNIN_ROW high.
        name_style = ParagraphStyle("SignInName", parent=ctx.styles.table_cell, fontSize=9, leading=11)
        org_style = ParagraphStyle("SignInOrganisation", parent=ctx.styles.table_cell, fontSize=8, leading=10)
        rows: list[list[Flowable | str]] = [[both(ctx, lambda: _("No."), "\n"),
                                              both(ctx, lambda: pgettext("person", "Name"), "\n"),
                                             both(ctx, lambda: _("Organisation"), "\n"),
                                             both(ctx, lambda: _("Signature"), "\n")]]
        heights: list[float | None] = [7 * mm if not ctx.options.second_language else 11 * mm]
        for number, person in enumerate(people, start=1):
            org = " · ".join(p for p in (person.organisation, person.department) if p)
            name, organisation = Paragraph(escape(person.name), name_style), Paragraph(escape(org), org_style)
            tallest = max(name.wrap(cols[1] - 8, 1000)[1], organisation.wrap(cols[2] - 8, 1000)[1]) + 8
            rows.append([str(number), name, organisation, ""])
            heights.append(max(SIGNIN_ROW, tallest))
        for number in range(len(people) + 1, len(people) + blank_rows + 1):
            rows.append([str(number), "", "", ""])
            heights.append(SIGNIN_ROW)
        table = Table(rows, colWidths=cols, rowHeights=heights, repeatRows=1)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), SANS), ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("FONTSIZE", (2, 1), (2, -1), 8), ("TEXTCOLOR", (0, 1), (0, -1), MUTED),
            ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("GRID", (0, 1), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]))
        story += [table, Spacer(1, 4 * mm),
                  Paragraph(both_markup(ctx, lambda: _("By signing you confirm your attendance. Names are used "
                                                       "for the attendance list and certificates only.")),
                            ctx.styles.small)]
    return story


def signin_sheet(kit: WorkshopKit, options: PrintOptions | None = None, *, blank_rows: int = 10) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(_("Sign-in sheet – {title}")
        .format(title=kit.workshop.title), _("Sign-in sheet"), ("InduCCI", "workshop"))
    return render(lambda: signin_story(kit, ctx, blank_rows), meta, options)


# --- feedback form --------------------------------------------------------------------------------------


def _box_widths(labels: tuple[str, ...]) -> list[float]:
    return [max(15 * mm, stringWidth(f"☐ {label}", SANS, 10) + 8) for label in labels]


def _boxes(labels: tuple[str, ...], ctx: DocContext) -> Table:
    cells = [f"☐ {label}" for label in labels]
    table = Table([cells], colWidths=_box_widths(labels), hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("FONTSIZE", (0, 0), (-1, -1), 10),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TEXTCOLOR", (0, 0), (-1, -1), TEXT)]))
    return table


def feedback_story(kit: WorkshopKit, ctx: DocContext) -> list[Flowable]:
    """One sheet: ratings and choices beside their question, three lines to write on for each open one."""
    w = kit.workshop
    s = ctx.styles
    story = [*title_block(ctx, both(ctx, lambda: _("Feedback form")), w.title,
                          both(ctx, lambda: dates_text(w.first_day, w.last_day), "  ·  ")
                          + (f" · {w.venue}" if w.venue else ""), logo=True),
             Paragraph(both_markup(ctx, lambda: _("Your answers are anonymous and help us to improve the next "
                                                  "training. Tick one box per rating (1 = not at all, 5 = very "
                                                  "much).")), s.body)]
    for number, question in enumerate(kit.questions, start=1):
        # the app's own questions are in the catalog; a trainer's own wording is printed as typed
        text = Paragraph(f"<b>{number}.</b> " + both_markup(ctx, partial(_, question.text)), s.body)
        parts: list[Flowable]
        if question.kind in ("rating", "choice"):
            labels = (tuple(str(n) for n in RATING_SCALE) if question.kind == "rating"
                      else tuple(both(ctx, partial(_, c), "/") for c in CHOICES))
            boxes = _boxes(labels, ctx)
            room = sum(_box_widths(labels))
            row = Table([[text, boxes]], colWidths=[ctx.width - room, room], hAlign="LEFT",
                        style=TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                          ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                          ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            parts = [row, Spacer(1, 3 * mm)]
        else:
            parts = [text] + [x for _unused in range(3) for x in
                              (Spacer(1, 6.5 * mm), HRFlowable(width="100%", thickness=0.4, color=RULE))]
            parts.append(Spacer(1, 4 * mm))
        story.append(KeepTogether(parts))
    story.append(Paragraph(both_markup(ctx, lambda: _("Thank you!")), s.body))
    return story


def feedback_form(kit: WorkshopKit, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(_("Feedback form – {title}")
        .format(title=kit.workshop.title), _("Feedback form"), ("InduCCI", "evaluation"))
    return render(lambda: feedback_story(kit, ctx), meta, options)


# --- certificates ---------------------------------------------------------------------------------------


def _lines(text: str, font: str, size: float, room: float) -> list[str]:
    """``text`` broken into lines that fit ``room``: an official document never cuts a word off with "…"."""
    return simpleSplit(text, font, size, room) or [""]


class _Certificate(Flowable):
    """One certificate, drawn straight on the canvas (fast for hundreds of pages). Nothing is shortened:
    long names and titles shrink a little and then wrap, venues and places wrap."""

    def __init__(self, width: float, height: float, lines: dict[str, str]) -> None:
        super().__init__()
        self.width, self.height, self.lines = width, height, lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.width, min(self.height, availHeight))

    def _centred(self, text: str, font: str, size: float, y: float, *, smallest: float | None = None) -> float:
        """Draw ``text`` centred from ``y`` down (shrunk to ``smallest`` first, then wrapped); the next y."""
        c = self.canv
        while smallest is not None and size > smallest and stringWidth(text, font, size) > self.width:
            size -= 0.5
        c.setFont(font, size)
        for line in _lines(text, font, size, self.width):
            c.drawCentredString(self.width / 2, y, line)
            y -= size * 1.25
        return y

    def draw(self) -> None:
        c = self.canv
        mid = self.width / 2
        top = self.height - 30 * mm
        c.setFillColor(MUTED)
        c.setFont(SANS_BOLD, 11)
        self._centred(self.lines["heading"], SANS_BOLD, 11, top, smallest=8)
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.2)
        c.line(mid - 40 * mm, top - 6 * mm, mid + 40 * mm, top - 6 * mm)
        c.setFillColor(TEXT)
        c.setFont(SANS, 12)
        self._centred(self.lines["certify"], SANS, 12, top - 30 * mm, smallest=9)
        c.setFillColor(ACCENT)
        y = self._centred(self.lines["name"], SANS_BOLD, 26, top - 48 * mm, smallest=16)
        c.setFillColor(MUTED)
        y = self._centred(self.lines["organisation"], SANS, 11, min(top - 58 * mm, y - 2 * mm))
        c.setFillColor(TEXT)
        c.setFont(SANS, 12)
        y = min(top - 78 * mm, y - 8 * mm)
        self._centred(self.lines["took_part"], SANS, 12, y, smallest=9)
        y = self._centred(self.lines["title"], SANS_BOLD, 17, y - 14 * mm, smallest=12)
        y -= 4 * mm
        for key in ("dates", "hours", "venue"):
            if self.lines.get(key):
                y = self._centred(self.lines[key], SANS, 12, y) - 3 * mm
        base = 40 * mm
        room = 75 * mm
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(0, base, room, base)
        c.line(self.width - room, base, self.width, base)
        c.setFillColor(TEXT)
        c.setFont(SANS, 10)
        for lines, right in ((_lines(self.lines["place_date"], SANS, 10, room), False),
                             (_lines(self.lines["trainers"], SANS, 10, room), True)):
            for row, line in enumerate(reversed(lines)):  # upwards from the signature line
                line_y = base + 2 * mm + row * 12.5
                if right:
                    c.drawRightString(self.width, line_y, line)
                else:
                    c.drawString(0, line_y, line)
        c.setFillColor(MUTED)
        c.setFont(SANS, 8)
        c.drawString(0, base - 4 * mm, self.lines["place_label"])
        c.drawRightString(self.width, base - 4 * mm, self.lines["signature_label"])


def attended_text(days: tuple[DayView, ...]) -> str:
    """"on 12 May 2026, 09:00–16:30", "on 12 and 13 May 2026", "on 30 May and 2 June 2026" (in the language
    ``_`` speaks; other languages than English list the full dates)."""
    if len(days) == 1:
        return _("on {date}, {start}–{end}").format(date=day_text(days[0].day), start=format_time(days[0].start),
                                                  end=format_time(days[0].end))
    if i18n.language() != "en":
        return _("on {dates}").format(dates=i18n.join_list([day_text(d.day) for d in days]))
    same_month = len({(d.day.year, d.day.month) for d in days}) == 1
    same_year = len({d.day.year for d in days}) == 1
    if same_month:
        parts = [str(d.day.day) for d in days]
    elif same_year:
        parts = [day_text(d.day).rsplit(" ", 1)[0] for d in days]
    else:
        parts = [day_text(d.day) for d in days]
    tail = "" if not (same_month or same_year) else " " + (day_text(days[-1].day).split(" ", 1)[1] if same_month
                                                           else str(days[-1].day.year))
    return "on " + ", ".join(parts[:-1]) + f" and {parts[-1]}{tail}"


def _hours_line(days: tuple[DayView, ...], minutes: int) -> str:
    return ngettext("{count} day, {hours} of training", "{count} days, {hours} of training",
                    len(days)).format(count=len(days), hours=hours_text(minutes))


def certificate_story(kit: WorkshopKit, ctx: DocContext) -> list[Flowable]:
    """One page per person present on at least one day. Place, date and hours are the workshop's facts
    (its place; the date and hours the trainer set, else its last day and its days' times), never the
    day the document happens to be printed."""
    w = kit.workshop
    height = ctx.options.paper.points[1] - 60 * mm
    story: list[Flowable] = [NextPageTemplate(COVER)]
    present = [p for p in kit.participants if kit.attended_days(p)]
    collate = i18n.sort_key()
    present.sort(key=lambda p: collate(p.name))
    issued = kit.certificate_date
    for index, person in enumerate(present):
        days = kit.attended_days(person)
        lines = {
            "name": person.name,
            "organisation": " · ".join(p for p in (person.organisation, person.department) if p),
            "title": w.title,
            "dates": both(ctx, partial(attended_text, days), "\n"),
            "hours": both(ctx, partial(_hours_line, days, kit.certificate_minutes(days)), " / "),
            "heading": both(ctx, lambda: _("CERTIFICATE OF ATTENDANCE")),
            "certify": both(ctx, lambda: _("This is to certify that")),
            "took_part": both(ctx, lambda: _("took part in the training")),
            "place_label": both(ctx, lambda: _("Place and date")),
            "signature_label": both(ctx, lambda: _("Trainer signature")),
            "venue": " · ".join(p for p in (w.venue, w.place if w.place not in w.venue else "",
                                            w.region or w.organisation) if p),
            "place_date": ", ".join(p for p in (w.place, day_text(issued) if issued else "") if p),
            "trainers": w.trainers or both(ctx, lambda: _("Trainer")),
        }
        if index:
            story.append(PageBreak())
        story.append(_Certificate(ctx.width, height, lines))
    if not present:
        story = [Paragraph(escape(_("Nobody is marked present yet: certificates are made for participants who "
                                  "were checked in on at least one day.")), ctx.styles.body)]
    return story


def certificates(kit: WorkshopKit, options: PrintOptions | None = None) -> bytes:
    """One page per participant marked present on at least one day, with dates and hours."""
    options = options or PrintOptions()
    ctx = DocContext(options=options)
    meta = DocumentMeta(_("Certificates of attendance – {title}")
        .format(title=kit.workshop.title), _("Certificates of attendance"),
                        ("InduCCI", "certificate"), logo_align="centre")
    return render(lambda: certificate_story(kit, ctx), meta, options, first_template=COVER)
