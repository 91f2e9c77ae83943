"""Pieces shared by the documents: title block, fact box, lists, sources and related items."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Image, KeepTogether, ListItem, Table, TableStyle

from inducci_desktop.content.labels import KIND_LABELS
from inducci_desktop.content.labels import pack_notice as pack_notice  # re-exported for the documents
from inducci_desktop.content.labels import translation_notice as translation_notice
from inducci_desktop.content.model import Source
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.printing.fonts import SANS
from inducci_desktop.printing.lists import bulleted_list, numbered_list
from inducci_desktop.printing.markdown import MarkdownContext, resource_roots, to_flowables
from inducci_desktop.printing.markup import escape, link
from inducci_desktop.printing.options import PrintOptions, lookup_title
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import ACCENT, Styles, fact_table_style, get_styles
from inducci_desktop.printing.templates import MARGIN_X, TITLE_LOGO_BOX, logo_size, mark_heading

#: id prefix → kind, as in docs/CONTENT_FORMAT.md
_PREFIXES = {"guide-": "guide", "case-": "case", "format-": "format", "interview-": "interview",
             "checklist-": "checklist", "link-": "link"}


@dataclass(frozen=True)
class DocContext:
    """What every part of a document needs to know.

    ``in_pack``: item titles become contents entries (the handout pack).
    """

    options: PrintOptions
    titles: Mapping[str, str] | None = None
    image_roots: tuple[Traversable | Path, ...] = ()
    in_pack: bool = False
    styles: Styles = field(default_factory=get_styles)

    @property
    def width(self) -> float:
        return self.options.paper.points[0] - 2 * MARGIN_X

    def markdown(self) -> MarkdownContext:
        roots = self.image_roots or resource_roots(self.options.language or "en")
        return MarkdownContext(width=self.width, titles=self.titles, image_roots=roots, styles=self.styles)


def kind_of(item_id: str) -> str | None:
    for prefix, kind in _PREFIXES.items():
        if item_id.startswith(prefix):
            return kind
    return None


def title_block(ctx: DocContext, kicker: str, title: str, summary: str = "", *, logo: bool = False,
                notice: str = "") -> list[Flowable]:
    """Kicker ("GUIDE"), title, a thin accent rule and the summary as a lead paragraph.

    ``logo``: the organisation logo (when one is chosen) stands at the right of the kicker and title.
    ``notice``: a line under the rule, e.g. that the translation is not yet reviewed (``translation_notice``).
    """
    s = ctx.styles
    title_paragraph = Paragraph(escape(title), s.title)
    parts: list[Flowable] = []
    if kicker:
        parts.append(Paragraph(escape(kicker.upper()), s.kicker))
    if logo and ctx.options.logo:
        width, height = logo_size(ctx.options.logo, TITLE_LOGO_BOX)
        room = width + 6 * mm
        side = Table([[[*parts, title_paragraph], Image(ctx.options.logo, width, height, mask="auto")]],
                     colWidths=[ctx.width - room, room], hAlign="LEFT",
                     style=TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                                       ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        # The title inside a table is not seen by the layout's bookkeeping: a marker carries its bookmark.
        parts = [mark_heading(_Marker(), title, outline_level=0, toc_level=0 if ctx.in_pack else None), side]
    else:
        parts.append(mark_heading(title_paragraph, title, outline_level=0, toc_level=0 if ctx.in_pack else None))
    parts.append(HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=8))
    out: list[Flowable] = [KeepTogether(parts)]
    if notice:
        out.append(Paragraph(f"<i>{escape(notice)}</i>", s.small))
    if summary.strip():
        out.append(Paragraph(escape(summary.strip()), s.lead))
    return out


class _Marker(Flowable):
    """Takes no room and draws nothing: carries a heading mark for the outline."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0.0, 0.0)

    def draw(self) -> None:
        pass


def section_heading(ctx: DocContext, text: str, level: int = 2) -> Flowable:
    """A heading that is also a bookmark (below the document title)."""
    return mark_heading(Paragraph(escape(text), ctx.styles.heading(level)), text, outline_level=level - 1)


