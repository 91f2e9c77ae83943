"""Leaving the office: a copy of the shared database's data to work on offline, and its changes brought back.

``take_offline`` copies the whole server's user data into the local SQLite file of the data folder (as
``db move-from`` does, store/move.py) but keeps the local data folder's own id, so that what is edited offline
carries versions of its own; ``offline-copy.json`` in the data folder marks the copy as checked out (which
server, when, the server's data folder id and clock then, rows per table), and the saved shared database is
switched off so the app opens the local copy. ``bring_back`` exports a bundle of everything from the local copy
and imports it into the server through the exchange's three-way merge: records edited only offline update
the server, records edited only on the server stay, records edited on both become conflicts in the
Exchange page's list, as for any bundle. Then the local copy is backed up and set aside, and the shared
database is switched on again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.moving import copy_from_server, server_location, switch_off
from inducci_desktop.store.backup import Backups
from inducci_desktop.store.location import Location

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services

log = logging.getLogger(__name__)

MARKER = "offline-copy.json"


@dataclass(frozen=True)
class Checkout:
    """What ``offline-copy.json`` says: the server (its URL without the password), when, its versions then."""

    server: str
    taken_at: datetime
    server_folder: str
    server_clock: int
    counts: dict[str, int]


@dataclass(frozen=True)
class BringBackResult:
    server: str
    added: int
    updated: int
    unchanged: int
    #: titles of the records edited both offline and on the server: in the Exchange page's conflict list
    conflicts: tuple[str, ...]
    #: the backup of the offline copy, made before it was set aside
    backup_id: str
    choice: str


def checkout(paths: AppPaths) -> Checkout | None:
    """The copy checked out into this data folder, or None."""
    try:
        raw: Any = json.loads((paths.data_dir / MARKER).read_text(encoding="utf-8"))
        return Checkout(str(raw["server"]), datetime.fromisoformat(raw["taken_at"]), str(raw["server_folder"]),
                        int(raw["server_clock"]), {str(k): int(v) for k, v in dict(raw["counts"]).items()})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServiceError(_("The mark of the offline copy ({file}) cannot be read: {reason}.")
                           .format(file=paths.data_dir / MARKER, reason=exc)) from None


def take_offline(paths: AppPaths, url: str, *, replace_local: bool = False) -> tuple[Checkout, str | None, str]:
    """Copy the server's data into the local file and mark it checked out; the checkout, the id of the backup
    of local data it replaced (or None) and a sentence on the saved choice of database."""
    location = server_location(url)
    if checkout(paths) is not None:
        raise ServiceError(_("This data folder already holds an offline copy: bring its changes back first "
                             "(db bring-back)."))
    counts, backup_id = copy_from_server(paths, location, replace_local=replace_local, own_folder=True)
    folder, clock = _server_folder(location)
    taken = Checkout(location.shown, datetime.now(UTC), folder, clock, counts)
    _write_marker(paths.data_dir / MARKER, taken)
    log.info("offline copy taken from %s (%d rows)", location.shown, sum(counts.values()))
    return taken, backup_id, switch_off(paths.data_dir)


def bring_back(paths: AppPaths, url: str, open_services: Callable[[AppPaths], Services]) -> BringBackResult:
    """Merge the offline copy's changes into the server (a bundle through the exchange), set the copy aside
    (backed up first) and open the server again. ``open_services`` is the composition root's way of opening
    a data folder's services (bootstrap.open_services), given by the caller."""
    from inducci_desktop.services.exchange.views import ExportSelection
    from inducci_desktop.services.moving import save_choice

    location = server_location(url)
    taken = checkout(paths)
    if taken is None:
        raise ServiceError(_("This data folder holds no offline copy to bring back (take one with db take-offline)."))
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    bundle = paths.data_dir / f"offline-changes-{stamp}.inducci"
    local_paths = AppPaths.resolve(paths.data_dir)
    try:
        with open_services(local_paths) as local:
            local.exchange.export(bundle, ExportSelection(include_personal_data=True, everything=True),
                                  created_by=_("offline copy"))
        with open_services(replace(local_paths, location=location)) as server:
            plan, result = server.exchange.import_file(bundle)
    finally:
        bundle.unlink(missing_ok=True)  # it holds personal data: never left behind, also after a failure
    assert result is not None
    backup = Backups(paths.database, paths.backup_dir).create("manual")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    (paths.data_dir / MARKER).unlink()
    log.info("offline changes brought back to %s", location.shown)
    return BringBackResult(location.shown, result.added, result.updated, result.unchanged,
                           tuple(entry.title for entry in plan.conflicts), backup.id,
                           save_choice(paths.data_dir, location))


def saved_server_url(config_dir: Path) -> str | None:
    """The URL of the shared database saved on this computer (switched off while a copy is offline), with its
    password from the keyring when it is kept there; None when none is saved."""
    from inducci_desktop.services import shared_database as sd

    choice = sd.load(config_dir)
    if choice is None or not choice.host:
        return None
    try:
        password = sd._keyring_get(choice)
    except sd.KeyringError:
        password = None
    return sd.url_for(choice, password)


def _server_folder(location: Location) -> tuple[str, int]:
    from sqlalchemy import text

    from inducci_desktop.store.engine import make_server_engine
    from inducci_desktop.store.server import connecting

    engine = make_server_engine(location.url, pooled=False)
    try:
        with connecting(location), engine.connect() as conn:
            row = conn.execute(text("SELECT id, clock FROM data_folder")).one_or_none()
    finally:
        engine.dispose()
    return (str(row[0]), int(row[1])) if row is not None else ("", 0)


def _write_marker(path: Path, taken: Checkout) -> None:
    values = {"server": taken.server, "taken_at": taken.taken_at.isoformat(), "server_folder": taken.server_folder,
              "server_clock": taken.server_clock, "counts": taken.counts}
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps(values, ensure_ascii=False, indent=1), encoding="utf-8")
    temp.replace(path)
