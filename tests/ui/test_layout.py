"""Every page and every tab at the default window size (1100×720) with the example data: no button or
label whose text does not fit, no visible widgets on top of each other or sticking out of their parent,
no field too narrow to type in, no clipped table header — and no Qt warning (qt_log_level_fail)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from inducci_desktop.app import run
from inducci_desktop.domain.i18n import _
from inducci_desktop.ui.application import RunningApp

from .layout_checks import layout_problems

WIDTH, HEIGHT = 1100, 720
PAGES = ("Library", "Print Center", "Checklists", "Workshops", "Pilot actions", "Evidence", "Strategy", "Exchange",
         "Settings")
PAGE_IDS = {"Library": "library", "Print Center": "print_center", "Checklists": "checklists",
            "Workshops": "workshops", "Pilot actions": "pilots", "Evidence": "evidence",
            "Strategy": "strategy", "Exchange": "exchange", "Settings": "settings"}
TABS = {"Print Center": ("Handout pack", "Single document"),
        "Workshops": ("Details", "Agenda", "Participants", "Check-in", "Outcomes", "Evaluation"),
        "Pilot actions": ("Details", "Challenge", "Programme", "Results", "Lessons", "Voices", "Photos"),
        # the paper's tabs first (inside "Papers", shown by default), then the recommendation, then back
        "Strategy": ("Sections", "Measures", "Versions and review", "Recommendations", "Papers")}
# The Workshops page's layouts are being reworked separately; these cases are known to fail until then.
WORKSHOP_KNOWN: dict[str, str] = {}


def _cases() -> Iterator[Any]:
    for page in PAGES:
        for tab in ("", *TABS.get(page, ())):
            marks = []
            if page == "Workshops" and tab in WORKSHOP_KNOWN:
                marks.append(pytest.mark.xfail(reason=f"Workshops page: {WORKSHOP_KNOWN[tab]}", strict=False))
            yield pytest.param(page, tab, marks=marks, id=f"{page}/{tab}" if tab else page)


@pytest.fixture(scope="module")
def example_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """One window for the module, with the example data loaded through the welcome page's button."""
    data = tmp_path_factory.mktemp("layout") / "data"
    app = run(["--data-dir", str(data)], exec=False)
    assert isinstance(app, RunningApp)
    _wait(lambda: app.ready)
    window = app.window
    window.resize(WIDTH, HEIGHT)
    assert window.welcome is not None
    window.welcome.example_button.click()
    _wait(lambda: window.stack.currentWidget() is window.pages["workshops"])
    assert app.services is not None and app.services.workshops.list()
    yield app
    app.shutdown()


def _wait(done: Any, timeout: float = 20.0) -> None:
    import time

    end = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < end, "timed out"
        QApplication.processEvents()
        time.sleep(0.01)


def _settle() -> None:
    for _round in range(5):
        QApplication.processEvents()


def _is_tab(text: str, tab: str) -> bool:
    """Whether a tab's text is the English ``tab`` in the language shown (wherever its accelerator is)."""
    shown = text.replace("&", "")
    return shown == tab or shown in {_(f"{tab[:i]}&{tab[i:]}").replace("&", "") for i in range(len(tab))} | {_(tab)}


def _show(app: RunningApp, page_title: str, tab: str) -> QWidget:
    window = app.window
    assert (window.width(), window.height()) == (WIDTH, HEIGHT)
    window.show_page(PAGE_IDS[page_title])
    page = window.pages[PAGE_IDS[page_title]]
    if tab:
        tabs = next(t for t in page.findChildren(QTabWidget)
                    if any(_is_tab(t.tabText(i), tab) for i in range(t.count())))
        index = next(i for i in range(tabs.count()) if _is_tab(tabs.tabText(i), tab))
        tabs.tabBar().setCurrentIndex(index)
    _settle()
    return page


@pytest.mark.parametrize(("page_title", "tab"), list(_cases()))
def test_page_fits_at_the_default_size(example_app: RunningApp, page_title: str, tab: str) -> None:
    page = _show(example_app, page_title, tab)
    assert page.isVisible()
    titles = [label for label in page.findChildren(QWidget, "pageTitle") if label.isVisible()]
    assert titles, f"{page_title} has no visible title"
    problems = layout_problems(page)
    assert not problems, "\n".join(problems)


def test_checklists_views_fit(example_app: RunningApp, qtbot: Any) -> None:
    """The assessment runner and its summary, opened from the list as a person does."""
    page = _show(example_app, "Checklists", "")
    page.table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    _settle()
    assert page.stack.currentWidget() is page.runner
    assert not layout_problems(page), "\n".join(layout_problems(page))
    qtbot.mouseClick(page.runner.summary_button, Qt.MouseButton.LeftButton)
    _settle()
    assert page.stack.currentWidget() is page.summary
    assert not layout_problems(page), "\n".join(layout_problems(page))
    page.show_list()


def test_by_region_headers_are_not_clipped(example_app: RunningApp, qtbot: Any) -> None:
    from inducci_desktop.ui.pages.checklists.regions import RegionOverviewDialog

    page = _show(example_app, "Checklists", "")
    page.table.clearSelection()
    qtbot.mouseClick(page.regions_button, Qt.MouseButton.LeftButton)
    _settle()
    dialogs = [d for d in page.findChildren(RegionOverviewDialog) if d.isVisible()]
    assert dialogs
    dialog = dialogs[-1]
    assert dialog.table.columnCount() == 3  # two assessments and the mean
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert all("In progress" in h or "Completed" in h for h in headers[:-1]), headers
    problems = layout_problems(dialog)
    dialog.close()
    assert not problems, "\n".join(problems)


def test_the_status_bar_is_there_from_the_start(launch: Any) -> None:
    """It does not appear with the first message and push every page up."""
    from PySide6.QtWidgets import QStatusBar

    window = launch().window
    bar = window.findChild(QStatusBar)
    assert bar is not None and bar.isVisible() and not bar.currentMessage()
    before = window.stack.geometry()
    bar.showMessage("something")
    _settle()
    bar.clearMessage()
    _settle()
    assert window.stack.geometry() == before


def test_screenshots_of_every_page(example_app: RunningApp, tmp_path: Path) -> None:
    """Pictures of each page at 1100×720 to look at (kept in the test's tmp folder)."""
    for page_title in PAGES:
        for tab in ("", *TABS.get(page_title, ())):
            _show(example_app, page_title, tab)
            name = f"{page_title}-{tab}".strip("-").replace(" ", "_")
            assert example_app.window.grab().save(str(tmp_path / f"{name}.png"))
    assert len(list(tmp_path.glob("*.png"))) == len(PAGES) + sum(len(t) for t in TABS.values())
