"""Live evidence blocks: the registry of block kinds and the kinds this feature brings.

A block kind computes a ``BlockValue`` (table, optional chart, note) from the data each time a paper is read,
until the paper is frozen. Another feature adds its own kind with one ``register`` call, as
``pilot_criteria`` (a region's pilots' success criteria with baseline, target and achieved value) does::

    register(BlockKind("pilot_criteria", N_("Pilot criteria achieved"), ("region_id",), pilot_criteria))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from inducci_desktop.domain import i18n
from inducci_desktop.domain.checklists import AssessmentSummary, percent
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.pilots import PilotView
from inducci_desktop.domain.strategy import BlockValue, ChartData
from inducci_desktop.services.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

Compute = Callable[["Services", Mapping[str, Any]], BlockValue]


@dataclass(frozen=True)
class BlockKind:
    key: str
    label: str  # marked with N_; shown through _()
    params: tuple[str, ...]  # the parameters it needs: region_id, template_id, finding_ids …
    compute: Compute


_KINDS: dict[str, BlockKind] = {}


def register(kind: BlockKind) -> None:
    _KINDS[kind.key] = kind


def kinds() -> list[BlockKind]:
    return list(_KINDS.values())


def kind(key: str) -> BlockKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise ValidationError(_("Unknown kind of evidence block: {key}.").format(key=key)) from None


def compute(services: Services, key: str, params: Mapping[str, Any]) -> BlockValue:
    """The block's value now; a source that is gone gives a block that says so (never an error)."""
    try:
        value = kind(key).compute(services, params)
    except (NotFoundError, ValidationError) as exc:
        value = BlockValue(_(kind(key).label) if key in _KINDS else key, note=str(exc))
    return BlockValue(value.title, value.columns, value.rows, value.chart, value.note, date.today())


# --- the kinds of this feature ----------------------------------------------------------------------------


def _region_name(services: Services, region_id: str) -> str:
    return services.regions.get(region_id).name


def _rounds(services: Services, region_id: str, template_id: str) -> list[AssessmentSummary]:
    rows = [a for a in services.checklists.list(status="all") if a.region_id == region_id
            and (not template_id or a.template_id == template_id)]
    if not rows:
        raise ValidationError(_("This region has no checklist assessment yet."))
    template = template_id or max(rows, key=lambda a: a.updated_at).template_id
    return sorted((a for a in rows if a.template_id == template), key=lambda a: (a.round, a.assessed_on))


def checklist_scores(services: Services, params: Mapping[str, Any]) -> BlockValue:
    """Section scores of a region's latest round of a checklist, against the previous round."""
    region_id = str(params.get("region_id", ""))
    rounds = _rounds(services, region_id, str(params.get("template_id", "")))
    latest = services.checklists.get(rounds[-1].id)
    previous = services.checklists.get(rounds[-2].id) if len(rounds) > 1 else None
    title = _("Checklist scores: {region} – {checklist}").format(region=_region_name(services, region_id),
                                                                  checklist=latest.summary.template_title)
    rows: list[tuple[str, ...]] = []
    before: list[float | None] = []
    now: list[float | None] = []
    for section in latest.scores.sections:
        old = previous.scores.section(section.key) if previous else None
        old_score = old.score if old else None
        change = ("–" if old_score is None or section.score is None
                  else f"{round((section.score - old_score) * 100):+d}")
        rows.append((section.title, percent(old_score), percent(section.score), change))
        before.append(old_score)
        now.append(section.score)
    latest_name = _("Round {n}").format(n=latest.summary.round)
    if previous is None:
        columns: tuple[str, ...] = (_("Section"), latest_name)
        rows = [(r[0], r[2]) for r in rows]
        chart = ChartData(tuple(r[0] for r in rows), (tuple(now),), (latest_name,))
        note = _("Only one round so far.")
    else:
        previous_name = _("Round {n}").format(n=previous.summary.round)
        columns = (_("Section"), previous_name, latest_name, _("Change (points)"))
        chart = ChartData(tuple(r[0] for r in rows), (tuple(before), tuple(now)), (previous_name, latest_name))
        note = ""
    return BlockValue(title, columns, tuple(rows), chart, note)


def region_comparison(services: Services, params: Mapping[str, Any]) -> BlockValue:
    """The latest round of one checklist in every region, section by section."""
    from inducci_desktop.services.checklists.regions import region_overview

    template_id = str(params.get("template_id", ""))
    if not template_id:
        raise ValidationError(_("Choose the checklist to compare."))
    overview = region_overview(services.checklists, template_id, latest_round_only=True)
    names = tuple(c.region for c in overview.columns)
    rows = tuple((row.title, *(percent(v) for v in row.scores)) for row in overview.rows)
    sections = [row for row in overview.rows if row.key]
    chart = ChartData(tuple(r.title for r in sections),
                      tuple(tuple(r.scores[i] for r in sections) for i in range(len(names))), names)
    return BlockValue(_("Comparison of regions – {checklist}").format(checklist=overview.template_title),
                      (_("Section"), *names), rows, chart)


