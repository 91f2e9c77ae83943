"""The strategy part of ``inducci-desktop demo``: a draft paper for Silesia with three priorities and measures
resting on the demo findings, a paper for Gorenjska, and a draft
recommendation built from both. Idempotent through fixed ids; needs the region and evidence steps first."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from inducci_desktop.domain.strategy import ExampleRef, Indicator, MeasureInput
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.errors import NotFoundError

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

SILESIA, GORENJSKA = demo_id("region:Śląskie (Silesia)"), demo_id("region:Gorenjska")
PAPER_SILESIA, PAPER_GORENJSKA = demo_id("paper:silesia"), demo_id("paper:gorenjska")
RECOMMENDATION = demo_id("recommendation:silesia-gorenjska")
TEXT = {
    "summary": "Śląskie sets three priorities for its creative industries until 2030: a **contact point** in every "
               "district office, **reliable figures** on the sector, and **places** where creatives and industry "
               "meet. Each rests on findings from two rounds of the regional stock-take and the training in "
               "Bielsko-Biała.",
    "starting_point": "The region's industry is in transition from coal and steel. Creative firms are many but "
                      "small; most are sole traders, whom the old statistics did not count.",
    "needs": "- Creatives do not know whom to ask in the town hall.\n- Figures on the sector were incomplete.\n"
             "- Creative places are concentrated in a few towns.",
    "vision": "By 2032 every firm in Śląskie can find a creative partner within an hour's travel.",
}
# priority → measures: (what, responsible, due, funding, indicator, finding keys, topic index)
PRIORITIES = (
    ("Contact points for creatives", (
        ("A named CCI contact person in every district office, two half days a week.",
         "Economic development department", date(2027, 6, 30), "Business support budget",
         Indicator("Enquiries and referrals per year", "0", "300"), ("contact", "need-contact"), 1),
        ("A monthly CCI help desk hour in the town hall, run with the local creative hub.",
         "Culture office with the creative hub", date(2027, 3, 31), "Regional operational programme",
         Indicator("Help desk hours held", "0", "12 per year"), ("idea-help-desk",), 1),
    )),
    ("Reliable figures on the sector", (
        ("Publish CCI figures each year by the EU definition, sole traders included.", "Statistics office",
         date(2027, 12, 31), "Existing budget", Indicator("Yearly report published", "no", "yes"),
         ("stats", "freelancers"), 0),
    )),
    ("Places where creatives and industry meet", (
        ("Open two former industrial halls to creatives for temporary use.", "Property management office",
         date(2028, 6, 30), "EU funds (ERDF)", Indicator("Creatives using the halls", "0", "40"),
         ("spread", "directory"), 3),
        ("Train administration staff on site visits to creative workplaces.", "", None, "",
         None, (), 2),
    )),
)


def demo_strategy_step(services: Services) -> list[str]:
    try:
        services.regions.get(SILESIA)
        services.regions.get(GORENJSKA)
    except NotFoundError:
        return []
    papers = services.strategy.papers
    added: list[str] = []
    findings = services.evidence.findings
    topics = [findings.add_topic(name).id for name in ("Data and statistics", "Contact points",
                                                        "Skills of the administration", "Places and hubs")]
    try:
        papers.summary(PAPER_SILESIA)
    except NotFoundError:
        _silesia(services, topics)
        added.append("a draft strategy paper for Śląskie (Silesia)")
    try:
        papers.summary(PAPER_GORENJSKA)
    except NotFoundError:
        _gorenjska(services, topics)
        added.append("a strategy paper for Gorenjska")
    try:
        services.strategy.recommendations.get(RECOMMENDATION)
    except NotFoundError:
        _recommendation(services, topics)
        added.append("a draft transnational recommendation")
    return added


def _known(services: Services, keys: tuple[str, ...]) -> tuple[str, ...]:
    found = []
    for key in keys:
        try:
            found.append(services.evidence.findings.get(demo_id(f"finding:{key}")).id)
        except NotFoundError:
            continue
    return tuple(found)


def _silesia(services: Services, topics: list[str]) -> None:
    papers = services.strategy.papers
    paper = papers.create(SILESIA, "Creative Śląskie 2030", paper_id=PAPER_SILESIA)
    view = papers.get(paper.id, live=False)
    for section in view.sections:
        if section.outline_key in TEXT:
            papers.set_body(section.id, TEXT[section.outline_key])
    starting = next(s for s in view.sections if s.outline_key == "starting_point")
    papers.add_block(starting.id, "checklist_scores", {"region_id": SILESIA, "template_id": ""})
    papers.add_block(starting.id, "workshop_figures", {"region_id": SILESIA})
    needs = next(s for s in view.sections if s.outline_key == "needs")
    papers.add_block(needs.id, "findings", {"finding_ids": list(_known(services, ("need-contact", "spread")))})
    for title, measures in PRIORITIES:
        priority = papers.add_priority(paper.id, title)
        for what, who, due, funding, indicator, keys, topic in measures:
            papers.add_measure(priority.id, MeasureInput(
                what, who, due, "", funding, (indicator,) if indicator else (), _known(services, keys),
                (topics[topic],)))


def _gorenjska(services: Services, topics: list[str]) -> None:
    """Gorenjska's paper as its coordinator sent it: its evidence stays in Gorenjska's own register, so the
    measures are marked as resting on findings not held here (assumptions, knowingly)."""
    papers = services.strategy.papers
    paper = papers.create(GORENJSKA, "Ustvarjalna Gorenjska – strategy paper", paper_id=PAPER_GORENJSKA)
    summary = next(s for s in papers.get(paper.id, live=False).sections if s.outline_key == "summary")
    papers.set_body(summary.id, "Gorenjska focuses on **one contact point** for creative services and on "
                                "**empty industrial halls** as studios (focus group Kranj, March 2026).")
    priority = papers.add_priority(paper.id, "Creative services for industry")
    papers.add_measure(priority.id, MeasureInput(
        "One contact point for creative services at the regional development agency.", "BSC Kranj",
        date(2027, 9, 30), "", "Regional budget", (Indicator("Firms advised", "0", "60"),), (), (topics[1],),
        assumption=True))
    papers.add_measure(priority.id, MeasureInput(
        "Studios for creatives in the former textile halls of Kranj.", "Municipality of Kranj", date(2028, 12, 31),
        "", "ERDF", (Indicator("Studios let", "0", "15"),), (), (topics[3],), assumption=True))


def _recommendation(services: Services, topics: list[str]) -> None:
    rec = services.strategy.recommendations
    rec.create("Creative industries in industrial regions: recommendations", [PAPER_SILESIA, PAPER_GORENJSKA],
               intro="Two regions in transition compared their strategy papers.",
               recommendation_id=RECOMMENDATION)
    silesia = services.strategy.papers.get(PAPER_SILESIA, live=False)
    gorenjska = services.strategy.papers.get(PAPER_GORENJSKA, live=False)
    contact_s = next(m for m in silesia.measures if topics[1] in m.topic_ids)
    contact_g = next(m for m in gorenjska.measures if topics[1] in m.topic_ids)
    examples = [ExampleRef(PAPER_SILESIA, "measure", contact_s.id),
                ExampleRef(PAPER_GORENJSKA, "measure", contact_g.id)]
    rec.update_topic(RECOMMENDATION, topics[1], policy="Enterprise Europe Network", level="eu",
                     gap="The network advises technology firms; creative services are rarely in its offer.",
                     actor="European Commission, DG GROW", examples=examples)
    rec.add_item(RECOMMENDATION, "Make creative services part of the Enterprise Europe Network's offer.",
                 reasoning="Both regions found that firms and creatives do not know whom to ask; both set up a "
                           "contact point of their own.", level="eu", actor="European Commission, DG GROW",
                 examples=examples, topic_id=topics[1])
