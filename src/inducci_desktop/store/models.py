"""SQLAlchemy models of the user's data. The schema itself is made only by the Alembic migrations.

No ``from __future__ import annotations`` here: with real annotation objects the declarative scan need not
evaluate ~470 annotation strings while the store opens at start-up (about 10 % of this module's import).
"""

import uuid
from datetime import UTC, datetime
from importlib import import_module
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
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
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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


#: the columns of a versioned record that belong to one database and never travel in a bundle (0012)
LOCAL_COLUMNS: frozenset[str] = frozenset({"row_version", "changed_by"})


class Versioned:
    """The version of a record that travels between data folders (set by triggers on every local write).

    ``vv`` maps data folder ids to that folder's clock at its latest edit this version includes;
    ``rev_by`` is the data folder that made this version. Two versions whose ``vv`` neither includes the
    other were edited on both sides since their common version: a conflict.
    """

    vv: Mapped[dict[str, int] | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    rev_by: Mapped[str | None] = mapped_column(String(36), default=None)
    #: the record's version in this database, one up with every write (migration 0012): the ORM checks and
    #: bumps it on every UPDATE (``version_id_col``), store/tracking.py on every bulk UPDATE; an editor that
    #: loaded another version learns that someone changed the record meanwhile (services/conflicts.py)
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: the name of who made this version (services/identity.py); "" where unknown
    changed_by: Mapped[str] = mapped_column(String(120), default="", server_default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


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


class TemplateVersionColumns:
    """The columns of one toolbox template version: id and version (the key), title, summary, section and the
    whole template as JSON (``ChecklistTemplateRow`` in the content, ``PinnedTemplate`` with the user data)."""

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str | None] = mapped_column(String(100), default=None)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class ChecklistTemplateRow(TemplateVersionColumns, Base):
    """Every version of a checklist template ever loaded (assessments pin a version), as JSON."""

    __tablename__ = "checklist_templates"

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


# --- The models of each feature, in their own modules -------------------------------------------------
# Declared on first use, by name: ``from inducci_desktop.store.models import Workshop`` imports
# store/models_workshops.py then. The window's start-up (library, settings, regions) so declares and configures
# only the mappers above; a page or command declares its own when it first needs them. ``load_all`` declares
# every model (Alembic's comparison of models and migrations, which needs the whole ``Base.metadata``).

FEATURE_MODELS: dict[str, tuple[str, ...]] = {
    "checklists": ("UserTemplateVersion", "PinnedTemplate", "Assessment", "AssessmentAnswer"),
    "workshops": ("Workshop", "WorkshopDay", "AgendaBlock", "Participant", "Attendance", "WorkshopOutcome",
                  "ActionItem", "FeedbackQuestion", "FeedbackResponse"),
    "pilots": ("Pilot", "PilotCriterion", "PilotLesson", "PilotVoice", "PilotPhoto"),
    "evidence": ("Topic", "Finding", "Interview", "InterviewAnswer", "Stakeholder"),
    "strategy": ("StrategyPaper", "PaperSection", "PaperBlock", "Priority", "Measure", "ReviewComment",
                 "Recommendation", "RecommendationTopic", "RecommendationItem"),
    "exchange": ("DataFolder", "ExchangePeer", "ExchangeConflict"),
}
_MODULE_OF = {name: feature for feature, names in FEATURE_MODELS.items() for name in names}

if TYPE_CHECKING:
    from inducci_desktop.store.models_checklists import Assessment as Assessment
    from inducci_desktop.store.models_checklists import AssessmentAnswer as AssessmentAnswer
    from inducci_desktop.store.models_checklists import PinnedTemplate as PinnedTemplate
    from inducci_desktop.store.models_checklists import UserTemplateVersion as UserTemplateVersion
    from inducci_desktop.store.models_evidence import Finding as Finding
    from inducci_desktop.store.models_evidence import Interview as Interview
    from inducci_desktop.store.models_evidence import InterviewAnswer as InterviewAnswer
    from inducci_desktop.store.models_evidence import Stakeholder as Stakeholder
    from inducci_desktop.store.models_evidence import Topic as Topic
    from inducci_desktop.store.models_exchange import DataFolder as DataFolder
    from inducci_desktop.store.models_exchange import ExchangeConflict as ExchangeConflict
    from inducci_desktop.store.models_exchange import ExchangePeer as ExchangePeer
    from inducci_desktop.store.models_pilots import Pilot as Pilot
    from inducci_desktop.store.models_pilots import PilotCriterion as PilotCriterion
    from inducci_desktop.store.models_pilots import PilotLesson as PilotLesson
    from inducci_desktop.store.models_pilots import PilotPhoto as PilotPhoto
    from inducci_desktop.store.models_pilots import PilotVoice as PilotVoice
    from inducci_desktop.store.models_strategy import Measure as Measure
    from inducci_desktop.store.models_strategy import PaperBlock as PaperBlock
    from inducci_desktop.store.models_strategy import PaperSection as PaperSection
    from inducci_desktop.store.models_strategy import Priority as Priority
    from inducci_desktop.store.models_strategy import Recommendation as Recommendation
    from inducci_desktop.store.models_strategy import RecommendationItem as RecommendationItem
    from inducci_desktop.store.models_strategy import RecommendationTopic as RecommendationTopic
    from inducci_desktop.store.models_strategy import ReviewComment as ReviewComment
    from inducci_desktop.store.models_strategy import StrategyPaper as StrategyPaper
    from inducci_desktop.store.models_workshops import ActionItem as ActionItem
    from inducci_desktop.store.models_workshops import AgendaBlock as AgendaBlock
    from inducci_desktop.store.models_workshops import Attendance as Attendance
    from inducci_desktop.store.models_workshops import FeedbackQuestion as FeedbackQuestion
    from inducci_desktop.store.models_workshops import FeedbackResponse as FeedbackResponse
    from inducci_desktop.store.models_workshops import Participant as Participant
    from inducci_desktop.store.models_workshops import Workshop as Workshop
    from inducci_desktop.store.models_workshops import WorkshopDay as WorkshopDay
    from inducci_desktop.store.models_workshops import WorkshopOutcome as WorkshopOutcome


def __getattr__(name: str) -> Any:
    feature = _MODULE_OF.get(name)
    if feature is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"inducci_desktop.store.models_{feature}"), name)


def load_all() -> None:
    """Declare the models of every feature (``Base.metadata`` then holds every table)."""
    for feature in FEATURE_MODELS:
        import_module(f"inducci_desktop.store.models_{feature}")


#: the toolbox content's tables (derived from the shipped pack, read-only for the user): with the user data on
#: a server they live in the per-machine SQLite cache (store/server.py) and sessions bind these mappers to it
CONTENT_MODELS: tuple[type[Base], ...] = (
    ContentPackRow, ContentSectionRow, ContentItemRow, GlossaryTermRow, LinkRow, ChecklistTemplateRow,
    ChecklistTemplateTextRow, SearchDocRow,
)
