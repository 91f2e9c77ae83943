"""Lists and documents read their rows in a number of SQL statements that does not grow with the rows
(no query per row): the same operation over N and 10 N rows runs the same statements."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from inducci_desktop.domain.evidence import SourceRef
from inducci_desktop.domain.strategy import MeasureInput
from inducci_desktop.services.container import Services


@contextmanager
def counting(services: Services) -> Iterator[list[str]]:
    """The SQL statements run on the store's engine inside the block."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    engine = services.store.db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def statements(services: Services, action: Callable[[], object]) -> int:
    with counting(services) as seen:
        action()
    return len(seen)


def add_findings(services: Services, region_id: str, topics: list[str], count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        services.evidence.findings.add(region_id, f"Finding {n} about Łódź and Győr",
                                       SourceRef("note", "", f"Notes {n}"), citation=f"Minutes {n}",
                                       topic_ids=(topics[n % len(topics)],))


def test_the_list_of_findings_reads_regions_and_topics_once_not_per_finding(services: Services) -> None:
    regions = [services.regions.add(name, "region", "Poland").id for name in ("Śląskie", "Małopolska")]
    topics = [services.evidence.findings.add_topic(name).id for name in ("Skills – Łódź", "Networks – Plzeň")]
    add_findings(services, regions[0], topics, 3)
    add_findings(services, regions[1], topics, 3, start=3)
    few = statements(services, services.evidence.findings.list)
    assert len(services.evidence.findings.list()) == 6

    add_findings(services, regions[0], topics, 54, start=6)
    many = statements(services, services.evidence.findings.list)
    found = services.evidence.findings.list()
    assert len(found) == 60
    assert few == many
    by_id = {f.statement: f for f in found}
    assert by_id["Finding 4 about Łódź and Győr"].region_name == "Małopolska"
    assert [t.name for t in by_id["Finding 5 about Łódź and Győr"].topics] == ["Networks – Plzeň"]


def grow_paper(services: Services, paper_id: str, region_id: str, topic: str, sections: int) -> None:
    papers = services.strategy.papers
    for n in range(sections):
        section = papers.add_section(paper_id, f"Section {n}: Łódź and Győr")
        papers.set_body(section.id, "Współpraca z twórcami.")
        papers.add_comment(section.id, "Zofia Wójcik", f"Check the figures of {n}.")
        priority = papers.add_priority(paper_id, f"Priority {n} – Plzeň")
        finding = services.evidence.findings.add(region_id, f"Finding {n} from Żywiec", SourceRef("note", "", "Notes"),
                                                 citation="Minutes", topic_ids=(topic,))
        for m in range(2):
            papers.add_measure(priority.id, MeasureInput(f"Measure {n}.{m}", "Urząd", finding_ids=(finding.id,),
                                                         topic_ids=(topic,)))


def test_a_strategy_paper_reads_its_sections_priorities_measures_and_findings_in_a_fixed_number_of_statements(
    services: Services,
) -> None:
    region = services.regions.add("Karlovarský kraj", "region", "Czechia")
    topic = services.evidence.findings.add_topic("Skills – Łódź").id
    paper = services.strategy.papers.create(region.id, "Strategy")
    grow_paper(services, paper.id, region.id, topic, 2)
    few = statements(services, lambda: services.strategy.papers.get(paper.id))

    grow_paper(services, paper.id, region.id, topic, 18)
    many = statements(services, lambda: services.strategy.papers.get(paper.id))
    view = services.strategy.papers.get(paper.id)
    assert few == many
    assert len(view.priorities) == 20 and all(len(p.measures) == 2 for p in view.priorities)
    assert view.priorities[5].measures[1].topic_names == ("Skills – Łódź",)
    assert len(view.findings) == 20 and set(view.sources) == set(view.findings)
    section = next(s for s in view.sections if s.title == "Section 7: Łódź and Győr")
    assert [c.text for c in section.comments] == ["Check the figures of 7."]
