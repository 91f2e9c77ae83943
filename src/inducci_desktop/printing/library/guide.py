"""The guide handout: title, summary, body, sources and related items."""

from __future__ import annotations

from reportlab.platypus import Flowable

from inducci_desktop.content.labels import KIND_LABELS
from inducci_desktop.content.model import ContentItem
from inducci_desktop.printing.common import (
    DocContext,
    body,
    related_block,
    sources_block,
    title_block,
    translation_notice,
)
from inducci_desktop.printing.templates import DocumentMeta


def guide_story(item: ContentItem, ctx: DocContext) -> list[Flowable]:
    """The flowables of one guide (also used for any item kind without its own layout)."""
    return [
        *title_block(ctx, KIND_LABELS.get(item.kind, KIND_LABELS["guide"]), item.title, item.summary,
                     notice=translation_notice(item.language, item.translation, ctx.options.language)),
        *body(ctx, item.body),
        *sources_block(ctx, item.sources),
        *related_block(ctx, item.related),
    ]


def item_meta(item: ContentItem) -> DocumentMeta:
    return DocumentMeta(title=item.title, subject=item.summary, keywords=(*item.tags, "InduCCI"))
