"""Recording what a unit of work changed, from the session itself, so no write can forget to report.

ORM flushes give kinds and ids; bulk ORM statements (``update(Model)``, ``delete(Model)``, ``insert``)
give the kind with unknown ids; code that writes through the driver directly calls ``note``.

Who made a write is stamped here too: every record an ORM flush adds or changes gets ``changed_by`` (the
name the unit of work was opened with, ``who``), and every bulk ORM ``update(Model)`` of a versioned record
also sets ``row_version = row_version + 1`` (the ORM bumps it itself on a flush: ``version_id_col``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from inducci_desktop.domain.changes import ChangeRecorder, Kind
from inducci_desktop.store.models import Versioned

KIND_BY_TABLE: dict[str, Kind] = {
    "regions": Kind.REGION,
    "settings": Kind.SETTING,
    "content_pack": Kind.CONTENT,
    "content_sections": Kind.CONTENT,
    "content_items": Kind.CONTENT,
    "content_glossary": Kind.CONTENT,
    "content_links": Kind.CONTENT,
    "content_search_docs": Kind.CONTENT,
    "checklist_template_texts": Kind.TEMPLATE,
    "checklist_templates": Kind.TEMPLATE,
    "checklist_user_templates": Kind.TEMPLATE,
    "bookmarks": Kind.BOOKMARK,
    "notes": Kind.NOTE,
    "assessments": Kind.ASSESSMENT,
    "assessment_answers": Kind.ANSWER,
    "workshops": Kind.WORKSHOP,
    "workshop_days": Kind.WORKSHOP_DAY,
    "workshop_blocks": Kind.AGENDA_BLOCK,
    "workshop_participants": Kind.PARTICIPANT,
    "workshop_attendance": Kind.ATTENDANCE,
    "workshop_outcomes": Kind.OUTCOME,
    "workshop_actions": Kind.ACTION,
    "workshop_questions": Kind.FEEDBACK_QUESTION,
    "workshop_responses": Kind.FEEDBACK_RESPONSE,
    "pilots": Kind.PILOT,
    "pilot_criteria": Kind.PILOT_CRITERION,
    "pilot_lessons": Kind.PILOT_LESSON,
    "pilot_voices": Kind.PILOT_VOICE,
    "pilot_photos": Kind.PILOT_PHOTO,
    "evidence_topics": Kind.TOPIC,
    "evidence_findings": Kind.FINDING,
    "interviews": Kind.INTERVIEW,
    "interview_answers": Kind.INTERVIEW_ANSWER,
    "stakeholders": Kind.STAKEHOLDER,
    "strategy_papers": Kind.PAPER,
    "strategy_sections": Kind.PAPER_SECTION,
    "strategy_blocks": Kind.PAPER_BLOCK,
    "strategy_priorities": Kind.PRIORITY,
    "strategy_measures": Kind.MEASURE,
    "strategy_comments": Kind.REVIEW_COMMENT,
    "recommendations": Kind.RECOMMENDATION,
    "recommendation_topics": Kind.RECOMMENDATION_TOPIC,
    "recommendation_items": Kind.RECOMMENDATION_ITEM,
}

_KEY = "changes"
_WHO = "who"
#: execution option of a bulk UPDATE that only touches bookkeeping (``updated_at``): no new row version
KEEP_VERSION = "keep_row_version"


def set_who(session: Session, name: str) -> None:
    """The name every write of this session records as ``changed_by``."""
    session.info[_WHO] = name


def who(session: Session) -> str:
    found = session.info.get(_WHO)
    return found if isinstance(found, str) else ""


def recorder(session: Session) -> ChangeRecorder | None:
    found = session.info.get(_KEY)
    return found if isinstance(found, ChangeRecorder) else None


def begin(session: Session) -> ChangeRecorder:
    made = ChangeRecorder()
    session.info[_KEY] = made
    return made


def note(session: Session, table: str, ids: Iterable[str] | None = None) -> None:
    """Record a write the session cannot see (rows written through the driver)."""
    found = recorder(session)
    kind = KIND_BY_TABLE.get(table)
    if found is None or kind is None:
        return
    if ids is None:
        found.add(kind)
    else:
        found.add_many(kind, (str(record_id) for record_id in ids))


def _record_id(obj: Any) -> str | None:
    for name in ("id", "key", "item_id"):
        value = getattr(obj, name, None)
        if isinstance(value, str):
            return value
    return None


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    found = recorder(session)
    if found is None:
        return
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        kind = KIND_BY_TABLE.get(table) if isinstance(table, str) else None
        if kind is not None and (obj not in session.dirty or session.is_modified(obj)):
            found.add(kind, _record_id(obj))


def _stamp(session: Session, _context: UOWTransaction, _instances: object) -> None:
    """Before a flush: who made every versioned record it adds or changes."""
    name = who(session)
    for obj in session.new:
        if isinstance(obj, Versioned):
            obj.changed_by = name
    for obj in session.dirty:
        if isinstance(obj, Versioned) and obj.changed_by != name and session.is_modified(obj):
            obj.changed_by = name


def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    table = getattr(mapper.local_table, "name", None) if mapper is not None else None
    if isinstance(table, str):
        note(state.session, table)
    model = mapper.class_ if mapper is not None else None
    # a statement with a list of parameter sets (bulk by primary key) keeps its values as given
    if (model is None or not issubclass(model, Versioned) or state.is_delete
            or isinstance(state.parameters, list | tuple)):
        return
    name = who(state.session)
    if state.is_insert:
        state.statement = state.statement.values(changed_by=name)  # type: ignore[attr-defined]
    elif not state.execution_options.get(KEEP_VERSION, False):
        state.statement = state.statement.values(  # type: ignore[attr-defined]
            row_version=model.row_version + 1, changed_by=name)


def track(sessions: sessionmaker[Session]) -> None:
    """Install the recording hooks on the sessions a sessionmaker makes."""
    event.listen(sessions, "before_flush", _stamp)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)
