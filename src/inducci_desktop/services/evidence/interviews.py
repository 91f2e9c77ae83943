"""Interviews held with the toolbox's three interview guides: questions in order, an answer and a note per
question, the interviewee by role and organisation (a name only with their consent).

Every answer and note is its own committed transaction (``set_answer`` / ``set_note`` return only after the
commit), as in the checklist runner, so an interrupted interview loses nothing shown as saved. Erasure on
request (``erase``) blanks the interviewee and every answer and note, here and in the backups
(``services/evidence/erasure.py``).
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inducci_desktop.domain import rules
from inducci_desktop.domain.evidence import (
    InterviewAnswerView,
    InterviewGuide,
    InterviewInput,
    InterviewSaveAck,
    InterviewSummary,
    InterviewView,
)
from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.evidence.guides import GUIDE_IDS, guide_title, load_guide
from inducci_desktop.services.inputs import sentence
from inducci_desktop.services.library.service import LibraryService
from inducci_desktop.services.workshops.erasure import Erasure
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Interview, InterviewAnswer, Region, utcnow


def _line(text: str, what: str, limit: int = rules.NAME) -> str:
    cleaned = " ".join(text.split())
    try:
        rules.check_text(cleaned, what, multiline=False)
        rules.check_length(cleaned, limit, what)
    except ValueError as exc:
        raise ValidationError(_("The interview cannot be saved: {problem}.").format(problem=exc)) from None
    return cleaned


def _long(text: str, what: str) -> str:
    try:
        rules.check_text(text, what)
        rules.check_length(text, rules.INTERVIEW_ANSWER, what)
    except ValueError as exc:
        raise ValidationError(_("The {what} cannot be saved: {problem}.").format(what=_(what), problem=exc)) from None
    return text


def check_input(data: InterviewInput) -> InterviewInput:
    """``data`` cleaned, or ValidationError naming the field."""
    if data.guide_id not in GUIDE_IDS:
        raise ValidationError(_("Unknown interview guide {guide!r}; use one of: {choices}.")
                              .format(guide=data.guide_id, choices=", ".join(GUIDE_IDS)))
    try:
        rules.check_date(data.held_on, N_("interview date"))
    except ValueError as exc:
        raise ValidationError(sentence(exc)) from None
    role = _line(data.interviewee_role, N_("interviewee's role"))
    organisation = _line(data.interviewee_organisation, N_("interviewee's organisation"))
    if not role and not organisation:
        raise ValidationError(_("Say who was interviewed: their role or their organisation."))
    name = _line(data.interviewee_name, N_("interviewee's name")) if data.name_consent else ""
    return InterviewInput(data.guide_id, data.region_id, data.held_on, _line(data.interviewer, N_("interviewer")),
                          role, organisation, name, data.consent, data.name_consent and bool(name),
                          _long(data.notes, N_("notes")))


class InterviewService:
    def __init__(self, store: Store, library: LibraryService) -> None:
        self.store = store
        self.library = library

    # --- guides -------------------------------------------------------------------------------------

    def guides(self) -> list[InterviewGuide]:
        """The interview guides of the toolbox content, with their questions in order."""
        return [load_guide(self.library, g) for g in GUIDE_IDS]

    def guide(self, guide_id: str) -> InterviewGuide:
        return load_guide(self.library, guide_id)

    # --- interviews ---------------------------------------------------------------------------------

    def create(self, data: InterviewInput, *, interview_id: str | None = None) -> InterviewSummary:
        data = check_input(data)
        guide = self.guide(data.guide_id)
        with self.store.db.unit_of_work() as session:
            _region(session, data.region_id)
            row = Interview(guide_id=data.guide_id, region_id=data.region_id)
            if interview_id is not None:
                row.id = interview_id
            _apply(row, data)
            session.add(row)
            session.flush()
            return self._summary(session, row, guide.title, len(guide.questions))

    def update(self, interview_id: str, data: InterviewInput) -> InterviewSummary:
        """Change the details (not the guide: answers are keyed by its questions)."""
        data = check_input(data)
        with self.store.db.unit_of_work() as session:
            row = _interview(session, interview_id)
            if data.guide_id != row.guide_id:
                raise ValidationError(_("The guide of an interview cannot change; start a new interview instead."))
            _region(session, data.region_id)
            _apply(row, data)
            session.flush()
            guide = self.guide(row.guide_id)
            return self._summary(session, row, guide.title, len(guide.questions))

    def list(self, region_id: str | None = None, *, deleted: bool = False) -> builtins.list[InterviewSummary]:
        """Interviews (erased ones included, marked), newest first; of one region when ``region_id`` is given."""
        with self.store.db.reading() as session:
            condition = Interview.deleted_at.is_not(None) if deleted else Interview.deleted_at.is_(None)
            query = select(Interview).where(condition)
            if region_id is not None:
                query = query.where(Interview.region_id == region_id)
            rows = session.scalars(query).all()
            views = [self._summary(session, r) for r in rows]
        return sorted(views, key=lambda v: (v.held_on, v.id), reverse=True)

    def summary(self, interview_id: str) -> InterviewSummary:
        with self.store.db.reading() as session:
            return self._summary(session, _interview(session, interview_id, include_deleted=True))

    def get(self, interview_id: str) -> InterviewView:
        """The interview with every question of its guide in order, answered or not."""
        with self.store.db.reading() as session:
            row = _interview(session, interview_id, include_deleted=True)
            guide = self.guide(row.guide_id)
            stored = {a.question_key: a for a in session.scalars(
                select(InterviewAnswer).where(InterviewAnswer.interview_id == interview_id,
                                              InterviewAnswer.deleted_at.is_(None)))}
            answers = tuple(InterviewAnswerView(q, stored[q.key].answer if q.key in stored else "",
                                                stored[q.key].note if q.key in stored else "")
                            for q in guide.questions)
            known = {q.key for q in guide.questions}
            kept = tuple((k, a.answer, a.note) for k, a in sorted(stored.items())
                         if k not in known and (a.answer or a.note))
            return InterviewView(self._summary(session, row, guide.title, len(guide.questions)), row.notes,
                                 answers, kept)

    def set_answer(self, interview_id: str, question_key: str, text: str) -> InterviewSaveAck:
        """Store one answer in its own committed transaction."""
        return self._write(interview_id, question_key, "answer", _long(text, N_("answer")))

    def set_note(self, interview_id: str, question_key: str, text: str) -> InterviewSaveAck:
        return self._write(interview_id, question_key, "note", _long(text, N_("note")))

    def _write(self, interview_id: str, question_key: str, column: str, text: str) -> InterviewSaveAck:
        with self.store.db.unit_of_work() as session:
            row = _interview(session, interview_id)
            if self.guide(row.guide_id).question(question_key) is None:
                raise NotFoundError(_("The interview guide has no question {key!r}.").format(key=question_key))
            answer = session.scalar(select(InterviewAnswer).where(InterviewAnswer.interview_id == interview_id,
                                                                  InterviewAnswer.question_key == question_key))
            if answer is None:
                answer = InterviewAnswer(interview_id=interview_id, question_key=question_key)
                session.add(answer)
            answer.deleted_at = None
            setattr(answer, column, text)
            row.updated_at = now = utcnow()
        return InterviewSaveAck(interview_id, question_key, now)

    def delete(self, interview_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            _interview(session, interview_id, include_erased=True).deleted_at = utcnow()

    def restore(self, interview_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            _interview(session, interview_id, include_deleted=True, include_erased=True).deleted_at = None

    def erase(self, interview_id: str, *, extra_folders: Sequence[Path] = ()) -> Erasure:
        """Erase the interviewee on request: their role, organisation, name, consent, the interview's notes
        and every answer and note are blanked and the interview marked erased (guide, region, date and
        interviewer stay, so the interview still counts). A stakeholder added from this interview is erased
        too. A finding made from one of its answers keeps its statement (the user's own words, which they
        can edit or delete) but loses the source title it copied; its source shows as erased. Backups are
        cleaned the same way and the data folder is read back (services/evidence/erasure.py)."""
        from inducci_desktop.services.evidence import erasure

        return erasure.erase(self.store, interview_ids=[interview_id], extra_folders=extra_folders)

    # --- helpers ------------------------------------------------------------------------------------

    def _summary(self, session: Session, row: Interview, title: str | None = None,
                 questions: int | None = None) -> InterviewSummary:
        if questions is None:
            try:
                questions = len(self.guide(row.guide_id).questions)
            except (NotFoundError, ValidationError):
                questions = 0
        answered = session.scalar(select(func.count()).select_from(InterviewAnswer).where(
            InterviewAnswer.interview_id == row.id, InterviewAnswer.deleted_at.is_(None),
            InterviewAnswer.answer != "")) or 0
        region = session.get(Region, row.region_id)
        return InterviewSummary(
            row.id, row.guide_id, title or guide_title(self.library, row.guide_id), row.region_id,
            region.name if region is not None else "", row.held_on, row.interviewer, row.interviewee_role,
            row.interviewee_organisation, row.interviewee_name if row.name_consent else "", row.consent,
            row.name_consent, answered, questions, row.deleted_at, row.erased_at)


def _apply(row: Interview, data: InterviewInput) -> None:
    row.held_on, row.interviewer = data.held_on, data.interviewer
    row.interviewee_role, row.interviewee_organisation = data.interviewee_role, data.interviewee_organisation
    row.interviewee_name = data.interviewee_name if data.name_consent else ""
    row.consent, row.name_consent, row.notes = data.consent, data.name_consent, data.notes
    row.region_id = data.region_id


def _region(session: Session, region_id: str) -> Region:
    region = session.get(Region, region_id)
    if region is None or region.deleted_at is not None:
        raise NotFoundError(_("There is no region with id {region_id!r}.").format(region_id=region_id))
    return region


def _interview(session: Session, interview_id: str, *, include_deleted: bool = False,
               include_erased: bool = False) -> Interview:
    row = session.get(Interview, interview_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(_("There is no interview with id {interview_id!r}.").format(interview_id=interview_id))
    if row.erased_at is not None and not (include_deleted or include_erased):
        raise ValidationError(_("This interview was erased on request; it can no longer be changed."))
    return row
