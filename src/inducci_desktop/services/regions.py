"""The regions and organisations the user works for: add, rename, delete to the trash, restore."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inducci_desktop.content.folding import TOKEN, fold
from inducci_desktop.domain import i18n, rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError, ValidationError
from inducci_desktop.store.database import Store
from inducci_desktop.store.models import Region, utcnow

KINDS = rules.REGION_KIND.values
MAX_NAME = rules.NAME


@dataclass(frozen=True)
class RegionView:
    id: str
    name: str
    kind: str
    country: str
    notes: str
    updated_at: datetime
    deleted_at: datetime | None

    @classmethod
    def of(cls, row: Region) -> RegionView:
        return cls(row.id, row.name, row.kind, row.country, row.notes, row.updated_at, row.deleted_at)


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError(_("A region needs a name."))
    if len(cleaned) > MAX_NAME:
        raise ValidationError(_("A region name can be at most {MAX_NAME} characters long.").format(MAX_NAME=MAX_NAME))
    return cleaned


class RegionService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def list(self, *, deleted: bool = False) -> list[RegionView]:
        """Active regions (or, with ``deleted=True``, those in the trash), sorted by name."""
        with self.store.db.reading() as session:
            condition = Region.deleted_at.is_not(None) if deleted else Region.deleted_at.is_(None)
            rows = session.scalars(select(Region).where(condition)).all()
            return sorted((RegionView.of(r) for r in rows), key=lambda r: i18n.sort_key()(r.name))

    def get(self, region_id: str) -> RegionView:
        with self.store.db.reading() as session:
            return RegionView.of(self._row(session, region_id))

    def add(self, name: str, kind: str = "region", country: str = "") -> RegionView:
        name = clean_name(name)
        if kind not in KINDS:
            raise ValidationError(_("Unknown kind {kind!r}; use one of: {join}.")
                .format(kind=kind, join=', '.join(KINDS)))
        with self.store.db.unit_of_work() as session:
            self._refuse_duplicate(session, name)
            row = Region(name=name, kind=kind, country=country.strip(), notes="")
            session.add(row)
            session.flush()
            return RegionView.of(row)

    def add_with_id(self, region_id: str, name: str, kind: str = "region", country: str = "") -> bool:
        """Add a region with a given id (demo data, imports); False if that id exists already, even in the
        trash, or an active region has the name."""
        name = clean_name(name)
        with self.store.db.unit_of_work() as session:
            if session.get(Region, region_id) is not None:
                return False
            try:
                self._refuse_duplicate(session, name)
            except ValidationError:
                return False
            session.add(Region(id=region_id, name=name, kind=kind, country=country.strip(), notes=""))
            return True

    def rename(self, region_id: str, name: str) -> RegionView:
        name = clean_name(name)
        with self.store.db.unit_of_work() as session:
            row = self._row(session, region_id)
            if row.name != name:
                self._refuse_duplicate(session, name, except_id=region_id)
                row.name = name
                session.flush()
            return RegionView.of(row)

    def delete(self, region_id: str) -> RegionView:
        """Move to the trash; ``restore`` brings it back."""
        with self.store.db.unit_of_work() as session:
            row = self._row(session, region_id)
            row.deleted_at = utcnow()
            session.flush()
            return RegionView.of(row)

    def restore(self, region_id: str) -> RegionView:
        with self.store.db.unit_of_work() as session:
            row = self._row(session, region_id, include_deleted=True)
            if row.deleted_at is not None:
                self._refuse_duplicate(session, row.name, except_id=region_id)
                row.deleted_at = None
                session.flush()
            return RegionView.of(row)

    @staticmethod
    def _row(session: Session, region_id: str, *, include_deleted: bool = False) -> Region:
        row = session.get(Region, region_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFoundError(_("There is no region with id {region_id!r}.").format(region_id=region_id))
        return row

    @staticmethod
    def _refuse_duplicate(session: Session, name: str, except_id: str | None = None) -> None:
        # Compared in Python: SQLite's lower() folds ASCII only, and "ŁÓDŹ" must clash with "Łódź".
        wanted = name.casefold()
        query = select(Region.name).where(Region.deleted_at.is_(None), Region.id != (except_id or ""))
        if any(existing.casefold() == wanted for existing in session.scalars(query)):
            raise ValidationError(_("There is already a region called {name!r}.").format(name=name))


def _words(name: str) -> list[str]:
    return TOKEN.findall(fold(name))


def similar_regions(name: str, regions: Iterable[RegionView]) -> list[RegionView]:
    """Regions whose names are near-duplicates of ``name``: the same once folded and case-insensitive
    ("Slaskie" ~ "Śląskie"), or one's words all within the other's ("Śląskie" ~ "Śląskie (Silesia)")."""
    wanted = _words(name)
    if not wanted:
        return []
    found = []
    for region in regions:
        words = _words(region.name)
        if not words:
            continue
        if "".join(words) == "".join(wanted) or set(words) <= set(wanted) or set(wanted) <= set(words):
            found.append(region)
    return found
