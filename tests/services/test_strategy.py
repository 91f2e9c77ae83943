"""Strategy papers and the transnational recommendation over a real SQLite database with the demo data."""

from __future__ import annotations

from datetime import date

import pytest

from inducci_desktop.domain.evidence import SourceRef
from inducci_desktop.domain.strategy import OUTLINE, ExampleRef, Indicator, MeasureInput
from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import load_demo
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.strategy import demo as strategy_demo

SILESIA = demo_id("region:Śląskie (Silesia)")
GORENJSKA = demo_id("region:Gorenjska")


@pytest.fixture
def demo(services: Services) -> Services:
    services.prepare()
    load_demo(services)
    return services


def test_a_new_paper_has_the_guides_outline_and_sections_can_be_edited(demo: Services) -> None:
    papers = demo.strategy.papers
    paper = papers.create(SILESIA, "Kreatywny Śląsk – łódź, żółw, ű ő ř")
    view = papers.get(paper.id)
    assert [s.outline_key for s in view.sections] == [key for key, _t, _h in OUTLINE]
    assert view.sections[0].title == "Summary"
    added = papers.add_section(paper.id, "Pilot actions", position=5)
    papers.rename_section(added.id, "Pilot actions and lessons")
    papers.set_body(added.id, "Ein **Kulturcafé** in Görlitz – ß ü ö.")
    papers.move_section(added.id, 0)
    view = papers.get(paper.id)
    assert view.sections[0].title == "Pilot actions and lessons"
    assert "Kulturcafé" in view.sections[0].body
    papers.delete_section(added.id)
    assert "Pilot actions and lessons" not in [s.title for s in papers.get(paper.id).sections]
    papers.restore_section(added.id)
    assert papers.get(paper.id).sections[0].id == added.id
    with pytest.raises(ValidationError):
        papers.rename_section(added.id, "  ")
    with pytest.raises(ValidationError):
        papers.set_body(added.id, "bad \x07 bell")
    assert "Kulturcafé" in papers.get(paper.id).sections[0].body  # nothing stored by the refused edits


def test_measures_warn_about_assumptions_owners_indicators_and_unused_strong_findings(demo: Services) -> None:
    papers = demo.strategy.papers
    warnings = papers.warnings(strategy_demo.PAPER_SILESIA)
    kinds = {w.kind for w in warnings}
    assert {"assumption", "no_owner", "no_indicator", "unused_finding"} <= kinds
    bare = next(w for w in warnings if w.kind == "assumption")
    assert "mark it or support it" in bare.message
    view = papers.get(strategy_demo.PAPER_SILESIA)
    measure = next(m for m in view.measures if m.id == bare.ref)
    papers.update_measure(measure.id, MeasureInput(measure.what, "Training unit", date(2027, 1, 31),
                                                    indicators=(Indicator("Site visits", "0", "6"),), assumption=True))
    after = {(w.kind, w.ref) for w in papers.warnings(strategy_demo.PAPER_SILESIA)}
    assert ("assumption", measure.id) not in after and ("no_owner", measure.id) not in after
    with pytest.raises(ValidationError, match="one or two indicators"):
        papers.update_measure(measure.id, MeasureInput("x", indicators=(Indicator("a"), Indicator("b"),
                                                                        Indicator("c"))))
    with pytest.raises(ValidationError, match="no longer in the register"):
        papers.update_measure(measure.id, MeasureInput("x", finding_ids=("nope",)))


