"""Strategy papers and recommendations in bundles: a region's paper arrives whole (sections, frozen blocks,
priorities, measures with their findings and topics, review comments); the same paper edited on both sides is
a conflict, not silently overwritten; reviewers' names stay out unless personal data is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.exchange.service import ExportSelection
from inducci_desktop.services.strategy import demo as strategy_demo
from tests.services.exchange_helpers import dump, folder, read_records

#: the data folders of these tests are on each chosen engine (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("folders_on_engine")

ALL = ExportSelection(everything=True)
SILESIA = demo_id("region:Śląskie (Silesia)")


def test_papers_and_the_recommendation_travel_whole(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b") as b:
        a.strategy.papers.freeze(strategy_demo.PAPER_GORENJSKA)
        a.strategy.papers.add_comment(a.strategy.papers.get(strategy_demo.PAPER_SILESIA).sections[0].id,
                                      "Zdeněk Dvořák", "Name the budget line.")
        a.exchange.export(tmp_path / "x.inducci", ALL)
        _manifest, records = read_records(tmp_path / "x.inducci")
        assert records["review_comments"][0]["author"] == ""  # a reviewer's name is personal
        b.exchange.apply(b.exchange.plan(tmp_path / "x.inducci"))
        for table in ("strategy_papers", "strategy_sections", "strategy_blocks", "strategy_priorities",
                      "strategy_measures", "recommendations", "recommendation_topics", "recommendation_items"):
            assert dump(b.store.path, local=False)[table] == dump(a.store.path, local=False)[table], table
        there = b.strategy.papers.get(strategy_demo.PAPER_SILESIA)
        assert len(there.measures) == 5 and there.findings  # the findings the measures cite came along
        frozen = b.strategy.papers.get(strategy_demo.PAPER_GORENJSKA)
        assert frozen.summary.frozen
        view = b.strategy.recommendations.get(strategy_demo.RECOMMENDATION)
        assert next(r for r in view.matrix if r.topic_name == "Contact points").common == "all"
        assert all(e.found for e in view.items[0].examples)
        again = b.exchange.plan(tmp_path / "x.inducci")
        assert not again.added and not again.updated and not again.conflicts


def test_one_region_sends_its_paper_and_both_edit_it(tmp_path: Path) -> None:
    with folder(tmp_path / "a", demo=True) as a, folder(tmp_path / "b", demo=True) as b:
        a.exchange.export(tmp_path / "first.inducci", ExportSelection(regions=(SILESIA,)))
        b.exchange.apply(b.exchange.plan(tmp_path / "first.inducci"))
        section = a.strategy.papers.get(strategy_demo.PAPER_SILESIA, live=False).sections[3]
        a.strategy.papers.set_body(section.id, "Vision as written in Katowice.")
        b.strategy.papers.set_body(section.id, "Vision as rewritten in Kranj.")
        a.exchange.export(tmp_path / "second.inducci", ExportSelection(regions=(SILESIA,)))
        _manifest, records = read_records(tmp_path / "second.inducci")
        assert "recommendations" not in records  # Gorenjska's paper did not travel: nor does the recommendation
        plan = b.exchange.plan(tmp_path / "second.inducci")
        assert plan.conflicts
        b.exchange.apply(plan)
        assert b.strategy.papers.section_body(section.id) == "Vision as rewritten in Kranj."  # kept until resolved
