"""One entry point for any toolbox item: picks the layout by the item's kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reportlab.platypus import Flowable

from inducci_desktop.content.model import ContentItem
from inducci_desktop.printing.common import DocContext
from inducci_desktop.printing.library.case_sheet import case_story
from inducci_desktop.printing.library.format_card import format_story
from inducci_desktop.printing.library.guide import guide_story, item_meta
from inducci_desktop.printing.library.interview import interview_story
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.templates import render

_STORIES: dict[str, Callable[[ContentItem, DocContext], list[Flowable]]] = {
    "guide": guide_story,
    "case": case_story,
    "format": format_story,
    "interview": interview_story,
}


def item_story(item: ContentItem, ctx: DocContext) -> list[Flowable]:
    """The flowables of ``item`` in the layout of its kind (guide layout for unknown kinds)."""
    return _STORIES.get(item.kind, guide_story)(item, ctx)


def item_document(
    item: ContentItem, options: PrintOptions | None = None, *, titles: Mapping[str, str] | None = None
) -> bytes:
    """The PDF of one item: guide handout, case profile sheet, format card or interview guide."""
    options = options or PrintOptions()
    ctx = DocContext(options=options, titles=titles)
    return render(lambda: item_story(item, ctx), item_meta(item), options)
