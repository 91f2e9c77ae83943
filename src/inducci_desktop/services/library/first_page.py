"""The window's first page before the services are built: the Library's tree read from the checked database
through the standard library's sqlite3, so that the first page is on screen while SQLAlchemy (about half of the
start-up's work) is still being imported on the worker thread.

``read_first_page`` applies only where nothing has to be written first: data in the local SQLite file, which
exists, passes the quick check, is at the schema this version knows (no migration) and holds the content of
the packs that ship with this version (no reload). Otherwise it answers None and the window waits for the
services as before. The lists are those ``LibraryService.sections``, ``items``, ``bookmarks`` and
``own_cases`` give (a test keeps them equal); ``EarlyLibrary`` answers them until the service is there and
hands every other call to it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inducci_desktop.content.packinfo import DEFAULT_LANGUAGE, pack_versions, shipped_pack
from inducci_desktop.domain import i18n
from inducci_desktop.services.library.views import (
    BookmarkView,
    ItemSummary,
    SectionView,
    bookmark_views,
    section_views,
)

if TYPE_CHECKING:
    from inducci_desktop.paths import AppPaths
    from inducci_desktop.services.container import Services
    from inducci_desktop.services.library.service import LibraryService
    from inducci_desktop.store.inspect import FileState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FirstPage:
    """What the Library's first page lists, in the language it was read for."""

    language: str
    sections: tuple[SectionView, ...]
    items: tuple[ItemSummary, ...]
    bookmarks: tuple[BookmarkView, ...]
    own_cases: tuple[tuple[str, str], ...]
    #: the store's read-only checks made for this page: opening the store does not repeat them
    checked: FileState


def read_first_page(paths: AppPaths) -> FirstPage | None:
    """The first page's lists from the database of ``paths`` (read-only), or None where the store must first
    write (create, migrate, load content), is on a server, or cannot be read (opening it then says why)."""
    if paths.server is not None or not paths.database.is_file():
        return None
    from inducci_desktop.services.errors import StoreError
    from inducci_desktop.store.inspect import open_read_only, read_state
    from inducci_desktop.store.schema import HEAD

    try:
        state = read_state(paths.database)
        if state.revision != HEAD:
            return None
        connection = open_read_only(paths.database)
        try:
            return _read(connection, state)
        finally:
            connection.close()
    except (StoreError, sqlite3.Error, OSError, ValueError) as exc:
        log.info("first page from the store: not now (%s)", type(exc).__name__)
        return None


def _read(connection: sqlite3.Connection, checked: FileState) -> FirstPage | None:
    loaded = {language: (pack_id, version) for language, pack_id, version
              in connection.execute("SELECT language, pack_id, version FROM content_pack")}
    if loaded != pack_versions(shipped_pack(DEFAULT_LANGUAGE)):
        return None  # the content is loaded when the store opens
    wanted = i18n.language()
    language = wanted if wanted != DEFAULT_LANGUAGE and wanted in loaded else DEFAULT_LANGUAGE
    sections = section_views(connection.execute(
        "SELECT id, parent_id, title, summary FROM content_sections WHERE language = ? ORDER BY position",
        (language,)))
    items = tuple(ItemSummary(item_id, kind, section, title, summary, tuple(json.loads(tags) or ()))
                  for item_id, kind, section, title, summary, tags in connection.execute(
                      "SELECT id, kind, section, title, summary, tags FROM content_items WHERE language = ? "
                      "ORDER BY position", (language,)))
    marks = [(item_id, _utc(created)) for item_id, created in connection.execute(
        "SELECT item_id, created_at FROM bookmarks WHERE deleted_at IS NULL ORDER BY created_at DESC")]
    ids = [item_id for item_id, _created in marks]
    docs = {item_id: (kind, title) for item_id, kind, title in connection.execute(
        f"SELECT item_id, kind, title FROM content_search_docs WHERE item_id IN ({', '.join('?' * len(ids))}) "
        "AND language = ?", (*ids, language))} if ids else {}
    return FirstPage(language, tuple(sections), items, tuple(bookmark_views(marks, docs)), _own_cases(connection),
                     checked)


