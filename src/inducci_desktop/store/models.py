"""SQLAlchemy models of the user's data. The schema itself is made only by the Alembic migrations.

No ``from __future__ import annotations`` here: with real annotation objects the declarative scan need not
evaluate ~470 annotation strings while the store opens at start-up (about 10 % of this module's import).
"""

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from inducci_desktop.store import checks

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as UTC and always handed back timezone-aware (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record:
    """Columns every user record has, so records can travel between machines and merge by id."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class Versioned:
    """The version of a record that travels between data folders (set by triggers on every local write).

    ``vv`` maps data folder ids to that folder's clock at its latest edit this version includes;
    ``rev_by`` is the data folder that made this version. Two versions whose ``vv`` neither includes the
    other were edited on both sides since their common version: a conflict.
    """

    vv: Mapped[dict[str, int] | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    rev_by: Mapped[str | None] = mapped_column(String(36), default=None)


class Region(Record, Versioned, Base):
    """A region or organisation the user works for or about."""

    __tablename__ = "regions"
    __table_args__ = checks.REGIONS

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="region")  # region | organisation
    country: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"), default=None)


class Setting(Base):
    """One user setting: a key and a JSON value."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


# --- Toolbox content (rebuilt from the content pack; never holds user data) -------------------------


class ContentPackRow(Base):
    """A content pack loaded now, one row per language (English and each translation beside it)."""

    __tablename__ = "content_pack"

    language: Mapped[str] = mapped_column(String(20), primary_key=True)
    pack_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(200))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class _InLanguage:
    """Every content row exists once per language: ``language`` is the reader's language, ``text_language``
    the language of the text (English where the translation lacks the item), ``translation`` its metadata
    (``{language, translated_by, reviewed}``; None for English)."""

    language: Mapped[str] = mapped_column(String(20), primary_key=True)
    text_language: Mapped[str] = mapped_column(String(20))
    translation: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class ContentSectionRow(_InLanguage, Base):
    __tablename__ = "content_sections"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(String(100), default=None)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")


class ContentItemRow(_InLanguage, Base):
    """A guide, case profile, format card or interview guide of the loaded pack, in one language."""

    __tablename__ = "content_items"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    section: Mapped[str] = mapped_column(String(100), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSON)
    sources: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    related: Mapped[list[str]] = mapped_column(JSON)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    path: Mapped[str] = mapped_column(String(300), default="")


class GlossaryTermRow(_InLanguage, Base):
    __tablename__ = "content_glossary"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    term: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str] = mapped_column(Text)
    see: Mapped[list[str]] = mapped_column(JSON)
    sources: Mapped[list[dict[str, str]]] = mapped_column(JSON)


class LinkRow(_InLanguage, Base):
    __tablename__ = "content_links"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str | None] = mapped_column(String(100), default=None)


class ChecklistTemplateRow(Base):
    """Every version of a checklist template ever loaded (assessments pin a version), as JSON."""

    __tablename__ = "checklist_templates"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str | None] = mapped_column(String(100), default=None)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    in_pack: Mapped[bool] = mapped_column(Boolean, default=True)  # part of the pack loaded now
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ChecklistTemplateTextRow(Base):
    """A toolbox template's texts in another language, for one version: same keys as the English data."""

    __tablename__ = "checklist_template_texts"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    language: Mapped[str] = mapped_column(String(20), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SearchDocRow(Base):
    """One searchable thing; ``docid`` is the rowid of its row in the FTS5 table ``content_fts``.

    The original (unfolded) texts are kept here for snippets and highlighting.
    """

    __tablename__ = "content_search_docs"

    __table_args__ = (UniqueConstraint("language", "item_id", name="uq_content_search_docs_language"),)

    docid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    language: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text)
    body_text: Mapped[str] = mapped_column(Text)


# --- The user's own marks on content: refer to items by id (slug), never by foreign key --------------


class Bookmark(Record, Base):
    __tablename__ = "bookmarks"

    item_id: Mapped[str] = mapped_column(String(100), unique=True)


class Note(Record, Base):
    """A personal note on a toolbox item; emptied notes go to the trash (deleted_at) and can come back."""

    __tablename__ = "notes"

    item_id: Mapped[str] = mapped_column(String(100), unique=True)
    text: Mapped[str] = mapped_column(Text, default="")


# --- Checklists: the user's own templates, assessments and their answers ------------------------------