def workshop_figures(services: Services, params: Mapping[str, Any]) -> BlockValue:
    """Trainings held, people trained and the feedback averages (of a region, or all)."""
    region_id = str(params.get("region_id", ""))
    workshops = services.workshops
    held = []
    for summary in workshops.list():
        view = workshops.get(summary.id)
        if summary.status in ("held", "evaluated") and (not region_id or view.region_id == region_id):
            held.append(view)
    trained = 0
    ratings: dict[str, list[float]] = {}
    for view in held:
        trained += workshops.people.figures(view.id, view.days).attended_any
        for question in workshops.results.summary(view.id).ratings:
            if question.average is not None:
                ratings.setdefault(question.question.text, []).append(question.average)
    where = _region_name(services, region_id) if region_id else _("all regions")
    rows: list[tuple[str, ...]] = [(_("Trainings held"), str(len(held))), (_("People trained"), str(trained))]
    rows += [(_("Feedback: {question} (average of 5)").format(question=text), f"{sum(v) / len(v):.1f}")
             for text, v in ratings.items()]
    return BlockValue(_("Workshop figures – {where}").format(where=where), (_("Figure"), _("Value")), tuple(rows))


def selected_findings(services: Services, params: Mapping[str, Any]) -> BlockValue:
    """Chosen findings with their sources; a source erased on request prints nothing of it."""
    ids = [str(i) for i in params.get("finding_ids", []) or []]
    if not ids:
        raise ValidationError(_("Choose the findings to show."))
    findings = services.evidence.findings
    rows = []
    for finding_id in ids:
        try:
            finding = findings.get(finding_id)
        except NotFoundError:
            rows.append((_("(finding deleted)"), "", ""))
            continue
        rows.append((finding.statement, _(finding.strength.capitalize()), source_text(services, finding)))
    return BlockValue(_("Selected findings"), (_("Finding"), _("Strength"), _("Source")), tuple(rows))


def source_text(services: Services, finding: Any) -> str:
    """How a finding's source is printed: its title (and citation), or that it is gone or erased."""
    source = services.evidence.sources.resolve(finding.source)
    if source.state == "erased":
        return _("Source erased on request")
    if source.state == "trashed":
        return _("Source in the trash: {title}").format(title=source.title)
    if source.state == "missing" and finding.source.kind != "note":
        return _("Source no longer there: {title}").format(title=source.title)
    return " · ".join(p for p in (source.title, finding.citation) if p)


def region_pilots(services: Services, region_id: str) -> tuple[PilotView, ...]:
    """The region's pilot actions (those not in the trash), by start date and title."""
    pilots = services.pilots
    views = [view for view in (pilots.get(s.id) for s in pilots.list()) if view.region_id == region_id]
    collate = i18n.sort_key()
    return tuple(sorted(views, key=lambda v: (v.start_date or date.max, collate(v.title))))


def pilot_criteria(services: Services, params: Mapping[str, Any]) -> BlockValue:
    """The success criteria of a region's pilot actions: baseline, target and what was achieved."""
    region_id = str(params.get("region_id", ""))
    if not region_id:
        raise ValidationError(_("Choose the region whose pilots to show."))
    name = _region_name(services, region_id)
    pilots = region_pilots(services, region_id)
    rows = tuple((pilot.title, c.text, c.baseline or "–", c.target or "–", c.achieved or "–")
                 for pilot in pilots for c in pilot.criteria)
    if not rows:
        raise ValidationError(_("No pilot action of {region} has success criteria yet.").format(region=name))
    reached = sum(1 for pilot in pilots for c in pilot.criteria if c.achieved.strip())
    note = _("{reached} of {total} criteria have an achieved value.").format(reached=reached, total=len(rows))
    return BlockValue(_("Pilot criteria achieved – {region}").format(region=name),
                      (_("Pilot action"), _("Criterion"), _("Baseline"), _("Target"), _("Achieved")), rows,
                      note=note)


register(BlockKind("checklist_scores", N_("Checklist scores of a region (latest round against the previous)"),
                   ("region_id", "template_id"), checklist_scores))
register(BlockKind("region_comparison", N_("Comparison of regions"), ("template_id",), region_comparison))
register(BlockKind("workshop_figures", N_("Workshop figures"), ("region_id",), workshop_figures))
register(BlockKind("findings", N_("Selected findings with sources"), ("finding_ids",), selected_findings))
register(BlockKind("pilot_criteria", N_("Pilot criteria achieved"), ("region_id",), pilot_criteria))
