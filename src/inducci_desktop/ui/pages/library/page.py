"""The Library page: browse the toolbox by section and kind, search as you type, read, bookmark, note."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.content.labels import KIND_LABELS
from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.i18n import N_, _, ngettext
from inducci_desktop.services.library.reader import no_results_html, overview_html
from inducci_desktop.services.library.views import ItemSummary, SectionView
from inducci_desktop.services.pilots import OWN_CASE_LABEL
from inducci_desktop.ui.icons import icon
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.library.reader import ReaderView
from inducci_desktop.ui.pages.library.results import HitDelegate, HitRole, SearchResultsModel
from inducci_desktop.ui.pages.title import page_title

if TYPE_CHECKING:
    from inducci_desktop.services.library.service import LibraryService
    from inducci_desktop.services.pilots.service import PilotService

KIND_FILTERS = (("", N_("All kinds")), ("guide", N_("Guides")), ("case", N_("Case profiles")), ("format",
    N_("Formats")),
                ("interview", N_("Interview guides")))
TargetRole = Qt.ItemDataRole.UserRole
SEARCH_LIMIT = 50
LAST_ITEM_KEY = "library.last_item"
STATUS_MS = 6000


def reader_target(kind: str, item_id: str) -> str:
    """Where the reader shows a search hit of ``kind``."""
    if kind == "glossary":
        return f"glossary#{item_id}"
    if kind == "link":
        return f"links#{item_id}"
    if kind == "checklist":
        return f"checklist:{item_id}"
    if kind == "pilot":
        return f"pilot:{item_id}"
    return item_id


class LibraryPage(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.library: LibraryService = context.services.library
        self.events = context.events
        self.state = context.state
        self.window_ = context.window

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Search the toolbox (Ctrl+F) — e.g. hackathon, Biała, Straße"))
        self.search_edit.setAccessibleName(_("Search the toolbox"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.run_search)
        self.search_edit.returnPressed.connect(self.open_first_result)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(_("Kind of item"))
        for key, label in KIND_FILTERS:
            self.kind_combo.addItem(_(label), key)
        self.kind_combo.currentIndexChanged.connect(self.reload_tree)

        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setAccessibleName(_("Toolbox sections"))
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.tree_model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(self._open_index)
        self.tree.clicked.connect(self._open_index)

        self.results_model = SearchResultsModel()
        self.results = QListView()
        self.results.setAccessibleName(_("Search results"))
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.results_label = QLabel("")
        results_box = QWidget()
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results, 1)

        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.tree)
        self.left_stack.addWidget(results_box)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(page_title(_("Library")))
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.kind_combo)
        left_layout.addWidget(self.left_stack, 1)

        self._no_results = False
        self._listed: tuple[list[ItemSummary], list[SectionView]] | None = None
        self._services = context.services
        self.reader = ReaderView(self.library, lambda: self.pilots)
        self.reader.bookmarksChanged.connect(self.reload_tree)
        self.reader.notesChanged.connect(self._notes_changed)
        self.reader.addToPackRequested.connect(self.events.addToPackRequested)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.reader)
        split.setStretchFactor(1, 1)
        split.setSizes([330, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(split)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        find.setWhatsThis(_("Library: search the toolbox"))
        # page-wide actions: they act on the item open in the reader wherever the focus is on the page
        self.bookmark_action = self._page_action(_("Library: &bookmark the item shown"), "Ctrl+D",
                                                 self.reader.toggle_bookmark)
        self.pack_action = self._page_action(_("Library: add the item shown to the handout &pack"), "Ctrl+Shift+P",
                                             self.reader.add_to_pack)
        self.search_edit.installEventFilter(self)
        self.events.changed.connect(self._data_changed)
        self.reader.itemShown.connect(self._remember)
        self.reload_tree()
        self.show_overview()
        # the item read last, once the service is there (the first page may be up before it: first_page.py)
        self.library.when_ready(self._open_last)

    def _open_last(self) -> None:
        last = self.state.get(LAST_ITEM_KEY)
        if isinstance(last, str):
            self.reader.open(last)

    def _page_action(self, text: str, keys: str, act: Callable[[], str]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.notify(act()))
        self.addAction(action)
        return action

    def notify(self, message: str) -> None:
        """Visible feedback in the window's status bar."""
        self.window_.statusBar().showMessage(message, STATUS_MS)

    def _remember(self, target: str, _title: str) -> None:
        self.state.set(LAST_ITEM_KEY, target)

    def show_overview(self) -> None:
        # the tree was just listed (at start it always is): its lists, unless a kind filter narrowed them
        listed = self._listed
        items, all_sections = listed if listed is not None else (self.library.items(), self.library.sections())
        counts: dict[str, int] = {}
        for item in items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        sections = [(s.title, s.summary) for s in all_sections if s.depth == 0]
        self.reader.show_message(overview_html(counts, sections))

    # -- browsing ----------------------------------------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        # bookmarks made on this page refresh the tree themselves; those from elsewhere (import, restore)
        # and a new content pack reload it here
        if changes.touches(Kind.CONTENT, Kind.PILOT) or (changes.touches(Kind.BOOKMARK) and not self.isVisible()):
            self.reload_tree()

    @property
    def pilots(self) -> PilotService:
        """The pilots' service, built when a published pilot is searched or opened (not for the first page)."""
        return self._services.pilots

    def reload_tree(self) -> None:
        kind = self.kind_combo.currentData() or None
        self.tree_model.clear()
        root = self.tree_model.invisibleRootItem()
        bookmarks = [b for b in self.library.bookmarks() if b.available and (kind is None or b.kind == kind)]
        if bookmarks:
            node = self._node(_("Bookmarks"), None, bold=True)
            node.setIcon(icon("bookmark"))
            for mark in bookmarks:
                node.appendRow(self._node(mark.title, mark.item_id, tip=KIND_LABELS.get(mark.kind or "", "")))
            root.appendRow(node)
        items = self.library.items(kind=kind)
        listed_sections = self.library.sections()
        self._listed = (items, listed_sections) if kind is None else None
        by_section: dict[str | None, list[QStandardItem]] = {}
        for item in items:
            by_section.setdefault(item.section, []).append(
                self._node(item.title, item.id, tip=f"{KIND_LABELS.get(item.kind, item.kind)} — {item.summary}"))
        nodes: dict[str, QStandardItem] = {}
        for section in listed_sections:
            node = self._node(section.title, None, bold=section.depth == 0, tip=section.summary)
            for child in by_section.get(section.id, []):
                node.appendRow(child)
            nodes[section.id] = node
            parent = nodes.get(section.parent) if section.parent else None
            (parent if parent is not None else root).appendRow(node)
        for node in reversed(list(nodes.values())):  # children before their parents
            if not self._has_items(node):
                (node.parent() or root).removeRow(node.row())
        own = self.library.own_cases() if kind in (None, "case") else []
        if own:
            node = self._node(_("This region's own cases"), None, bold=True,
                              tip=_("Pilot actions published from this data folder; not part of the shipped "
                                    "toolbox"))
            for pilot_id, title in own:
                node.appendRow(self._node(title, f"pilot:{pilot_id}", tip=_(OWN_CASE_LABEL)))
            root.appendRow(node)
        if kind is None:
            root.appendRow(self._node(_("Glossary"), "glossary", bold=True))
            root.appendRow(self._node(_("Links"), "links", bold=True))
        self.tree.expandToDepth(0)

    def _has_items(self, node: QStandardItem) -> bool:
        return any(node.child(r).data(TargetRole) or self._has_items(node.child(r)) for r in range(node.rowCount()))

    @staticmethod
    def _node(text: str, target: str | None, *, bold: bool = False, tip: str = "") -> QStandardItem:
        node = QStandardItem(text)
        node.setData(target, TargetRole)
        node.setToolTip(tip)
        node.setEditable(False)
        if bold:
            font = node.font()
            font.setBold(True)
            node.setFont(font)
        return node

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        target = reader_target(hit.kind, hit.id) if hit is not None else index.data(TargetRole)
        if target and self.reader.open(target) and hit is not None:
            self.reader.highlight(self.search_edit.text())

    # -- search ------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def run_search(self, text: str) -> None:
        if not text.strip():
            self.left_stack.setCurrentIndex(0)
            self.results_model.set_hits([])
            self._leave_no_results()
            return
        kind = self.kind_combo.currentData() or None
        hits = [h for h in self.library.search(text, limit=SEARCH_LIMIT) if kind is None or h.kind == kind]
        if kind in (None, "case"):  # this region's own cases, published from Pilot actions, beside the shipped
            hits = self.pilots.search_published(text, limit=SEARCH_LIMIT) + hits
        self.results_model.set_hits(hits)
        self.results_label.setText(ngettext("{count} result", "{count} results",
            len(hits)).format(count=len(hits)) if hits else _("No results"))
        self.left_stack.setCurrentIndex(1)
        if hits:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
            self._leave_no_results()
            if self.reader.current is not None:
                self.reader.highlight(text)
        else:
            self.reader.show_message(no_results_html(text.strip()))
            self._no_results = True

    def _leave_no_results(self) -> None:
        if self._no_results:
            self._no_results = False
            if not self.reader.restore():
                self.show_overview()

    def open_first_result(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() and self.results_model.rowCount():
            index = self.results_model.index(0, 0)
        if index.isValid():
            self._open_index(index)
            self.reader.browser.setFocus()

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        if (watched is self.search_edit and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)):
            view = self.results if self.left_stack.currentIndex() == 1 else self.tree
            view.setFocus()
            return True
        if (watched is self.search_edit and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and self.search_edit.text()):
            self.search_edit.clear()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def flush(self) -> None:
        """Save what is being edited (the window calls this before it closes)."""
        self.reader.save_note()

    def _notes_changed(self) -> None:
        if self.search_edit.text().strip():
            self.run_search(self.search_edit.text())
