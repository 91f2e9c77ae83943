"""The plain data of checklist assessments: what the checklist services hand out and printing renders, with
the pure helpers both use (answer texts, percentages, item numbers). Standard library only; the template
types come from ``content.model`` and are named here for type checking only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import N_, Labels

if TYPE_CHECKING:
    from inducci_desktop.content.model import ChecklistItem, ChecklistTemplate

YNP_VALUES = rules.YNP_VALUES
# TRANSLATORS: "n.a.": not applicable, the answer for an item that does not concern the region
YNP_LABELS = Labels({"yes": N_("Yes"), "partly": N_("Partly"), "no": N_("No"), "na": N_("n.a.")})
YNP_SCORES = {"yes": 1.0, "partly": 0.5, "no": 0.0}
TYPE_LABELS = Labels({
    "ynp": N_("Yes / partly / no"), "scale": N_("Scale"), "choice": N_("Single choice"), "multi": N_("Multiple choice"),
    "text": N_("Short text"), "longtext": N_("Long text"), "number": N_("Number"), "date": N_("Date"),
})

@dataclass(frozen=True)
class SectionScore:
    key: str
    title: str
    score: float | None  # 0..1, None when nothing scored was answered
    answered: int
    total: int
    scored_answers: int
    weight: float  # sum of the weights of the answered, scored items


@dataclass(frozen=True)
class Scores:
    sections: tuple[SectionScore, ...]
    total: float | None
    answered: int
    total_items: int
    missing_required: tuple[str, ...]  # item keys

    def section(self, key: str) -> SectionScore | None:
        return next((s for s in self.sections if s.key == key), None)


def answer_text(item: ChecklistItem, value: Any) -> str:
    """An answer as people read it ("Partly", "3 – somewhat", "Product design, Marketing", …)."""
    if value is None:
        return ""
    if item.type == "ynp":
        return YNP_LABELS.get(value, str(value))
    if item.type == "scale":
        label = item.scale_labels.get(value) if isinstance(value, int) else None
        return f"{value} – {label}" if label else str(value)
    if item.type in ("choice", "multi"):
        labels = {o.key: o.label for o in item.options}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(k, str(k)) for k in chosen)
    if item.type == "number":
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return f"{shown} {item.unit}".strip()
    return str(value)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


@dataclass(frozen=True)
class AssessmentSummary:
    id: str
    title: str
    template_id: str
    template_version: int
    template_title: str
    subject: str
    region_id: str | None
    assessor: str
    assessed_on: str
    round: int
    status: str
    archived: bool
    answered: int
    total_items: int
    updated_at: datetime
    deleted_at: datetime | None = None
    previous_id: str | None = None

    @property
    def progress(self) -> float:
        return self.answered / self.total_items if self.total_items else 0.0


@dataclass(frozen=True)
class Answer:
    value: Any
    note: str
    updated_at: datetime
    #: the stored row's version (0: none stored yet), passed back with the next save to detect a change made
    #: meanwhile in another place (services/errors.py ChangedElsewhere)
    row_version: int = 0
    changed_by: str = ""


@dataclass(frozen=True)
class KeptAnswer:
    """A stored answer the pinned template cannot show as it is (item gone, or its type changed)."""

    item_key: str
    value: Any
    note: str
    reason: str


@dataclass(frozen=True)
class AssessmentView:
    summary: AssessmentSummary
    template: ChecklistTemplate
    answers: dict[str, Answer]
    scores: Scores
    kept: tuple[KeptAnswer, ...] = ()
    newer_version: int | None = None  # the template's current version, when newer than the pinned one

    @property
    def id(self) -> str:
        return self.summary.id

    def value(self, key: str) -> Any:
        answer = self.answers.get(key)
        return None if answer is None else answer.value

    def note(self, key: str) -> str:
        answer = self.answers.get(key)
        return "" if answer is None else answer.note


@dataclass(frozen=True)
class CompareRow:
    key: str
    title: str
    scores: tuple[float | None, ...]
    differences: tuple[float | None, ...]  # each score minus the first assessment's


@dataclass(frozen=True)
class CompareItem:
    section_key: str
    number: str
    item: ChecklistItem
    answers: tuple[str, ...]  # as text, one per assessment
    scores: tuple[float | None, ...]


@dataclass(frozen=True)
class Comparison:
    assessments: tuple[AssessmentSummary, ...]
    template: ChecklistTemplate  # the newest of the versions compared (sections and items by key)
    sections: tuple[CompareRow, ...]
    total: CompareRow
    items: tuple[CompareItem, ...] = field(default=())


def item_numbers(template: ChecklistTemplate) -> dict[str, str]:
    """Item key → its printed number "2.3" (section 2, item 3), the same on screen and on paper."""
    return {item.key: f"{s}.{i}" for s, section in enumerate(template.sections, 1)
            for i, item in enumerate(section.items, 1)}
