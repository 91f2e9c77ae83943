"""The guide handout: title, summary, body, sources and related items."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.platypus import Flowable

from ..content.model import KIND_LABELS, ContentItem
from .common import DocContext, body, related_block, sources_block, title_block
from .options import PrintOptions
from .templates import DocumentMeta, render


def guide_story(item: ContentItem, ctx: DocContext) -> list[Flowable]:
    """The flowables of one guide (also used for any item kind without its own layout)."""
    return [
        *title_block(ctx, KIND_LABELS.get(item.kind, "Guide"), item.title, item.summary),
        *body(ctx, item.body),
        *sources_block(ctx, item.sources),
        *related_block(ctx, item.related),
    ]


def item_meta(item: ContentItem) -> DocumentMeta:
    return DocumentMeta(title=item.title, subject=item.summary, keywords=(*item.tags, "InduCCI"))


def guide_handout(
    item: ContentItem, options: PrintOptions | None = None, *, titles: Mapping[str, str] | None = None
) -> bytes:
    """The PDF of a guide handout.

    Args:
        item: the guide (any item kind works; cases, formats, interviews have richer layouts).
        titles: item id → title, for related items and ``item:`` links (see ``titles_from_pack``).
    """
    options = options or PrintOptions()
    ctx = DocContext(options=options, titles=titles)
    return render(lambda: guide_story(item, ctx), item_meta(item), options)
