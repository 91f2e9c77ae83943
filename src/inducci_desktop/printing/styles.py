"""All paragraph, table and contents styles of printed documents, in one place.

Every style names a DejaVu font explicitly: ReportLab's own defaults (getSampleStyleSheet,
TableStyle, TableOfContents) use Helvetica, which prints ■ for ł ř ő.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from inducci_desktop.printing.fonts import MONO, SANS, SANS_BOLD, SANS_ITALIC, register_fonts

ACCENT = colors.HexColor("#1F5F8B")
TEXT = colors.HexColor("#1E1E1E")
MUTED = colors.HexColor("#5A6570")
RULE = colors.HexColor("#C5D1DB")
SHADE = colors.HexColor("#EEF3F7")
CODE_SHADE = colors.HexColor("#F4F4F4")
LINK = colors.HexColor("#1F5F8B")

BODY_SIZE = 10.0
BODY_LEADING = 14.0


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every document."""

    title: ParagraphStyle
    kicker: ParagraphStyle  # small caps-like label above a title ("Guide", "Case profile")
    lead: ParagraphStyle  # the summary under a title
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    h4: ParagraphStyle
    body: ParagraphStyle
    list_item: ParagraphStyle
    quote: ParagraphStyle
    code: ParagraphStyle
    small: ParagraphStyle
    placeholder: ParagraphStyle
    source: ParagraphStyle
    table_cell: ParagraphStyle
    table_header: ParagraphStyle
    fact_label: ParagraphStyle
    fact_value: ParagraphStyle
    term: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_meta: ParagraphStyle
    toc_title: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]

    def heading(self, level: int) -> ParagraphStyle:
        """The style for a Markdown heading of ``level`` (1–6)."""
        return (self.h1, self.h2, self.h3, self.h4)[min(max(level, 1), 4) - 1]


def _style(name: str, **kw: Any) -> ParagraphStyle:  # ParagraphStyle takes **kw: Any
    base: dict[str, Any] = {
        "fontName": SANS,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "textColor": TEXT,
        "bulletFontName": SANS,
        "alignment": TA_LEFT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@functools.cache
def get_styles() -> Styles:
    """The shared styles (fonts are registered on first use)."""
    register_fonts()
    heading = {"fontName": SANS_BOLD, "keepWithNext": 1, "textColor": TEXT}
    return Styles(
        title=_style("Title", fontName=SANS_BOLD, fontSize=20, leading=25, textColor=ACCENT,
                     spaceAfter=6, keepWithNext=1),
        kicker=_style("Kicker", fontName=SANS_BOLD, fontSize=8, leading=11, textColor=MUTED,
                      spaceAfter=3, keepWithNext=1),
        lead=_style("Lead", fontSize=11, leading=15.5, textColor=MUTED, spaceAfter=10),
        h1=_style("H1", **{**heading, "fontSize": 15, "leading": 19, "spaceBefore": 14, "spaceAfter": 6,
                           "textColor": ACCENT}),
        h2=_style("H2", **{**heading, "fontSize": 13, "leading": 17, "spaceBefore": 12, "spaceAfter": 5,
                           "textColor": ACCENT}),
        h3=_style("H3", **{**heading, "fontSize": 11, "leading": 15, "spaceBefore": 9, "spaceAfter": 4}),
        h4=_style("H4", **{**heading, "fontName": SANS_BOLD, "fontSize": BODY_SIZE, "leading": BODY_LEADING,
                           "spaceBefore": 7, "spaceAfter": 3, "textColor": MUTED}),
        body=_style("Body", spaceAfter=6),
        list_item=_style("ListItem", spaceAfter=2),
        quote=_style("Quote", fontName=SANS_ITALIC, textColor=MUTED, spaceAfter=4),
        code=_style("Code", fontName=MONO, fontSize=8.5, leading=11.5, backColor=CODE_SHADE,
                    borderPadding=(4, 4, 4, 4), spaceBefore=8, spaceAfter=12, leftIndent=4, rightIndent=4),
        small=_style("Small", fontSize=8, leading=10.5, textColor=MUTED),
        placeholder=_style("Placeholder", fontName=SANS_ITALIC, fontSize=9, leading=12, textColor=MUTED,
                           backColor=SHADE, borderPadding=(4, 4, 4, 4), spaceBefore=8, spaceAfter=12,
                           leftIndent=4, rightIndent=4),
        source=_style("Source", fontSize=8.5, leading=11.5, textColor=TEXT, spaceAfter=2),
        table_cell=_style("TableCell", fontSize=9, leading=12),
        table_header=_style("TableHeader", fontName=SANS_BOLD, fontSize=9, leading=12),
        fact_label=_style("FactLabel", fontName=SANS_BOLD, fontSize=8.5, leading=12, textColor=MUTED),
        fact_value=_style("FactValue", fontSize=9, leading=12),
        term=_style("Term", fontName=SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=2,
                    keepWithNext=1),
        cover_title=_style("CoverTitle", fontName=SANS_BOLD, fontSize=28, leading=34, textColor=ACCENT,
                           spaceAfter=12),
        cover_subtitle=_style("CoverSubtitle", fontSize=15, leading=20, textColor=MUTED, spaceAfter=24),
        cover_meta=_style("CoverMeta", fontSize=11, leading=16, textColor=TEXT),
        toc_title=_style("ContentsTitle", fontName=SANS_BOLD, fontSize=17, leading=22, textColor=ACCENT,
                         spaceAfter=14),
        toc_levels=(
            _style("TOC0", fontSize=10, leading=14, leftIndent=0, firstLineIndent=0, spaceBefore=3),
            _style("TOC1", fontSize=9.5, leading=13, leftIndent=16, firstLineIndent=0, textColor=MUTED),
            _style("TOC2", fontSize=9, leading=12, leftIndent=32, firstLineIndent=0, textColor=MUTED),
        ),
    )


def data_table_style(*, header: bool = True) -> TableStyle:
    """Grid for Markdown and data tables; the header row is shaded and repeats on each page."""
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])
    if header:
        style.add("FONTNAME", (0, 0), (-1, 0), SANS_BOLD)
        style.add("BACKGROUND", (0, 0), (-1, 0), SHADE)
        style.add("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)
    return style


def fact_table_style() -> TableStyle:
    """The label/value box at the top of case profiles and format cards."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ]
    )


def quote_table_style() -> TableStyle:
    """A block quote: a bar in the accent colour on a light background."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("LINEBEFORE", (0, 0), (0, -1), 2, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )

