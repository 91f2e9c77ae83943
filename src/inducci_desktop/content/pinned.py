"""Toolbox template versions that assessments pin: kept with the user data, found there when the cache lacks them.

``checklist_templates`` (content) holds what this machine's pack and imports gave it; on a shared server
that is per machine. ``checklist_pinned_templates`` (user data, migration 0013) keeps every version an
assessment pins, written in the unit of work that makes the pin (a new assessment, an import, a pack load).
Readers ask ``find`` / ``find_many``: the cache first, then the kept versions.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inducci_desktop.store.models import ChecklistTemplateRow

Pin = tuple[str, int]
#: the columns a template version is rebuilt from (those of both tables)
COLUMNS = ("id", "version", "title", "summary", "section", "data")


def _as_dict(row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in COLUMNS}


def find(session: Session, template_id: str, version: int | None = None) -> dict[str, Any] | None:
    """The toolbox template version ``version`` of ``template_id`` (or its current one: the pack's, else the
    newest known) as a dict of ``COLUMNS``, from this machine's cache or else from the kept versions."""
    from inducci_desktop.store.models import PinnedTemplate

    query = select(ChecklistTemplateRow).where(ChecklistTemplateRow.id == template_id)
    if version is not None:
        query = query.where(ChecklistTemplateRow.version == version)
    else:
        query = query.order_by(ChecklistTemplateRow.in_pack.desc(), ChecklistTemplateRow.version.desc())
    row: Any = session.scalars(query.limit(1)).first()
    if row is None:
        kept = select(PinnedTemplate).where(PinnedTemplate.id == template_id)
        kept = (kept.where(PinnedTemplate.version == version) if version is not None
                else kept.order_by(PinnedTemplate.version.desc()))
        row = session.scalars(kept.limit(1)).first()
    return None if row is None else _as_dict(row)


def find_many(session: Session, ids: Collection[str]) -> dict[Pin, dict[str, Any]]:
    """Every known version of the toolbox templates ``ids``: the cache's and the kept ones."""
    from inducci_desktop.store.models import PinnedTemplate

    if not ids:
        return {}
    found: dict[Pin, dict[str, Any]] = {}
    models: tuple[Any, ...] = (ChecklistTemplateRow, PinnedTemplate)  # the cache's first
    for model in models:
        for row in session.scalars(select(model).where(model.id.in_(list(ids)))):
            found.setdefault((row.id, row.version), _as_dict(row))
    return found


def keep(session: Session, pins: Iterable[Pin], given: Mapping[Pin, Mapping[str, Any]] | None = None) -> int:
    """Keep each pinned toolbox version of ``pins`` with the user data, if it is not kept yet: from ``given``
    (a bundle's templates) or else from this machine's cache. Pins of the user's own templates (not in the
    cache) are left alone: those versions are user data already. Returns the number of versions kept now.

    Idempotent by (id, version); two clients keeping the same version at once both succeed.
    """
    from inducci_desktop.store.models import PinnedTemplate

    wanted = set(pins)
    if not wanted:
        return 0
    ids = sorted({p[0] for p in wanted})
    kept = {(str(tid), int(version)) for tid, version in session.execute(
        select(PinnedTemplate.id, PinnedTemplate.version).where(PinnedTemplate.id.in_(ids)))}
    missing = wanted - kept
    if not missing:
        return 0
    rows: dict[Pin, dict[str, Any]] = {}
    for pin in missing:
        if given is not None and pin in given:
            rows[pin] = {name: given[pin].get(name) for name in COLUMNS}
    rest = missing - rows.keys()
    if rest:
        for row in session.scalars(select(ChecklistTemplateRow).where(
                ChecklistTemplateRow.id.in_(sorted({p[0] for p in rest})))):
            if (row.id, row.version) in rest:
                rows[(row.id, row.version)] = _as_dict(row)
    if not rows:
        return 0
    for row_data in rows.values():
        row_data["summary"] = row_data.get("summary") or ""
    values = [rows[pin] for pin in sorted(rows)]
    dialect = session.get_bind(mapper=PinnedTemplate.__mapper__).dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(PinnedTemplate).values(values).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(PinnedTemplate).values(values).on_conflict_do_nothing())
    return len(values)


def pins_of_assessments(session: Session) -> set[Pin]:
    """Every (template id, version) an assessment pins (those in the trash too: they can come back)."""
    from inducci_desktop.store.models import Assessment

    return {(str(tid), int(version)) for tid, version in session.execute(
        select(Assessment.template_id, Assessment.template_version).distinct())}
