"""The page layout of every document: header, footer "Page X of Y", metadata, outline and contents.

``render(story, meta, options)`` lays out a list of flowables once and returns the PDF bytes. What only
the end of the layout knows — the page count in "Page X of Y" and the page numbers in a table of
contents — is drawn as PDF form XObjects: each page's footer draws the form "page-N" and each contents
entry a form for its page number; those forms are defined after the last page, before the file is
written (a form may be used before it is defined). The contents' entries themselves (level and text)
are read from the story before the layout, so the contents take their final room from the start.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _ContainerSpace
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.printing.errors import PrintError
from inducci_desktop.printing.fonts import SANS, SANS_BOLD, register_fonts
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import ACCENT, BODY_LEADING, MUTED, RULE, get_styles

MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
HEADER_GAP = 9 * mm  # from the top edge of the paper to the header baseline
FOOTER_GAP = 12 * mm  # from the bottom edge of the paper to the footer baseline

CONTENT = "content"
COVER = "cover"

PRODUCER = "InduCCI Desktop (ReportLab)"
HEADER_LINES = 2  # a running header wraps onto at most two lines
HEADER_LEADING = 3.4 * mm
COVER_LOGO_BOX = (60 * mm, 22 * mm)  # the largest logo on a cover page or certificate (width, height)
TITLE_LOGO_BOX = (40 * mm, 14 * mm)  # beside a document's title


@dataclass(frozen=True)
class DocumentMeta:
    """What a document says about itself: its title (header and PDF title) and PDF metadata."""

    title: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    logo_align: str = "left"  # where a cover page shows the organisation logo: "left" or "centre"


def mark_heading(
    flowable: Flowable, text: str, *, outline_level: int | None = None, toc_level: int | None = None
) -> Flowable:
    """Make ``flowable`` a bookmark (outline level) and/or a contents entry (toc level).

    ``text`` is plain text (not markup).
    """
    # read back with getattr below: ReportLab flowables carry such attributes (its own code does the same)
    flowable._inducci_heading = (text, outline_level, toc_level)  # type: ignore[attr-defined]
    return flowable


class InduDocTemplate(BaseDocTemplate):
    """A4/Letter pages with header and footer, plus a plain "cover" page template."""

    def __init__(
        self,
        target: io.BytesIO,
        meta: DocumentMeta,
        options: PrintOptions,
        *,
        outline_open: bool = False,
        first_template: str = CONTENT,
    ) -> None:
        register_fonts()
        self._meta = meta
        self._options = options
        self._outline_last = -1
        self._bookmark_seq = 0
        self._pages = 0
        self._footers: list[tuple[int, float, float]] = []  # (page, right edge, baseline) of "Page X of Y"
        self.toc_found: list[tuple[int, str, int]] = []  # (level, text, page) of each contents entry
        self._outline_open = outline_open
        author = options.author or options.organisation
        keywords = [k for k in (*meta.keywords, *options.keywords) if k]
        super().__init__(
            target,
            pagesize=options.paper.points,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=meta.title,
            author=author,
            subject=meta.subject,
            keywords=keywords,
            creator=PRODUCER,
            producer=PRODUCER,
            lang=options.language or "en",
            initialFontName=SANS,
            initialFontSize=10,
            initialLeading=14,
            displayDocTitle=1,
            invariant=0,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover_frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="cover",
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [
            PageTemplate(id=CONTENT, frames=[frame], onPage=self._decorate),
            PageTemplate(id=COVER, frames=[cover_frame], onPage=self._decorate_cover),
        ]
        # The first page uses the first template.
        templates.sort(key=lambda t: t.id != first_template)
        self.addPageTemplates(templates)

    # -- layout bookkeeping ------------------------------------------------------------------
    def beforeDocument(self) -> None:
        self._outline_last = -1
        self._bookmark_seq = 0
        self._pages = 0
        self._footers = []
        self.toc_found = []
        if self._outline_open:
            self.canv.showOutline()

    def afterPage(self) -> None:
        self._pages = self.page

    def afterFlowable(self, flowable: Flowable) -> None:
        heading = getattr(flowable, "_inducci_heading", None)
        if heading is None:
            return
        text, outline_level, toc_level = heading
        if toc_level is not None:
            # The n-th contents entry links to "tocN" (see Contents.wrap).
            key = f"toc{len(self.toc_found)}"
            self.toc_found.append((toc_level, text, self.page))
        else:
            self._bookmark_seq += 1
            key = f"h{self._bookmark_seq}"
        self.canv.bookmarkPage(key)
        if outline_level is not None:
            # PDF outlines cannot skip a level (ReportLab raises), so clamp to one below the last.
            level = max(0, min(outline_level, self._outline_last + 1))
            self.canv.addOutlineEntry(text, key, level=level, closed=level >= 1)
            self._outline_last = level

    def define_forms(self, tocs: Sequence[Contents]) -> None:
        """After the last page: define the forms that the footers and contents drew ("Page X of Y")."""
        canv = self.canv
        total = self._pages
        for page, right, baseline in self._footers:
            canv.beginForm(_footer_form(page))
            canv.setFont(SANS, 8)
            canv.setFillColor(MUTED)
            canv.drawRightString(right, baseline, _("Page {page} of {total}").format(page=page, total=total))
            canv.endForm()
        pages = [page for _level, _text, page in self.toc_found]
        for toc in tocs:
            toc.define_forms(canv, pages)

    # -- page decoration --------------------------------------------------------------------
    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        left, right = self.leftMargin, width - self.rightMargin
        canv.saveState()
        # Header: title left, organisation · region right, a thin accent rule below. What does not fit one
        # line wraps onto a second one above it, at word boundaries (the full title is in the document's
        # title block and metadata; only a title longer than two lines ends with "…" after a whole word).
        y = height - HEADER_GAP - 3 * mm
        owner = " · ".join(p for p in (self._options.organisation, self._options.region) if p)
        room = right - left
        gap = 6 * mm if owner else 0.0
        title = self._meta.title
        title_width = stringWidth(title, SANS_BOLD, 8)
        owner_width = stringWidth(owner, SANS, 8) if owner else 0.0
        if title_width + gap + owner_width <= room:
            title_lines, owner_lines = [title], [owner] if owner else []
        else:
            owner_room = min(owner_width, max(room * 0.4, room - gap - title_width)) if owner else 0.0
            title_lines = wrap_words(title, SANS_BOLD, 8, room - owner_room - gap, HEADER_LINES)
            owner_lines = wrap_words(owner, SANS, 8, owner_room, HEADER_LINES) if owner else []
        canv.setFillColor(MUTED)
        canv.setFont(SANS, 8)
        for n, line in enumerate(reversed(owner_lines)):
            canv.drawRightString(right, y + n * HEADER_LEADING, line)
        canv.setFont(SANS_BOLD, 8)
        canv.setFillColor(ACCENT)
        for n, line in enumerate(reversed(title_lines)):
            canv.drawString(left, y + n * HEADER_LEADING, line)
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(0.6)
        canv.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
        # Footer: a light rule, the date left, "Page X of Y" right.
        fy = FOOTER_GAP
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(left, fy + 3.5 * mm, right, fy + 3.5 * mm)
        canv.setFillColor(MUTED)
        canv.setFont(SANS, 8)
        canv.drawString(left, fy, self._options.date_text())
        # "Page X of Y": a form per page, defined when Y is known (define_forms). It holds the whole
        # text, not just Y, so that the text stays right-aligned (Y's width is not known yet) and is
        # one run for text extraction and screen readers. Drawn in page coordinates.
        canv.doForm(_footer_form(doc.page))
        self._footers.append((doc.page, right, fy))
        canv.restoreState()

    def _decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
        if self._options.logo:
            # The organisation logo under the band: left on a pack cover, centred on a certificate.
            logo_width, logo_height = logo_size(self._options.logo, COVER_LOGO_BOX)
            x = (width - logo_width) / 2 if self._meta.logo_align == "centre" else self.leftMargin
            top = height - 18 * mm
            canv.drawImage(self._options.logo, x, top - logo_height, logo_width, logo_height, mask="auto")
        canv.restoreState()


def guard_headings(flowables: Sequence[Flowable]) -> list[Flowable]:
    """Keep headings followed by a list or another container off the bottom of a page.

    ``keepWithNext`` on heading styles covers paragraphs and tables, but ReportLab's
    ``handle_keepWithNext`` skips containers (ListFlowable, KeepTogether), so such a heading could end
    a page alone. A CondPageBreak in front of it asks for room for the heading and two lines.
    """
    out: list[Flowable] = []
    for index, flowable in enumerate(flowables):
        following = flowables[index + 1] if index + 1 < len(flowables) else None
        if (
            isinstance(flowable, Paragraph)
            and flowable.getKeepWithNext()  # type: ignore[no-untyped-call]  # untyped in the stubs
            and isinstance(following, _ContainerSpace)
        ):
            style = flowable.style
            out.append(CondPageBreak(style.spaceBefore + style.leading * 2 + 2.5 * BODY_LEADING))
        out.append(flowable)
    return out


def logo_size(path: str, box: tuple[float, float]) -> tuple[float, float]:
    """The size (points) of the logo image at ``path`` scaled to fit ``box``, keeping its proportions."""
    from reportlab.lib.utils import ImageReader

    pixels_wide, pixels_high = ImageReader(path).getSize()
    scale = min(box[0] / pixels_wide, box[1] / pixels_high)
    return pixels_wide * scale, pixels_high * scale


def wrap_words(text: str, font: str, size: float, room: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``room`` points at spaces; a text longer than
    that ends its last line with "…" after a whole word. A single word wider than the room is the only
    thing ever cut inside (no line can hold it)."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and stringWidth(f"{line} {words[0]}", font, size) <= room:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:  # more than max_lines: drop whole words from the last line until "…" fits
        last = lines[-1].split()
        while len(last) > 1 and stringWidth(" ".join(last) + " …", font, size) > room:
            last.pop()
        lines[-1] = " ".join(last) + " …"
    return [line if stringWidth(line, font, size) <= room else _fit(line, font, size, room) for line in lines]


def _fit(text: str, font: str, size: float, room: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``room`` points."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _footer_form(page: int) -> str:
    return f"inducci-page-{page}"


class Contents(TableOfContents):
    """A table of contents laid out in the same single pass as the rest of the document.

    ``render`` gives it its entries (level, plain text) before the layout, read from the story's
    ``mark_heading`` flowables, so it takes its final room at once and the pages after it do not move.
    Each entry's dot leader and page number are a form XObject, drawn where ReportLab's table of
    contents draws them and defined by ``define_forms`` once the entries' pages are known. The entry's
    text links to its heading ("tocN"), and so does the area of the dots and the number.
    """

    def __init__(self) -> None:
        super().__init__(dotsMinLevel=0)
        self.levelStyles = list(get_styles().toc_levels)
        self.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                      ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        self.seeded: list[tuple[int, str]] = []
        self._drawn: list[tuple[str, int, float]] = []  # (form name, entry, width from the text's end)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = self.seeded or [(0, _("Contents"))]  # an empty Table would not lay out
        callback = f"inducciTocEnd{id(self)}"

        def entry_end(canvas: Canvas, kind: str | None, label: str) -> None:
            index = int(label)
            style = self.getLevelStyle(self.seeded[index][0])
            # where the entry's last line ends (ReportLab's onDraw protocol, private: not in the stubs)
            info = canvas._curr_tx_info  # type: ignore[attr-defined]
            x, y = info["cur_x"], info["cur_y"]
            name = f"inducci-toc-{id(self)}-{len(self._drawn)}"
            self._drawn.append((name, index, availWidth - x))
            canvas.saveState()
            canvas.translate(x, y)
            canvas.doForm(name)
            canvas.restoreState()
            canvas.linkRect("", f"toc{index}", (x, y, availWidth, y + style.leading), relative=1)

        self.canv.setNamedCB(callback, entry_end)
        rows: list[list[Flowable]] = []
        for index, (level, text) in enumerate(entries):
            style = self.getLevelStyle(level)
            markup = escape(text)
            if self.seeded:
                markup = f'<a href="#toc{index}">{markup}</a><onDraw name="{callback}" label="{index}"/>'
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([Paragraph(markup, style)])
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return (self.width, self.height)

    def define_forms(self, canv: Canvas, pages: Sequence[int]) -> None:
        """Define the forms drawn for the entries: dots and the page number, right-aligned in ``room``."""
        for name, index, room in self._drawn:
            style = self.getLevelStyle(self.seeded[index][0])
            # the stubs want whole numbers for the bounding box; ReportLab writes any number
            canv.beginForm(name, lowerx=-1, lowery=-style.leading,  # type: ignore[arg-type]
                           upperx=room + 1, uppery=2 * style.leading)
            canv._curr_tx_info = {"cur_x": 0.0, "cur_y": 0.0}  # type: ignore[attr-defined]  # what drawPageNumbers reads
            drawPageNumbers(canv, style, [(pages[index], None)], room, 0, " . ")
            canv.endForm()
        self._drawn = []


def contents(title: str = N_("Contents")) -> list[Flowable]:
    """A table of contents (title and entries with page numbers) in the shared fonts."""
    return [Paragraph(escape(_(title)), get_styles().toc_title), Contents()]


def _headings(flowables: Sequence[Flowable]) -> list[tuple[int, str]]:
    """(toc level, text) of every contents entry marked with ``mark_heading``, in story order."""
    found: list[tuple[int, str]] = []
    for flowable in flowables:
        heading = getattr(flowable, "_inducci_heading", None)
        if heading is not None and heading[2] is not None:
            found.append((heading[2], heading[0]))
        inner = getattr(flowable, "_content", None)  # KeepTogether and other containers
        if isinstance(inner, (list, tuple)):
            found += _headings(inner)
    return found


#: Layouts tried when the contents entries read from the story differ from those the layout meets.
MAX_LAYOUTS = 3


def render(
    story: Sequence[Flowable] | Callable[[], Sequence[Flowable]],
    meta: DocumentMeta,
    options: PrintOptions,
    *,
    outline_open: bool = False,
    first_template: str = CONTENT,
) -> bytes:
    """Lay out ``story`` (once) and return the PDF.

    A table of contents gets its entries from the story before the layout. Should the layout meet
    other entries than those (a marked heading the story walk cannot see), the story is laid out again
    with the entries it met, so the contents are always those of the printed document.

    Raises:
        PrintError: the content cannot be laid out (for example a table cell taller than a page).
    """
    entries: list[tuple[int, str]] | None = None
    for _attempt in range(MAX_LAYOUTS):
        flowables = guard_headings(list(story() if callable(story) else story))
        tocs = [f for f in flowables if isinstance(f, Contents)]
        if entries is None:
            entries = _headings(flowables)
        for toc in tocs:
            toc.seeded = list(entries)
        buffer = io.BytesIO()
        doc = InduDocTemplate(buffer, meta, options, outline_open=outline_open, first_template=first_template)
        doc._doSave = 0  # type: ignore[attr-defined]  # private switch: saved below, once the forms are defined
        try:
            doc.build(flowables)
            met = [(level, text) for level, text, _page in doc.toc_found]
            if tocs and met != entries:
                entries = met
                continue
            doc.define_forms(tocs)
            doc.canv.save()
        except PrintError:
            raise
        except Exception as exc:  # ReportLab raises LayoutError, IndexError, ValueError …
            raise PrintError(_("The document “{title}” could not be laid out: {exc}")
                .format(title=meta.title, exc=exc)) from exc
        return buffer.getvalue()
    raise PrintError(_("The contents of “{title}” could not be settled after {MAX_LAYOUTS} layouts.")
        .format(title=meta.title, MAX_LAYOUTS=MAX_LAYOUTS))
