"""The evidence register: findings with live links to their sources, topics, filters, groups, the annex."""

from __future__ import annotations

from datetime import date

import pytest

from inducci_desktop.domain.evidence import SourceRef
from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.documents import DocumentRequest, document, resolve_options
from inducci_desktop.services.errors import ValidationError
from tests.printing.conftest import page_texts

SILESIA = demo_id("region:Śląskie (Silesia)")
WORKSHOP = demo_id("workshop:bielsko-biala-training")


@pytest.fixture
def demo(services: Services) -> Services:
    services.prepare()
    load_demo(services)
    return services


def test_demo_findings_resolve_to_their_sources(demo: Services) -> None:
    findings = demo.evidence.findings.list()
    assert len(findings) == 12
    kinds = {f.source.kind for f in findings}
    assert kinds == {"answer", "section", "outcome", "feedback"}
    for finding in findings:
        source = demo.evidence.sources.resolve(finding.source)
        assert source.live and source.target is not None, finding.statement
        assert source.title == finding.source.title  # the title kept with the finding is the one shown now
    contact = demo.evidence.findings.get(demo_id("finding:contact"))
    answer = demo.evidence.sources.resolve(contact.source)
    assert answer.target == ("checklists", demo_id("assessment:silesia-status-quo:2"), "visibility-contact")
    assert answer.text.startswith("Yes") and "Nowak" in answer.text
    assert load_demo(demo) == []  # idempotent


def test_a_source_in_the_trash_is_said_so_and_the_finding_stays(demo: Services) -> None:
    finding = demo.evidence.findings.get(demo_id("finding:idea-help-desk"))
    demo.workshops.delete(WORKSHOP)
    source = demo.evidence.sources.resolve(finding.source)
    assert source.state == "trashed" and source.target is None
    assert "help desk" in source.title.casefold() or "CCI competency training" in source.title
    assert demo.evidence.findings.get(finding.id).statement == finding.statement
    demo.workshops.restore(WORKSHOP)
    assert demo.evidence.sources.resolve(finding.source).live


def test_findings_made_by_hand_need_a_statement_a_region_and_a_citation(demo: Services) -> None:
    findings = demo.evidence.findings
    with pytest.raises(ValidationError, match="citation"):
        findings.add(SILESIA, "Creatives leave for Kraków after their studies.", SourceRef("note"))
    with pytest.raises(ValidationError, match="statement"):
        findings.add(SILESIA, "   ", SourceRef("note"), citation="Regional report 2025, p. 12")
    with pytest.raises(ValidationError, match="region"):
        findings.add(demo_id("region:nowhere"), "Text", SourceRef("note"), citation="x")
    with pytest.raises(ValidationError, match="strength"):
        findings.add(SILESIA, "Text", SourceRef("note"), citation="x", strength="huge")
    made = findings.add(SILESIA, "Młodzi twórcy wyjeżdżają do Krakowa po studiach.", SourceRef("note"),
                        citation="Raport regionalny 2025, s. 12", observed_on=date(2025, 3, 1), strength="weak")
    assert made.source.kind == "note" and made.citation.startswith("Raport")
    assert demo.evidence.sources.resolve(made.source).live


def test_topics_are_shared_and_filter_and_group_the_register(demo: Services) -> None:
    findings = demo.evidence.findings
    same = findings.add_topic("contact points")  # case does not count: the demo's topic
    names = [t.name for t in findings.topics()]
    assert "Contact points" in names and names.count("Contact points") == 1 and same.name == "Contact points"
    contact = next(t for t in findings.topics() if t.name == "Contact points")
    assert contact.findings == len(findings.list(topic_id=contact.id)) == 5
    groups = findings.grouped(findings.list(), "topic")
    assert sum(len(g.findings) for g in groups) > 12  # findings with two topics are under both
    assert [g.title for g in findings.grouped(findings.list(), "region")] == ["Śląskie (Silesia)"]
    assert [f.id for f in findings.list(query="help desk")] == [demo_id("finding:idea-help-desk")]
    with pytest.raises(ValidationError):
        findings.rename_topic(contact.id, "data AND statistics")


def test_delete_and_restore_a_finding(demo: Services) -> None:
    findings = demo.evidence.findings
    finding_id = demo_id("finding:stats")
    findings.delete(finding_id)
    assert finding_id not in {f.id for f in findings.list()}
    assert finding_id in {f.id for f in findings.list(trashed=True)}
    findings.restore(finding_id)
    assert finding_id in {f.id for f in findings.list()}


def test_evidence_annex_prints_findings_with_sources_and_their_state(demo: Services) -> None:
    demo.workshops.delete(WORKSHOP)
    request = DocumentRequest("evidence-annex", params=(("region", SILESIA), ("group", "topic")))
    built = document("evidence-annex").build(demo, request, resolve_options(demo, request), lambda _d, _t: None)
    text = "\n".join(page_texts(built.data))
    assert "Evidence annex" in text.replace("EVIDENCE ANNEX", "Evidence annex")
    assert "Śląskie (Silesia)" in text and "Contact points (5)" in text
    assert "source in the trash" in text
    assert "Checklist answer" in text and "Nowak" in text
    assert built.file_name.endswith(".pdf")
