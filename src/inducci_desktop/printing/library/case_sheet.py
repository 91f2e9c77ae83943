"""The case profile sheet: fact box (where, when, region, partners, formats), results, lessons, body."""

from __future__ import annotations

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
from inducci_desktop.printing.options import lookup_title


def case_story(item: ContentItem, ctx: DocContext) -> list[Flowable]:
    f = item.fields
    formats = ", ".join(f"<i>{escape(lookup_title(ctx.titles, fid))}</i>" for fid in strings(f.get("formats")))
    story: list[Flowable] = [
        *title_block(ctx, KIND_LABELS["case"], item.title, item.summary,
                     notice=translation_notice(item.language, item.translation, ctx.options.language)),
        *fact_box(ctx, [
            (_("Where"), join_markup(f.get("where"))),
            (_("When"), join_markup(f.get("when"))),
            (_("Region"), join_markup(f.get("region"))),
            (_("Partners"), join_markup(f.get("partners"), separator="; ")),
            (_("Formats"), formats),
        ]),
    ]
    results = strings(f.get("results"))
    if results:
        story += [section_heading(ctx, _("Results in brief")), bullet_list(ctx, [escape(r) for r in results])]
    lessons = strings(f.get("lessons"))
    if lessons:
        story += [section_heading(ctx, _("Lessons in brief")), bullet_list(ctx, [escape(x) for x in lessons])]
    story += [*body(ctx, item.body), *sources_block(ctx, item.sources), *related_block(ctx, item.related)]
    return story
