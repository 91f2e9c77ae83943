"""The reader: one toolbox item rendered from Markdown, with history, bookmark and a personal note.

Links: ``item:ID`` opens inside the reader; http, https and mailto go to the system browser; anything
else is ignored. QTextBrowser never opens links itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.content.labels import pack_notice, translation_notice
from inducci_desktop.content.search import term_ranges
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import NotFoundError
from inducci_desktop.services.library.reader import (
    checklist_html,
    glossary_html,
    is_safe_external,
    item_html,
    links_html,
)
from inducci_desktop.ui.icons import icon

if TYPE_CHECKING:
    from inducci_desktop.services.library.service import LibraryService
    from inducci_desktop.services.pilots.service import PilotService

STYLE_SHEET = """
h1 { font-size: 20pt; margin-bottom: 2px; }
h2 { font-size: 14pt; margin-top: 14px; }
h3 { font-size: 12pt; }
p.kind { color: #2f6f8f; font-weight: bold; margin-bottom: 0; }
.address { color: #777777; font-size: small; }
table.facts { background-color: #eef4f7; margin: 6px 0; }
table.facts th { text-align: left; padding-right: 10px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c8d3da; padding: 3px; }
"""
NOTE_SAVE_DELAY_MS = 600


class ReaderView(QWidget):
    #: the item shown changed (id, title)
    itemShown = Signal(str, str)
    bookmarksChanged = Signal()
    notesChanged = Signal()
    #: "Add to handout pack" was pressed for the item shown (id)
    addToPackRequested = Signal(str)

    def __init__(self, library: LibraryService, pilots: Callable[[], PilotService] | None = None) -> None:
        super().__init__()
        self.library = library
        self.pilots = pilots  # published pilots of this region open here too ("pilot:ID"): the service, on use
        self.history: list[str] = []
        self.position = -1
        self.current: str | None = None
        self.is_item = False  # a toolbox item (bookmark and note allowed), not glossary/links/checklist

        self.back_button = self._tool(icon("back"), _("Back (Alt+Left)"))
        self.back_button.clicked.connect(self.back)
        self.forward_button = self._tool(icon("forward"), _("Forward (Alt+Right)"))
        self.forward_button.clicked.connect(self.forward)
        # shortcuts scoped to the reader, so other pages may use the same keys; Ctrl+D and Ctrl+Shift+P
        # belong to the whole Library page (LibraryPage), so they work from the search results too
        for keys, slot, what in (("Alt+Left", self.back, _("Library: back to the previous item")),
                                 ("Alt+Right", self.forward, _("Library: forward again"))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setWhatsThis(what)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.bookmark_button = QToolButton()
        self.bookmark_button.setText(_("Bookmark"))
        self.bookmark_button.setCheckable(True)
        self.bookmark_button.setIcon(icon("bookmark"))
        self.bookmark_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bookmark_button.setToolTip(_("Bookmark this item (Ctrl+D)"))
        self.bookmark_button.setAccessibleName(_("Bookmark"))
        self.bookmark_button.toggled.connect(self._toggle_bookmark)
        self.extra_buttons = QHBoxLayout()
        self.pack_button = QToolButton()
        self.pack_button.setText(_("Add to handout pack"))
        self.pack_button.setIcon(icon("add"))
        self.pack_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.pack_button.setToolTip(_("Add this item to the handout pack in the Print Center (Ctrl+Shift+P)"))
        self.pack_button.setAccessibleName(_("Add to handout pack"))
        self.pack_button.clicked.connect(self._add_to_pack)
        self.extra_buttons.addWidget(self.pack_button)
        self.link_label = QLabel()
        self.link_label.setObjectName("linkAddress")
        self.link_label.setStyleSheet("color: palette(mid);")

        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.forward_button)
        bar.addWidget(self.bookmark_button)
        bar.addLayout(self.extra_buttons)
        bar.addStretch(1)
        bar.addWidget(self.link_label)

        # "Translation not yet reviewed" / "Available in English only" above the text, never hidden in it
        self.translation_banner = QLabel()
        self.translation_banner.setObjectName("translationBanner")
        self.translation_banner.setWordWrap(True)
        self.translation_banner.setAccessibleName("Translation status")
        self.translation_banner.setStyleSheet(
            "QLabel#translationBanner { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36a;"
            " padding: 4px 8px; }")
        self.translation_banner.hide()

        self.browser = QTextBrowser()
        self.browser.setAccessibleName(_("Reader"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDefaultStyleSheet(STYLE_SHEET)
        self.browser.setSearchPaths([str(library.pack_folder())])
        self.browser.anchorClicked.connect(self.follow)
        self.browser.highlighted.connect(self._show_address)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(_("Personal note"))
        self.note_edit.setPlaceholderText(_("Your note on this item — saved as you type, found by search"))
        self.note_state = QLabel("")
        self.note_state.setObjectName("noteState")
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_note)
        self.note_edit.textChanged.connect(self._note_typed)
        note_box = QWidget()
        note_layout = QVBoxLayout(note_box)
        note_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(QLabel(_("<b>My note</b>")))
        header.addStretch(1)
        header.addWidget(self.note_state)
        note_layout.addLayout(header)
        note_layout.addWidget(self.note_edit)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.browser)
        split.addWidget(note_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.translation_banner)
        layout.addWidget(split, 1)
        self._loading = False
        self._note_dirty = False
        self._update_buttons()
        self.note_edit.setEnabled(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light ↔ dark: the icon variant follows
            for button, name in ((self.back_button, "back"), (self.forward_button, "forward"),
                                 (self.bookmark_button, "bookmark"), (self.pack_button, "add")):
                button.setIcon(icon(name))
        super().changeEvent(event)

    @staticmethod
    def _tool(icon: object, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)  # type: ignore[arg-type]
        button.setIconSize(QSize(18, 18))
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    # -- showing -----------------------------------------------------------------------------------

    def open(self, target: str) -> bool:
        """Show ``target`` (an item id, "glossary" or "links") and add it to the history."""
        if not self._render(target):
            return False
        del self.history[self.position + 1:]
        self.history.append(target)
        self.position = len(self.history) - 1
        self._update_buttons()
        return True

    def back(self) -> None:
        if self.position > 0 and self._render(self.history[self.position - 1]):
            self.position -= 1
            self._update_buttons()

    def forward(self) -> None:
        if self.position < len(self.history) - 1 and self._render(self.history[self.position + 1]):
            self.position += 1
            self._update_buttons()

    def refresh(self) -> None:
        if self.current is not None:
            self._render(self.current)

    def show_message(self, html: str) -> None:
        """Show a page that is not an item (overview, "no results"); the history is kept."""
        self.save_note()
        self.current = None
        self.is_item = False
        self.browser.setHtml(html)
        self._set_banner("")
        self._loading = True
        for button in (self.bookmark_button, self.pack_button):
            button.setEnabled(False)
        self.bookmark_button.blockSignals(True)
        self.bookmark_button.setChecked(False)
        self.bookmark_button.setText(_("Bookmark"))
        self.bookmark_button.blockSignals(False)
        self.note_edit.setPlainText("")
        self.note_edit.setEnabled(False)
        self.note_state.setText("")
        self._loading = False

    def showing_message(self) -> bool:
        return self.current is None

    def restore(self) -> bool:
        """Show the item of the history again after a message page; False if there is none."""
        if 0 <= self.position < len(self.history):
            return self._render(self.history[self.position])
        return False

    def highlight(self, query: str) -> int:
        """Mark the words of ``query`` in the text shown and scroll to the first; returns how many."""
        document = self.browser.document()
        text = document.toPlainText()
        selections: list[QTextEdit.ExtraSelection] = []
        mark = QTextCharFormat()
        mark.setBackground(QColor("#ffe066"))
        mark.setForeground(QColor("#000000"))
        for start, end in term_ranges(text, query) if query.strip() else []:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = mark
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        if selections:
            first = QTextCursor(selections[0].cursor)
            first.clearSelection()
            self.browser.setTextCursor(first)
            self.browser.ensureCursorVisible()
        return len(selections)

    def _render(self, target: str) -> bool:
        """Show ``target``: an item id, "glossary" or "links" (with "#anchor"), or "checklist:ID"."""
        self.save_note()
        target, _sep, anchor = target.partition("#")
        if target.startswith("pilot:"):
            found = self._pilot(target.removeprefix("pilot:"))
            if found is None:
                self.link_label.setText(_("“{target}” is not published in the Library").format(target=target))
                return False
            html, title, note_allowed = found[0], found[1], False
            banner = ""
        elif target.startswith("checklist:"):
            try:
                template = self.library.checklist_template(target.removeprefix("checklist:"))
            except NotFoundError:
                self.link_label.setText(_("“{target}” is not in the toolbox").format(target=target))
                return False
            html, title, note_allowed = checklist_html(template), template.title, False
            banner = translation_notice(template.language, template.translation, self.library.current_language())
        elif target == "glossary":
            titles = {i.id: i.title for i in self.library.items()}
            terms = self.library.glossary()
            html, title, note_allowed = glossary_html(terms, titles), _("Glossary"), False
            banner = pack_notice([(t.language, t.translation) for t in terms], self.library.current_language())
        elif target == "links":
            html, title, note_allowed = links_html(self.library.links()), _("Links"), False
            banner = ""
        else:
            try:
                item = self.library.item(target)
            except NotFoundError:
                self.link_label.setText(_("“{target}” is not in the toolbox").format(target=target))
                return False
            html, title, note_allowed = item_html(item), item.title, True
            banner = translation_notice(item.text_language, item.translation, item.language)
        self._set_banner(banner)
        self.current = target
        self.is_item = note_allowed
        self.browser.setExtraSelections([])
        self.browser.setHtml(html)
        if anchor:
            self.browser.scrollToAnchor(anchor)
        self._loading = True
        self.bookmark_button.blockSignals(True)
        self.bookmark_button.setEnabled(note_allowed)
        self.pack_button.setEnabled(note_allowed)
        bookmarked = note_allowed and self.library.is_bookmarked(target)
        self.bookmark_button.setChecked(bookmarked)
        self.bookmark_button.setText(_("Bookmarked") if bookmarked else _("Bookmark"))
        self.bookmark_button.blockSignals(False)
        note = self.library.note(target) if note_allowed else None
        self.note_edit.setPlainText(note.text if note else "")
        self.note_edit.setEnabled(note_allowed)
        self.note_state.setText("")
        self._loading = False
        self.itemShown.emit(target, title)
        return True

    def _pilot(self, pilot_id: str) -> tuple[str, str] | None:
        """A published pilot of this region: (HTML, title), or None when it is not (or no longer) published."""
        if self.pilots is None:
            return None
        from inducci_desktop.services.pilots.reader import pilot_html  # here: off the first page's path
        from inducci_desktop.services.pilots.service import without_withdrawn

        try:
            view = self.pilots().get(pilot_id)
        except NotFoundError:
            return None
        if view.published_at is None:
            return None
        return pilot_html(without_withdrawn(view)), view.title
    def _set_banner(self, text: str) -> None:
        self.translation_banner.setText(text)
        self.translation_banner.setVisible(bool(text))

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(self.position > 0)
        self.forward_button.setEnabled(0 <= self.position < len(self.history) - 1)

    # -- links -------------------------------------------------------------------------------------

    def follow(self, url: QUrl) -> None:
        text = url.toString()
        if url.scheme() == "item":
            self.open(text.removeprefix("item:"))
        elif is_safe_external(text):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.scheme():
            self.browser.scrollToAnchor(url.fragment())
        else:
            self.link_label.setText(_("Not opened: {text}").format(text=text[:80]))

    def _show_address(self, url: QUrl) -> None:
        text = url.toString()
        self.link_label.setText("" if not text or text.startswith("item:") else _("{text}  (needs internet)")
            .format(text=text))

    # -- bookmark and note -------------------------------------------------------------------------

    def toggle_bookmark(self) -> str:
        """Bookmark the item shown, or remove its bookmark; returns what happened, for the status bar."""
        if not self.bookmark_button.isEnabled() or self.current is None:
            return _("Open a toolbox item to bookmark it")
        self.bookmark_button.toggle()
        title = self.library.item(self.current).title
        if self.bookmark_button.isChecked():
            return _("Bookmarked “{title}”").format(title=title)
        return _("Bookmark removed: “{title}”").format(title=title)

    def _toggle_bookmark(self, on: bool) -> None:
        if self.current is None or not self.is_item:
            return
        if on:
            self.library.add_bookmark(self.current)
        else:
            self.library.remove_bookmark(self.current)
        self.bookmark_button.setText(_("Bookmarked") if on else _("Bookmark"))
        self.bookmarksChanged.emit()

    def _note_typed(self) -> None:
        if self._loading:
            return
        self._note_dirty = True
        self.note_state.setText(_("Editing…"))
        self._note_timer.start()

    def save_note(self) -> None:
        """Save the note now if it has unsaved changes (also called before leaving the item)."""
        if not self._note_dirty or self.current is None or not self.is_item:
            return
        self._note_timer.stop()
        self._note_dirty = False
        self.library.set_note(self.current, self.note_edit.toPlainText())
        self.note_state.setText(_("Saved"))
        self.notesChanged.emit()

    def _add_to_pack(self) -> None:
        self.add_to_pack()

    def add_to_pack(self) -> str:
        """Ask for the item shown to be added to the handout pack; returns what happened."""
        if self.current is None or not self.is_item:
            return _("Open a toolbox item to add it to the handout pack")
        self.addToPackRequested.emit(self.current)
        self.link_label.setText(_("Added to the handout pack"))
        QTimer.singleShot(3000, self._clear_pack_note)
        return _("Added “{title}” to the handout pack").format(title=self.library.item(self.current).title)

    def _clear_pack_note(self) -> None:
        if self.link_label.text() == "Added to the handout pack":
            self.link_label.setText("")
