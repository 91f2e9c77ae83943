"""The layout test again in the pseudo-locale en-XA (every string accented and 40 % longer, see
tests/pseudo_locale.py): every page and tab, the checklist views and the window's menus show no text that
was not taken from a catalog, and every text still fits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from inducci_desktop.app import run
from inducci_desktop.ui.application import RunningApp
from inducci_desktop.ui.qt_translations import CatalogTranslator

from ..pseudo_locale import use_pseudo
from .layout_checks import layout_problems
from .pseudo_checks import data_corpus, untranslated
from .test_layout import HEIGHT, WIDTH, _cases, _settle, _show, _wait


@pytest.fixture(scope="module")
def pseudo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """One window in the pseudo-locale with the example data, loaded through the welcome page's button."""
    with pytest.MonkeyPatch.context() as patch:
        use_pseudo(patch)
        data = tmp_path_factory.mktemp("pseudo") / "data"
        app = run(["--data-dir", str(data)], exec=False)
        assert isinstance(app, RunningApp)
        qt_words = CatalogTranslator()  # Qt's own words (standard buttons) through the pseudo catalog too
        QCoreApplication.installTranslator(qt_words)
        try:
            _wait(lambda: app.ready)
            window = app.window
            window.resize(WIDTH, HEIGHT)
            assert window.welcome is not None
            window.welcome.example_button.click()
            _wait(lambda: window.stack.currentWidget() is window.pages["workshops"])
            yield app
        finally:
            QCoreApplication.removeTranslator(qt_words)
            app.shutdown()


def _problems(app: RunningApp, root: Any) -> list[str]:
    corpus = data_corpus(app.paths.database)
    return layout_problems(root) + untranslated(root, corpus)


# Layouts known not to take 40 % longer text yet (xfail with what the check found); none at present.
PSEUDO_KNOWN: dict[tuple[str, str], str] = {}


def _pseudo_cases() -> list[Any]:
    cases = []
    for case in _cases():
        page_title, tab = case.values
        known = PSEUDO_KNOWN.get((str(page_title), str(tab)))
        marks = [*case.marks, *([pytest.mark.xfail(reason=known, strict=False)] if known else [])]
        cases.append(pytest.param(page_title, tab, marks=marks, id=case.id))
    return cases


@pytest.mark.parametrize(("page_title", "tab"), _pseudo_cases())
def test_page_in_the_pseudo_locale(pseudo_app: RunningApp, page_title: str, tab: str) -> None:
    page = _show(pseudo_app, page_title, tab)
    _settle()
    problems = _problems(pseudo_app, page)
    assert not problems, "\n".join(problems)


def test_window_menus_and_navigation_in_the_pseudo_locale(pseudo_app: RunningApp) -> None:
    problems = untranslated(pseudo_app.window, data_corpus(pseudo_app.paths.database))
    assert not problems, "\n".join(problems)


def test_checklist_views_in_the_pseudo_locale(pseudo_app: RunningApp, qtbot: Any) -> None:
    window = pseudo_app.window
    window.show_page("checklists")
    page = window.pages["checklists"]
    _settle()
    page.table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    _settle()
    assert page.stack.currentWidget() is page.runner
    problems = _problems(pseudo_app, page)
    qtbot.mouseClick(page.runner.summary_button, Qt.MouseButton.LeftButton)
    _settle()
    assert page.stack.currentWidget() is page.summary
    problems += _problems(pseudo_app, page)
    page.show_list()
    assert not problems, "\n".join(problems)