def _own_cases(connection: sqlite3.Connection) -> tuple[tuple[str, str], ...]:
    """As services/pilots/published.py: published pilots not in the trash, newest start first, then by title."""
    rows = connection.execute("SELECT id, title, start_date FROM pilots "
                              "WHERE published_at IS NOT NULL AND deleted_at IS NULL").fetchall()
    collate = i18n.sort_key()
    ordered: list[Any] = sorted(rows, key=lambda row: collate(row[1]))
    ordered.sort(key=lambda row: str(row[2]) if row[2] is not None else "", reverse=True)
    return tuple((pilot_id, title) for pilot_id, title, _start in ordered)


def _utc(stored: str) -> datetime:
    """A timestamp as SQLAlchemy stores it in SQLite, handed back as the models do (UTC, aware)."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


class EarlyLibrary:
    """The Library service while the store opens: the first page's lists (``FirstPage``) until the service
    is there; every other call, and every list after that, is the service's (waiting for it if need be).
    ``when_ready`` runs a function once the service is there (on the UI thread: ``run_waiting``)."""

    def __init__(self, first: FirstPage, start: Callable[[], None] = lambda: None) -> None:
        self._first = first
        self._start = start
        self._real: LibraryService | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._waiting: list[Callable[[], None]] = []

    def resolve(self, real: LibraryService) -> None:
        """The service is built (any thread)."""
        self._real = real
        self._done.set()

    def fail(self, error: BaseException) -> None:
        """The store could not be opened: calls waiting for the service raise ``error``."""
        self._error = error
        self._done.set()

    def _service(self) -> LibraryService:
        if not self._done.is_set():
            self._start()  # the services are being built, or start now
            self._done.wait()
        if self._real is None:
            raise self._error if self._error is not None else RuntimeError("the store is not open")
        return self._real

    def _early(self) -> bool:
        return self._real is None and self._error is None and i18n.language() == self._first.language

    def sections(self) -> list[SectionView]:
        return list(self._first.sections) if self._early() else self._service().sections()

    def items(self, kind: str | None = None, section: str | None = None,
              language: str | None = None) -> list[ItemSummary]:
        if self._early() and section is None and language is None:
            return [item for item in self._first.items if kind is None or item.kind == kind]
        return self._service().items(kind, section, language)

    def bookmarks(self) -> list[BookmarkView]:
        return list(self._first.bookmarks) if self._early() else self._service().bookmarks()

    def own_cases(self) -> list[tuple[str, str]]:
        return list(self._first.own_cases) if self._early() else self._service().own_cases()

    def pack_folder(self) -> Path:
        """The shipped pack (the service's until a pack is loaded from elsewhere in this run)."""
        return shipped_pack(DEFAULT_LANGUAGE) if self._real is None else self._real.pack_folder()

    def when_ready(self, then: Callable[[], None]) -> None:
        if self._real is not None:
            then()
        else:
            self._waiting.append(then)

    def run_waiting(self) -> None:
        """On the UI thread once the service is there: what the pages put off (``when_ready``)."""
        waiting, self._waiting = self._waiting, []
        if self._real is not None:
            for then in waiting:
                then()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._service(), name)


class EarlyServices:
    """The services while the store opens, for the pages built before they are there: ``library`` is an
    ``EarlyLibrary``; anything else waits for the services (``resolve``). ``start`` starts building them if
    that has not begun yet (idempotent; the window starts it once the first page is painted), so that nothing
    waits for services nobody builds."""

    def __init__(self, first: FirstPage, start: Callable[[], None] = lambda: None) -> None:
        self.first = first
        self._start = start
        self.library = EarlyLibrary(first, start)
        self._real: Services | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()

    def resolve(self, real: Services) -> None:
        self._real = real
        self.library.resolve(real.library)
        self._done.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self.library.fail(error)
        self._done.set()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if not self._done.is_set():
            self._start()
            self._done.wait()
        if self._real is None:
            raise self._error if self._error is not None else RuntimeError("the store is not open")
        return getattr(self._real, name)
