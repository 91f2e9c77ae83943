"""Writing an import: the plan's rows (inserts then updates, kind by kind, parents first), conflicts, erasures.

Rows go to the driver as executemany with values converted by each column's own SQLAlchemy bind
processor (the same conversion an ORM or Core insert makes), without the per-row statement machinery:
50,000 answers are written in a fraction of a second instead of over a second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from inducci_desktop.services.exchange.merge import Planner, Writes, version_text
from inducci_desktop.services.exchange.rows import connection_for, larger_cache, mark, quote, to_driver, writers
from inducci_desktop.services.exchange.schema import KINDS
from inducci_desktop.services.exchange.versions import set_importing
from inducci_desktop.services.exchange.views import UPDATED
from inducci_desktop.store import tracking
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import (
    LOCAL_COLUMNS,
    ChecklistTemplateRow,
    DataFolder,
    ExchangeConflict,
    ExchangePeer,
    Participant,
    utcnow,
)


@dataclass(frozen=True)
class ReceivedErasure:
    """People an import erased here (bundle entries and this machine's other entries of the same person)."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    emails: tuple[str, ...]


def scrub_received(store: Store, received: ReceivedErasure) -> int:
    """After the import committed: the erasures it brought reach this machine's backups too (the same
    cleaning as an erasure made here). Returns the number of backups cleaned."""
    from inducci_desktop.services.workshops import erasure

    store.backups.remove_leftovers()
    erasure.wait_for_checkpoint(store, erasure.CHECKPOINT_WAIT_SECONDS)
    stamp = utcnow().astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    cleaned, _failed = store.backups.scrub(
        lambda conn: erasure.scrub_connection(conn, received.ids, received.names, received.emails, stamp))
    return len(cleaned)


def _version_text(vv: dict[str, int] | str | None) -> str | None:
    return vv if isinstance(vv, str) else version_text(vv)  # a row read here keeps its stored text


def _stamped(table: Table) -> bool:
    """Whether ``table`` has a row version and the name of who changed it (the versioned records)."""
    return "row_version" in table.c


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``; a versioned record starts at row version 1, made by the person importing."""
    columns = [c for c in rows[0] if c not in LOCAL_COLUMNS]
    stamped = _stamped(table)
    names = ", ".join(quote(session, c) for c in [*columns, *(("changed_by",) if stamped else ())])
    marks = ", ".join(mark(session, table) for _unused in [*columns, *(("changed_by",) if stamped else ())])
    sql = f"INSERT INTO {quote(session, table.name)} ({names}) VALUES ({marks})"
    values = to_driver(rows, columns, writers(session, table, columns, _version_text))
    if stamped:
        name = tracking.who(session)
        values = [(*row, name) for row in values]
    connection_for(session, table).exec_driver_sql(sql, values)
    tracking.note(session, table.name, (str(r["id"]) for r in rows if "id" in r))


def update_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Update ``rows`` by id; a versioned record gets the next row version, made by the person importing (so an
    editor holding the version before learns of the change)."""
    columns = [c for c in rows[0] if c != "id" and c not in LOCAL_COLUMNS]
    stamped = _stamped(table)
    sets = ", ".join(f"{quote(session, c)} = {mark(session, table)}" for c in columns)
    if stamped:
        sets += f", row_version = row_version + 1, changed_by = {mark(session, table)}"
    sql = f"UPDATE {quote(session, table.name)} SET {sets} WHERE id = {mark(session, table)}"
    values = to_driver(rows, [*columns, "id"], writers(session, table, [*columns, "id"], _version_text))
    if stamped:
        name = tracking.who(session)
        values = [(*row[:-1], name, row[-1]) for row in values]
    connection_for(session, table).exec_driver_sql(sql, values)
    tracking.note(session, table.name, (str(r["id"]) for r in rows))


def _by_columns(rows: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Rows grouped by their set of columns (one statement per group)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    return list(groups.values())


def write_all(session: Session, writes: Writes, on_write: Callable[[str], None] | None = None) -> None:
    for kind in KINDS:
        model = kind.table or ChecklistTemplateRow
        table: Table = model.__table__  # type: ignore[assignment]
        rows = writes.inserts.get(kind.name)
        if rows:
            if on_write is not None:
                on_write(kind.name)
            for group in _by_columns(rows):
                insert_rows(session, table, group)
        changed = writes.updates.get(kind.name)
        if changed:
            if on_write is not None:
                on_write(kind.name)
            for group in _by_columns(changed):
                update_rows(session, table, group)


def _keep_pinned(session: Session, writes: Writes) -> None:
    """The toolbox template versions the imported assessments pin are kept with the user data (on a shared
    database every client then opens them, whatever its own content cache holds)."""
    from inducci_desktop.content import pinned

    assessments = [*writes.inserts.get("assessments", ()), *writes.updates.get("assessments", ())]
    pins = {(row["template_id"], int(row["template_version"])) for row in assessments
            if row.get("template_id") is not None and row.get("template_version") is not None}
    if pins:
        given = {(row["id"], int(row["version"])): row for row in writes.inserts.get("toolbox_templates", ())}
        pinned.keep(session, pins, given)


def write_import(session: Session, planner: Planner, source: str, on_write: Callable[[str], None] | None
                 ) -> ReceivedErasure | None:
    """Everything an import writes, in the caller's transaction: the records (with their own versions), the
    conflicts found, the sending folder's clock, and the erasures the bundle brought.

    Returns the erasures received, for the backups to be cleaned after the commit, or None when nobody was erased.
    """
    writes = planner.writes
    if not writes.empty:
        set_importing(session, True)
        with larger_cache(session):
            write_all(session, writes, on_write)
        set_importing(session, False)
        _keep_pinned(session, writes)
        if planner.legacy is not None:
            session.execute(update(DataFolder).values(clock=planner.legacy))
    now = utcnow()
    for found in planner.conflicts:
        open_one = session.scalar(select(ExchangeConflict).where(
            ExchangeConflict.kind == found.kind, ExchangeConflict.record_id == found.record_id,
            ExchangeConflict.resolved_at.is_(None)))
        if open_one is None:
            open_one = ExchangeConflict(kind=found.kind, record_id=found.record_id)
            session.add(open_one)
        open_one.title, open_one.mine, open_one.theirs = found.title[:300], found.mine, found.theirs
        open_one.fields, open_one.source, open_one.created_at = found.fields, source[:300], now
    updated = [e.id for e in planner.entries if e.action == UPDATED]
    for start in range(0, len(updated), 900):
        session.execute(update(ExchangeConflict).where(
            ExchangeConflict.record_id.in_(updated[start:start + 900]), ExchangeConflict.resolved_at.is_(None))
            .values(resolved_at=now, resolution="there"))
    if planner.sender is not None:
        manifest = planner.bundle.manifest
        peer = session.get(ExchangePeer, planner.sender[0])
        if peer is None:
            session.add(ExchangePeer(folder_id=planner.sender[0], clock=planner.sender[1],
                                     bundle_created_at=manifest.created_at, imported_at=now))
        elif planner.sender[1] > peer.clock:
            peer.clock, peer.bundle_created_at, peer.imported_at = planner.sender[1], manifest.created_at, now
    session.flush()
    return _erase_received(session, planner)


def _erase_received(session: Session, planner: Planner) -> ReceivedErasure | None:
    """A person erased there is erased here too: their other entries on this machine as well, and their name
    in action owners, trainers and agenda blocks (services/workshops/erasure.py)."""
    if not planner.erased and not planner.erased_others:
        return None
    from inducci_desktop.services.workshops import erasure
    from inducci_desktop.services.workshops.csv_import import identity
    from inducci_desktop.services.workshops.people import PeopleService

    ids = [row["id"] for row in planner.erased]
    known = [row for row in planner.erased if not row.get("anonymous")]
    names = {" ".join(str(r["name"] or "").split()) for r in known} - {""}
    emails = {str(r["email"] or "").strip() for r in known} - {""}
    keys = {identity(r["name"], r["email"], r["organisation"]) for r in known}
    rows: dict[str, Participant] = {}
    if keys:
        for other in session.scalars(select(Participant).where(Participant.erased_at.is_(None))).all():
            if other.id not in rows and identity(other.name, other.email, other.organisation) in keys:
                rows.update((same.id, same) for same in PeopleService._same_person(session, other))
    more_names, more_emails = erasure.person_terms(list(rows.values()))
    names.update(more_names)
    emails.update(more_emails)
    erasure.erase_in_session(session, list(rows.values()), sorted(names))
    session.flush()
    ids.extend(rows)
    for kind, row in planner.erased_others:  # an interviewee or a person consulted: by id, name and e-mail
        ids.append(row["id"])
        name = row.get("interviewee_name") if kind == "interviews" else row.get("name")
        names.update({" ".join(str(name or "").split())} - {""})
        emails.update({str(row.get("email") or "").strip()} - {""})
    return ReceivedErasure(tuple(ids), tuple(sorted(names)), tuple(sorted(emails)))
