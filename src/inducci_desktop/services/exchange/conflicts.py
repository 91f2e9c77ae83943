"""Conflicts an import left to the user: listing them and resolving (keep mine, take theirs, keep both).

Resolving writes the chosen content as a new version of this data folder that includes both versions, so
every other folder takes it without a new conflict. Both versions stay in the conflict row: choosing
again on a resolved conflict restores the version that lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.services.exchange.merge import _fetch, _table, local_vv
from inducci_desktop.services.exchange.schema import KIND_BY_NAME
from inducci_desktop.services.exchange.versions import merged, tick
from inducci_desktop.services.exchange.views import ConflictView
from inducci_desktop.services.exchange.write import update_rows
from inducci_desktop.store.models import ExchangeConflict, utcnow

KEEPS = ("mine", "theirs", "both")
_NOT_CONTENT = ("id", "created_at", "vv", "rev_by")


def _text_fields(row: ExchangeConflict) -> tuple[str, ...]:
    return tuple(f for f in row.fields if isinstance(row.mine.get(f), str) and isinstance(row.theirs.get(f), str)
                 and f not in ("deleted_at", "erased_at", "completed_at", "archived_at"))


def _view(row: ExchangeConflict) -> ConflictView:
    kind = KIND_BY_NAME[row.kind]
    return ConflictView(row.id, row.kind, kind.label, row.record_id, row.title, tuple(row.fields), dict(row.mine),
                        dict(row.theirs), row.source, row.created_at, row.resolved_at, row.resolution,
                        _text_fields(row))


def list_conflicts(session: Session, *, resolved: bool = False) -> list[ConflictView]:
    query = select(ExchangeConflict).where(ExchangeConflict.resolved_at.is_not(None) if resolved
                                           else ExchangeConflict.resolved_at.is_(None))
    return [_view(r) for r in session.scalars(query.order_by(ExchangeConflict.created_at, ExchangeConflict.kind,
                                                             ExchangeConflict.title))]


def _typed(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A bundle-style dict as column values (dates and times parsed by the bundle schema)."""
    schema = KIND_BY_NAME[kind].schema
    known = {k: v for k, v in data.items() if k in schema.model_fields}
    for field in KIND_BY_NAME[kind].personal:
        if known.get(field) is None:
            known[field] = ""
    result: dict[str, Any] = schema.model_validate(known).model_dump()
    return result


def _conflict(session: Session, conflict_id: str) -> ExchangeConflict:
    """The conflict with this id, or with this unique id prefix of at least four characters."""
    row = session.get(ExchangeConflict, conflict_id)
    if row is None:
        # lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not
        matches = session.scalars(select(ExchangeConflict).where(
            func.lower(ExchangeConflict.id).startswith(conflict_id.lower(), autoescape=True))).all()
        if len(matches) != 1 or len(conflict_id) < 4:
            raise NotFoundError(_("There is no conflict with id {conflict_id!r}.").format(conflict_id=conflict_id))
        row = matches[0]
    return row


def _kept(column: str, mine: Any, theirs: Any, keep: str, text_fields: Sequence[str]) -> Any:
    """The value a resolution keeps in ``column``: mine, theirs, or (text, ``both``) mine then theirs."""
    if keep == "theirs":
        return theirs
    if keep == "both" and column in text_fields and mine != theirs:
        return f"{mine}\n\n{theirs}" if mine else theirs
    return mine


def resolve(session: Session, conflict_id: str, keep: str) -> ConflictView:
    if keep not in KEEPS:
        raise ValidationError(_("Choose what to keep: {join} (not {keep!r}).").format(join=', '.join(KEEPS), keep=keep))
    row = _conflict(session, conflict_id)
    kind = KIND_BY_NAME[row.kind]
    found = _fetch(session, _table(kind), "id", [row.record_id])
    if not found:
        raise NotFoundError(_("The {label} of this conflict is no longer on this machine.").format(label=kind.shown))
    here = found[0]
    if keep == "both" and not _text_fields(row):
        raise ValidationError(_("Keeping both works only where both versions differ in text; choose mine or theirs."))
    mine = here if row.resolved_at is None else _typed(row.kind, row.mine)
    theirs = _typed(row.kind, row.theirs)
    result = dict(here)
    for column in (c for c in row.fields if c in here and c not in _NOT_CONTENT):
        result[column] = _kept(column, mine[column], theirs[column], keep, _text_fields(row))
    if row.kind == "participants":
        if here["erased_at"] is not None:
            raise ValidationError(_("This person was erased on request; the erasure stays."))
        if keep != "mine" and row.theirs.get("name") is None:
            for column in kind.personal:
                result[column] = here[column]  # the bundle had no personal data: keep what is here
    folder, clock = tick(session)
    result["vv"] = {**merged(local_vv(here), row.theirs.get("vv")), folder: clock}
    result["rev_by"] = folder
    result["updated_at"] = utcnow()
    update_rows(session, _table(kind), [result])
    row.resolved_at, row.resolution = utcnow(), keep
    session.flush()
    return _view(row)
