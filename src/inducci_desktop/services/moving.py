"""Moving all user data into a new shared database (``db move-to URL``) and back into the local file
(``db move-from URL``), all or nothing (store/move.py), then pointing the app at the new place.

After ``move_to`` the shared database is saved as this computer's choice (services/shared_database.py) and the
local file is left as it was (it is no longer opened); after ``move_from`` the saved shared database is switched
off. Photos and other files referenced by path stay in the data folder.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.store.location import Location, parse_database_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MoveResult:
    """Rows copied per table, where the data now is, and what became of the saved choice."""

    counts: dict[str, int]
    target: str
    #: a sentence on the saved choice of database (saved, switched off, or why it could not be saved)
    choice: str
    #: the backup made of the local data before it was replaced, if any
    backup_id: str | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def server_location(url: str) -> Location:
    location = parse_database_url(url, "option")
    if not location.is_server:
        raise ServiceError(_("Give the URL of a PostgreSQL database (postgresql+psycopg://user@server/database)."))
    return location


def move_to(paths: AppPaths, url: str) -> MoveResult:
    """Copy all local user data into the EMPTY shared database at ``url`` (migrated to this version first),
    then save it as the database this computer opens. Raises MoveError/StoreError; nothing changes then."""
    from inducci_desktop.store.database import Store
    from inducci_desktop.store.move import copy_user_data
    from inducci_desktop.store.server import open_server

    location = server_location(url)
    if not paths.database.exists():
        raise ServiceError(_("There is no local database in {folder} to move.").format(folder=paths.data_dir))
    local = Store(paths.database, paths.backup_dir)
    local.open()  # backed up and migrated to this version, as at every start
    try:
        opened = open_server(location, local.content_cache)
        try:
            counts = copy_user_data(local.db.engine, opened.engine, location.shown)
        finally:
            opened.engine.dispose()
            opened.content_engine.dispose()
    finally:
        local.close()
    log.info("moved %d rows to %s", sum(counts.values()), location.shown)
    return MoveResult(counts, location.shown, save_choice(paths.data_dir, location))


def move_from(paths: AppPaths, url: str, *, replace_local: bool = False) -> MoveResult:
    """Copy all user data of the shared database at ``url`` into the local file, which must hold no user data
    unless ``replace_local`` (then it is backed up first); then switch the saved shared database off."""
    location = server_location(url)
    counts, backup_id = copy_from_server(paths, location, replace_local=replace_local, own_folder=False)
    log.info("moved %d rows from %s to the local file", sum(counts.values()), location.shown)
    return MoveResult(counts, str(paths.database), switch_off(paths.data_dir), backup_id)


def copy_from_server(paths: AppPaths, location: Location, *, replace_local: bool, own_folder: bool
                     ) -> tuple[dict[str, int], str | None]:
    """Every user row of the server into the local file (migrated first), in one transaction; the rows per
    table and the id of the backup made of the local data it replaced (None: the local file held none)."""
    from inducci_desktop.store.database import Store
    from inducci_desktop.store.move import copy_user_data, holds_user_data
    from inducci_desktop.store.server import open_server

    local = Store(paths.database, paths.backup_dir)
    local.open()
    backup_id: str | None = None
    try:
        with local.db.engine.connect() as conn:
            held = holds_user_data(conn)
        if held and not replace_local:
            raise ServiceError(_("The local database {path} already holds data: copying the server's data here would "
                                 "mix the two. Use --replace to replace it (a backup of it is made first). Nothing "
                                 "was changed.").format(path=paths.database))
        opened = open_server(location, local.content_cache)
        try:
            if held:
                backup_id = local.backups.create("pre-restore").id
            counts = copy_user_data(opened.engine, local.db.engine, str(paths.database), replace=bool(held),
                                    own_folder=own_folder)
        finally:
            opened.engine.dispose()
            opened.content_engine.dispose()
    finally:
        local.close()
    return counts, backup_id


def save_choice(config_dir: Path, location: Location) -> str:
    from inducci_desktop.services import shared_database as sd

    url = location.url
    previous = sd.load(config_dir) or sd.SharedDatabaseChoice()
    query = dict(url.query)
    sslmode = str(query.get("sslmode") or "prefer")
    ca_file = str(query.get("sslrootcert") or "")
    no_keyring = sd.keyring_problem() is not None
    choice = replace(previous, enabled=True, host=url.host or "localhost", port=url.port or sd.DEFAULT_PORT,
                     database=url.database or "", user=url.username or "", sslmode=sslmode, ca_file=ca_file,
                     ask_password=no_keyring or url.password is None)
    try:
        sd.save(config_dir, choice, None if choice.ask_password else url.password)
    except ServiceError as exc:
        return _("The shared database could not be saved as this computer's choice ({reason}); choose it in "
                 "Settings → Shared database, or start with --database-url.").format(reason=exc)
    if choice.ask_password:
        return _("This computer now opens the shared database {url}; the password is asked at each start.") \
            .format(url=location.shown)
    return _("This computer now opens the shared database {url} (the password is in the keyring).") \
        .format(url=location.shown)


def switch_off(config_dir: Path) -> str:
    from inducci_desktop.services import shared_database as sd

    previous = sd.load(config_dir)
    if previous is None or not previous.enabled:
        return _("This computer opens the local database.")
    try:
        sd.save(config_dir, replace(previous, enabled=False), None)
    except ServiceError as exc:
        return _("The shared database could not be switched off in Settings ({reason}): switch it off there.") \
            .format(reason=exc)
    return _("The shared database is switched off: this computer opens the local database again.")
