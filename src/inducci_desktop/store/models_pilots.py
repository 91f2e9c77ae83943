"""SQLAlchemy models of pilot actions: criteria, lessons, voices, photos.

Declared when first used (``store.models`` hands them out by name), not while the window starts. As in
store/models.py, no ``from __future__ import annotations``: the declarative scan reads real annotations.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from inducci_desktop.store import checks
from inducci_desktop.store.models import Base, Record, UTCDateTime, Versioned

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
