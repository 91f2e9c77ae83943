"""SQLAlchemy models of evidence: topics, findings, interviews and their answers, the people consulted.

Declared when first used (``store.models`` hands them out by name), not while the window starts. As in
store/models.py, no ``from __future__ import annotations``: the declarative scan reads real annotations.
"""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from inducci_desktop.store import checks
from inducci_desktop.store.models import Base, Record, UTCDateTime, Versioned

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
