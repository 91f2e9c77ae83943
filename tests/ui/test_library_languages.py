"""The Library in another interface language, as a person uses it: search typed into the field, results
opened by keyboard and mouse, and the reader's banner saying what is unreviewed or English only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from inducci_desktop.domain import i18n
from inducci_desktop.ui.pages.library.page import LibraryPage

UNREVIEWED = "Translation not yet reviewed: a native speaker has not checked this text yet."
ENGLISH_ONLY = "Available in English only."


def open_library(launch: Any, qtbot: Any, language: str = "") -> LibraryPage:
    """Start the app, choose ``language`` ("Deutsch", "Polski" …) in Settings, then click Library."""
    from .gui_input import choose
    from .test_language_setting import _open_settings

    app = launch()
    window = app.window
    window.activateWindow()
    qtbot.waitActive(window)
    if language:
        choose(qtbot, _open_settings(window, qtbot), language)
        qtbot.waitUntil(lambda: i18n.interface_language() != "en", timeout=5000)
    nav = window.nav
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == "library")
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
    page = window.pages["library"]
    assert isinstance(page, LibraryPage) and page.isVisible()
    return page


def click_result(page: LibraryPage, qtbot: Any, item_id: str) -> None:
    row = next(n for n, hit in enumerate(page.results_model.hits) if hit.id == item_id)
    index = page.results_model.index(row, 0)
    page.results.scrollTo(index)
    qtbot.mouseClick(page.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.results.visualRect(index).center())


def test_german_search_opens_a_translated_card_with_the_unreviewed_banner(launch: Any, qtbot: Any) -> None:
    page = open_library(launch, qtbot, "Deutsch")
    banner = page.reader.translation_banner
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "aufgabenstellungen")
    assert page.left_stack.currentIndex() == 1
    hits = page.results_model.hits
    assert hits and hits[0].id == "format-hackathon"
    assert hits[0].title == "Hackathon mit industriellen Aufgabenstellungen"
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.reader.current == "format-hackathon"
    assert "Hackathon mit industriellen Aufgabenstellungen" in page.reader.browser.toPlainText()
    assert banner.isVisible() and banner.text() == i18n._(UNREVIEWED)
    assert banner.text() != UNREVIEWED  # said in German

    # a guide has no German text yet: found through the English fallback, opened with the mouse
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "mapping cci")
    assert any(h.id == "guide-mapping-cci" for h in page.results_model.hits)
    click_result(page, qtbot, "guide-mapping-cci")
    assert page.reader.current == "guide-mapping-cci"
    assert banner.isVisible() and banner.text() == i18n._(ENGLISH_ONLY)


def test_german_written_without_umlauts_finds_the_german_text(launch: Any, qtbot: Any) -> None:
    page = open_library(launch, qtbot, "Deutsch")
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "unterstuetzung")
    hits = page.results_model.hits
    assert hits
    first = hits[0]
    assert "Unterstützung" in first.title or "Unterstützung" in first.snippet
    click_result(page, qtbot, first.id)
    # a glossary term opens the glossary at the term; every German text is unreviewed so far
    assert page.reader.current == ("glossary" if first.kind == "glossary" else first.id)
    assert page.reader.translation_banner.isVisible()
    assert page.reader.translation_banner.text() == i18n._(UNREVIEWED)


def test_english_shows_no_banner(launch: Any, qtbot: Any) -> None:
    page = open_library(launch, qtbot)
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "hackathon")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.reader.current is not None
    assert not page.reader.translation_banner.isVisible()
    assert "Hackathon" in page.reader.browser.toPlainText()


def test_choosing_polish_in_settings_turns_the_library_polish(launch: Any, qtbot: Any) -> None:
    page = open_library(launch, qtbot, "Polski")
    assert i18n.interface_language() == "pl"
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "wyzwaniami przemyslowymi")  # typed without ł
    assert page.results_model.hits and page.results_model.hits[0].title == "Hackathon z wyzwaniami przemysłowymi"
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.reader.current == "format-hackathon"
    banner = page.reader.translation_banner
    assert banner.isVisible() and banner.text() == i18n._(UNREVIEWED)


def test_the_library_overview_and_no_results_page_speak_polish(launch: Any, qtbot: Any) -> None:
    """Their headings are written inside f-strings, which Babel's extractor used not to see: they stayed English."""
    page = open_library(launch, qtbot, "Polski")
    page.show_overview()
    overview = page.reader.browser.toPlainText()
    assert "Jak z niego korzystać" in overview and "W zestawie narzędzi" in overview
    for english in ("The InduCCI e-Toolbox", "How to use it", "In the toolbox"):
        assert english not in overview
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "qqzzxx")
    text = page.reader.browser.toPlainText()
    assert "Brak wyników dla „qqzzxx”" in text and "No results" not in text
