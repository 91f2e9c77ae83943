"""The coordinator's view: every assessment of one checklist template, grouped by region, side by side.

Built on ``ChecklistService.compare`` (same scores, same template version rules); differences are shown
against the mean over all assessments in the view, which is what a coordinator compares a region with.
"""

from __future__ import annotations

from dataclasses import dataclass

from inducci_desktop.domain import i18n
from inducci_desktop.domain.checklists import AssessmentSummary, Comparison
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.checklists.service import ChecklistService
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.regions import RegionService


@dataclass(frozen=True)
class RegionColumn:
    region: str
    assessment_id: str
    title: str
    round: int
    status: str


@dataclass(frozen=True)
class OverviewRow:
    key: str
    title: str
    scores: tuple[float | None, ...]
    mean: float | None
    differences: tuple[float | None, ...]  # score minus the mean


@dataclass(frozen=True)
class RegionOverview:
    template_id: str
    template_title: str
    columns: tuple[RegionColumn, ...]  # ordered by region, then round
    rows: tuple[OverviewRow, ...]  # sections, then the total
    regions: int
    comparison: Comparison | None  # None with fewer than two assessments


def _mean(values: tuple[float | None, ...]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def region_overview(checklists: ChecklistService, template_id: str, *, latest_round_only: bool = False
                    ) -> RegionOverview:
    """All active assessments of ``template_id`` (archived ones included), grouped by region."""
    summaries = checklists.list(status="all", template_id=template_id)
    if not summaries:
        raise ValidationError(_("No assessment uses this checklist yet."))
    regions = RegionService(checklists.store)
    names = {r.id: r.name for r in (*regions.list(), *regions.list(deleted=True))}

    def region_of(summary: AssessmentSummary) -> str:
        return names.get(summary.region_id or "", "") or summary.subject or _("(no region)")

    if latest_round_only:
        newest: dict[str, AssessmentSummary] = {}
        for summary in summaries:
            key = region_of(summary)
            current = newest.get(key)
            if current is None or summary.round > current.round:
                newest[key] = summary
        summaries = [s for s in summaries if newest.get(region_of(s)) is s]
    collate = i18n.sort_key()
    summaries.sort(key=lambda s: (collate(region_of(s)), s.round, collate(s.title)))
    columns = tuple(RegionColumn(region_of(s), s.id, s.title, s.round, s.status) for s in summaries)
    if len(summaries) == 1:
        view = checklists.get(summaries[0].id)
        rows = [OverviewRow(sec.key, sec.title, (sec.score,), sec.score, (0.0 if sec.score is not None else None,))
                for sec in view.scores.sections]
        total = view.scores.total
        rows.append(OverviewRow("", _("Total"), (total,), total, (0.0 if total is not None else None,)))
        return RegionOverview(template_id, view.template.title, columns, tuple(rows), 1, None)
    comparison = checklists.compare([s.id for s in summaries])
    result = []
    for row in (*comparison.sections, comparison.total):
        mean = _mean(row.scores)
        diffs = tuple(None if v is None or mean is None else v - mean for v in row.scores)
        result.append(OverviewRow(row.key, row.title, row.scores, mean, diffs))
    return RegionOverview(template_id, comparison.template.title, columns, tuple(result),
                          len({c.region for c in columns}), comparison)
