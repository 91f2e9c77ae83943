"""SQLAlchemy models of strategy papers (sections, blocks, priorities, measures, review comments) and recommendations.

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
