"""A finding's source, resolved on every read: what it says now, whether it is still there, where it opens.

One resolver per kind of ``rules.FINDING_SOURCE``; a feature that adds a kind of source adds a resolver
with ``register``. A source in the trash or erased on request is said so; the finding stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from inducci_desktop.domain import rules
from inducci_desktop.domain.checklists import AssessmentView, answer_text, item_numbers
from inducci_desktop.domain.evidence import SourceRef, SourceView
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import (
    FeedbackQuestion,
    FeedbackResponse,
    Interview,
    InterviewAnswer,
    Pilot,
    PilotCriterion,
    PilotLesson,
    Workshop,
    WorkshopOutcome,
)

if TYPE_CHECKING:
    from inducci_desktop.services.checklists.service import ChecklistService

Resolver = Callable[["Sources", SourceRef], SourceView]
_RESOLVERS: dict[str, Resolver] = {}


def register(kind: str, resolver: Resolver) -> None:
    """Make ``kind`` (one of rules.FINDING_SOURCE) resolvable."""
    if kind not in rules.FINDING_SOURCE:
        raise ValueError(f"unknown source kind {kind!r}")
    _RESOLVERS[kind] = resolver


def gone(ref: SourceRef, state: str = "missing") -> SourceView:
    return SourceView(ref, state, ref.title)


def shorten(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class Sources:
    def __init__(self, store: Store, checklists: Callable[[], ChecklistService]) -> None:
        self.store = store
        self._checklists = checklists
        self._assessments: dict[str, AssessmentView] | None = None  # set while resolve_all runs

    @property
    def checklists(self) -> ChecklistService:
        return self._checklists()

    def resolve_all(self, refs: dict[str, SourceRef]) -> dict[str, SourceView]:
        """Each finding's source (finding id → view), reading every assessment once however many findings
        come from it (the register, the annex and the tables resolve whole lists)."""
        self._assessments = {}
        try:
            return {key: self.resolve(ref) for key, ref in refs.items()}
        finally:
            self._assessments = None

    def assessment(self, assessment_id: str) -> AssessmentView:
        cache = self._assessments
        if cache is None:
            return self.checklists.get(assessment_id)
        if assessment_id not in cache:
            cache[assessment_id] = self.checklists.get(assessment_id)
        return cache[assessment_id]

    def resolve(self, ref: SourceRef) -> SourceView:
        resolver = _RESOLVERS.get(ref.kind)
        if resolver is None:
            return gone(ref)
        try:
            return resolver(self, ref)
        except NotFoundError:
            return gone(ref)

    def describe(self, ref: SourceRef) -> SourceRef:
        """``ref`` with the title a person reads ("Silesia 2024 · 2.3 Can you name …"), for a new finding."""
        view = self.resolve(ref)
        return SourceRef(ref.kind, ref.ref, view.title or ref.title)


def _answer(sources: Sources, ref: SourceRef) -> SourceView:
    assessment_id, item_key = ref.pair
    view = sources.assessment(assessment_id)
    numbers = item_numbers(view.template)
    item = next((i for s in view.template.sections for i in s.items if i.key == item_key), None)
    if item is None:
        return gone(ref)
    title = f"{view.summary.title} · {numbers.get(item_key, '')} {shorten(item.text)}"
    if view.summary.deleted_at is not None:
        return SourceView(ref, "trashed", title)
    answer = view.answers.get(item_key)
    text = answer_text(item, answer.value) if answer else ""
    if answer and answer.note:
        text = f"{text} — {answer.note}" if text else answer.note
    return SourceView(ref, "live", title, text, ("checklists", assessment_id, item_key))


def _section(sources: Sources, ref: SourceRef) -> SourceView:
    assessment_id, section_key = ref.pair
    view = sources.assessment(assessment_id)
    section = next((s for s in view.scores.sections if s.key == section_key), None)
    if section is None:
        return gone(ref)
    title = f"{view.summary.title} · {section.title}"
    if view.summary.deleted_at is not None:
        return SourceView(ref, "trashed", title)
    score = "–" if section.score is None else f"{round(section.score * 100)} %"
    text = _("Section score {score} ({answered} of {total} answered)").format(
        score=score, answered=section.answered, total=section.total)
    return SourceView(ref, "live", title, text, ("checklists", assessment_id, section_key))


def _outcome(sources: Sources, ref: SourceRef) -> SourceView:
    with sources.store.db.reading() as session:
        outcome = session.get(WorkshopOutcome, ref.ref)
        if outcome is None:
            return gone(ref)
        workshop = session.get(Workshop, outcome.workshop_id)
        label = rules.OUTCOME_KIND.labels.get(outcome.kind, outcome.kind)
        title = f"{workshop.title if workshop else ''} · {_(label)}"
        if outcome.deleted_at is not None or workshop is None or workshop.deleted_at is not None:
            return SourceView(ref, "trashed", title)
        return SourceView(ref, "live", title, outcome.text, ("workshops", workshop.id, f"outcome:{outcome.id}"))


def _feedback(sources: Sources, ref: SourceRef) -> SourceView:
    response_id, question_id = ref.pair
    with sources.store.db.reading() as session:
        response = session.get(FeedbackResponse, response_id)
        question = session.get(FeedbackQuestion, question_id)
        if response is None or question is None:
            return gone(ref)
        workshop = session.get(Workshop, response.workshop_id)
        title = f"{workshop.title if workshop else ''} · {shorten(question.text, 50)}"
        if response.deleted_at is not None or workshop is None or workshop.deleted_at is not None:
            return SourceView(ref, "trashed", title)
        text = str((response.answers or {}).get(question_id, ""))
        return SourceView(ref, "live", title, text, ("workshops", workshop.id, f"feedback:{response.id}"))


def _interview(sources: Sources, ref: SourceRef) -> SourceView:
    interview_id, question_key = ref.pair
    with sources.store.db.reading() as session:
        interview = session.get(Interview, interview_id)
        if interview is None:
            return gone(ref)
        if interview.erased_at is not None:
            return SourceView(ref, "erased", _("Interview erased on request"))
        who = interview.interviewee_role or interview.interviewee_organisation
        title = ref.title or f"{_('Interview')} {interview.held_on.isoformat()} · {who} · {question_key}"
        if interview.deleted_at is not None:
            return SourceView(ref, "trashed", title)
        answer = next(iter(session.query(InterviewAnswer).filter_by(interview_id=interview_id,
                                                                    question_key=question_key)), None)
        text = answer.answer if answer else ""
        return SourceView(ref, "live", title, text, ("evidence", interview_id, question_key))


def _pilot_entry(sources: Sources, ref: SourceRef, model: type[PilotLesson] | type[PilotCriterion], detail: str
                 ) -> SourceView:
    """A pilot's lesson or success criterion (``ref.ref``: its id), opened on the Pilot actions page."""
    with sources.store.db.reading() as session:
        row = session.get(PilotLesson, ref.ref) if model is PilotLesson else session.get(PilotCriterion, ref.ref)
        pilot = session.get(Pilot, row.pilot_id) if row is not None else None
        if row is None or pilot is None:
            return gone(ref)
        title = ref.title or f"{pilot.title} · {shorten(row.text)}"
        if row.deleted_at is not None or pilot.deleted_at is not None:
            return SourceView(ref, "trashed", title)
        return SourceView(ref, "live", title, row.text, ("pilots", pilot.id, f"{detail}:{row.id}"))


def _pilot_lesson(sources: Sources, ref: SourceRef) -> SourceView:
    return _pilot_entry(sources, ref, PilotLesson, "lesson")


def _pilot_criterion(sources: Sources, ref: SourceRef) -> SourceView:
    return _pilot_entry(sources, ref, PilotCriterion, "criterion")


def _note(_sources: Sources, ref: SourceRef) -> SourceView:
    return SourceView(ref, "live", ref.title)


register("answer", _answer)
register("section", _section)
register("outcome", _outcome)
register("feedback", _feedback)
register("interview", _interview)
register("pilot_lesson", _pilot_lesson)
register("pilot_criterion", _pilot_criterion)
register("note", _note)
