"""SQLAlchemy models of exchange: this data folder's identity, the peers it imported from, conflicts left to the user.

Declared when first used (``store.models`` hands them out by name), not while the window starts. As in
store/models.py, no ``from __future__ import annotations``: the declarative scan reads real annotations.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from inducci_desktop.store.models import Base, UTCDateTime, new_id, utcnow

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