class UserTemplateVersion(Record, Versioned, Base):
    """One version of a checklist template the user made or imported (the whole template as JSON).

    Templates are referred to by ``template_id`` (a slug); assessments pin (template_id, version).
    Deleting a template moves all its versions to the trash.
    """

    __tablename__ = "checklist_user_templates"
    __table_args__ = (UniqueConstraint("template_id", "version", name="uq_checklist_user_templates_version"),
                      *checks.USER_TEMPLATES)

    template_id: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class Assessment(Record, Versioned, Base):
    """One filling of a checklist template for a region or organisation (one round)."""

    __tablename__ = "assessments"
    __table_args__ = checks.ASSESSMENTS

    title: Mapped[str] = mapped_column(String(300))
    template_id: Mapped[str] = mapped_column(String(100), index=True)
    template_version: Mapped[int] = mapped_column(Integer)
    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"), default=None)
    subject: Mapped[str] = mapped_column(String(300), default="")  # region/organisation name as written
    assessor: Mapped[str] = mapped_column(String(200), default="")
    assessed_on: Mapped[str] = mapped_column(String(10), default="")  # ISO date YYYY-MM-DD
    round: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[str | None] = mapped_column(String(36), default=None)  # the round it continues
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | completed
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class AssessmentAnswer(Record, Versioned, Base):
    """The answer (JSON value) and note of one item of an assessment, keyed by the item's stable key."""

    __tablename__ = "assessment_answers"
    __table_args__ = (UniqueConstraint("assessment_id", "item_key", name="uq_assessment_answers_item"), *checks.ANSWERS)

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    item_key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)  # None: not answered
    note: Mapped[str] = mapped_column(Text, default="")


# --- Workshops: trainings planned, run and recorded by the user ---------------------------------------


class Workshop(Record, Versioned, Base):
    """A CCI competency training: details, status; days, agenda, people and results hang off it."""

    __tablename__ = "workshops"
    __table_args__ = checks.WORKSHOPS

    title: Mapped[str] = mapped_column(String(300))
    venue: Mapped[str] = mapped_column(String(300), default="")
    mode: Mapped[str] = mapped_column(String(20), default="in_person")  # in_person | online | hybrid
    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"), default=None)
    organisation: Mapped[str] = mapped_column(String(300), default="")
    trainers: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(Text, default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned | held | evaluated
    copied_from: Mapped[str | None] = mapped_column(String(36), default=None)
    place: Mapped[str] = mapped_column(String(200), default="", server_default="")  # the town, for certificates
    # what certificates print when the trainer sets it; empty: taken from the workshop's days
    certificate_date: Mapped[date | None] = mapped_column(Date, default=None)
    certificate_minutes: Mapped[int | None] = mapped_column(Integer, default=None)


class WorkshopDay(Record, Versioned, Base):
    """One day (or session) of a workshop: a date and the planned start and end (minutes since midnight)."""

    __tablename__ = "workshop_days"
    __table_args__ = checks.DAYS

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    start_minutes: Mapped[int] = mapped_column(Integer)
    end_minutes: Mapped[int] = mapped_column(Integer)


class AgendaBlock(Record, Versioned, Base):
    """A block of a day's agenda: a format from the toolbox or free text, or a break."""

    __tablename__ = "workshop_blocks"
    __table_args__ = checks.BLOCKS

    day_id: Mapped[str] = mapped_column(ForeignKey("workshop_days.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="session")  # session | break
    title: Mapped[str] = mapped_column(String(300))
    format_id: Mapped[str | None] = mapped_column(String(100), default=None)  # a toolbox item id, no FK
    duration_minutes: Mapped[int] = mapped_column(Integer)
    responsible: Mapped[str] = mapped_column(String(300), default="")
    materials: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Participant(Record, Versioned, Base):
    """A person registered for a workshop. Erasure on request blanks every personal field and sets
    ``erased_at``; the row stays (without personal data) so that attendance counts stay right."""

    __tablename__ = "workshop_participants"
    __table_args__ = checks.PARTICIPANTS

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date, default=None)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)  # imported without personal data


class Attendance(Record, Versioned, Base):
    __tablename__ = "workshop_attendance"
    __table_args__ = (UniqueConstraint("participant_id", "day_id", name="uq_workshop_attendance_person_day"),)

    participant_id: Mapped[str] = mapped_column(ForeignKey("workshop_participants.id", ondelete="CASCADE"),
                                                index=True)
    day_id: Mapped[str] = mapped_column(ForeignKey("workshop_days.id", ondelete="CASCADE"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)


class WorkshopOutcome(Record, Versioned, Base):
    """Something the group found: a need, an interface between administration and CCI, an idea, a decision."""

    __tablename__ = "workshop_outcomes"
    __table_args__ = checks.OUTCOMES

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # need | interface | idea | decision
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ActionItem(Record, Versioned, Base):
    __tablename__ = "workshop_actions"
    __table_args__ = checks.ACTIONS

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | in_progress | done


class FeedbackQuestion(Record, Versioned, Base):
    __tablename__ = "workshop_questions"
    __table_args__ = checks.QUESTIONS

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # rating | choice | text
    text: Mapped[str] = mapped_column(Text)


class FeedbackResponse(Record, Versioned, Base):
    """One returned feedback form (anonymous): answers keyed by question id."""

    __tablename__ = "workshop_responses"
    __table_args__ = checks.RESPONSES

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(20), default="paper")  # paper | screen


# --- Pilot actions: a region's own pilots, documented as the toolbox's documentation guide asks -------


class Pilot(Record, Versioned, Base):
    """A region's own pilot action. Short lists (partners, steps, participants by type, linked workshops) are
    JSON lists; criteria, lessons, voices and photos are rows of their own (they have ids others refer to)."""

    __tablename__ = "pilots"
    __table_args__ = checks.PILOTS

    title: Mapped[str] = mapped_column(String(300))
    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"), default=None)
    format_id: Mapped[str | None] = mapped_column(String(100), default=None)  # a toolbox format id, no FK
    status: Mapped[str] = mapped_column(String(20), default="idea")
    repeat: Mapped[str] = mapped_column(String(20), default="undecided")
    repeat_note: Mapped[str] = mapped_column(Text, default="")
    partners: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"name", "role"}]
    start_date: Mapped[date | None] = mapped_column(Date, default=None)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    places: Mapped[str] = mapped_column(Text, default="")
    challenge: Mapped[str] = mapped_column(Text, default="")
    target_groups: Mapped[str] = mapped_column(Text, default="")
    budget_planned: Mapped[int | None] = mapped_column(Integer, default=None)
    budget_spent: Mapped[int | None] = mapped_column(Integer, default=None)
    currency: Mapped[str] = mapped_column(String(20), default="EUR")
    steps: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"title", "status"}]
    participants: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"type", "count"}]
    changes: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    outputs: Mapped[str] = mapped_column(Text, default="")
    assessment_id: Mapped[str | None] = mapped_column(String(36), default=None)  # the planning checklist, no FK
    workshop_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class PilotCriterion(Record, Versioned, Base):
    __tablename__ = "pilot_criteria"
    __table_args__ = checks.CRITERIA

    pilot_id: Mapped[str] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    baseline: Mapped[str] = mapped_column(String(200), default="")
    target: Mapped[str] = mapped_column(String(200), default="")
    achieved: Mapped[str] = mapped_column(String(200), default="")


