"""Bulleted and numbered lists whose bullets use the embedded font and leave room for "10."."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, ListFlowable, ListItem

from inducci_desktop.printing.fonts import SANS


def _entries(items: Sequence[ListItem]) -> list[Flowable]:
    """ListFlowable takes ListItems as entries; its stubs name only flowables."""
    return list(items)  # type: ignore[arg-type]


def numbered_list(items: Sequence[ListItem], style: ParagraphStyle, *, start: int = 1,
                  space_after: float = 6) -> ListFlowable:
    widest = f"{start + max(len(items) - 1, 0)}."
    indent = max(18.0, stringWidth(widest, SANS, style.fontSize) + 8)
    return ListFlowable(_entries(items), bulletType="1", start=start, bulletFormat="%s.", bulletFontName=SANS,
                        bulletFontSize=style.fontSize, leftIndent=indent, spaceBefore=0,
                        spaceAfter=space_after)


def bulleted_list(items: Sequence[ListItem], style: ParagraphStyle, *, bullet: str = "•",
                  space_after: float = 6) -> ListFlowable:
    return ListFlowable(_entries(items), bulletType="bullet", start=bullet, bulletFontName=SANS,
                        bulletFontSize=style.fontSize, leftIndent=14, spaceBefore=0, spaceAfter=space_after)
