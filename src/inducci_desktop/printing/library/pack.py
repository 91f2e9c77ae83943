"""The handout pack: a cover, a table of contents with page numbers, then each item on a new page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, HRFlowable, NextPageTemplate, PageBreak, Spacer

from inducci_desktop.content.model import ContentItem, GlossaryTerm
from inducci_desktop.domain.i18n import _
from inducci_desktop.printing.common import DocContext
from inducci_desktop.printing.library.glossary import glossary_story
from inducci_desktop.printing.library.items import item_story
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.styles import ACCENT
from inducci_desktop.printing.templates import CONTENT, DocumentMeta, contents, render
from inducci_desktop.printing.wording import cover_words


@dataclass(frozen=True)
class PackCover:
    """The cover page. ``date`` is free text (e.g. "12 March 2026"); empty → the print date."""

    title: str
    subtitle: str = ""
    organiser: str = ""
    date: str = ""


def _cover(cover: PackCover, ctx: DocContext, count: int) -> list[Flowable]:
    s = ctx.styles
    height = ctx.options.paper.points[1]
    words = cover_words(ctx.options.language)  # every fixed word of the cover from one language's table
    lines = [
        (words.date, cover.date or ctx.options.date_text()),
        (words.organiser, cover.organiser or ctx.options.organisation),
        (words.region, ctx.options.region),
        (words.contents, words.item_count(count)),
    ]
    story: list[Flowable] = [
        Spacer(1, height * 0.22),
        Paragraph(escape(cover.title), s.cover_title),
    ]
    if cover.subtitle:
        story.append(Paragraph(escape(cover.subtitle), s.cover_subtitle))
    story.append(HRFlowable(width="35%", thickness=2, color=ACCENT, hAlign="LEFT", spaceBefore=4,
                            spaceAfter=18))
    for label, value in lines:
        if value:
            story.append(Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", s.cover_meta))
    return story


def pack_story(items: Sequence[ContentItem], cover: PackCover, ctx: DocContext,
               glossary: Sequence[GlossaryTerm] = ()) -> list[Flowable]:
    story: list[Flowable] = [
        *_cover(cover, ctx, len(items) + (1 if glossary else 0)),
        NextPageTemplate(CONTENT),
        PageBreak(),
        *contents(),
    ]
    for item in items:
        story += [PageBreak(), *item_story(item, ctx)]
    if glossary:
        story += [PageBreak(), *glossary_story(glossary, ctx)]
    return story


def handout_pack(
    items: Sequence[ContentItem],
    cover: PackCover,
    options: PrintOptions | None = None,
    *,
    titles: Mapping[str, str] | None = None,
    glossary: Sequence[GlossaryTerm] = (),
) -> bytes:
    """The PDF of several items in the given order, with cover, contents and bookmarks.

    Args:
        items: the items, printed in this order, each starting on a new page.
        cover: title, subtitle, date and organiser for the cover page.
        titles: item id → title, for related items and ``item:`` links.
        glossary: terms to append as a last section (optional).
    """
    options = options or PrintOptions()
    ctx = DocContext(options=options, titles=titles, in_pack=True)
    keywords = tuple(dict.fromkeys(tag for item in items for tag in item.tags))
    meta = DocumentMeta(title=cover.title, subject=cover.subtitle or _("Handout pack"),
                        keywords=("InduCCI", *keywords[:20]))
    return render(lambda: pack_story(items, cover, ctx, glossary), meta, options, outline_open=True,
                  first_template="cover")
