"""Assessments: checklists filled for a region or organisation, answer by answer, with scores.

Every answer and note is its own committed transaction (``set_answer``/``set_note`` return only after
the commit), so an interrupted session loses nothing that was shown as saved. An assessment pins the
template version it was started with; answers are stored by item key and never dropped — answers that
no longer fit the template (after ``move_to_version``) are kept and reported, not scored.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inducci_desktop.content import pinned
from inducci_desktop.content.folding import fold
from inducci_desktop.content.model import ChecklistItem, ChecklistTemplate
from inducci_desktop.domain import rules
from inducci_desktop.domain.checklists import (  # re-exported: the views this service hands out
    Answer,
    AssessmentSummary,
    AssessmentView,
    CompareItem,
    CompareRow,
    Comparison,
    KeptAnswer,
    item_numbers,
)
from inducci_desktop.domain.i18n import N_, _, ngettext
from inducci_desktop.services.checklists import scoring
from inducci_desktop.services.checklists.templates import TemplateService
from inducci_desktop.services.errors import ChangedElsewhere, NotFoundError, ValidationError
from inducci_desktop.services.inputs import sentence
from inducci_desktop.services.library.service import LibraryService
from inducci_desktop.store import tracking
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Assessment, AssessmentAnswer, Region, new_id, utcnow

_SUMMARY_COLUMNS = (Assessment.id, Assessment.title, Assessment.template_id, Assessment.template_version,
                    Assessment.region_id, Assessment.subject, Assessment.assessor, Assessment.assessed_on,
                    Assessment.round, Assessment.status, Assessment.archived_at, Assessment.updated_at,
                    Assessment.deleted_at, Assessment.previous_id)
# The autosave statements, built once (building Core statements per call costs more than SQLite's commit).
_LOCK_STATE = (select(Assessment.template_id, Assessment.template_version, Assessment.status, Assessment.archived_at,
                      Assessment.title)
               .where(Assessment.id == bindparam("aid"), Assessment.deleted_at.is_(None)))
_ANSWER_ROW = (AssessmentAnswer.assessment_id == bindparam("aid"), AssessmentAnswer.item_key == bindparam("key"))
_AT_VERSION = AssessmentAnswer.row_version == bindparam("expected")
# every UPDATE of an answer also sets row_version + 1 and changed_by (store/tracking.py)
_SET = {column: (update(AssessmentAnswer).where(*_ANSWER_ROW).values({column: bindparam(column),
                                                                        "updated_at": bindparam("now")})
                 .returning(AssessmentAnswer.row_version))
        for column in ("value", "note")}
_SET_AT = {column: statement.where(_AT_VERSION) for column, statement in _SET.items()}
_STORED = select(AssessmentAnswer.id, AssessmentAnswer.value, AssessmentAnswer.note, AssessmentAnswer.row_version,
                 AssessmentAnswer.changed_by, AssessmentAnswer.updated_at).where(*_ANSWER_ROW)
_INSERT_ANSWER = insert(AssessmentAnswer).values(
    id=bindparam("id"), assessment_id=bindparam("aid"), item_key=bindparam("key"), value=bindparam("value"),
    note=bindparam("note"), created_at=bindparam("now"), updated_at=bindparam("now"))
# the assessment's "last changed" time only: not an edit of the assessment, no new row version
_TOUCH = (update(Assessment).where(Assessment.id == bindparam("aid")).values(updated_at=bindparam("now"))
          .execution_options(**{tracking.KEEP_VERSION: True}))
STATUSES = rules.ASSESSMENT_STATUS.values
FILTERS = ("active", "draft", "completed", "archived", "all")
MAX_TITLE = rules.TITLE
_ROUND_SUFFIX = re.compile(r"\s+[–-]\s+round\s+\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class SaveAck:
    """Returned once an answer or note is committed: what the UI may now show as saved."""

    assessment_id: str
    item_key: str
    saved_at: datetime
    #: the answer's version now: the next save of this answer passes it as ``expected``
    row_version: int = 0


@dataclass(frozen=True)
class VersionMove:
    version: int
    carried: int  # answers that fit the new version
    kept: tuple[KeptAnswer, ...]  # answers kept but not shown (item removed or changed type)


def _clean(text: str, what: str, limit: int = MAX_TITLE, *, required: bool = False) -> str:
    cleaned = " ".join(text.split())
    if required and not cleaned:
        raise ValidationError(_("An assessment needs a {what}.").format(what=_(what)))
    if len(cleaned) > limit:
        raise ValidationError(_("The {what} can be at most {limit} characters long.").format(what=_(what), limit=limit))
    return cleaned


def _date(text: str) -> str:
    if not text:
        return ""
    try:
        day = _dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(_("{text!r} is not a date; write it as YYYY-MM-DD.").format(text=text)) from None
    try:
        return rules.check_date(day).isoformat()
    except ValueError as exc:  # outside the years the app accepts
        raise ValidationError(sentence(exc)) from None


class ChecklistService:
    def __init__(self, store: Store, library: LibraryService) -> None:
        self.store = store
        self.library = library
        self.templates = TemplateService(store, library)
        self._items: dict[tuple[str, int], tuple[ChecklistTemplate, dict[str, ChecklistItem]]] = {}

    # --- assessments -------------------------------------------------------------------------------

    def create(self, template_id: str, title: str, *, subject: str = "", region_id: str | None = None,
               assessor: str = "", assessed_on: str = "", version: int | None = None,
               assessment_id: str | None = None) -> AssessmentSummary:
        """Start an assessment on the template's current version (or ``version``), pinned to it."""
        template = self.templates.template(template_id, version)
        title = _clean(title, N_("title"), required=True)
        with self.store.db.unit_of_work() as session:
            subject = self._subject(session, region_id, subject)
            row = Assessment(title=title, template_id=template.id, template_version=template.version,
                             region_id=region_id, subject=subject, assessor=_clean(assessor, N_("assessor"), 200),
                             assessed_on=_date(assessed_on), round=1, status="draft")
            if assessment_id is not None:
                row.id = assessment_id
            session.add(row)
            pinned.keep(session, [(template.id, template.version)])
            session.flush()
            return self._summary(row, template, 0)

    def list(self, query: str = "", *, status: str = "active", template_id: str | None = None,
             deleted: bool = False) -> list[AssessmentSummary]:
        """Assessments, most recently changed first. ``status``: active (not archived), draft, completed,
        archived or all; ``query`` matches title, region, assessor and template (diacritics ignored)."""
        if status not in FILTERS:
            raise ValidationError(_("Unknown filter {status!r}; use one of: {join}.")
                .format(status=status, join=', '.join(FILTERS)))
        with self.store.db.reading() as session:
            counts = dict(session.execute(
                select(AssessmentAnswer.assessment_id, func.count())
                .where(AssessmentAnswer.value.is_not(None))
                .group_by(AssessmentAnswer.assessment_id)).all())
            trash = Assessment.deleted_at.is_not(None) if deleted else Assessment.deleted_at.is_(None)
            where: list[ColumnElement[bool]] = [trash]
            if not deleted and status == "active":
                where.append(Assessment.archived_at.is_(None))
            elif not deleted and status == "archived":
                where.append(Assessment.archived_at.is_not(None))
            elif not deleted and status in STATUSES:
                where += [Assessment.status == status, Assessment.archived_at.is_(None)]
            if template_id is not None:
                where.append(Assessment.template_id == template_id)
            # Core rows through the connection (no ORM loading layer): 10,000 rows in a few tens of ms
            rows = session.connection().execute(select(*_SUMMARY_COLUMNS).where(*where)
                                                .order_by(Assessment.updated_at.desc())).all()
            pins: dict[tuple[str, int], tuple[str, int]] = {}
            result = []
            for (aid, title, template_id, version, region_id, subject, assessor, assessed_on, round_, status,
                 archived_at, updated_at, deleted_at, previous_id) in rows:
                pin = pins.get((template_id, version))
                if pin is None:
                    template = self._template_or_none(session, template_id, version)
                    pin = ((template.title, sum(len(s.items) for s in template.sections)) if template
                           else (f"{template_id} (missing)", 0))
                    pins[(template_id, version)] = pin
                answered = counts.get(aid, 0)
                result.append(AssessmentSummary(
                    aid, title, template_id, version, pin[0], subject, region_id, assessor, assessed_on, round_,
                    status, archived_at is not None, min(answered, pin[1]) if pin[1] else answered, pin[1],
                    updated_at, deleted_at, previous_id))
        wanted = fold(query).split()
        if wanted:
            result = [a for a in result
                      if all(w in fold(f"{a.title} {a.subject} {a.assessor} {a.template_title} {a.assessed_on}")
                             for w in wanted)]
        return result

    def summary(self, assessment_id: str) -> AssessmentSummary:
        return self.get(assessment_id).summary

    def get(self, assessment_id: str, language: str | None = None) -> AssessmentView:
        """The assessment with its pinned template, answers, scores and any answers kept aside.

        The template's texts come in ``language`` (default: the interface language; a printout passes its
        document language), English where not translated; answers are by item key in every language.
        """
        with self.store.db.reading() as session:
            row = self._row(session, assessment_id, include_deleted=True)
            answers = {a.item_key: a for a in session.execute(
                select(AssessmentAnswer.item_key, AssessmentAnswer.value, AssessmentAnswer.note,
                       AssessmentAnswer.updated_at, AssessmentAnswer.row_version, AssessmentAnswer.changed_by)
                .where(AssessmentAnswer.assessment_id == assessment_id))}
            template = self._pinned(session, row, language)
            items = {i.key: i for s in template.sections for i in s.items}
            shown: dict[str, Answer] = {}
            kept: list[KeptAnswer] = []
            for key, answer in answers.items():
                item = items.get(key)
                if item is None:
                    if scoring.is_answered(answer.value) or answer.note:
                        kept.append(KeptAnswer(key, answer.value, answer.note,
                                               _("the item is not in this version of the template")))
                    continue
                value = answer.value
                if value is not None and not scoring.fits(item, value):
                    kept.append(KeptAnswer(key, value, answer.note,
                                           _("the answer does not fit the item any more ({type})")
                                               .format(type=item.type)))
                    value = None
                shown[key] = Answer(value, answer.note, answer.updated_at, answer.row_version, answer.changed_by)
            values = {k: a.value for k, a in shown.items()}
            scores = scoring.score(template, values)
            answered = sum(1 for k, v in values.items() if k in items and scoring.is_answered(v))
            summary = self._summary(row, template, answered)
        newer = None
        try:
            current = self.templates.latest_version(template.id)
            newer = current if current > template.version else None
        except NotFoundError:
            pass
        return AssessmentView(summary, template, shown, scores, tuple(sorted(kept, key=lambda k: k.item_key)),
                              newer)

    # --- answering (autosave) ----------------------------------------------------------------------

    def set_answer(self, assessment_id: str, item_key: str, value: Any, *, expected: int | None = None) -> SaveAck:
        """Store one answer (None clears it) in its own committed transaction.

        ``expected``: the answer's ``row_version`` the editor showed (0: none stored); when the stored one
        differs, someone else changed this answer meanwhile: ChangedElsewhere, and nothing is saved. None
        saves without that check (the command line, a deliberate overwrite passes their version instead).
        """
        return self._write(assessment_id, item_key, "value", value, expected)

    def set_note(self, assessment_id: str, item_key: str, note: str, *, expected: int | None = None) -> SaveAck:
        if len(note) > scoring.MAX_NOTE:
            raise ValidationError(_("A note can be at most {MAX_NOTE:,} characters long.")
                .format(MAX_NOTE=scoring.MAX_NOTE))
        return self._write(assessment_id, item_key, "note", note, expected)

    def _write(self, assessment_id: str, item_key: str, column: str, value: Any, expected: int | None) -> SaveAck:
        # The autosave path: Core statements (no ORM unit of work), three statements in one transaction.
        with self.store.db.unit_of_work() as session:
            found = session.execute(_LOCK_STATE, {"aid": assessment_id}).first()
            if found is None:
                raise NotFoundError(_("There is no assessment with id {assessment_id!r}.")
                    .format(assessment_id=assessment_id))
            template_id, version, status, archived_at, title = found
            self._refuse_locked(title, status, archived_at)
            item = self._item_of(self._template_in(session, template_id, version), item_key)
            stored = scoring.check_answer(item, value) if column == "value" else value
            now = utcnow()
            keys = {"aid": assessment_id, "key": item_key, "now": now}
            if expected is None:
                row_version = session.execute(_SET[column], {**keys, column: stored}).scalar()
            else:
                row_version = session.execute(_SET_AT[column], {**keys, column: stored, "expected": expected}).scalar()
            if row_version is None:
                row_version = self._insert(session, keys, column, stored, expected)
            session.execute(_TOUCH, keys)
        return SaveAck(assessment_id, item_key, now, row_version)

    def _insert(self, session: Session, keys: dict[str, Any], column: str, stored: Any, expected: int | None) -> int:
        """The first save of an answer, or ChangedElsewhere when a stored one is not the version expected."""
        if expected is not None:
            self._refuse_changed(session, keys, expected)
        try:
            with session.begin_nested():  # another client may insert the same answer at the same moment
                session.execute(_INSERT_ANSWER, {
                    **keys, "id": new_id(), "value": stored if column == "value" else None,
                    "note": stored if column == "note" else ""})
        except IntegrityError:
            if expected is not None:
                self._refuse_changed(session, keys, expected)
            raise
        return 1

    @staticmethod
    def _refuse_changed(session: Session, keys: dict[str, Any], expected: int) -> None:
        here = session.execute(_STORED, keys).first()
        if here is not None and here.row_version != expected:
            raise ChangedElsewhere("answer", _("answer"), here.id, here.changed_by, here.updated_at,
                                   here.row_version, {"value": here.value, "note": here.note})

    # --- life cycle --------------------------------------------------------------------------------

    def complete(self, assessment_id: str) -> AssessmentView:
        """Mark as completed; refused (ValidationError naming them) while required items are unanswered."""
        view = self.get(assessment_id)
        if view.summary.deleted_at is not None:
            raise ValidationError(_("This assessment is in the trash; restore it first."))
        if view.scores.missing_required:
            numbers = item_numbers(view.template)
            texts = {i.key: i.text for s in view.template.sections for i in s.items}
            listed = "\n".join(f"  {numbers[k]} {texts[k]}" for k in view.scores.missing_required[:15])
            more = len(view.scores.missing_required) - 15
            raise ValidationError(
                ngettext("{count} required item is not answered yet:\n{listed}",
                         "{count} required items are not answered yet:\n{listed}",
                         len(view.scores.missing_required))
                    .format(count=len(view.scores.missing_required), listed=listed)
                + (_("\n  … and {more} more").format(more=more) if more > 0 else ""))
        with self.store.db.unit_of_work() as session:
            row = self._row(session, assessment_id)
            row.status, row.completed_at = "completed", utcnow()
        return self.get(assessment_id)

    def reopen(self, assessment_id: str) -> AssessmentSummary:
        with self.store.db.unit_of_work() as session:
            row = self._row(session, assessment_id)
            row.status, row.completed_at = "draft", None
            session.flush()
            return self._summary(row, self._template_or_none(session, row.template_id, row.template_version),
                                 self._answered(session, assessment_id))

    def next_round(self, assessment_id: str, *, copy_answers: bool = True, assessed_on: str | None = None,
                   new_id: str | None = None) -> AssessmentSummary:
        """A copy as the next round (round + 1), on the template's current version, as a draft.

        With ``copy_answers`` the answers and notes that fit the current version are carried over, so the
        next round starts from the last one and only changes need to be entered."""
        source = self.get(assessment_id)
        try:
            template = self.templates.template(source.template.id)
        except NotFoundError:
            template = source.template
        items = {i.key: i for s in template.sections for i in s.items}
        base = _ROUND_SUFFIX.sub("", source.summary.title)
        number = source.summary.round + 1
        today = _dt.date.today().isoformat() if assessed_on is None else _date(assessed_on)
        with self.store.db.unit_of_work() as session:
            row = Assessment(title=f"{base} – round {number}"[:MAX_TITLE], template_id=template.id,
                             template_version=template.version, region_id=source.summary.region_id,
                             subject=source.summary.subject, assessor=source.summary.assessor,
                             assessed_on=today, round=number, previous_id=source.id, status="draft")
            if new_id is not None:
                row.id = new_id
            session.add(row)
            pinned.keep(session, [(template.id, template.version)])
            session.flush()
            carried = 0
            if copy_answers:
                for key, answer in source.answers.items():
                    item = items.get(key)
                    if item is None:
                        continue
                    value = answer.value if answer.value is not None and scoring.fits(item, answer.value) else None
                    if value is None and not answer.note:
                        continue
                    session.add(AssessmentAnswer(assessment_id=row.id, item_key=key, value=value, note=answer.note))
                    carried += value is not None
            session.flush()
            return self._summary(row, template, carried)

    def move_to_version(self, assessment_id: str, version: int | None = None) -> VersionMove:
        """Pin the assessment to another version of its template (default: the current one).

        No answer is deleted: answers to items that left the template, or that no longer fit, are kept
        in the database and reported (``kept``); moving back shows them again."""
        view = self.get(assessment_id)
        if view.summary.status == "completed":
            raise ValidationError(_("This assessment is completed; reopen it before moving it to another version."))
        template = self.templates.template(view.template.id, version)
        with self.store.db.unit_of_work() as session:
            row = self._writable(session, assessment_id)
            row.template_version = template.version
            stored = list(session.scalars(select(AssessmentAnswer)
                                          .where(AssessmentAnswer.assessment_id == assessment_id)))
        items = {i.key: i for s in template.sections for i in s.items}
        kept: list[KeptAnswer] = []
        carried = 0
        for answer in stored:
            if not scoring.is_answered(answer.value) and not answer.note:
                continue
            item = items.get(answer.item_key)
            if item is None:
                kept.append(KeptAnswer(answer.item_key, answer.value, answer.note,
                                       _("the item is not in version {version}").format(version=template.version)))
            elif answer.value is not None and not scoring.fits(item, answer.value):
                kept.append(KeptAnswer(answer.item_key, answer.value, answer.note,
                                       _("the answer does not fit the changed item ({type})").format(type=item.type)))
            elif scoring.is_answered(answer.value):
                carried += 1
        return VersionMove(template.version, carried, tuple(kept))

    def archive(self, assessment_id: str, archived: bool = True) -> AssessmentSummary:
        with self.store.db.unit_of_work() as session:
            row = self._row(session, assessment_id)
            row.archived_at = utcnow() if archived else None
            session.flush()
            return self._summary(row, self._template_or_none(session, row.template_id, row.template_version),
                                 self._answered(session, assessment_id))

    def delete(self, assessment_id: str) -> None:
        """Move to the trash (``restore`` brings it back with every answer)."""
        with self.store.db.unit_of_work() as session:
            row = self._row(session, assessment_id)
            row.deleted_at = utcnow()

    def restore(self, assessment_id: str) -> None:
        with self.store.db.unit_of_work() as session:
            row = self._row(session, assessment_id, include_deleted=True)
            row.deleted_at = None

    # --- comparing ---------------------------------------------------------------------------------

    def compare(self, assessment_ids: Sequence[str], language: str | None = None) -> Comparison:
        """Two or more assessments of the same template side by side; differences against the first.

        Answers are compared by item key, whatever language each assessment was filled in; the texts
        shown are in ``language`` (default: the interface language).
        """
        ids = list(dict.fromkeys(assessment_ids))
        if len(ids) < 2:
            raise ValidationError(_("Choose at least two assessments to compare."))
        views = [self.get(i, language) for i in ids]
        template_ids = {v.template.id for v in views}
        if len(template_ids) > 1:
            titles = ", ".join(sorted({v.template.title for v in views}))
            raise ValidationError(_("Only assessments of the same checklist can be compared (these use: {titles}).")
                .format(titles=titles))
        template = max((v.template for v in views), key=lambda t: t.version)

        def row(key: str, title: str, values: list[float | None]) -> CompareRow:
            first = values[0]
            diffs = tuple(None if v is None or first is None else v - first for v in values)
            return CompareRow(key, title, tuple(values), diffs)

        sections = []
        for section in template.sections:
            values = []
            for view in views:
                found = view.scores.section(section.key)
                values.append(found.score if found else None)
            sections.append(row(section.key, section.title, values))
        total = row("", _("Total"), [v.scores.total for v in views])
        numbers = item_numbers(template)
        compared: list[CompareItem] = []
        for section in template.sections:
            for item in section.items:
                texts, scores = [], []
                for view in views:
                    value = view.value(item.key)
                    fits = value is not None and scoring.fits(item, value)
                    texts.append(scoring.answer_text(item, value) if fits else "")
                    scores.append(scoring.item_score(item, value) if fits else None)
                compared.append(CompareItem(section.key, numbers[item.key], item, tuple(texts), tuple(scores)))
        return Comparison(tuple(v.summary for v in views), template, tuple(sections), total, tuple(compared))

    # --- helpers -----------------------------------------------------------------------------------

    def _template_or_none(self, session: Session, template_id: str, version: int) -> ChecklistTemplate | None:
        try:
            return self.templates.lookup(session, template_id, version)
        except NotFoundError:
            return None

    def _pinned(self, session: Session, row: Assessment, language: str | None = None) -> ChecklistTemplate:
        try:
            return self.templates.lookup(session, row.template_id, row.template_version, language)
        except NotFoundError:
            raise NotFoundError(
                _("The assessment {title!r} uses checklist template {template_id!r} version {template_version}, "
                    "which is not available (was the content pack replaced?). Its answers are kept.")
                    .format(title=row.title, template_id=row.template_id,
                        template_version=row.template_version)) from None

    def _template_in(self, session: Session, template_id: str, version: int) -> ChecklistTemplate:
        try:
            return self.templates.lookup(session, template_id, version)
        except NotFoundError:
            raise NotFoundError(_("This assessment uses checklist template {template_id!r} version {version}, which "
                "is not available; its answers are kept.")
                .format(template_id=template_id, version=version)) from None

    def _item_of(self, template: ChecklistTemplate, item_key: str) -> ChecklistItem:
        cached = self._items.get((template.id, template.version))
        if cached is None or cached[0] is not template:  # the template cache hands out one object per version
            cached = (template, {i.key: i for s in template.sections for i in s.items})
            self._items[(template.id, template.version)] = cached
        item = cached[1].get(item_key)
        if item is None:
            raise NotFoundError(_("The checklist {title!r} (version {version}) has no item {item_key!r}.")
                .format(title=template.title, version=template.version, item_key=item_key))
        return item

    @staticmethod
    def _answered(session: Session, assessment_id: str) -> int:
        values = session.scalars(select(AssessmentAnswer.value)
                                 .where(AssessmentAnswer.assessment_id == assessment_id)).all()
        return sum(1 for v in values if scoring.is_answered(v))

    @staticmethod
    def _row(session: Session, assessment_id: str, *, include_deleted: bool = False) -> Assessment:
        row = session.get(Assessment, assessment_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFoundError(_("There is no assessment with id {assessment_id!r}.")
                .format(assessment_id=assessment_id))
        return row

    def _writable(self, session: Session, assessment_id: str) -> Assessment:
        row = self._row(session, assessment_id)
        self._refuse_locked(row.title, row.status, row.archived_at)
        return row

    @staticmethod
    def _refuse_locked(title: str, status: str, archived_at: datetime | None) -> None:
        if status == "completed":
            raise ValidationError(_("The assessment {title!r} is completed; reopen it to change answers.")
                .format(title=title))
        if archived_at is not None:
            raise ValidationError(_("The assessment {title!r} is archived; take it out of the archive to change "
                "answers.")
                .format(title=title))

    @staticmethod
    def _subject(session: Session, region_id: str | None, subject: str) -> str:
        if region_id is not None:
            region = session.get(Region, region_id)
            if region is None:
                raise NotFoundError(_("There is no region with id {region_id!r}.").format(region_id=region_id))
            return region.name
        return _clean(subject, N_("region or organisation"))

    @staticmethod
    def _summary(row: Any, template: ChecklistTemplate | None, answered: int) -> AssessmentSummary:
        """From an Assessment row or a row of _SUMMARY_COLUMNS (same attribute names)."""
        total = sum(len(s.items) for s in template.sections) if template else 0
        title = template.title if template else f"{row.template_id} (missing)"
        return AssessmentSummary(row.id, row.title, row.template_id, row.template_version, title, row.subject,
                                 row.region_id, row.assessor, row.assessed_on, row.round, row.status,
                                 row.archived_at is not None, min(answered, total) if total else answered,
                                 total, row.updated_at, row.deleted_at, row.previous_id)

