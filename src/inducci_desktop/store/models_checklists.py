"""SQLAlchemy models of the user's own checklist templates, assessments and their answers.

Declared when first used (``store.models`` hands them out by name), not while the window starts. As in
store/models.py, no ``from __future__ import annotations``: the declarative scan reads real annotations.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from inducci_desktop.store import checks
from inducci_desktop.store.models import Base, Record, TemplateVersionColumns, UTCDateTime, Versioned

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


class PinnedTemplate(TemplateVersionColumns, Base):
    """A toolbox template version that an assessment pins, kept with the user data (migration 0013).

    The toolbox's own table (``checklist_templates``) is content: on a server it lives in each machine's
    cache, which holds only what that machine's pack and imports gave it. Every pinned version is also kept
    here, so every client of a shared database opens every assessment on the items it was answered on.
    Written once per (id, version) and never changed (a version's content does not change); not exchanged on
    its own (bundles carry the templates their assessments pin).
    """

    __tablename__ = "checklist_pinned_templates"


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