def bullet_list(ctx: DocContext, markups: Sequence[str], *, numbered: bool = False) -> Flowable:
    """A list of paragraphs (each already markup)."""
    style = ctx.styles.list_item
    items = [ListItem([Paragraph(m, style)]) for m in markups]
    return numbered_list(items, style) if numbered else bulleted_list(items, style)


def fact_box(ctx: DocContext, rows: Sequence[tuple[str, str]]) -> list[Flowable]:
    """Label/value rows in a shaded box; values are markup. Empty values are left out."""
    s = ctx.styles
    data = [[Paragraph(escape(label), s.fact_label), Paragraph(value, s.fact_value)]
            for label, value in rows if value.strip()]
    if not data:
        return []
    label_width = 32 * 72 / 25.4
    table = Table(data, colWidths=[label_width, ctx.width - label_width], style=fact_table_style(),
                  hAlign="LEFT", spaceBefore=2, spaceAfter=10)
    return [table]


def body(ctx: DocContext, markdown: str) -> list[Flowable]:
    return to_flowables(markdown, ctx.markdown()) if markdown.strip() else []


def source_markup(source: Source) -> str:
    title = source.title.strip()
    return link(source.url, escape(title) if title and title != source.url else None)


def sources_block(ctx: DocContext, sources: Sequence[Source], heading: str = N_("Sources")) -> list[Flowable]:
    if not sources:
        return []
    heading = _(heading)  # a default marked with N_, or the caller's text (returned as it is)
    style = ctx.styles.source
    items = [ListItem([Paragraph(source_markup(src), style)]) for src in sources]
    return [section_heading(ctx, heading), numbered_list(items, style)]


def related_markup(ctx: DocContext, item_id: str) -> str:
    kind = kind_of(item_id)
    title = f"<i>{escape(lookup_title(ctx.titles, item_id))}</i>"
    return f"{title} ({escape(KIND_LABELS[kind])})" if kind is not None and kind in KIND_LABELS else title


class FitsOrLeftOut(Flowable):
    """Flowables printed only where they fit in the room left on the page, else left out.

    For what is worth a few lines at the end of a document but not a page of its own.
    """

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__()
        self._content = list(flowables)
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        canv = getattr(self, "canv", None)  # None when measured outside a frame, which wrapOn takes
        self._sizes = [f.wrapOn(canv, availWidth, availHeight)  # type: ignore[arg-type]  # stubs: Canvas only
                       for f in self._content]
        height = sum(h for _w, h in self._sizes) + sum(
            f.getSpaceBefore() + f.getSpaceAfter() for f in self._content[1:])
        if height > availHeight:
            self._sizes = []
            return (availWidth, 0.0)
        self.width, self.height = availWidth, height
        return (availWidth, height)

    def draw(self) -> None:
        if not self._sizes:
            return  # left out: it did not fit
        y = self.height
        for index, (flowable, (_w, h)) in enumerate(zip(self._content, self._sizes, strict=True)):
            if index:
                y -= flowable.getSpaceBefore()
            y -= h
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()


def related_block(ctx: DocContext, related: Sequence[str],
                  heading: str = N_("Related in the toolbox")) -> list[Flowable]:
    """The related items: left out of handout packs (the pack is the selection), and in a single item's
    document printed only where it fits on the last page, never on a page of its own."""
    heading = _(heading)
    if not related or ctx.in_pack:
        return []
    return [FitsOrLeftOut([section_heading(ctx, heading),
                           bullet_list(ctx, [related_markup(ctx, i) for i in related])])]


def join_markup(values: object, *, separator: str = ", ") -> str:
    """A list (or a single value) from front matter as escaped text."""
    if values is None:
        return ""
    if isinstance(values, (list, tuple)):
        return separator.join(escape(str(v)) for v in values if str(v).strip())
    return escape(str(values))


def strings(value: object) -> list[str]:
    """A front-matter list (or single value) as a list of non-empty strings."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)] if value not in (None, "") else []
