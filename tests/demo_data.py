"""A data folder with the example data (``inducci-desktop demo``) made through the services, for tests that
open it again as a person would."""

from __future__ import annotations

from pathlib import Path

from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.services.demo import load_demo
from inducci_desktop.store.database import Store


def demo_services(folder: Path, bookmarks: tuple[str, ...] = ()) -> tuple[AppPaths, Services]:
    """The example data in ``folder``, with ``bookmarks`` made in this order; the services stay open."""
    paths = AppPaths.resolve(folder)
    paths.ensure()
    store = Store(paths.database, paths.backup_dir)
    store.open()
    services = Services.over(paths, store)
    services.prepare()
    load_demo(services)
    for item_id in bookmarks:
        services.library.add_bookmark(item_id)
    return paths, services
