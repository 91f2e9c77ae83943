"""The transnational recommendation as a PDF: the short version (two pages: the recommendations, each with
its addressee and examples) or the full version (the topics × regions matrix, the EU-level analysis per
common topic, then the recommendations with reasoning)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import ExampleView, RecommendationPrint, RecommendationView
from inducci_desktop.printing.common import DocContext, body, title_block
from inducci_desktop.printing.markup import escape
from inducci_desktop.printing.options import PrintOptions
from inducci_desktop.printing.paragraph import Paragraph
from inducci_desktop.printing.strategy.paper import cover, heading, table
from inducci_desktop.printing.templates import CONTENT, COVER, DocumentMeta, contents, render


def example_text(example: ExampleView) -> str:
    kind = _(rules.EXAMPLE_KIND.labels.get(example.ref.kind, example.ref.kind))
    return f"{example.region_name} ({kind}): {example.text}" if example.found else \
        _("{region}: no longer in that region's paper").format(region=example.region_name)


def matrix_rows(view: RecommendationView) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    columns = (_("Topic"), *(p.region_name for p in view.papers), _("Common?"))
    rows = tuple((r.topic_name, *("✓" if present else "" for present in r.present),
                  _(rules.COMMONALITY.labels[r.common])) for r in view.matrix)
    return columns, rows


def items_story(ctx: DocContext, view: RecommendationView, *, short: bool) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = []
    for number, item in enumerate(view.items, 1):
        story.append(Paragraph(f"<b>{number}. {escape(item.title)}</b>", s.h3 if not short else s.body))
        addressed = _("Addressed to: {actor} ({level})").format(actor=item.actor,
                                                                 level=_(rules.POLICY_LEVEL.labels[item.level]))
        story.append(Paragraph(escape(addressed), s.small))
        if not short:
            story += body(ctx, item.reasoning)
        examples = item.examples[:2] if short else item.examples
        for example in examples:
            story.append(Paragraph("• " + escape(example_text(example)), s.list_item))
        story.append(Spacer(1, 3 * mm))
    return story


def recommendation_story(doc: RecommendationPrint, ctx: DocContext) -> list[Flowable]:
    view = doc.recommendation
    s = ctx.styles
    regions = ", ".join(p.region_name for p in view.papers)
    if doc.short:
        story: list[Flowable] = title_block(ctx, _("Transnational policy recommendation · short version"),
                                            view.summary.title, _("Regions: {regions}").format(regions=regions),
                                            logo=True)
        story += body(ctx, view.intro)
        common = [r.topic_name for r in view.matrix if r.common in ("all", "most")]
        if common:
            story.append(Paragraph(f"<b>{escape(_('Common topics'))}:</b> {escape(', '.join(common))}", s.body))
        story.append(Spacer(1, 3 * mm))
        return story + items_story(ctx, view, short=True)
    story = [*cover(ctx, view.summary.title, _("Transnational policy recommendation"),
                    [(_("Regions"), regions), (_("Date"), doc.generated_on.isoformat())]),
             NextPageTemplate(CONTENT), PageBreak(), *contents(_("Contents")), PageBreak(),
             heading(ctx, _("1. Introduction")), *body(ctx, view.intro),
             heading(ctx, _("2. Topics of the regional papers"))]
    columns, rows = matrix_rows(view)
    story.append(table(ctx, columns, rows))
    story.append(heading(ctx, _("3. The European level")))
    for entry in view.topics:
        if entry.common not in ("all", "most") and not entry.policy:
            continue
        story.append(Paragraph(escape(entry.topic_name), s.h3))
        facts = [(_("Policy, programme or network"), entry.policy), (_("Gap"), entry.gap),
                 (_("Level and actor addressed"),
                  f"{_(rules.POLICY_LEVEL.labels[entry.level])} – {entry.actor}" if entry.actor else "")]
        for label, value in facts:
            if value:
                story.append(Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", s.body))
        for example in entry.examples:
            story.append(Paragraph("• " + escape(example_text(example)), s.list_item))
    story.append(heading(ctx, _("4. Recommendations")))
    return story + items_story(ctx, view, short=False)


def recommendation_document(doc: RecommendationPrint, options: PrintOptions) -> bytes:
    ctx = DocContext(options=options)
    meta = DocumentMeta(title=doc.recommendation.summary.title, subject=_("Transnational policy recommendation"),
                        keywords=("recommendation", "InduCCI"))
    return render(lambda: recommendation_story(doc, ctx), meta, options, outline_open=True,
                  first_template=CONTENT if doc.short else COVER)
