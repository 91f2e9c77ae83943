"""Two people on the same strategy paper and evidence register: a section's text, an evidence block or a finding
saved by one while the other had it open is detected (ChangedElsewhere), never overwritten silently."""

from __future__ import annotations

from datetime import date

import pytest

from inducci_desktop.domain.evidence import SourceRef
from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.errors import ChangedElsewhere, ValidationError

SILESIA = demo_id("region:Śląskie (Silesia)")
GORENJSKA = demo_id("region:Gorenjska")


@pytest.fixture
def anna(services: Services) -> Services:
    services.identity.set_name("Anna Kowalczyk")
    services.prepare()
    load_demo(services)
    return services


def _paper(anna: Services) -> tuple[str, str]:
    papers = anna.strategy.papers
    paper = papers.create(SILESIA, "Kreatywny Śląsk")
    return paper.id, papers.get(paper.id).sections[1].id


def test_a_section_saved_meanwhile_is_detected_and_nothing_is_saved(anna: Services, ben: Services) -> None:
    paper_id, section_id = _paper(anna)
    papers = anna.strategy.papers
    body, loaded = papers.section_text(section_id)
    assert (body, loaded) == ("", 1)
    assert papers.get(paper_id).sections[1].row_version == loaded
    mine = papers.set_body(section_id, "Łódź i Katowice", expected=loaded)
    assert mine == loaded + 1  # the version moves on with every save
    assert papers.set_body(section_id, "Łódź i Katowice", expected=mine) == mine  # the same text: no new version
    _text, bens = ben.strategy.papers.section_text(section_id)
    ben.strategy.papers.set_body(section_id, "Żywiec – browar i festiwal", expected=bens)
    with pytest.raises(ChangedElsewhere) as caught:
        papers.set_body(section_id, "Łódź, Katowice i Gliwice", expected=mine)
    error = caught.value
    assert (error.kind, error.record_id, error.changed_by, error.row_version) == (
        "paper_section", section_id, "Bořek Šťastný", mine + 1)
    assert error.current["body"] == "Żywiec – browar i festiwal"
    assert "section was changed by Bořek Šťastný at" in str(error)
    assert papers.section_text(section_id) == ("Żywiec – browar i festiwal", mine + 1)  # nothing saved
    # overwrite: saved over the version shown; no check (an undo of one's own save): saved whatever the version
    assert papers.set_body(section_id, "Łódź, Katowice i Gliwice", expected=error.row_version) == mine + 2
    ben.strategy.papers.set_body(section_id, "Bielsko-Biała")
    assert papers.set_body(section_id, "Łódź", expected=None) == mine + 4
    assert ben.strategy.papers.get(paper_id).sections[1].body == "Łódź"


def test_a_frozen_version_is_never_changed_whatever_the_version(anna: Services) -> None:
    paper_id, section_id = _paper(anna)
    papers = anna.strategy.papers
    block = papers.add_block(section_id, "workshop_figures", {"region_id": SILESIA})
    papers.freeze(paper_id)
    _body, version = papers.section_text(section_id)
    with pytest.raises(ValidationError):
        papers.set_body(section_id, "Zmiana", expected=version)
    with pytest.raises(ValidationError):
        papers.set_body(section_id, "Zmiana", expected=None)
    frozen = papers.get(paper_id).sections[1].blocks[0]
    with pytest.raises(ValidationError):
        papers.update_block(block.id, "workshop_figures", {"region_id": GORENJSKA}, expected=frozen.row_version)
    with pytest.raises(ValidationError):
        papers.add_block(section_id, "workshop_figures", {"region_id": GORENJSKA}, after=block.id)
    view = papers.get(paper_id)
    assert view.sections[1].body == "" and [b.params for b in view.sections[1].blocks] == [{"region_id": SILESIA}]