class PilotLesson(Record, Versioned, Base):
    __tablename__ = "pilot_lessons"
    __table_args__ = checks.LESSONS

    pilot_id: Mapped[str] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    audience: Mapped[str] = mapped_column(String(20), default="setting")  # industry | creatives | setting
    text: Mapped[str] = mapped_column(Text)


class PilotVoice(Record, Versioned, Base):
    """A statement as the speaker made it; printed and sent only while ``consent`` holds."""

    __tablename__ = "pilot_voices"
    __table_args__ = checks.VOICES

    pilot_id: Mapped[str] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str] = mapped_column(String(200), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date, default=None)


class PilotPhoto(Record, Versioned, Base):
    """A photo: a scaled copy in the data folder (``file``, named by its content) with caption and consent."""

    __tablename__ = "pilot_photos"
    __table_args__ = checks.PHOTOS

    pilot_id: Mapped[str] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    file: Mapped[str] = mapped_column(String(100))
    caption: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(String(200), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
# --- Evidence: findings and their topics, interviews, the people consulted ------------------------------


class Topic(Record, Versioned, Base):
    """A topic findings are tagged with; one shared list the user can extend."""

    __tablename__ = "evidence_topics"
    __table_args__ = checks.TOPICS

    name: Mapped[str] = mapped_column(String(80), unique=True)


class Finding(Record, Versioned, Base):
    """A short statement a strategy can rest on, with its source kept as a live link.

    ``source_kind`` + ``source_ref`` name the record (``answer``: "assessment id/item key", ``section``:
    "assessment id/section key", ``interview``: "interview id/question key", others: the record's id;
    ``note``: none, the ``citation`` says where it comes from). ``source_title`` is what the source was
    called when the finding was made, so the register can name a source that went to the trash.
    """

    __tablename__ = "evidence_findings"
    __table_args__ = checks.FINDINGS

    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id", ondelete="RESTRICT"), index=True)
    statement: Mapped[str] = mapped_column(Text)
    source_kind: Mapped[str] = mapped_column(String(20), default="note")
    source_ref: Mapped[str] = mapped_column(String(200), default="")
    source_title: Mapped[str] = mapped_column(String(300), default="")
    citation: Mapped[str] = mapped_column(String(300), default="")
    observed_on: Mapped[date] = mapped_column(Date)
    strength: Mapped[str] = mapped_column(String(20), default="moderate")
    topic_ids: Mapped[list[str]] = mapped_column(JSON, default=list)


class Interview(Record, Versioned, Base):
    """An interview held with one of the toolbox's interview guides. The interviewee is recorded by role and
    organisation; a name only with their consent. Erasure on request blanks the person and every answer."""

    __tablename__ = "interviews"
    __table_args__ = checks.INTERVIEWS

    guide_id: Mapped[str] = mapped_column(String(100))
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id", ondelete="RESTRICT"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    interviewer: Mapped[str] = mapped_column(String(200), default="")
    interviewee_role: Mapped[str] = mapped_column(String(200), default="")
    interviewee_organisation: Mapped[str] = mapped_column(String(200), default="")
    interviewee_name: Mapped[str] = mapped_column(String(200), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)  # to the interview and its notes
    name_consent: Mapped[bool] = mapped_column(Boolean, default=False)  # to being named
    notes: Mapped[str] = mapped_column(Text, default="")
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class InterviewAnswer(Record, Versioned, Base):
    __tablename__ = "interview_answers"
    __table_args__ = (UniqueConstraint("interview_id", "question_key", name="uq_interview_answers_question"),
                      *checks.INTERVIEW_ANSWERS)

    interview_id: Mapped[str] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    question_key: Mapped[str] = mapped_column(String(100))
    answer: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Stakeholder(Record, Versioned, Base):
    """A person or organisation consulted, with consent and the activities they took part in
    (``activities``: a list of {"kind", "ref", "label"}). Erasure on request blanks the person."""

    __tablename__ = "stakeholders"
    __table_args__ = checks.STAKEHOLDERS

    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id", ondelete="SET NULL"), index=True,
                                                  default=None)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    name: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date, default=None)
    activities: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


