"""What a workshop produced: outcomes, action items (with an overview across workshops) and feedback."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.workshops import FeedbackSummary, Question
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.inputs import sentence
from inducci_desktop.services.workshops.feedback import (
    KINDS,
    MAX_QUESTIONS,
    clean_answer,
    summarise,
)
from inducci_desktop.services.workshops.views import ACTION_STATUSES, OUTCOME_KINDS, ActionView, OutcomeView
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import (
    ActionItem,
    FeedbackQuestion,
    FeedbackResponse,
    Workshop,
    WorkshopOutcome,
    utcnow,
)

MAX_TEXT = rules.RESULT_TEXT


def _owner(owner: str) -> str:
    cleaned = " ".join(owner.split())
    if len(cleaned) > rules.NAME:
        raise ValidationError(_("An owner's name can be at most {NAME} characters long.").format(NAME=rules.NAME))
    return cleaned


def _check_due(due: date | None) -> date | None:
    try:
        return None if due is None else rules.check_date(due, _("due date"))
    except ValueError as exc:
        raise ValidationError(sentence(exc)) from None


def _clean(text: str, label: str, limit: int = MAX_TEXT) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(_("An empty {label} cannot be saved.").format(label=label))
    if len(cleaned) > limit:
        raise ValidationError(_("A {label} can be at most {limit} characters long.").format(label=label, limit=limit))
    return cleaned


class ResultsService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- outcomes -----------------------------------------------------------------------------------

    def outcomes(self, workshop_id: str) -> list[OutcomeView]:
        with self.store.db.reading() as session:
            _workshop(session, workshop_id)
            rows = session.scalars(select(WorkshopOutcome).where(WorkshopOutcome.workshop_id == workshop_id,
                                                                 WorkshopOutcome.deleted_at.is_(None))
                                   .order_by(WorkshopOutcome.position, WorkshopOutcome.created_at)).all()
            order = list(OUTCOME_KINDS)
            views = [OutcomeView(r.id, r.kind, r.text, r.position) for r in rows]
        return sorted(views, key=lambda o: order.index(o.kind) if o.kind in order else len(order))

    def add_outcome(self, workshop_id: str, kind: str, text: str) -> OutcomeView:
        if kind not in OUTCOME_KINDS:
            raise ValidationError(_("Unknown kind of outcome {kind!r}; use one of: {join}.")
                .format(kind=kind, join=', '.join(OUTCOME_KINDS)))
        text = _clean(text, "outcome")
        with self.store.db.unit_of_work() as session:
            _workshop(session, workshop_id)
            last = session.scalar(select(func.max(WorkshopOutcome.position))
                                  .where(WorkshopOutcome.workshop_id == workshop_id)) or 0
            row = WorkshopOutcome(workshop_id=workshop_id, kind=kind, text=text, position=last + 1)
            session.add(row)
            session.flush()
            return OutcomeView(row.id, row.kind, row.text, row.position)

    def update_outcome(self, outcome_id: str, text: str, kind: str | None = None) -> OutcomeView:
        text = _clean(text, "outcome")
        if kind is not None and kind not in OUTCOME_KINDS:
            raise ValidationError(_("Unknown kind of outcome {kind!r}.").format(kind=kind))
        with self.store.db.unit_of_work() as session:
            row = _get(session, WorkshopOutcome, outcome_id, "outcome")
            row.text = text
            if kind is not None:
                row.kind = kind
            return OutcomeView(row.id, row.kind, row.text, row.position)

    def delete_outcome(self, outcome_id: str, *, restore: bool = False) -> None:
        with self.store.db.unit_of_work() as session:
            row = _get(session, WorkshopOutcome, outcome_id, "outcome", include_deleted=True)
            row.deleted_at = None if restore else utcnow()

    # --- action items -------------------------------------------------------------------------------

    def actions(self, workshop_id: str | None = None, *, open_only: bool = False) -> list[ActionView]:
        """Action items of one workshop, or of all workshops (not those in the trash); by due date."""
        with self.store.db.reading() as session:
            query = (select(ActionItem, Workshop.title).join(Workshop, Workshop.id == ActionItem.workshop_id)
                     .where(ActionItem.deleted_at.is_(None), Workshop.deleted_at.is_(None)))
            if workshop_id is not None:
                _workshop(session, workshop_id)
                query = query.where(ActionItem.workshop_id == workshop_id)
            if open_only:
                query = query.where(ActionItem.status != "done")
            views = [_action(r, title) for r, title in session.execute(query)]
        return sorted(views, key=lambda a: (a.status == "done", a.due or date.max, a.text.casefold()))

    def add_action(self, workshop_id: str, text: str, owner: str = "", due: date | None = None,
                   status: str = "open") -> ActionView:
        text, owner = _clean(text, _("action item")), _owner(owner)
        _check_status(status)
        _check_due(due)
        with self.store.db.unit_of_work() as session:
            workshop = _workshop(session, workshop_id)
            row = ActionItem(workshop_id=workshop_id, text=text, owner=owner, due=due, status=status)
            session.add(row)
            session.flush()
            return _action(row, workshop.title)

    def update_action(self, action_id: str, *, text: str | None = None, owner: str | None = None,
                      due: date | str | None = "keep", status: str | None = None) -> ActionView:
        with self.store.db.unit_of_work() as session:
            row = _get(session, ActionItem, action_id, _("action item"))
            if text is not None:
                row.text = _clean(text, _("action item"))
            if owner is not None:
                row.owner = _owner(owner)
            if not isinstance(due, str):
                row.due = _check_due(due)
            if status is not None:
                _check_status(status)
                row.status = status
            workshop = session.get(Workshop, row.workshop_id)
            return _action(row, workshop.title if workshop else "")

    def delete_action(self, action_id: str, *, restore: bool = False) -> None:
        with self.store.db.unit_of_work() as session:
            row = _get(session, ActionItem, action_id, _("action item"), include_deleted=True)
            row.deleted_at = None if restore else utcnow()

    # --- feedback -----------------------------------------------------------------------------------

    def questions(self, workshop_id: str) -> list[Question]:
        with self.store.db.reading() as session:
            _workshop(session, workshop_id)
            return [Question(r.id, r.position, r.kind, r.text) for r in _questions(session, workshop_id)]

    def set_questions(self, workshop_id: str, questions: Sequence[tuple[str | None, str, str]]) -> list[Question]:
        """Replace the form: (id or None for a new one, kind, text) in order. Left-out questions go to the
        trash, so answers already entered keep their meaning."""
        if not questions:
            raise ValidationError(_("A feedback form needs at least one question."))
        if len(questions) > MAX_QUESTIONS:
            raise ValidationError(_("A feedback form can have at most {MAX_QUESTIONS} questions.")
                .format(MAX_QUESTIONS=MAX_QUESTIONS))
        with self.store.db.unit_of_work() as session:
            _workshop(session, workshop_id)
            existing = {q.id: q for q in _questions(session, workshop_id)}
            for position, (qid, kind, text) in enumerate(questions):
                if kind not in KINDS:
                    raise ValidationError(_("Unknown kind of question {kind!r}; use one of: {join}.")
                        .format(kind=kind, join=', '.join(KINDS)))
                text = _clean(text, "question", rules.QUESTION_TEXT)
                row = existing.pop(qid, None) if qid else None
                if row is None:
                    session.add(FeedbackQuestion(workshop_id=workshop_id, position=position, kind=kind, text=text))
                else:
                    row.position, row.kind, row.text = position, kind, text
            for gone in existing.values():
                gone.deleted_at = utcnow()
        return self.questions(workshop_id)

    def add_response(self, workshop_id: str, answers: Mapping[str, object], source: str = "paper") -> str:
        """Store one returned form; answers keyed by question id. Empty forms are refused."""
        questions = {q.id: q for q in self.questions(workshop_id)}
        cleaned: dict[str, Any] = {}
        for qid, value in answers.items():
            if qid not in questions:
                raise ValidationError(_("The form has an answer to a question that is not on it."))
            answer = clean_answer(questions[qid].kind, value)
            if answer is not None:
                cleaned[qid] = answer
        if not cleaned:
            raise ValidationError(_("The form is empty; nothing was saved."))
        with self.store.db.unit_of_work() as session:
            row = FeedbackResponse(workshop_id=workshop_id, answers=cleaned, source=source)
            session.add(row)
            session.flush()
            return row.id

    def responses(self, workshop_id: str) -> list[tuple[str, dict[str, Any]]]:
        with self.store.db.reading() as session:
            _workshop(session, workshop_id)
            rows = session.scalars(select(FeedbackResponse).where(FeedbackResponse.workshop_id == workshop_id,
                                                                  FeedbackResponse.deleted_at.is_(None))
                                   .order_by(FeedbackResponse.created_at)).all()
            return [(r.id, dict(r.answers)) for r in rows]

    def delete_response(self, response_id: str, *, restore: bool = False) -> None:
        with self.store.db.unit_of_work() as session:
            row = _get(session, FeedbackResponse, response_id, _("feedback form"), include_deleted=True)
            row.deleted_at = None if restore else utcnow()

    def summary(self, workshop_id: str) -> FeedbackSummary:
        return summarise(self.questions(workshop_id), [a for _id, a in self.responses(workshop_id)])


def _check_status(status: str) -> None:
    if status not in ACTION_STATUSES:
        raise ValidationError(_("Unknown status {status!r}; use one of: {join}.")
            .format(status=status, join=', '.join(ACTION_STATUSES)))


def _action(row: ActionItem, title: str) -> ActionView:
    return ActionView(row.id, row.workshop_id, title, row.text, row.owner, row.due, row.status)


def _questions(session: Session, workshop_id: str) -> list[FeedbackQuestion]:
    return list(session.scalars(select(FeedbackQuestion).where(FeedbackQuestion.workshop_id == workshop_id,
                                                               FeedbackQuestion.deleted_at.is_(None))
                                .order_by(FeedbackQuestion.position)))


def _workshop(session: Session, workshop_id: str) -> Workshop:
    row = session.get(Workshop, workshop_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(_("There is no workshop with id {workshop_id!r}.").format(workshop_id=workshop_id))
    return row


def _get(session: Session, model: Any, row_id: str, label: str, *, include_deleted: bool = False) -> Any:
    row = session.get(model, row_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(_("There is no {label} with id {row_id!r}.").format(label=label, row_id=row_id))
    return row
