"""The Recommendations tab: the regions' papers side by side (topics × regions, "common?" computed and
editable), the EU-level fields of the chosen topic, and the recommendations with their examples."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import RecommendationView, TopicEntry
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.strategy.dialogs import (
    ItemDialog,
    NewRecommendationDialog,
    checked,
    checklist,
    example_label,
)
from inducci_desktop.ui.pages.strategy.output import export_docx, preview

COMPUTED = "computed"


class RecommendationsTab(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self.recommendations = context.services.strategy.recommendations
        self.view: RecommendationView | None = None
        self.topic: TopicEntry | None = None
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(_("Recommendation"))
        self.chooser.currentIndexChanged.connect(lambda _i: self.show_recommendation())
        self.new_button = QPushButton(_("New recommendation…"))
        self.new_button.clicked.connect(lambda: self.new_recommendation())
        self.print_button = QPushButton(_("Print"))
        menu = QMenu(self)
        for label, key, docx in ((_("Short version (PDF)…"), "recommendation-short", False),
                                 (_("Full version (PDF)…"), "recommendation-full", False),
                                 (_("Export short version (DOCX)…"), "recommendation-short", True),
                                 (_("Export full version (DOCX)…"), "recommendation-full", True)):
            action = menu.addAction(label)
            action.triggered.connect(self._printer(key, docx))
        self.print_button.setMenu(menu)
        header = QHBoxLayout()
        header.addWidget(self.chooser, 1)
        header.addWidget(self.new_button)
        header.addWidget(self.print_button)
        self.matrix = QTableWidget()
        self.matrix.setAccessibleName(_("Topics × regions"))
        self.matrix.verticalHeader().hide()
        self.matrix.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.matrix.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.matrix.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.matrix.currentCellChanged.connect(lambda *_a: self._topic_chosen())
        self.policy = QLineEdit()
        self.policy.setAccessibleName(_("Policy, programme or network"))
        self.gap = QPlainTextEdit()
        self.gap.setAccessibleName(_("Gap"))
        self.gap.setMaximumHeight(60)
        self.level = QComboBox()
        self.level.setAccessibleName(_("Level addressed"))
        for key, label in rules.POLICY_LEVEL.labels.items():
            self.level.addItem(_(label), key)
        self.actor = QLineEdit()
        self.actor.setAccessibleName(_("Actor addressed"))
        self.common = QComboBox()
        self.common.setAccessibleName(_("Common?"))
        self.examples = QListWidget()
        self.examples.setAccessibleName(_("Examples"))
        self.save_topic_button = QPushButton(_("Save topic"))
        self.save_topic_button.clicked.connect(lambda: self.save_topic())
        topic_box = QGroupBox(_("European level of the chosen topic"))
        form = QFormLayout(topic_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # fields as wide as the box
        form.addRow(_("Common&?"), self.common)
        form.addRow(_("&Policy, programme or network:"), self.policy)
        form.addRow(_("&Gap:"), self.gap)
        row = QHBoxLayout()
        row.addWidget(self.level)
        row.addWidget(self.actor, 1)
        form.addRow(_("Level and actor:"), row)
        form.addRow(_("E&xamples:"), self.examples)
        form.addRow("", self.save_topic_button)
        self.items = QListWidget()
        self.items.setAccessibleName(_("Recommendations"))
        self.items.itemDoubleClicked.connect(lambda _item: self.edit_item())
        self.add_item_button = QPushButton(_("Add recommendation…"))
        self.add_item_button.clicked.connect(lambda: self.add_item())
        self.delete_item_button = QPushButton(_("Delete recommendation"))
        self.delete_item_button.clicked.connect(lambda: self.delete_item())
        items_box = QGroupBox(_("Recommendations"))
        items_layout = QVBoxLayout(items_box)
        items_layout.addWidget(self.items, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_item_button)
        row.addWidget(self.delete_item_button)
        items_layout.addLayout(row)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.matrix)
        left.addWidget(items_box)
        left.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(topic_box)
        split.setChildrenCollapsible(False)
        split.setSizes([450, 450])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(split, 1)
        self.reload()

    def _printer(self, key: str, docx: bool) -> Callable[[], None]:
        def run() -> None:
            if self.view is None:
                return
            if docx:
                export_docx(self, self.context, key, self.view.summary.id)
            else:
                preview(self, self.context, key, self.view.summary.id)
        return run

    # --- loading ------------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        wanted = select or (self.view.summary.id if self.view else None)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for summary in self.recommendations.list():
            self.chooser.addItem(summary.title, summary.id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(wanted)) if self.chooser.count() else -1)
        self.chooser.blockSignals(False)
        self.show_recommendation()

    def show_recommendation(self) -> None:
        recommendation_id = self.chooser.currentData()
        try:
            self.view = self.recommendations.get(recommendation_id) if recommendation_id else None
        except ServiceError:
            self.view = None
        view = self.view
        topic_id = self.topic.topic_id if self.topic else None
        self.matrix.clear()
        papers = view.papers if view else ()
        self.matrix.setColumnCount(len(papers) + 2)
        self.matrix.setHorizontalHeaderLabels([_("Topic"), *(p.region_name for p in papers), _("Common?")])
        rows = view.matrix if view else ()
        self.matrix.setRowCount(len(rows))
        for row, line in enumerate(rows):
            self.matrix.setItem(row, 0, QTableWidgetItem(line.topic_name))
            for column, present in enumerate(line.present, 1):
                cell = QTableWidgetItem("✓" if present else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setToolTip("\n".join(line.measures[column - 1]) if line.measures else "")
                self.matrix.setItem(row, column, cell)
            mark = "" if line.common == line.computed else " *"
            self.matrix.setItem(row, len(papers) + 1,
                                QTableWidgetItem(_(rules.COMMONALITY.labels[line.common]) + mark))
        self.matrix.resizeColumnsToContents()
        ids = [line.topic_id for line in rows]
        if ids:
            self.matrix.setCurrentCell(ids.index(topic_id) if topic_id in ids else 0, 0)
        self._topic_chosen()
        self.items.clear()
        for number, item in enumerate(view.items if view else (), 1):
            entry = QListWidgetItem(f"{number}. {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setToolTip("\n".join(example_label(e) for e in item.examples))
            self.items.addItem(entry)
        for widget in (self.print_button, self.add_item_button, self.delete_item_button):
            widget.setEnabled(view is not None)

    def _topic_chosen(self) -> None:
        row = self.matrix.currentRow()
        topics = self.view.topics if self.view else ()
        line = self.view.matrix[row] if self.view and 0 <= row < len(self.view.matrix) else None
        self.topic = next((t for t in topics if line and t.topic_id == line.topic_id), None)
        entry = self.topic
        self.common.clear()
        self.common.addItem(_("As computed ({value})").format(
            value=_(rules.COMMONALITY.labels[entry.computed])) if entry else _("As computed"), COMPUTED)
        for key, label in rules.COMMONALITY.labels.items():
            self.common.addItem(_(label), key)
        if entry and entry.common != entry.computed:
            self.common.setCurrentIndex(self.common.findData(entry.common))
        self.policy.setText(entry.policy if entry else "")
        self.gap.setPlainText(entry.gap if entry else "")
        self.level.setCurrentIndex(max(0, self.level.findData(entry.level if entry else "eu")))
        self.actor.setText(entry.actor if entry else "")
        chosen = {e.ref for e in entry.examples} if entry else set()
        choices = self.recommendations.example_choices(self.view.summary.id) if self.view else []
        fresh = checklist([(example_label(e), e.ref) for e in choices], _("Examples"), chosen)
        self.examples.clear()
        while fresh.count():
            self.examples.addItem(fresh.takeItem(0))
        for widget in (self.common, self.policy, self.gap, self.level, self.actor, self.examples,
                       self.save_topic_button):
            widget.setEnabled(entry is not None)

    # --- actions ------------------------------------------------------------------------------------

    def new_recommendation(self) -> None:
        dialog = NewRecommendationDialog(self, self.services)
        if dialog.exec() != NewRecommendationDialog.DialogCode.Accepted:
            return
        try:
            made = self.recommendations.create(dialog.title.text(), checked(dialog.papers))
        except ServiceError as exc:
            QMessageBox.warning(self, _("New recommendation"), str(exc))
            return
        self.reload(made.id)

    def save_topic(self) -> None:
        if self.view is None or self.topic is None:
            return
        common = self.common.currentData()
        try:
            self.recommendations.update_topic(
                self.view.summary.id, self.topic.topic_id, common=None if common == COMPUTED else common,
                computed_common=common == COMPUTED, policy=self.policy.text(), gap=self.gap.toPlainText(),
                level=self.level.currentData(), actor=self.actor.text(), examples=checked(self.examples))
        except ServiceError as exc:
            QMessageBox.warning(self, _("Save topic"), str(exc))
            return
        self.show_recommendation()

    def _item_dialog(self, chosen: set[object] | None = None) -> ItemDialog | None:
        if self.view is None:
            return None
        dialog = ItemDialog(self, self.recommendations.example_choices(self.view.summary.id),
                            chosen)  # type: ignore[arg-type]
        return dialog

    def add_item(self) -> None:
        dialog = self._item_dialog()
        if dialog is None or self.view is None:
            return
        while dialog.exec() == ItemDialog.DialogCode.Accepted:
            try:
                self.recommendations.add_item(
                    self.view.summary.id, dialog.title.text(), reasoning=dialog.reasoning.toPlainText(),
                    level=dialog.level.currentData(), actor=dialog.actor.text(), examples=checked(dialog.examples),
                    topic_id=self.topic.topic_id if self.topic else "")
            except ServiceError as exc:
                QMessageBox.warning(self, _("Recommendation"), str(exc))
                continue  # the dialog comes back with what was typed
            self.show_recommendation()
            return

    def edit_item(self) -> None:
        current = self.items.currentItem()
        if current is None or self.view is None:
            return
        item = next(i for i in self.view.items if i.id == current.data(Qt.ItemDataRole.UserRole))
        dialog = self._item_dialog({e.ref for e in item.examples})
        if dialog is None:
            return
        dialog.title.setText(item.title)
        dialog.reasoning.setPlainText(item.reasoning)
        dialog.level.setCurrentIndex(max(0, dialog.level.findData(item.level)))
        dialog.actor.setText(item.actor)
        while dialog.exec() == ItemDialog.DialogCode.Accepted:
            try:
                self.recommendations.update_item(item.id, dialog.title.text(),
                                                 reasoning=dialog.reasoning.toPlainText(),
                                                 level=dialog.level.currentData(), actor=dialog.actor.text(),
                                                 examples=checked(dialog.examples))
            except ServiceError as exc:
                QMessageBox.warning(self, _("Recommendation"), str(exc))
                continue
            self.show_recommendation()
            return

    def delete_item(self) -> None:
        current = self.items.currentItem()
        if current is None:
            return
        try:
            self.recommendations.delete_item(current.data(Qt.ItemDataRole.UserRole))
        except ServiceError as exc:
            QMessageBox.warning(self, _("Delete recommendation"), str(exc))
            return
        self.show_recommendation()
