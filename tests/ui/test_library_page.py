"""The Library page through pytest-qt: browsing, search as you type, reader links, bookmarks, notes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from inducci_desktop.ui.pages.library.page import LibraryPage
from inducci_desktop.ui.pages.library.results import highlighted

from .conftest import type_text


@pytest.fixture
def library(launch: Any, qtbot: Any) -> LibraryPage:
    app = launch()
    app.window.show_page("library")
    app.window.activateWindow()
    qtbot.waitActive(app.window)  # shortcuts only reach the active window
    page = app.window.pages["library"]
    assert isinstance(page, LibraryPage)
    return page


def tree_titles(page: LibraryPage) -> list[str]:
    model = page.tree_model
    titles: list[str] = []

    def walk(parent: Any) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            titles.append(index.data())
            walk(index)

    walk(page.tree.rootIndex())
    return titles


def open_a_guide(page: LibraryPage) -> str:
    guide = page.library.items(kind="guide")[0].id
    assert page.reader.open(guide)
    return guide


def test_library_is_the_first_page_and_starts_on_its_overview(library: LibraryPage) -> None:
    assert library.reader.current is None  # no arbitrary guide while nothing is chosen
    text = library.reader.browser.toPlainText()
    assert "The InduCCI e-Toolbox" in text and "Ctrl+Shift+P" in text
    assert not library.reader.bookmark_button.isEnabled() and not library.reader.pack_button.isEnabled()
    titles = tree_titles(library)
    assert "Understanding CCI in your region" in titles and "Glossary" in titles and "Links" in titles


def test_kind_filter_shows_only_that_kind(library: LibraryPage) -> None:
    library.kind_combo.setCurrentIndex(library.kind_combo.findData("case"))
    titles = tree_titles(library)
    case_titles = {i.title for i in library.library.items(kind="case")}
    guide_titles = {i.title for i in library.library.items(kind="guide")}
    assert case_titles <= set(titles)
    assert not guide_titles & set(titles)
    assert "Glossary" not in titles


def test_search_as_you_type_folds_diacritics(library: LibraryPage, qtbot: Any) -> None:
    library.focus_search()
    qtbot.keyClicks(library.search_edit, "biala")
    assert library.left_stack.currentIndex() == 1
    hits = library.results_model.hits
    assert hits, "typing 'biala' must find Bielsko-Biała"
    assert any("Biała" in h.title or "Biała" in h.snippet for h in hits)
    qtbot.keyClick(library.search_edit, Qt.Key.Key_Return)
    assert library.reader.current == hits[0].id
    library.search_edit.clear()
    assert library.left_stack.currentIndex() == 0


@pytest.mark.parametrize("query", ['"', "NOT", "a AND", "-", "'", "(", "*", "x" * 5000, "💥", "don't", 'a"b'])
def test_hostile_queries_never_fail(library: LibraryPage, query: str) -> None:
    library.search_edit.setText(query)
    assert library.results_label.text()  # results or "No results", never an exception


def test_accented_query_and_highlight_on_original_text(library: LibraryPage) -> None:
    type_text(library.search_edit, "Škofja")
    hits = library.results_model.hits
    assert hits
    hit = hits[0]
    spans = [hit.snippet[a:b] for a, b in hit.ranges] + [hit.title[a:b] for a, b in hit.title_ranges]
    assert any(s.lower().startswith("škofja") for s in spans)
    assert "<b" in highlighted(hit.snippet, hit.ranges) or "<b" in highlighted(hit.title, hit.title_ranges)


def test_item_links_back_and_forward(library: LibraryPage, qtbot: Any) -> None:
    reader = library.reader
    open_a_guide(library)
    first = reader.current
    related = library.library.item(first).related
    assert related
    reader.follow(QUrl(f"item:{related[0].id}"))
    assert reader.current == related[0].id
    reader.browser.setFocus()
    qtbot.keyClick(reader.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.current == first
    qtbot.keyClick(reader.browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert reader.current == related[0].id


def test_only_web_links_reach_the_system_browser(library: LibraryPage, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString())))
    reader = library.reader
    for url in ("https://toolbox.inducci.eu/", "mailto:someone@example.org", "javascript:alert(1)",
                "file:///etc/passwd", "ftp://example.org/x"):
        reader.follow(QUrl(url))
    assert opened == ["https://toolbox.inducci.eu/", "mailto:someone@example.org"]
    assert "Not opened" in reader.link_label.text()


def test_content_html_is_never_interpreted(library: LibraryPage) -> None:
    from inducci_desktop.services.library.reader import markdown_html

    html = markdown_html('<script>alert(1)</script>\n\n<b>bold?</b> [x](javascript:alert(1)) [y](https://a.eu)')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert 'href="https://a.eu"' in html and "(a.eu)" in html


def test_bookmark_and_note_survive_and_are_searchable(library: LibraryPage, qtbot: Any) -> None:
    reader = library.reader
    open_a_guide(library)
    item_id = reader.current
    reader.bookmark_button.click()
    assert library.library.is_bookmarked(item_id)
    assert "Bookmarks" in tree_titles(library)
    reader.note_edit.setFocus()
    type_text(reader.note_edit, "Zapytać o żółty rower w Łodzi")
    assert reader.note_state.text() == "Editing…"
    qtbot.waitUntil(lambda: reader.note_state.text() == "Saved", timeout=3000)
    assert library.library.note(item_id).text == "Zapytać o żółty rower w Łodzi"
    library.search_edit.setText("zolty rower")
    assert any(h.id == item_id and h.snippet_from == "note" for h in library.results_model.hits)
    reader.bookmark_button.click()
    assert not library.library.is_bookmarked(item_id)


def test_note_is_saved_when_leaving_the_item(library: LibraryPage) -> None:
    reader = library.reader
    open_a_guide(library)
    first = reader.current
    type_text(reader.note_edit, "ß")
    other = library.library.item(first).related[0].id
    reader.open(other)
    assert library.library.note(first).text == "ß"


def test_ctrl_f_focuses_search(library: LibraryPage, qtbot: Any) -> None:
    library.reader.browser.setFocus()
    qtbot.keyClick(library.reader.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert library.search_edit.hasFocus()


def test_glossary_and_links_pages(library: LibraryPage) -> None:
    reader = library.reader
    assert reader.open("glossary")
    assert "Glossary" in reader.browser.toPlainText()
    assert not reader.note_edit.isEnabled() and not reader.bookmark_button.isEnabled()
    assert reader.open("links")
    assert "need internet" in reader.browser.toPlainText()
    assert not reader.open("no-such-item")


def test_glossary_checklist_and_link_hits_open_in_the_reader(library: LibraryPage) -> None:
    from inducci_desktop.ui.pages.library.page import reader_target

    reader = library.reader
    library.search_edit.setText("creative walk")
    kinds = {h.kind: h for h in library.results_model.hits}
    assert "glossary" in kinds
    assert reader.open(reader_target("glossary", kinds["glossary"].id))
    assert reader.current == "glossary" and not reader.is_item
    template = library.library.checklists()[0]
    assert reader.open(reader_target("checklist", template.id))
    assert template.title in reader.browser.toPlainText()
    assert "Checklists page" in reader.browser.toPlainText()
    link = library.library.links()[0]
    assert reader.open(reader_target("link", link.id))
    assert link.title in reader.browser.toPlainText()


def test_images_from_the_pack_are_shown(library: LibraryPage) -> None:
    from PySide6.QtGui import QTextDocument

    reader = library.reader
    assert reader.open("guide-training-preparation")
    html = reader.browser.toHtml()
    assert "images/training-cycle.png" in html
    image = reader.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                               QUrl("images/training-cycle.png"))
    assert image is not None and not image.isNull()


def test_the_last_item_opened_is_shown_again_on_the_next_start(launch: Any, tmp_path: Any) -> None:
    first = launch()
    page = first.window.pages["library"]
    guide = page.library.items(kind="guide")[1]
    page.tree.setFocus()
    assert page.reader.open(guide.id)
    first.shutdown()
    second = launch()
    again = second.window.pages["library"]
    assert again.reader.current == guide.id
    assert guide.title in again.reader.browser.toPlainText()


def test_a_search_without_hits_shows_no_results_instead_of_an_unrelated_item(
        library: LibraryPage, qtbot: Any) -> None:
    guide = open_a_guide(library)
    library.focus_search()
    qtbot.keyClicks(library.search_edit, "qqzzxx")
    assert library.results_label.text() == "No results"
    assert library.reader.current is None
    assert "No results for “qqzzxx”" in library.reader.browser.toPlainText()
    assert not library.reader.pack_button.isEnabled()
    qtbot.keyClick(library.search_edit, Qt.Key.Key_Escape)  # Esc clears the search: back to the guide
    assert library.search_edit.text() == ""
    assert library.reader.current == guide


def test_the_search_words_are_highlighted_in_the_opened_item(library: LibraryPage, qtbot: Any) -> None:
    library.focus_search()
    qtbot.keyClicks(library.search_edit, "biala")
    assert library.results_model.hits
    qtbot.keyClick(library.search_edit, Qt.Key.Key_Down)
    assert library.results.hasFocus()
    qtbot.keyClick(library.results, Qt.Key.Key_Return)
    marks = library.reader.browser.extraSelections()
    assert marks, "the words searched for must be marked in the item"
    assert {m.cursor.selectedText() for m in marks} == {"Biała"}  # found folded, marked as written
    assert marks[0].format.background().color().name() == "#ffe066"


def test_shortcuts_act_on_the_item_shown_while_focus_is_in_the_results(library: LibraryPage, qtbot: Any) -> None:
    app_window = library.window()
    printing = library.window_.pages["print_center"]
    library.focus_search()
    qtbot.keyClicks(library.search_edit, "biala")
    qtbot.keyClick(library.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(library.results, Qt.Key.Key_Return)
    item_id = library.reader.current
    assert item_id is not None and library.results.hasFocus()
    title = library.library.item(item_id).title

    qtbot.keyClick(library.results, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert library.library.is_bookmarked(item_id)
    assert app_window.statusBar().currentMessage() == f"Bookmarked “{title}”"
    qtbot.keyClick(library.results, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert app_window.statusBar().currentMessage() == f"Added “{title}” to the handout pack"
    assert item_id in [entry[0] for entry in printing.pack.model.entries]
    # from the search field too, and Ctrl+D again removes the bookmark
    library.search_edit.setFocus()
    qtbot.keyClick(library.search_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not library.library.is_bookmarked(item_id)
    assert "Bookmark removed" in app_window.statusBar().currentMessage()


def test_the_print_center_is_built_on_the_first_item_added_to_the_pack(library: LibraryPage, qtbot: Any) -> None:
    """The Print Center is not built at start; the first "Add to handout pack" builds it and reaches it, and
    later ones reach it through its own connection (each item once)."""
    pages = library.window_.pages
    assert not pages.is_built("print_center")  # type: ignore[attr-defined]
    guides = library.library.items(kind="guide")[:2]
    for guide in guides:
        assert library.reader.open(guide.id)
        qtbot.mouseClick(library.reader.pack_button, Qt.MouseButton.LeftButton)
    assert pages.is_built("print_center")  # type: ignore[attr-defined]
    entries = [entry[0] for entry in pages["print_center"].pack.model.entries]  # type: ignore[attr-defined]
    assert entries == [guide.id for guide in guides]
    assert library.window().statusBar().currentMessage().startswith(f"Added “{guides[1].title}”")
