"""Answers and scores of checklist items: checking an answer against its item, and weighted scores.

Pure functions over the content dataclasses (no database). Scoring rules (docs/CONTENT_FORMAT.md):
ynp yes/partly/no = 1/0.5/0 with n.a. left out; scale (v-min)/(max-min); choice the option's score;
multi the mean of the chosen options' scores; text, long text, number and date are not scored.
A section's score is the weighted mean of its answered, scored items; the total is the weighted mean
over all of them (so weights count across sections too).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any

from inducci_desktop.content.model import ChecklistItem, ChecklistTemplate
from inducci_desktop.domain import rules
from inducci_desktop.domain.checklists import (
    TYPE_LABELS,
    YNP_LABELS,
    YNP_SCORES,
    YNP_VALUES,
    Scores,
    SectionScore,
    answer_text,
    percent,
)
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ValidationError

__all__ = ["TYPE_LABELS", "YNP_LABELS", "YNP_SCORES", "YNP_VALUES", "Scores", "SectionScore", "answer_text",
           "check_answer", "fits", "is_answered", "item_score", "percent", "score"]

MAX_TEXT = rules.ITEM_TEXT
MAX_LONGTEXT = rules.ITEM_LONGTEXT
MAX_NOTE = rules.ANSWER_NOTE


def check_answer(item: ChecklistItem, value: Any) -> Any:  # noqa: C901  (one flat branch per item type)
    """``value`` as stored for ``item``, or ValidationError saying what fits. None clears the answer."""
    if value is None:
        return None
    kind = item.type

    def wrong(expected: str) -> ValidationError:
        return ValidationError(_("Item '{key}' ({get}) takes {expected}, not {value!r}.")
            .format(key=item.key, get=_(TYPE_LABELS.get(kind, kind)), expected=expected, value=value))

    if kind == "ynp":
        if value not in YNP_VALUES:
            raise wrong(_("one of ") + ", ".join(YNP_VALUES))
        return value
    if kind == "scale":
        low, high = item.scale_min or 0, item.scale_max if item.scale_max is not None else 0
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise wrong(_("a whole number from {low} to {high}").format(low=low, high=high))
        return value
    if kind == "choice":
        keys = [o.key for o in item.options]
        if value not in keys:
            raise wrong(_("one of the options ") + ", ".join(keys))
        return value
    if kind == "multi":
        keys = [o.key for o in item.options]
        if not isinstance(value, list | tuple) or any(v not in keys for v in value):
            raise wrong(_("a list of options from ") + ", ".join(keys))
        chosen = [k for k in keys if k in value]  # option order, no duplicates
        return chosen or None
    if kind in ("text", "longtext"):
        if not isinstance(value, str):
            raise wrong("text")
        limit = MAX_TEXT if kind == "text" else MAX_LONGTEXT
        if kind == "text" and ("\n" in value or "\r" in value):
            raise wrong(_("one line of text"))
        if len(value) > limit:
            raise ValidationError(_("Item '{key}' takes at most {limit:,} characters.")
                .format(key=item.key, limit=limit))
        return value if value.strip() else None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise wrong(_("a number"))
        return value
    if kind == "date":
        if not isinstance(value, str):
            raise wrong(_("a date (YYYY-MM-DD)"))
        try:
            return _dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise wrong(_("a date (YYYY-MM-DD)")) from None
    raise ValidationError(_("Item '{key}' has an unknown type {kind!r}.").format(key=item.key, kind=kind))


def fits(item: ChecklistItem, value: Any) -> bool:
    """Whether a stored ``value`` still fits ``item`` (a template version may have changed the item)."""
    try:
        check_answer(item, value)
    except ValidationError:
        return False
    return True


def item_score(item: ChecklistItem, value: Any) -> float | None:
    """The score 0..1 of an answer; None when unanswered, n.a., unscored, or not fitting the item."""
    if value is None or not fits(item, value):
        return None
    if item.type == "ynp":
        return YNP_SCORES.get(value)
    if item.type == "scale":
        low, high = item.scale_min or 0, item.scale_max or 1
        return (value - low) / (high - low) if high > low else None
    if item.type == "choice":
        for option in item.options:
            if option.key == value:
                return option.score
        return None
    if item.type == "multi":
        scores = [o.score for o in item.options if o.key in value and o.score is not None]
        return sum(scores) / len(scores) if scores else None
    return None


def is_answered(value: Any) -> bool:
    """n.a. is an answer (it says the item does not apply)."""
    return value is not None and value != [] and value != ""


def score(template: ChecklistTemplate, answers: Mapping[str, Any]) -> Scores:
    """Section and total scores of ``answers`` (item key → stored value) on ``template``."""
    sections: list[SectionScore] = []
    all_weight = all_sum = 0.0
    answered_all = total_all = 0
    missing: list[str] = []
    for section in template.sections:
        weight = weighted = 0.0
        answered = scored = 0
        for item in section.items:
            value = answers.get(item.key)
            answered_now = is_answered(value) and fits(item, value)
            answered += answered_now
            if item.required and not answered_now:
                missing.append(item.key)
            result = item_score(item, value) if answered_now else None
            if result is not None:
                scored += 1
                weight += item.weight
                weighted += item.weight * result
        sections.append(SectionScore(section.key, section.title, weighted / weight if weight else None,
                                     answered, len(section.items), scored, weight))
        all_weight += weight
        all_sum += weighted
        answered_all += answered
        total_all += len(section.items)
    return Scores(tuple(sections), all_sum / all_weight if all_weight else None, answered_all, total_all,
                  tuple(missing))
