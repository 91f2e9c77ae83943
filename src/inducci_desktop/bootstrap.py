"""Opening the services of a data folder: the one start-up path of both front ends (window and commands).

Kept light: the store and the services are imported only when ``open_services`` runs (on a worker thread
for the window), so importing this module costs nothing at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inducci_desktop.paths import AppPaths

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services
    from inducci_desktop.store.inspect import FileState


def open_services(paths: AppPaths, *, tidy: bool = False, checked: FileState | None = None) -> Services:
    """Open the store of ``paths`` (read-only checks → backups → migration) and build the services, with the
    toolbox content loaded (``Services.prepare``). ``tidy``, for a caller that holds the data lock (nothing
    else can be writing a backup then): first remove what an interrupted backup or restore left behind.
    ``checked``: the store's read-only checks, made already (the window's first page), not made again.

    With ``paths.server`` set the user data is on that PostgreSQL database (store/server.py).
    The caller closes them: ``services.close()``, or ``with open_services(paths) as services:``. A store
    that cannot be opened raises a ``StoreError`` and nothing is left open.
    """
    from inducci_desktop.services.container import Services
    from inducci_desktop.services.identity import Identity
    from inducci_desktop.store.database import Store

    # every change records who made it: the name set on this machine (Settings), else the login name
    store = Store(paths.database, paths.backup_dir, server=paths.server, who=Identity(paths.data_dir).name)
    if tidy:
        store.backups.remove_leftovers()
    store.open(checked=checked)
    services = Services.over(paths, store)
    try:
        services.prepare()
    except BaseException:
        services.close()
        raise
    return services