def test_live_blocks_compute_scores_figures_and_findings_and_freeze_with_the_date(demo: Services) -> None:
    papers = demo.strategy.papers
    view = papers.get(strategy_demo.PAPER_SILESIA)
    blocks = [b for s in view.sections for b in s.blocks]
    scores = next(b for b in blocks if b.kind == "checklist_scores")
    assert scores.value.chart is not None and len(scores.value.chart.series) == 2  # latest round vs previous
    assert scores.value.columns[1:3] == ("Round 1", "Round 2")
    figures = next(b for b in blocks if b.kind == "workshop_figures")
    assert figures.value.rows[0][0] == "Trainings held"
    found = next(b for b in blocks if b.kind == "findings")
    assert any("town hall" in row[0] for row in found.value.rows)
    papers.freeze(strategy_demo.PAPER_SILESIA)
    frozen = papers.get(strategy_demo.PAPER_SILESIA)
    assert all(b.frozen and b.value.taken_on == date.today() for s in frozen.sections for b in s.blocks)
    with pytest.raises(ValidationError, match="frozen"):
        papers.set_body(frozen.sections[0].id, "changed")
    second = papers.new_version(strategy_demo.PAPER_SILESIA)
    assert second.version == 2 and not second.frozen
    papers.set_body(papers.get(second.id).sections[0].id, "A new summary.")
    diffs = papers.compare(strategy_demo.PAPER_SILESIA, second.id)
    assert diffs[0].state == "changed" and any(line.startswith("+ A new summary") for line in diffs[0].lines)
    assert [p.version for p in papers.versions(second.id)] == [1, 2]


def test_review_comments_and_status_to_adopted_with_body_and_date(demo: Services) -> None:
    papers = demo.strategy.papers
    section = papers.get(strategy_demo.PAPER_GORENJSKA).sections[0]
    comment = papers.add_comment(section.id, "Partner Görlitz", "Name the budget line.")
    papers.resolve_comment(comment.id)
    assert papers.get(strategy_demo.PAPER_GORENJSKA).sections[0].comments[0].resolved
    papers.set_status(strategy_demo.PAPER_GORENJSKA, "in_review")
    with pytest.raises(ValidationError, match="adopted"):
        papers.set_status(strategy_demo.PAPER_GORENJSKA, "adopted")
    adopted = papers.set_status(strategy_demo.PAPER_GORENJSKA, "adopted", adopted_by="Regional council",
                                adopted_on=date(2026, 11, 20))
    assert adopted.status == "adopted" and adopted.frozen and adopted.adopted_by == "Regional council"


def test_erased_source_prints_nothing_personal(demo: Services) -> None:
    from inducci_desktop.services.strategy.blocks import compute

    finding = demo.evidence.findings.add(SILESIA, "A note", SourceRef("note"), citation="Focus group 2026")
    value = compute(demo, "findings", {"finding_ids": [finding.id, "gone"]})
    assert value.rows[0][2] == "Focus group 2026" and value.rows[1][0] == "(finding deleted)"


def test_recommendation_matrix_common_and_examples_from_two_regions(demo: Services) -> None:
    rec = demo.strategy.recommendations
    view = rec.get(strategy_demo.RECOMMENDATION)
    assert len(view.papers) == 2
    contact = next(r for r in view.matrix if r.topic_name == "Contact points")
    assert contact.present == (True, True) and contact.common == "all"
    data = next(r for r in view.matrix if r.topic_name == "Data and statistics")
    assert data.common == "one"
    rec.update_topic(strategy_demo.RECOMMENDATION, data.topic_id, common="some")
    assert next(r for r in rec.get(strategy_demo.RECOMMENDATION).matrix if r.topic_id == data.topic_id).common == "some"
    item = view.items[0]
    assert item.regions == 2 and all(e.found for e in item.examples)
    one_region = [e.ref for e in item.examples][:1]
    with pytest.raises(ValidationError, match="at least 2 regions"):
        rec.add_item(strategy_demo.RECOMMENDATION, "X", reasoning="Y", level="eu", actor="Z", examples=one_region)
    with pytest.raises(ValidationError, match="never quoted"):
        rec.add_item(strategy_demo.RECOMMENDATION, "X", reasoning="Y", level="eu", actor="Z",
                     examples=[*one_region, ExampleRef(strategy_demo.PAPER_GORENJSKA, "finding", "not-in-paper")])
    with pytest.raises(ValidationError, match="two regions"):
        rec.create("Only one", [strategy_demo.PAPER_SILESIA])
    assert len(rec.example_choices(strategy_demo.RECOMMENDATION)) >= 5
