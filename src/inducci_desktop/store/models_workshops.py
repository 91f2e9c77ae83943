"""SQLAlchemy models of workshops: days, agenda blocks, participants, attendance, outcomes, actions, feedback.

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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from inducci_desktop.store import checks
from inducci_desktop.store.models import Base, Record, UTCDateTime, Versioned

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
