"""The interview guide: audience and duration, then the introduction and question blocks."""

from __future__ import annotations

from reportlab.platypus import Flowable

from inducci_desktop.content.labels import KIND_LABELS
from inducci_desktop.content.model import ContentItem
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.printing.common import (
    DocContext,
    body,
    fact_box,
    join_markup,
    related_block,
    sources_block,
    title_block,
    translation_notice,
)
from inducci_desktop.printing.markup import escape

AUDIENCES = {
    "cci": N_("Creatives and CCI businesses"),
    "industry": N_("Industrial companies"),
    "administration": N_("Public administration"),
}


def interview_story(item: ContentItem, ctx: DocContext) -> list[Flowable]:
    f = item.fields
    audience = str(f.get("audience") or "")
    return [
        *title_block(ctx, KIND_LABELS["interview"], item.title, item.summary,
                     notice=translation_notice(item.language, item.translation, ctx.options.language)),
        *fact_box(ctx, [
            (_("Audience"), escape(AUDIENCES.get(audience, audience))),
            (_("Duration"), join_markup(f.get("duration"))),
        ]),
        *body(ctx, item.body),
        *sources_block(ctx, item.sources),
        *related_block(ctx, item.related),
    ]
