"""The register of findings: filter by region, topic and words; group by topic or region; add, edit, open
the source, move to the trash (undo with Ctrl+Z); print the evidence annex."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.evidence import FindingView, SourceRef, SourceView
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.undo import AppliedCommand
from inducci_desktop.ui.widgets.add_finding import FindingDialog
from inducci_desktop.ui.widgets.region_picker import RegionPicker

log = logging.getLogger(__name__)
FINDING = Qt.ItemDataRole.UserRole
KINDS = (Kind.FINDING, Kind.TOPIC, Kind.REGION, Kind.ANSWER, Kind.ASSESSMENT, Kind.OUTCOME, Kind.WORKSHOP,
         Kind.FEEDBACK_RESPONSE, Kind.INTERVIEW, Kind.INTERVIEW_ANSWER)
STATE_NOTES = {"trashed": "(source in the trash)", "erased": "(source erased on request)",
               "missing": "(source no longer exists)"}


def source_text(source: SourceView) -> str:
    """How the register names a source: its title, and what became of it when it is not there."""
    note = STATE_NOTES.get(source.state)
    return f"{source.title} {_(note)}" if note else source.title


class _Trash(AppliedCommand):
    def __init__(self, tab: RegisterTab, finding_id: str, statement: str) -> None:
        super().__init__(_("Delete finding “{text}”").format(text=statement[:40]), tab.reload)
        self.tab = tab
        self.finding_id = finding_id

    def apply(self) -> None:
        self.tab.findings.delete(self.finding_id)

    def revert(self) -> None:
        self.tab.findings.restore(self.finding_id)


class RegisterTab(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self.findings = context.services.evidence.findings
        self._views: dict[str, FindingView] = {}
        self._sources: dict[str, SourceView] = {}
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.region = RegionPicker(self.services.regions, none_label=_("All regions"))
        self.region.setAccessibleName(_("Region filter"))
        self.region.chosen.connect(lambda _region: self.reload())
        self.topic = QComboBox()
        self.topic.setAccessibleName(_("Topic filter"))
        self.topic.activated.connect(lambda _index: self.reload())
        self.group = QComboBox()
        self.group.setAccessibleName(_("Group by"))
        for key, label in (("topic", _("By topic")), ("region", _("By region")), ("", _("Not grouped"))):
            self.group.addItem(label, key)
        self.group.activated.connect(lambda _index: self.reload())
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search findings"))
        self.search.setAccessibleName(_("Search findings"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.reload())
        filters.addWidget(QLabel(_("Region:")))
        filters.addWidget(self.region)
        filters.addWidget(QLabel(_("Topic:")))
        filters.addWidget(self.topic)
        filters.addWidget(self.group)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Findings"))
        self.tree.setHeaderLabels([_("Finding"), _("Strength"), _("Source"), _("Region"), _("Observed")])
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(1, 80)
        self.tree.setColumnWidth(2, 300)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda item, _col: self.edit_selected() if item.data(0, FINDING) else None)
        layout.addWidget(self.tree, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("&New finding…"))
        self.new_button.setToolTip(_("A finding typed by hand, with a citation of where it comes from"))
        self.new_button.clicked.connect(self.new_note)
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.open_button = QPushButton(_("&Open source"))
        self.open_button.clicked.connect(self.open_source_of_selected)
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = QPushButton(_("&Print annex…"))
        self.print_button.clicked.connect(self.print_annex)
        for button in (self.new_button, self.edit_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.tree, self.delete_selected)
        context.events.changed.connect(self._changed)
        self.reload()

    # --- data ---------------------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*KINDS):
            self.reload()

    def _reload_topics(self) -> None:
        current = self.topic.currentData()
        self.topic.clear()
        self.topic.addItem(_("All topics"), "")
        for topic in self.findings.topics():
            self.topic.addItem(f"{topic.name} ({topic.findings})", topic.id)
        self.topic.setCurrentIndex(max(self.topic.findData(current), 0))

    def reload(self) -> None:
        selected = self.selected_id()
        self._reload_topics()
        views = self.findings.list(region_id=self.region.region_id(), topic_id=self.topic.currentData() or None,
                                   query=self.search.text())
        self._views = {v.id: v for v in views}
        self._sources = self.services.evidence.sources.resolve_all({v.id: v.source for v in views})
        self.tree.clear()
        by = self.group.currentData()
        if by:
            for group in self.findings.grouped(views, by):
                head = QTreeWidgetItem([f"{group.title} ({len(group.findings)})"])
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setFirstColumnSpanned(False)
                self.tree.addTopLevelItem(head)
                for view in group.findings:
                    head.addChild(self._item(view))
                head.setExpanded(True)
        else:
            for view in views:
                self.tree.addTopLevelItem(self._item(view))
        self.summary.setText(ngettext("{count} finding", "{count} findings", len(views)).format(count=len(views)))
        if selected:
            self.select(selected)
        self._update_buttons()

    def _item(self, view: FindingView) -> QTreeWidgetItem:
        source = self._sources[view.id]
        item = QTreeWidgetItem([view.statement, _(rules.FINDING_STRENGTH.labels.get(view.strength, view.strength)),
                                source_text(source) if view.source.kind != "note" else view.citation,
                                view.region_name, view.observed_on.isoformat()])
        item.setData(0, FINDING, view.id)
        item.setToolTip(0, view.statement + ("\n" + ", ".join(view.topic_names) if view.topics else ""))
        if source.text:
            item.setToolTip(2, source.text)
        return item

    def select(self, finding_id: str) -> bool:
        for item in self._items():
            if item.data(0, FINDING) == finding_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is None:
                continue
            found.append(top)
            found.extend(child for i in range(top.childCount()) if (child := top.child(i)) is not None)
        return found

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, FINDING) if item is not None else None
        return value if isinstance(value, str) else None

    def _update_buttons(self) -> None:
        finding = self.selected_id()
        source = self._sources.get(finding) if finding else None
        self.edit_button.setEnabled(finding is not None)
        self.delete_button.setEnabled(finding is not None)
        self.open_button.setEnabled(source is not None and source.live and source.target is not None)

    # --- actions ------------------------------------------------------------------------------------

    def new_note(self) -> None:
        dialog = FindingDialog(self, self.services, SourceRef("note"), region_id=self.region.region_id())
        if dialog.exec() and dialog.saved_id:
            self.reload()
            self.select(dialog.saved_id)

    def edit_selected(self) -> None:
        finding = self.selected_id()
        if finding is None:
            return
        view = self._views[finding]
        dialog = FindingDialog(self, self.services, view.source, finding_id=finding)
        dialog.exec()
        self.reload()  # even when cancelled: it may have shown a version saved elsewhere
        if dialog.saved_id:
            self.select(dialog.saved_id)  # the edited finding, or the copy kept beside theirs

    def delete_selected(self) -> None:
        finding = self.selected_id()
        if finding is None:
            return
        view = self._views[finding]
        try:
            self.findings.delete(finding)
        except ServiceError as exc:
            QMessageBox.warning(self, _("Not deleted"), str(exc))
            return
        self.context.undo_stack.push(_Trash(self, finding, view.statement))
        self.context.window.statusBar().showMessage(_("Finding deleted. Undo with Ctrl+Z."), 5000)

    def open_source_of_selected(self) -> None:
        finding = self.selected_id()
        source = self._sources.get(finding) if finding else None
        if source is None or source.target is None or not source.live:
            return
        page_id, record_id, detail = source.target
        self.context.window.show_page(page_id)
        page = self.context.window.pages.get(page_id)
        opener = getattr(page, "open_source", None)
        if callable(opener):
            opener(record_id, detail)

    def print_annex(self) -> None:
        from inducci_desktop.services.documents import DocumentRequest
        from inducci_desktop.ui.widgets.document_dialog import show_document

        request = DocumentRequest("evidence-annex", params=(
            ("region", self.region.region_id() or ""), ("topic", self.topic.currentData() or ""),
            ("group", self.group.currentData() or "topic")))
        show_document(self, self.services, self.context.state, request)