# --- Strategy: regional papers (sections, evidence blocks, priorities, measures, review) and the transnational
# recommendation built from them ---------------------------------------------------------------------------


class StrategyPaper(Record, Versioned, Base):
    """One version of a region's strategy paper. The versions of one paper share ``lineage_id`` (the id of
    its first version); a frozen version (``frozen_at``) is fixed: its blocks hold the values taken then."""

    __tablename__ = "strategy_papers"
    __table_args__ = (UniqueConstraint("lineage_id", "version", name="uq_strategy_papers_lineage_id"),
                      *checks.PAPERS)

    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id", ondelete="RESTRICT"), index=True)
    lineage_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    adopted_by: Mapped[str] = mapped_column(String(200), default="")
    adopted_on: Mapped[date | None] = mapped_column(Date, default=None)
    frozen_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class PaperSection(Record, Versioned, Base):
    """A section of a paper: ``outline_key`` names the guide's section it started as ("" for one added)."""

    __tablename__ = "strategy_sections"
    __table_args__ = checks.SECTIONS

    paper_id: Mapped[str] = mapped_column(ForeignKey("strategy_papers.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    outline_key: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")


class PaperBlock(Record, Versioned, Base):
    """A live evidence block in a section: ``kind`` names a block kind of the registry, ``params`` what it
    shows; ``frozen`` holds the value taken on ``taken_on`` once the paper is frozen."""

    __tablename__ = "strategy_blocks"
    __table_args__ = checks.PAPER_BLOCKS

    section_id: Mapped[str] = mapped_column(ForeignKey("strategy_sections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(40))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    frozen: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    taken_on: Mapped[date | None] = mapped_column(Date, default=None)


class Priority(Record, Versioned, Base):
    __tablename__ = "strategy_priorities"
    __table_args__ = checks.PRIORITIES

    paper_id: Mapped[str] = mapped_column(ForeignKey("strategy_papers.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class Measure(Record, Versioned, Base):
    """A measure under a priority: what, who, by when, resources and funding, one or two indicators
    (``indicators``: [{"name", "baseline", "target"}]), the findings that support it (ids of the register)
    and its topics (the shared topic list). ``assumption``: marked as resting on no finding, knowingly."""

    __tablename__ = "strategy_measures"
    __table_args__ = checks.MEASURES

    priority_id: Mapped[str] = mapped_column(ForeignKey("strategy_priorities.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date, default=None)
    resources: Mapped[str] = mapped_column(Text, default="")
    funding: Mapped[str] = mapped_column(String(200), default="")
    indicators: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    finding_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    topic_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    assumption: Mapped[bool] = mapped_column(Boolean, default=False)


class ReviewComment(Record, Versioned, Base):
    """A peer-review comment on a section (typed here or imported from a partner's bundle)."""

    __tablename__ = "strategy_comments"
    __table_args__ = checks.REVIEW_COMMENTS

    section_id: Mapped[str] = mapped_column(ForeignKey("strategy_sections.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Recommendation(Record, Versioned, Base):
    """A transnational recommendation built from the papers (``paper_ids``) of two or more regions."""

    __tablename__ = "recommendations"
    __table_args__ = checks.RECOMMENDATIONS

    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    paper_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    intro: Mapped[str] = mapped_column(Text, default="")


class RecommendationTopic(Record, Versioned, Base):
    """A topic of the matrix: "common?" set by hand (``common``; None: computed) and the EU-level fields;
    ``examples``: [{"paper_id", "kind": measure | finding, "ref"}]."""

    __tablename__ = "recommendation_topics"
    __table_args__ = (UniqueConstraint("recommendation_id", "topic_id", name="uq_recommendation_topics_topic"),
                      *checks.RECOMMENDATION_TOPICS)

    recommendation_id: Mapped[str] = mapped_column(ForeignKey("recommendations.id", ondelete="CASCADE"),
                                                   index=True)
    topic_id: Mapped[str] = mapped_column(String(36))
    common: Mapped[str | None] = mapped_column(String(10), default=None)
    policy: Mapped[str] = mapped_column(Text, default="")
    gap: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(20), default="eu")
    actor: Mapped[str] = mapped_column(String(200), default="")
    examples: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)


class RecommendationItem(Record, Versioned, Base):
    """One recommendation: a sentence (``title``), addressed to a level and actor, with its reasoning and
    examples from at least two regions' papers."""

    __tablename__ = "recommendation_items"
    __table_args__ = checks.RECOMMENDATION_ITEMS

    recommendation_id: Mapped[str] = mapped_column(ForeignKey("recommendations.id", ondelete="CASCADE"),
                                                   index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    topic_id: Mapped[str] = mapped_column(String(36), default="")
    title: Mapped[str] = mapped_column(String(300))
    reasoning: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(20), default="eu")
    actor: Mapped[str] = mapped_column(String(200), default="")
    examples: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)


# --- Exchange: this data folder's identity, the peers it imported from, conflicts left to the user -------


class DataFolder(Base):
    """This data folder (one row, made by migration 0007): its stable id and the clock of its edits."""

    __tablename__ = "data_folder"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    clock: Mapped[int] = mapped_column(Integer)
    importing: Mapped[int] = mapped_column(Integer, default=0)  # 1 while an import writes its own versions
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ExchangePeer(Base):
    """The newest bundle imported from another data folder (an older one would replay old versions)."""

    __tablename__ = "exchange_peers"

    folder_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    clock: Mapped[int] = mapped_column(Integer)
    bundle_created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ExchangeConflict(Base):
    """A record edited on both sides since the common version: both versions kept until the user chooses.

    ``mine`` and ``theirs`` are whole records as in a bundle (``vv`` and ``rev_by`` included); the version
    not chosen stays here, so it can be restored later.
    """

    __tablename__ = "exchange_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    title: Mapped[str] = mapped_column(String(300))
    mine: Mapped[dict[str, Any]] = mapped_column(JSON)
    theirs: Mapped[dict[str, Any]] = mapped_column(JSON)
    fields: Mapped[list[str]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    resolution: Mapped[str | None] = mapped_column(String(20), default=None)  # mine | theirs | both


#: the toolbox content's tables (derived from the shipped pack, read-only for the user): with the user data on
#: a server they live in the per-machine SQLite cache (store/server.py) and sessions bind these mappers to it
CONTENT_MODELS: tuple[type[Base], ...] = (
    ContentPackRow, ContentSectionRow, ContentItemRow, GlossaryTermRow, LinkRow, ChecklistTemplateRow,
    ChecklistTemplateTextRow, SearchDocRow,
)
