"""Fixtures of the service tests in this folder (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.store.database import Store


@pytest.fixture
def ben(paths: AppPaths, anna: Services) -> Iterator[Services]:
    """A second person on the database of ``anna`` (a fixture of the test module: the first person's services),
    with services and a name of their own."""
    store = Store(paths.database, paths.backup_dir, server=paths.server, who=lambda: "Bořek Šťastný")
    store.open(auto_backup=False)
    yield Services.over(paths, store)
    store.close()
