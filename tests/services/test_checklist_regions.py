"""The coordinator's view: assessments of one template grouped by region, differences against the mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from inducci_desktop.services.checklists.demo import TEMPLATE
from inducci_desktop.services.checklists.regions import region_overview
from inducci_desktop.services.errors import ValidationError
from tests.services.exchange_helpers import folder


def test_grouped_by_region_with_mean_and_differences(tmp_path: Path) -> None:
    with folder(tmp_path / "data", demo=True) as services:
        region = services.regions.add("Kranj", "region", "Slovenia")
        made = services.checklists.create(TEMPLATE, "Kranj status quo", region_id=region.id)
        services.checklists.set_answer(made.id, "presence-statistics", "yes")
        overview = region_overview(services.checklists, TEMPLATE)
        assert [c.region for c in overview.columns] == ["Kranj", "Śląskie (Silesia)", "Śląskie (Silesia)"]
        assert overview.regions == 2
        total = overview.rows[-1]
        assert total.title == "Total"
        present = [s for s in total.scores if s is not None]
        assert total.mean == pytest.approx(sum(present) / len(present))
        for score, diff in zip(total.scores, total.differences, strict=True):
            assert diff == pytest.approx(score - total.mean)
        latest = region_overview(services.checklists, TEMPLATE, latest_round_only=True)
        assert [(c.region, c.round) for c in latest.columns] == [("Kranj", 1), ("Śląskie (Silesia)", 2)]


def test_one_assessment_and_none(tmp_path: Path) -> None:
    with folder(tmp_path / "data") as services:
        with pytest.raises(ValidationError, match="No assessment"):
            region_overview(services.checklists, TEMPLATE)
        services.checklists.create(TEMPLATE, "Only one", subject="Linz")
        overview = region_overview(services.checklists, TEMPLATE)
        assert [c.region for c in overview.columns] == ["Linz"] and overview.comparison is None