def test_a_block_changed_meanwhile_is_detected_and_kept_both(anna: Services, ben: Services) -> None:
    paper_id, section_id = _paper(anna)
    papers = anna.strategy.papers
    first = papers.add_block(section_id, "workshop_figures", {"region_id": SILESIA})
    last = papers.add_block(section_id, "pilot_criteria", {"region_id": SILESIA})
    loaded = papers.get(paper_id).sections[1].blocks[0]
    assert loaded.id == first.id and loaded.row_version == first.row_version == 1
    ben.strategy.papers.update_block(first.id, "workshop_figures", {"region_id": GORENJSKA},
                                     expected=loaded.row_version)
    with pytest.raises(ChangedElsewhere) as caught:
        papers.update_block(first.id, "workshop_figures", {"region_id": ""}, expected=loaded.row_version)
    error = caught.value
    assert (error.kind, error.changed_by, error.row_version) == ("paper_block", "Bořek Šťastný", 2)
    assert error.current == {"kind": "workshop_figures", "params": {"region_id": GORENJSKA}}
    assert papers.get(paper_id).sections[1].blocks[0].params == {"region_id": GORENJSKA}  # nothing saved
    # keep both: mine as a new block right after theirs, in the same section
    copy = papers.add_block(section_id, "workshop_figures", {"region_id": ""}, after=first.id)
    blocks = papers.get(paper_id).sections[1].blocks
    assert [(b.id, b.params) for b in blocks] == [(first.id, {"region_id": GORENJSKA}),
                                                  (copy.id, {"region_id": ""}),
                                                  (last.id, {"region_id": SILESIA})]
    assert copy.value.title == "Workshop figures – all regions"
    # overwrite: over their version
    saved = papers.update_block(first.id, "pilot_criteria", {"region_id": SILESIA}, expected=error.row_version)
    assert saved.row_version == 3 and saved.kind == "pilot_criteria"
    assert papers.update_block(first.id, "workshop_figures", {"region_id": SILESIA}, expected=None).row_version == 4
    with pytest.raises(ValidationError):
        papers.update_block(first.id, "no_such_kind", {}, expected=4)
    with pytest.raises(ValidationError):
        papers.update_block(first.id, "workshop_figures", {}, expected=4)
    assert papers.get(paper_id).sections[1].blocks[0].row_version == 4


def test_a_finding_saved_meanwhile_is_detected_and_kept_both(anna: Services, ben: Services) -> None:
    findings = anna.evidence.findings
    topic = findings.add_topic("Kreatywne miasta")
    made = findings.add(SILESIA, "Młodzi twórcy wyjeżdżają do Krakowa.", SourceRef("note"),
                        citation="Raport regionalny 2025, s. 12", topic_ids=[topic.id])
    assert made.row_version == 1
    ben.evidence.findings.update(made.id, strength="strong", expected=made.row_version)
    with pytest.raises(ChangedElsewhere) as caught:
        findings.update(made.id, statement="Młodzi twórcy zostają w Katowicach.", expected=made.row_version)
    error = caught.value
    assert (error.kind, error.changed_by, error.row_version) == ("finding", "Bořek Šťastný", 2)
    assert error.current["strength"] == "strong"
    assert error.current["statement"] == "Młodzi twórcy wyjeżdżają do Krakowa."
    assert findings.get(made.id).statement == "Młodzi twórcy wyjeżdżają do Krakowa."  # nothing saved
    copy = findings.copy(made.id, statement="Młodzi twórcy zostają w Katowicach.", region_id=SILESIA,
                         strength="moderate", topic_ids=[topic.id], observed_on=date(2025, 3, 1),
                         citation="Raport regionalny 2025, s. 12")
    assert copy.id != made.id
    assert copy.statement == "Młodzi twórcy zostają w Katowicach. (copy)"
    assert (copy.region_id, [t.id for t in copy.topics], copy.source, copy.citation) == (
        SILESIA, [topic.id], findings.get(made.id).source, "Raport regionalny 2025, s. 12")
    saved = findings.update(made.id, statement="Młodzi twórcy zostają w Katowicach.", expected=error.row_version)
    assert saved.row_version == 3 and saved.strength == "strong"
    assert findings.update(made.id, strength="weak", expected=None).row_version == 4
    assert ben.evidence.findings.get(made.id).row_version == 4


def test_a_copy_of_a_long_statement_still_fits(anna: Services) -> None:
    from inducci_desktop.domain import rules

    findings = anna.evidence.findings
    long = "ż" * rules.FINDING_TEXT
    made = findings.add(SILESIA, long, SourceRef("note"), citation="Notatka")
    copy = findings.copy(made.id, statement=long, region_id=SILESIA, strength="moderate", topic_ids=[],
                         observed_on=made.observed_on, citation="Notatka")
    assert len(copy.statement) == rules.FINDING_TEXT and copy.statement.endswith("… (copy)")
