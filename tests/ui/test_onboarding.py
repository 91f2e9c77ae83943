"""First start and help: the welcome page and its two choices, the File and Help menus, the user guide,
the generated shortcut list and mnemonics in every menu — all driven through the visible widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMenu, QTableWidget, QTextBrowser

from inducci_desktop.ui.help import GuideDialog, ShortcutsDialog


def menu(window: Any, title: str) -> QMenu:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == title:
            found = action.menu()
            assert isinstance(found, QMenu)
            return found
    raise AssertionError(f"no menu {title}")


def menu_action(window: Any, menu_title: str, text: str) -> QAction:
    for action in menu(window, menu_title).actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no {text} in {menu_title}")


def close_dialog_later(kind: type[QDialog], seen: list[QDialog]) -> None:
    """Close the modal dialog of ``kind`` through its Close button once it is open."""
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(50, close)
            return
        seen.append(dialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        box.button(QDialogButtonBox.StandardButton.Close).click()
    QTimer.singleShot(50, close)


def test_first_start_welcomes_and_loads_the_example_data(launch: Any, qtbot: Any, tmp_path: Path) -> None:
    app = launch()
    window = app.window
    assert window.stack.currentWidget() is window.welcome
    text = " ".join(label.text() for label in window.welcome.findChildren(type(window.welcome.state_label)))
    for role in ("Trainers", "Regional officials", "Coordinators"):
        assert role in text
    assert not app.services.workshops.list() and not app.services.checklists.list(status="all")
    qtbot.mouseClick(window.welcome.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages["workshops"], timeout=20000)
    # the same demo steps as `inducci-desktop demo`
    assert [w.title for w in app.services.workshops.list()]
    assert len(app.services.checklists.list(status="all")) == 2
    assert {r.name for r in app.services.regions.list()} >= {"Śląskie (Silesia)", "Gorenjska"}
    assert window.statusBar().currentMessage().startswith("Example data loaded")
    app.shutdown()
    again = launch()
    assert again.window.welcome is None  # not shown again after a choice
    assert again.window.stack.currentWidget() is again.window.pages["library"]


def test_start_empty_goes_to_the_library_and_is_remembered(launch: Any, qtbot: Any) -> None:
    app = launch()
    qtbot.mouseClick(app.window.welcome.empty_button, Qt.MouseButton.LeftButton)
    assert app.window.stack.currentWidget() is app.window.pages["library"]
    assert not app.services.workshops.list()
    app.shutdown()
    assert launch().window.welcome is None


def test_file_menu_has_the_everyday_commands_and_they_lead_somewhere(launch: Any, qtbot: Any,
                                                                     monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    app = launch()
    window = app.window
    texts = [a.text().replace("&", "") for a in menu(window, "File").actions() if not a.isSeparator()]
    # (the offline copy's two commands lead to their dialogs: tests/ui/test_offline_copy.py)
    assert texts == ["Import Bundle…", "Export…", "Print…", "Back Up Now", "Take a Copy Offline…",
                     "Bring Changes Back…", "Quit"]
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (asked.append(a[1]), ("", ""))[1]))
    menu_action(window, "File", "Import Bundle…").trigger()
    assert window.stack.currentWidget() is window.pages["exchange"] and asked == ["Import a bundle file"]
    menu_action(window, "File", "Print…").trigger()
    assert window.stack.currentWidget() is window.pages["print_center"]
    menu_action(window, "File", "Export…").trigger()
    assert window.stack.currentWidget() is window.pages["exchange"]
    assert "Export" in window.statusBar().currentMessage()


def test_every_menu_and_menu_item_has_a_mnemonic(launch: Any) -> None:
    window = launch().window
    for top in window.menuBar().actions():
        assert "&" in top.text(), top.text()
        for action in top.menu().actions():
            if not action.isSeparator():
                assert "&" in action.text(), f"{top.text()} → {action.text()}"
    letters = [top.text()[top.text().index("&") + 1].lower() for top in window.menuBar().actions()]
    assert len(letters) == len(set(letters))
    checklists = window.pages["checklists"]
    print_menu = checklists.print_button.menu()
    assert print_menu is not None
    assert all("&" in action.text() for action in print_menu.actions() if not action.isSeparator())


def test_user_guide_opens_from_the_help_menu_and_opens_only_web_links(launch: Any, qtbot: Any,
                                                                     monkeypatch: Any) -> None:
    window = launch().window
    seen: list[QDialog] = []
    close_dialog_later(GuideDialog, seen)
    menu_action(window, "Help", "User Guide").trigger()
    assert seen
    guide = seen[0]
    assert isinstance(guide, GuideDialog)
    titles = [guide.topic_list.item(r).text() for r in range(guide.topic_list.count())]
    assert {"Prepare a training", "Run an assessment", "Print a handout pack",
            "Exchange with a colleague"} <= set(titles)
    guide.topic_list.setCurrentRow(titles.index("Print a handout pack"))
    browser = guide.findChild(QTextBrowser)
    assert browser is not None and "Ctrl+Shift+P" in browser.toPlainText()
    assert not browser.openLinks() and not browser.openExternalLinks()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString())))
    for url in ("https://toolbox.inducci.eu/", "file:///etc/passwd", "javascript:alert(1)"):
        browser.anchorClicked.emit(QUrl(url))
    assert opened == ["https://toolbox.inducci.eu/"]


def test_guide_markdown_renders_no_inline_html() -> None:
    from inducci_desktop.ui.help import MARKDOWN

    browser = QTextBrowser()
    browser.document().setMarkdown("before <img src='x'><b>bold</b> after", MARKDOWN)
    assert "<b>" in browser.toPlainText()  # shown as text, not interpreted


def test_keyboard_shortcuts_are_listed_from_the_real_actions(launch: Any, qtbot: Any) -> None:
    window = launch().window
    seen: list[QDialog] = []
    close_dialog_later(ShortcutsDialog, seen)
    menu_action(window, "Help", "Keyboard Shortcuts").trigger()
    assert seen
    table = seen[0].findChild(QTableWidget)
    assert table is not None
    rows = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    assert ("Library: add the item shown to the handout pack", "Ctrl+Shift+P") in rows
    assert ("Library: bookmark the item shown", "Ctrl+D") in rows
    assert ("Go to Library", "Ctrl+1") in rows and ("Quit", "Ctrl+Q") in rows and ("User Guide", "F1") in rows
    # every shortcut of every menu is in the list
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if not action.shortcut().isEmpty():
                assert action.shortcut().toString() in {keys for _what, keys in rows}
