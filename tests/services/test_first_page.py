"""The window's first page read from the checked store without SQLAlchemy (services/library/first_page.py): the
same lists as the Library service, and None wherever the store must write first or cannot be read."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from inducci_desktop.domain import i18n
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import StoreError
from inducci_desktop.services.library.first_page import EarlyLibrary, EarlyServices, FirstPage, read_first_page
from tests.demo_data import demo_services

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def demo(tmp_path: Path) -> tuple[AppPaths, Services]:
    paths, services = demo_services(tmp_path / "data", ("guide-mapping-cci", "format-hackathon", "guide-cci-needs"))
    services.library.remove_bookmark("format-hackathon")  # in the trash: not listed
    return paths, services


def _lists(first: FirstPage) -> tuple[object, ...]:
    return first.sections, first.items, first.bookmarks, first.own_cases


@pytest.mark.parametrize("language", ["en", "pl", "cs"])
def test_the_first_page_lists_what_the_library_service_lists(demo: tuple[AppPaths, Services], language: str) -> None:
    paths, services = demo
    with i18n.speaking(language):
        first = read_first_page(paths)
        assert first is not None
        library = services.library
        assert _lists(first) == (tuple(library.sections()), tuple(library.items()), tuple(library.bookmarks()),
                                 tuple(library.own_cases()))
    assert first.language == language
    assert [b.item_id for b in first.bookmarks] == ["guide-cci-needs", "guide-mapping-cci"]
    assert len(first.own_cases) == 1 and "Żywiec" in first.own_cases[0][1]
    assert first.bookmarks[0].created_at.tzinfo is not None


def test_no_first_page_where_the_store_must_write_first_or_cannot_be_read(tmp_path: Path,
                                                                           demo: tuple[AppPaths, Services]) -> None:
    paths, services = demo
    services.close()
    assert read_first_page(AppPaths.resolve(tmp_path / "new")) is None  # no database yet: it is created
    older = AppPaths.resolve(tmp_path / "older")
    older.ensure()
    shutil.copyfile(FIXTURES / "db-0.1.0-demo.sqlite3", older.database)
    assert read_first_page(older) is None  # a migration comes first
    with sqlite3.connect(paths.database) as connection:
        connection.execute("UPDATE content_pack SET version = '2000.1' WHERE language = 'de'")
    connection.close()
    assert read_first_page(paths) is None  # the content is reloaded first
    paths.database.write_bytes(b"not a database at all" * 100)
    assert read_first_page(paths) is None  # opening the store says what is wrong


def test_early_library_answers_the_first_page_then_hands_everything_to_the_service(
        demo: tuple[AppPaths, Services]) -> None:
    paths, services = demo
    first = read_first_page(paths)
    assert first is not None
    early = EarlyServices(first)
    assert early.library.items(kind="format") == [i for i in first.items if i.kind == "format"]
    assert early.library.pack_folder() == services.library.pack_folder()
    ran: list[str] = []
    early.library.when_ready(lambda: ran.append("last item"))
    found: list[str] = []
    waiting = threading.Thread(target=lambda: found.append(early.library.item("guide-cci-needs").title))
    waiting.start()  # item() is the service's: it waits until the services are there
    waiting.join(0.2)
    assert waiting.is_alive() and not found
    early.resolve(services)
    waiting.join(5)
    assert found == [services.library.item("guide-cci-needs").title]
    assert ran == []  # put off until the UI thread runs them
    early.library.run_waiting()
    assert ran == ["last item"]
    assert early.regions is services.regions
    services.library.add_bookmark("format-hackathon")
    assert early.library.bookmarks()[0].item_id == "format-hackathon"  # the service's now


def test_early_library_raises_the_store_error_when_the_services_cannot_be_built(
        demo: tuple[AppPaths, Services]) -> None:
    paths, _services = demo
    first = read_first_page(paths)
    assert first is not None
    early = EarlyLibrary(first)
    early.fail(StoreError("The database cannot be used."))
    with pytest.raises(StoreError, match="cannot be used"):
        early.item("guide-cci-needs")
