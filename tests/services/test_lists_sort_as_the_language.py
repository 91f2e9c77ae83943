"""Lists of the evidence, the strategy and the pilots sort their names as the interface language sorts (Czech: Č
after C, Ch after H; Polish: Ł after L), not by code point."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inducci_desktop.domain import i18n
from inducci_desktop.domain.evidence import StakeholderInput
from inducci_desktop.services.container import Services
from inducci_desktop.services.pilots.published import published_cases


@pytest.fixture
def czech() -> Iterator[None]:
    i18n.use("cs")
    try:
        yield
    finally:
        i18n.use("en")


def test_people_consulted_topics_and_pilots_sort_as_czech_sorts(services: Services, czech: None) -> None:
    services.prepare()
    region = services.regions.add("Ústecký kraj")
    for name in ("Chalupa", "Hrubý", "Čapek", "Cibulka", "Žák", "Zeman"):
        services.stakeholders.add(StakeholderInput(region.id, name=name, organisation="Krajský úřad"))
    assert [s.name for s in services.stakeholders.list()] == ["Cibulka", "Čapek", "Hrubý", "Chalupa", "Zeman", "Žák"]
    for name in ("Chemie", "Hornictví", "Čistá energie", "Cestovní ruch"):
        services.evidence.findings.add_topic(name)
    topics = [t.name for t in services.evidence.findings.topics()]
    assert topics == ["Cestovní ruch", "Čistá energie", "Hornictví", "Chemie"]
    for title in ("Chomutov Lab", "Hackathon Most", "Čtvrť kreativců", "Centrum Ústí"):
        services.pilots.publish(services.pilots.create(title).id)
    expected = ["Centrum Ústí", "Čtvrť kreativců", "Hackathon Most", "Chomutov Lab"]
    assert [s.title for s in services.pilots.list()] == expected
    assert [title for _id, title in published_cases(services.store)] == expected
