"""Lists and documents read their rows in a number of SQL statements that does not grow with the rows
(no query per row): the same operation over N and 10 N rows runs the same statements."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from inducci_desktop.domain.evidence import SourceRef
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
