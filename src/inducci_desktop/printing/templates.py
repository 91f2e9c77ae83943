"""The page layout of every document: header, footer "Page X of Y", metadata, outline and contents.

``render(story, meta, options)`` lays out a list of flowables and returns the PDF bytes. It always
uses ``multiBuild``: a hidden indexing flowable remembers the page count of the previous pass, so
the footer knows the total without a canvas that defers pages (which would break bookmarks).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.flowables import _ContainerSpace
from reportlab.platypus.tableofcontents import TableOfContents

from .errors import PrintError
from .fonts import SANS, SANS_BOLD, register_fonts
from .markup import escape
from .options import PrintOptions
from .styles import ACCENT, BODY_LEADING, MUTED, RULE, get_styles

MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
HEADER_GAP = 9 * mm  # from the top edge of the paper to the header baseline
FOOTER_GAP = 12 * mm  # from the bottom edge of the paper to the footer baseline

CONTENT = "content"
COVER = "cover"

PRODUCER = "InduCCI Desktop (ReportLab)"


@dataclass(frozen=True)
class DocumentMeta:
    """What a document says about itself: its title (header and PDF title) and PDF metadata."""

    title: str
    subject: str = ""
    keywords: tuple[str, ...] = ()


def mark_heading(
    flowable: Flowable, text: str, *, outline_level: int | None = None, toc_level: int | None = None
) -> Flowable:
    """Make ``flowable`` a bookmark (outline level) and/or a contents entry (toc level).

    ``text`` is plain text (not markup).
    """
    flowable._inducci_heading = (text, outline_level, toc_level)
    return flowable


class _PageTotal(Flowable):
    """An invisible indexing flowable: the page count of the previous pass, for "Page X of Y"."""

    def __init__(self) -> None:
        super().__init__()
        self.known: int | None = None
        self.counted: int | None = None

    def isIndexing(self) -> int:
        return 1

    def isSatisfied(self) -> int:
        return int(self.known is not None and self.known == self.counted)

    def beforeBuild(self) -> None:
        self.known = self.counted

    def afterBuild(self) -> None:
        pass

    def notify(self, kind: str, stuff: object) -> None:
        pass  # indexing flowables receive every notification; this one needs none

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0.0, 0.0)

    def draw(self) -> None:
        pass


class InduDocTemplate(BaseDocTemplate):
    """A4/Letter pages with header and footer, plus a plain "cover" page template."""

    def __init__(
        self,
        target: io.BytesIO,
        meta: DocumentMeta,
        options: PrintOptions,
        total: _PageTotal,
        *,
        outline_open: bool = False,
        first_template: str = CONTENT,
    ) -> None:
        register_fonts()
        self._meta = meta
        self._options = options
        self._total = total
        self._outline_last = -1
        self._bookmark_seq = 0
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

    # -- multiBuild bookkeeping -------------------------------------------------------------
    def beforeDocument(self) -> None:
        self._outline_last = -1
        self._bookmark_seq = 0
        if self._outline_open:
            self.canv.showOutline()

    def afterPage(self) -> None:
        self._total.counted = self.page

    def afterFlowable(self, flowable: Flowable) -> None:
        heading = getattr(flowable, "_inducci_heading", None)
        if heading is None:
            return
        text, outline_level, toc_level = heading
        self._bookmark_seq += 1
        key = f"h{self._bookmark_seq}"
        self.canv.bookmarkPage(key)
        if outline_level is not None:
            # PDF outlines cannot skip a level (ReportLab raises), so clamp to one below the last.
            level = max(0, min(outline_level, self._outline_last + 1))
            self.canv.addOutlineEntry(text, key, level=level, closed=level >= 1)
            self._outline_last = level
        if toc_level is not None:
            self.notify("TOCEntry", (toc_level, escape(text), self.page, key))

    # -- page decoration --------------------------------------------------------------------
    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        left, right = self.leftMargin, width - self.rightMargin
        canv.saveState()
        # Header: title left, organisation · region right, a thin accent rule below.
        y = height - HEADER_GAP - 3 * mm
        owner = " · ".join(p for p in (self._options.organisation, self._options.region) if p)
        canv.setFillColor(MUTED)
        canv.setFont(SANS, 8)
        room = right - left
        gap = 6 * mm if owner else 0.0
        title_width = stringWidth(self._meta.title, SANS_BOLD, 8)
        owner_width = stringWidth(owner, SANS, 8) if owner else 0.0
        if title_width + gap + owner_width > room:
            # Share the line: each side keeps its full width if it fits in its half.
            owner_room = max(room / 2, room - gap - title_width)
            owner = _fit(owner, SANS, 8, owner_room) if owner else owner
            owner_width = stringWidth(owner, SANS, 8) if owner else 0.0
        if owner:
            canv.drawRightString(right, y, owner)
        canv.setFont(SANS_BOLD, 8)
        canv.setFillColor(ACCENT)
        canv.drawString(left, y, _fit(self._meta.title, SANS_BOLD, 8, room - owner_width - gap))
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
        total = self._total.known
        page_text = f"Page {doc.page} of {total}" if total else f"Page {doc.page}"
        canv.drawRightString(right, fy, page_text)
        canv.restoreState()

    def _decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
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
            and flowable.getKeepWithNext()
            and isinstance(following, _ContainerSpace)
        ):
            style = flowable.style
            out.append(CondPageBreak(style.spaceBefore + style.leading * 2 + 2.5 * BODY_LEADING))
        out.append(flowable)
    return out


def _fit(text: str, font: str, size: float, room: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``room`` points."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def contents(title: str = "Contents") -> list[Flowable]:
    """A table of contents (title and entries with page numbers) in the shared fonts."""
    styles = get_styles()
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = list(styles.toc_levels)
    toc.tableStyle = [("FONTNAME", (0, 0), (-1, -1), SANS), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    return [Paragraph(escape(title), styles.toc_title), toc]


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


def _presize_contents(flowables: Sequence[Flowable]) -> None:
    """Give each table of contents its entries (with placeholder page numbers) before the first pass.

    An empty contents list takes no room in the first pass, so every page number found in that pass is
    off by the length of the contents and a third pass is needed. Seeded with the entries the story will
    produce, the first pass already lays out the contents at their final height: two passes then suffice
    (one to find the page numbers and the total, one to print them). If the guess is ever wrong,
    ``multiBuild`` simply makes another pass, so the result is the same either way.
    """
    tocs = [f for f in flowables if isinstance(f, TableOfContents)]
    if not tocs:
        return
    entries = [(level, escape(text), 10, None) for level, text in _headings(flowables)]
    for toc in tocs:
        if not toc._entries:
            toc._entries = list(entries)


def render(
    story: Sequence[Flowable] | Callable[[], Sequence[Flowable]],
    meta: DocumentMeta,
    options: PrintOptions,
    *,
    outline_open: bool = False,
    first_template: str = CONTENT,
) -> bytes:
    """Lay out ``story`` and return the PDF.

    Raises:
        PrintError: the content cannot be laid out (for example a table cell taller than a page).
    """
    flowables = guard_headings(list(story() if callable(story) else story))
    _presize_contents(flowables)
    total = _PageTotal()
    buffer = io.BytesIO()
    doc = InduDocTemplate(buffer, meta, options, total, outline_open=outline_open,
                          first_template=first_template)
    try:
        doc.multiBuild([total, *flowables])
    except PrintError:
        raise
    except Exception as exc:  # ReportLab raises LayoutError, IndexError, ValueError …
        raise PrintError(f"The document “{meta.title}” could not be laid out: {exc}") from exc
    return buffer.getvalue()
