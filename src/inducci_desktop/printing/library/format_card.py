"""The format (method) card: purpose, duration, group size, materials, numbered steps, then the body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable

from inducci_desktop.content.labels import KIND_LABELS
from inducci_desktop.content.model import ContentItem
from inducci_desktop.domain.i18n import _
from inducci_desktop.printing.common import (
    DocContext,
    body,
    bullet_list,
    fact_box,
    join_markup,
    related_block,
    section_heading,
    sources_block,
    strings,
    title_block,
    translation_notice,
)
from inducci_desktop.printing.markup import escape


def group_size_text(value: Any) -> str:
    """``{min: 15, max: 60}`` → "15–60 people"; other values as they are."""
    if isinstance(value, Mapping):
        low, high = value.get("min"), value.get("max")
        if low is not None and high is not None:
            return _("{low}–{high} people").format(low=low, high=high) if low != high else f"{low} people"
        if low is not None:
            return _("at least {low} people").format(low=low)
        if high is not None:
            return _("up to {high} people").format(high=high)
        return ""
    return "" if value is None else str(value)


def format_story(item: ContentItem, ctx: DocContext) -> list[Flowable]:
    f = item.fields
    story: list[Flowable] = [
        *title_block(ctx, KIND_LABELS["format"], item.title, item.summary,
                     notice=translation_notice(item.language, item.translation, ctx.options.language)),
        *fact_box(ctx, [
            (_("Purpose"), join_markup(f.get("purpose"))),
            (_("Duration"), join_markup(f.get("duration"))),
            (_("Group size"), escape(group_size_text(f.get("group_size")))),
            (_("Materials"), join_markup(f.get("materials"), separator="; ")),
        ]),
    ]
    steps = strings(f.get("steps"))
    if steps:
        story += [section_heading(ctx, _("Steps")), bullet_list(ctx, [escape(s) for s in steps], numbered=True)]
    story += [*body(ctx, item.body), *sources_block(ctx, item.sources), *related_block(ctx, item.related)]
    return story
