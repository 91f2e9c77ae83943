"""Help → User Guide and Keyboard Shortcuts.

The guide is Markdown under resources/guide/ (one task per file), read through importlib.resources and
shown in a QTextBrowser that opens no links itself and renders no inline HTML. The shortcut list is built
from the QActions and QShortcuts that exist, so it cannot drift from what the keys do.
"""

from __future__ import annotations

import re
from importlib import resources

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.library.reader import is_safe_external

TIP_KEYS = re.compile(r"\(((?:Ctrl|Alt|Shift|F\d+|Del|Delete)[^)]*)\)")
MARKDOWN = QTextDocument.MarkdownFeature(QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
                                         | QTextDocument.MarkdownFeature.MarkdownNoHTML.value)


def guide_topics() -> list[tuple[str, str]]:
    """(title, Markdown) of each topic of the user guide, in order."""
    folder = resources.files("inducci_desktop.resources").joinpath("guide")
    topics: list[tuple[str, str]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".md"):
            text = entry.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else entry.name
            topics.append((first.lstrip("# ").strip(), text))
    return topics


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("User Guide"))
        self.resize(860, 600)
        self.topics = guide_topics()
        self.topic_list = QListWidget()
        self.topic_list.setAccessibleName(_("Topics"))
        self.topic_list.addItems([title for title, _text in self.topics])
        self.topic_list.setFixedWidth(230)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(_("Guide text"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.topic_list.currentRowChanged.connect(self.show_topic)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.topic_list)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.topic_list.setCurrentRow(0)

    def show_topic(self, row: int) -> None:
        if 0 <= row < len(self.topics):
            self.browser.document().setMarkdown(self.topics[row][1], MARKDOWN)

    def _follow(self, url: QUrl) -> None:
        if is_safe_external(url.toString()):
            QDesktopServices.openUrl(url)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action and shortcut with keys under ``window``, sorted by what."""
    rows: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        name = action.whatsThis() or action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")
        for keys in action.shortcuts():
            if name and not keys.isEmpty():
                rows[(name, keys.toString(QKeySequence.SequenceFormat.NativeText))] = None
    for shortcut in window.findChildren(QShortcut):
        what = shortcut.whatsThis()
        if what and not shortcut.key().isEmpty():
            rows[(what, shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))] = None
    listed = {keys for _what, keys in rows}
    for button in window.findChildren(QAbstractButton):
        name = (button.text() or button.accessibleName()).replace("&", "").rstrip(".…").strip()
        own = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if own and name and "&" not in button.text() and own not in listed:  # not a mnemonic
            rows[(name, own)] = None
            listed.add(own)
        tip = TIP_KEYS.search(button.toolTip())
        if tip and tip.group(1) not in listed:  # a button that names its keys: "Start an assessment (Ctrl+N)"
            rows[(button.toolTip()[:tip.start()].strip() or name, tip.group(1))] = None
            listed.add(tip.group(1))
    return sorted(rows, key=lambda r: (r[0].casefold(), r[1]))


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(_("Keyboard Shortcuts"))
        self.resize(560, 560)
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([_("Action"), _("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for number, (what, keys) in enumerate(rows):
            self.table.setItem(number, 0, QTableWidgetItem(what))
            item = QTableWidgetItem(keys)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(number, 1, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
