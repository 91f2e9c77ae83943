"""Checks of a bundle's values that need more than one record: answers against their checklist items,
feedback forms against their questions, and the parents of regions (no cycles).

Run while an import is planned (inside the caller's session, before anything is written); a problem raises
BundleError naming the record and what does not fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inducci_desktop.content import pinned
from inducci_desktop.content.dbload import template_from_json
from inducci_desktop.content.model import ChecklistItem
from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.services.checklists.scoring import check_answer
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.exchange.bundle import Bundle, BundleError
from inducci_desktop.store.models import (
    Assessment,
    FeedbackQuestion,
    Region,
    UserTemplateVersion,
)

Pin = tuple[str, int]


def check_values(session: Session, bundle: Bundle, region_rows: Iterable[Mapping[str, Any]]) -> None:
    """Refuse the bundle (BundleError) if a value does not fit what it belongs to."""
    _answers_fit_their_items(session, bundle)
    _feedback_fits_its_questions(session, bundle)
    _regions_without_cycles(session, region_rows)


# --- answers -------------------------------------------------------------------------------------------


def _items(session: Session, bundle: Bundle, pins: set[Pin]) -> dict[Pin, dict[str, ChecklistItem]]:
    data: dict[Pin, dict[str, Any]] = {}
    for own in bundle.of("templates"):
        data[(own.template_id, own.version)] = own.data
    for toolbox in bundle.of("toolbox_templates"):
        data.setdefault((toolbox.id, toolbox.version), toolbox.data)
    missing = {p for p in pins if p not in data}
    ids = {p[0] for p in missing}
    if ids:
        for pin, row in pinned.find_many(session, ids).items():
            data.setdefault(pin, row["data"])
        for tid, version, body in session.execute(select(UserTemplateVersion.template_id,
                                                         UserTemplateVersion.version, UserTemplateVersion.data)
                                                  .where(UserTemplateVersion.template_id.in_(ids))):
            data.setdefault((tid, version), body)
    result: dict[Pin, dict[str, ChecklistItem]] = {}
    for pin in pins:
        if pin not in data:
            continue  # the planner refuses assessments whose template is nowhere
        try:
            template = template_from_json(data[pin])
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # the planner refuses a template of the bundle that cannot be read
        result[pin] = {item.key: item for section in template.sections for item in section.items}
    return result


def _answers_fit_their_items(session: Session, bundle: Bundle) -> None:
    answers = bundle.of("answers")
    if not answers:
        return
    assessments: dict[str, tuple[Pin, str]] = {
        a.id: ((a.template_id, a.template_version), a.title) for a in bundle.of("assessments")}
    elsewhere = {a.assessment_id for a in answers} - set(assessments)
    if elsewhere:
        for aid, tid, version, title in session.execute(
                select(Assessment.id, Assessment.template_id, Assessment.template_version, Assessment.title)
                .where(Assessment.id.in_(elsewhere))):
            assessments[aid] = ((tid, version), title)
    items = _items(session, bundle, {pin for pin, _title in assessments.values()})
    for answer in answers:
        pin, title = assessments.get(answer.assessment_id, (None, ""))
        item = items.get(pin, {}).get(answer.item_key) if pin is not None else None
        if item is None:
            continue  # an answer to an item the version does not have is kept, as the app keeps it
        try:
            check_answer(item, answer.value)
            if isinstance(answer.value, str):
                rules.check_text(answer.value, N_("answer"), multiline=item.type != "text")
        except (ValidationError, ValueError) as exc:
            raise BundleError(_("records/answers.json: the answer {id} to item '{item_key}' of the assessment "
                "{title!r} does not fit the item: {sentence} Nothing was imported.")
                .format(id=answer.id, item_key=answer.item_key, title=title, sentence=_sentence(exc))) from None


# --- feedback ------------------------------------------------------------------------------------------


def _fits_question(kind: str, value: Any) -> str | None:
    """What is wrong with a stored feedback answer for a question of ``kind``, or None if it fits."""
    if value is None:
        return None
    if kind == "rating":
        low, high = rules.RATING
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return _("a rating is a whole number from {low} to {high}").format(low=low, high=high)
        return None
    if not isinstance(value, str):
        return _("the answer is not text")
    if kind == "choice":
        return None if value in rules.FEEDBACK_CHOICE else _("answer one of {join}").format(join=', '.join(rules
            .FEEDBACK_CHOICE.values))
    if len(value) > rules.FEEDBACK_TEXT:
        return _("a comment can be at most {FEEDBACK_TEXT:,} characters long").format(FEEDBACK_TEXT=rules.FEEDBACK_TEXT)
    if rules.control_characters(value):
        return _("the comment contains a control character")
    return None


def _feedback_fits_its_questions(session: Session, bundle: Bundle) -> None:
    responses = bundle.of("feedback_responses")
    if not responses:
        return
    kinds = {q.id: (q.workshop_id, q.kind) for q in bundle.of("feedback_questions")}
    wanted = {qid for r in responses for qid in r.answers} - set(kinds)
    if wanted:
        kinds.update({qid: (wid, kind) for qid, wid, kind in session.execute(
            select(FeedbackQuestion.id, FeedbackQuestion.workshop_id, FeedbackQuestion.kind)
            .where(FeedbackQuestion.id.in_(wanted)))})
    for response in responses:
        for qid, value in response.answers.items():
            found = kinds.get(qid)
            if found is None or found[0] != response.workshop_id:
                raise BundleError(_("records/feedback_responses.json: the feedback form {id} answers a question "
                    "({qid!r}) that is not on its workshop's form. Nothing was imported.")
                    .format(id=response.id, qid=qid[:40]))
            problem = _fits_question(found[1], value)
            if problem:
                raise BundleError(_("records/feedback_responses.json: the feedback form {id} does not fit its "
                    "question {qid} ({found}): {problem}. Nothing was imported.")
                    .format(id=response.id, qid=qid, found=found[1], problem=problem))


# --- regions -------------------------------------------------------------------------------------------


def _regions_without_cycles(session: Session, rows: Iterable[Mapping[str, Any]]) -> None:
    written = list(rows)
    if not written:
        return
    parents: dict[str, str | None] = {}
    names: dict[str, str] = {}
    for rid, parent, name in session.execute(select(Region.id, Region.parent_id, Region.name)):
        parents[rid], names[rid] = parent, name
    for row in written:
        parents[row["id"]] = row.get("parent_id")
        names[row["id"]] = row.get("name", "")
    for row in written:
        cycle = _cycle_from(row["id"], parents)
        if cycle:
            listed = " → ".join(f"{names.get(r, '')!r} ({r})" for r in (*cycle, cycle[0]))
            raise BundleError(_("records/regions.json: the parents of regions would go round in a circle: {listed}. "
                "A region cannot lie inside itself. Nothing was imported.")
                .format(listed=listed))


def _cycle_from(start: str, parents: Mapping[str, str | None]) -> Sequence[str]:
    path: list[str] = []
    node: str | None = start
    while node is not None and node not in path:
        path.append(node)
        node = parents.get(node)
    return path[path.index(node):] if node is not None else ()


def _sentence(exc: Exception) -> str:
    text = str(exc).rstrip(".")
    return text[:1].upper() + text[1:] + "."
