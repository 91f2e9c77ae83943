"""Strategy views: a region's paper (sections, evidence blocks, priorities and measures, review comments),
what the editor warns about, and the transnational recommendation (topics × regions matrix, EU-level fields,
recommendations with their examples). Plain values the services hand out and printing renders."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from inducci_desktop.domain.evidence import FindingView, SourceView, StakeholderView
from inducci_desktop.domain.i18n import N_
from inducci_desktop.domain.pilots import PilotView

#: the guide's structure: the default outline of a new paper (key, title, what goes in it)
OUTLINE: tuple[tuple[str, str, str], ...] = (
    ("summary", N_("Summary"), N_("The priorities and the main requests, readable in three minutes.")),
    ("starting_point", N_("Starting point"),
     N_("The region's industrial profile and its creative industries in figures and faces.")),
    ("needs", N_("Needs and gaps"),
     N_("What creatives need, which links to industry are missing and where current policy falls short.")),
    ("vision", N_("Vision"), N_("What the region should look like in five to ten years.")),
    ("priorities", N_("Priorities and measures"),
     N_("Three to five fields of action, each with concrete measures (the measures table follows).")),
    ("implementation", N_("Implementation"), N_("Responsibilities, timeline, funding sources and partners.")),
    ("monitoring", N_("Monitoring and review"), N_("Indicators and a date for the next review.")),
    ("annexes", N_("Annexes"), N_("Data, method, people consulted, pilot reports.")),
)
PRIORITIES_KEY = "priorities"


@dataclass(frozen=True)
class Indicator:
    name: str
    baseline: str = ""
    target: str = ""

    @property
    def text(self) -> str:
        """As printed: "Enquiries per year (0 → 300)"; the bracket only when a baseline or target is given."""
        if not (self.baseline or self.target):
            return self.name
        return f"{self.name} ({self.baseline or '?'} → {self.target or '?'})"


@dataclass(frozen=True)
class MeasureInput:
    what: str
    responsible: str = ""
    due: date | None = None
    resources: str = ""
    funding: str = ""
    indicators: tuple[Indicator, ...] = ()
    finding_ids: tuple[str, ...] = ()
    topic_ids: tuple[str, ...] = ()
    assumption: bool = False


@dataclass(frozen=True)
class MeasureView:
    id: str
    priority_id: str
    position: int
    what: str
    responsible: str
    due: date | None
    resources: str
    funding: str
    indicators: tuple[Indicator, ...]
    finding_ids: tuple[str, ...]
    topic_ids: tuple[str, ...]
    assumption: bool
    topic_names: tuple[str, ...] = ()

    def as_input(self) -> MeasureInput:
        return MeasureInput(self.what, self.responsible, self.due, self.resources, self.funding, self.indicators,
                            self.finding_ids, self.topic_ids, self.assumption)


@dataclass(frozen=True)
class PriorityView:
    id: str
    position: int
    title: str
    description: str
    measures: tuple[MeasureView, ...] = ()


@dataclass(frozen=True)
class ChartData:
    """Bars in percent (values 0..1): one group per category, one series per name."""

    categories: tuple[str, ...]
    series: tuple[tuple[float | None, ...], ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class BlockValue:
    """What an evidence block shows: a title, a table, an optional chart and a note, as of ``taken_on``."""

    title: str
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    chart: ChartData | None = None
    note: str = ""
    taken_on: date | None = None

    def to_json(self) -> dict[str, Any]:
        chart = None if self.chart is None else {
            "categories": list(self.chart.categories), "series": [list(s) for s in self.chart.series],
            "names": list(self.chart.names)}
        return {"title": self.title, "columns": list(self.columns), "rows": [list(r) for r in self.rows],
                "chart": chart, "note": self.note,
                "taken_on": self.taken_on.isoformat() if self.taken_on else None}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> BlockValue:
        chart_raw = raw.get("chart")
        chart = None
        if isinstance(chart_raw, dict):
            chart = ChartData(tuple(str(c) for c in chart_raw.get("categories", [])),
                              tuple(tuple(None if v is None else float(v) for v in s)
                                    for s in chart_raw.get("series", [])),
                              tuple(str(n) for n in chart_raw.get("names", [])))
        taken = raw.get("taken_on")
        return cls(str(raw.get("title", "")), tuple(str(c) for c in raw.get("columns", [])),
                   tuple(tuple(str(c) for c in r) for r in raw.get("rows", [])), chart, str(raw.get("note", "")),
                   date.fromisoformat(taken) if isinstance(taken, str) else None)


@dataclass(frozen=True)
class BlockView:
    id: str
    section_id: str
    position: int
    kind: str
    params: dict[str, Any]
    value: BlockValue
    frozen: bool
    #: the block's version when read: an edit passes it back as ``expected`` (someone else's save moves it on)
    row_version: int = 0


@dataclass(frozen=True)
class CommentView:
    id: str
    section_id: str
    author: str
    text: str
    resolved: bool
    created_at: datetime


@dataclass(frozen=True)
class SectionView:
    id: str
    position: int
    outline_key: str
    title: str
    body: str
    blocks: tuple[BlockView, ...] = ()
    comments: tuple[CommentView, ...] = ()
    row_version: int = 0


@dataclass(frozen=True)
class PaperSummary:
    id: str
    lineage_id: str
    version: int
    region_id: str
    region_name: str
    title: str
    status: str
    adopted_by: str
    adopted_on: date | None
    frozen_at: datetime | None
    updated_at: datetime

    @property
    def frozen(self) -> bool:
        return self.frozen_at is not None


@dataclass(frozen=True)
class Warning:
    """Something the editor points out: ``kind`` is assumption, unused_finding, no_owner or no_indicator."""

    kind: str
    message: str
    ref: str  # the measure's or the finding's id


@dataclass(frozen=True)
class PaperView:
    summary: PaperSummary
    sections: tuple[SectionView, ...]
    priorities: tuple[PriorityView, ...]
    findings: dict[str, FindingView] = field(default_factory=dict)  # every finding a measure cites, by id
    sources: dict[str, SourceView] = field(default_factory=dict)  # finding id → its source now

    @property
    def measures(self) -> tuple[MeasureView, ...]:
        return tuple(m for p in self.priorities for m in p.measures)


@dataclass(frozen=True)
class SectionDiff:
    title: str
    state: str  # same | changed | added | removed
    lines: tuple[str, ...]  # unified diff lines ("+ …", "- …", "  …")


def diff_sections(old: PaperView, new: PaperView) -> tuple[SectionDiff, ...]:
    """Section by section, matched by id lineage (the outline key, else the title), the text differences."""
    def key(section: SectionView) -> str:
        return section.outline_key or section.title.casefold()

    before = {key(s): s for s in old.sections}
    result: list[SectionDiff] = []
    for section in new.sections:
        prior = before.pop(key(section), None)
        if prior is None:
            result.append(SectionDiff(section.title, "added", tuple("+ " + x for x in section.body.splitlines())))
            continue
        lines = tuple(line for line in difflib.ndiff(prior.body.splitlines(), section.body.splitlines())
                      if not line.startswith("?"))
        changed = prior.body != section.body or prior.title != section.title
        result.append(SectionDiff(section.title, "changed" if changed else "same", lines))
    for prior in before.values():
        result.append(SectionDiff(prior.title, "removed", tuple("- " + x for x in prior.body.splitlines())))
    return tuple(result)


# --- the transnational recommendation ---------------------------------------------------------------------


def commonality(count: int, total: int) -> str:
    """How common a topic raised by ``count`` of ``total`` regions is: all, most (more than half), some, one."""
    if total and count >= total:
        return "all"
    if count * 2 > total:
        return "most"
    return "some" if count >= 2 else "one"


@dataclass(frozen=True)
class ExampleRef:
    paper_id: str
    kind: str  # measure | finding
    ref: str


@dataclass(frozen=True)
class ExampleView:
    ref: ExampleRef
    region_id: str
    region_name: str
    text: str  # the measure's "what" or the finding's statement, as that region's paper says it
    found: bool  # False: the measure or finding is no longer in that paper


@dataclass(frozen=True)
class MatrixRow:
    topic_id: str
    topic_name: str
    present: tuple[bool, ...]  # per paper (column) of the recommendation
    computed: str
    common: str  # the one set by hand, else the computed one
    measures: tuple[tuple[str, ...], ...] = ()  # per paper, the measures with this topic ("what")


@dataclass(frozen=True)
class TopicEntry:
    id: str
    topic_id: str
    topic_name: str
    common: str
    computed: str
    policy: str
    gap: str
    level: str
    actor: str
    examples: tuple[ExampleView, ...]


@dataclass(frozen=True)
class RecommendationItemView:
    id: str
    position: int
    topic_id: str
    title: str
    reasoning: str
    level: str
    actor: str
    examples: tuple[ExampleView, ...]

    @property
    def regions(self) -> int:
        return len({e.region_id for e in self.examples if e.found})


@dataclass(frozen=True)
class RecommendationSummary:
    id: str
    title: str
    status: str
    paper_ids: tuple[str, ...]
    updated_at: datetime


@dataclass(frozen=True)
class RecommendationView:
    summary: RecommendationSummary
    intro: str
    papers: tuple[PaperSummary, ...]
    matrix: tuple[MatrixRow, ...]
    topics: tuple[TopicEntry, ...]  # the topics with EU-level fields (common ones first)
    items: tuple[RecommendationItemView, ...]


@dataclass(frozen=True)
class PaperPrint:
    """What a printed or exported paper shows: the paper, each cited finding's source as printed (a source
    erased on request prints as such, nothing of it), and the method annex."""

    paper: PaperView
    sources: dict[str, str]  # finding id → source text
    method: str
    generated_on: date
    people: tuple[StakeholderView, ...] = ()  # the region's people consulted (a name only with consent)
    pilots: tuple[PilotView, ...] = ()  # the region's pilot actions, profiled in an annex


@dataclass(frozen=True)
class RecommendationPrint:
    recommendation: RecommendationView
    short: bool
    generated_on: date
