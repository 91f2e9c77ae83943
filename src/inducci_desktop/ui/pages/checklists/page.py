"""The Checklists page: the list of assessments, and in its place the runner, summary or comparison.

Keyboard: Ctrl+F filters the list, Ctrl+N starts an assessment, Return opens, Delete moves to the trash;
in the runner Tab/arrows move, digits answer scale items, Y/P/N/A answer yes/partly/no/n.a.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.i18n import N_, _, ngettext, pgettext
from inducci_desktop.services.checklists.service import ChecklistService
from inducci_desktop.services.documents import DocumentRequest
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.checklists.list_panel import COLUMNS, AssessmentTableModel, IdRole
from inducci_desktop.ui.pages.checklists.runner import RunnerWidget
from inducci_desktop.ui.pages.checklists.summary import CompareView, SummaryView
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.registry import LIBRARY
from inducci_desktop.ui.pages.title import page_title
from inducci_desktop.ui.widgets.document_dialog import show_document
from inducci_desktop.ui.widgets.fitting import fit_header, keep_text_width

log = logging.getLogger(__name__)
FILTERS = (("active", N_("Active")), ("draft", N_("In progress")), ("completed", N_("Completed")), ("archived",
    N_("Archived")),
           ("all", N_("All")), ("trash", N_("Trash")))


class ChecklistsPage(QWidget):
    LIST, RUNNER, SUMMARY, COMPARE = range(4)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.service: ChecklistService = context.services.checklists
        self.events = context.events

        self.model = AssessmentTableModel()
        self.table = QTableView()
        self.table.setAccessibleName(_("Assessments"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # fixed starting widths: ResizeToContents would measure up to 1,000 rows on every reset
        for column, width in zip(range(1, len(COLUMNS)), (170, 220, 90, 60, 80, 110), strict=True):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        fit_header(header, range(1, len(COLUMNS)))  # a translated title may be wider than the English one
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(_("Filter by title, region, assessor, checklist (Ctrl+F)"))
        self.filter_edit.setAccessibleName(_("Filter assessments"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self._focus_first)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(_("Show"))
        for key, label in FILTERS:
            self.status_combo.addItem(_(label), key)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()

        self.new_button = QPushButton(_("New assessment…"))
        self.new_button.setToolTip(_("Start an assessment from a checklist template (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button = QPushButton(pgettext("button", "Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.round_button = QPushButton(_("Next round"))
        self.round_button.setToolTip(_("A copy of the selected assessment as its next round, answers carried over"))
        self.round_button.clicked.connect(self.next_round)
        self.compare_button = QPushButton(_("Compare"))
        self.compare_button.setToolTip(_("Select two or more assessments of the same checklist"))
        self.compare_button.clicked.connect(self.compare_selected)
        self.regions_button = QPushButton(_("By region…"))
        self.regions_button.setToolTip(_("All assessments of one checklist, grouped by region, side by side"))
        self.regions_button.clicked.connect(self.show_by_region)
        self.archive_button = QPushButton(_("Archive"))
        self.archive_button.clicked.connect(self.archive_selected)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete_or_restore)
        self.print_button = QPushButton(_("Print"))
        print_menu = QMenu(self.print_button)
        print_menu.addAction(_("Assessment &report…"), self.print_selected)
        print_menu.addAction(_("&Blank paper form…"), self.print_blank)
        self.print_button.setMenu(print_menu)
        self.templates_button = QPushButton(_("Templates…"))
        self.templates_button.setToolTip(_("Own checklist templates: create, edit, import YAML"))
        self.templates_button.clicked.connect(self.manage_templates)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.status_combo)
        top.addWidget(self.count_label)
        # two rows: in German or Polish the nine buttons do not fit beside each other
        buttons = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        for button in (self.new_button, self.open_button, self.round_button, self.compare_button,
                       self.regions_button):
            first.addWidget(button)
        first.addStretch(1)
        for button in (self.archive_button, self.delete_button, self.print_button):
            second.addWidget(button)
        second.addStretch(1)
        second.addWidget(self.templates_button)
        buttons.addLayout(first)
        buttons.addLayout(second)
        keep_text_width(self.new_button, self.open_button, self.round_button, self.compare_button,
                        self.regions_button, self.archive_button, self.delete_button, self.print_button,
                        self.templates_button)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(8, 8, 8, 8)
        list_layout.addWidget(page_title(_("Checklists")))
        list_layout.addLayout(top)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.table, 1)
        self.empty_label = QLabel(_("No assessments yet. Start one with “New assessment…” — or run "
                                  "<code>inducci-desktop demo</code> to see an example."))
        self.empty_label.setWordWrap(True)
        list_layout.addWidget(self.empty_label)

        self.runner = RunnerWidget(self.service, context.undo_stack, self._guide_titles())
        self.runner.findingRequested.connect(self.add_finding)
        self.runner.backRequested.connect(self.show_list)
        self.runner.summaryRequested.connect(self.show_summary)
        self.runner.printRequested.connect(self.print_assessment)
        self.runner.guideRequested.connect(self.open_guide)
        self.runner.changed.connect(lambda _id: self._schedule_reload())
        self.summary = SummaryView()
        self.summary.backRequested.connect(self.show_list)
        self.summary.runnerRequested.connect(self.open_assessment)
        self.summary.printRequested.connect(self.print_assessment)
        self.compare = CompareView()
        self.compare.backRequested.connect(self.show_list)
        self.compare.printRequested.connect(self.print_comparison)

        self.stack = QStackedWidget()
        for widget in (list_page, self.runner, self.summary, self.compare):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        for keys, slot in (("Ctrl+F", self.focus_filter), ("Ctrl+N", self.new_assessment)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_or_restore)
        self._reload_pending = False
        self.events.changed.connect(self._data_changed)
        # the open assessment shows what others change in it (after the list's own handling of a change)
        self.events.changed.connect(self._runner_data_changed)
        self.reload()

    # --- list -------------------------------------------------------------------------------------

    @property
    def showing_trash(self) -> bool:
        key: object = self.status_combo.currentData()
        return key == "trash"

    def reload(self) -> None:
        self._reload_pending = False
        selected = set(self.selected_ids())
        key = self.status_combo.currentData()
        rows = (self.service.list(deleted=True) if key == "trash" else self.service.list(status=key))
        self.model.set_rows(rows)
        self._reselect(selected)
        self._update_count()
        self._update_buttons()

    def _schedule_reload(self) -> None:
        # the list is refreshed when shown again (answers change many times a minute)
        self._reload_pending = True

    def _data_changed(self, changes: Changes) -> None:
        # the page's own answers arrive here too (many a minute) and refresh the list when it is shown
        # again; writes made elsewhere (an import, a restore, another client on the server) reload it at once.
        # Another client's change can still be on its way from the listener's thread when the data is closed.
        if not self.service.store.is_open:
            return
        if changes.everything and not changes.remote:
            self._reload_pending = True
            self.show_list()
        elif changes.touches(Kind.ASSESSMENT, Kind.TEMPLATE) and (changes.remote or not self.isVisible()):
            self.reload()

    def _runner_data_changed(self, changes: Changes) -> None:
        if self.service.store.is_open:
            self.runner.data_changed(changes)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown != total:
            text = ngettext("{shown} of {total} assessment shown", "{shown} of {total} assessments shown", total)
        else:
            text = ngettext("{total} assessment", "{total} assessments", total)
        self.count_label.setText(text.format(shown=shown, total=total))
        self.empty_label.setVisible(total == 0 and not self.showing_trash)

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def focus_filter(self) -> None:
        self.show_list()
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _focus_first(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [str(index.data(IdRole)) for index in sorted(rows, key=lambda i: i.row())]

    def select_ids(self, ids: list[str]) -> None:
        self._reselect(set(ids))

    def _reselect(self, ids: set[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = True
        for assessment_id in ids:
            row = self.model.row_of(assessment_id)
            if row < 0:
                continue
            index = self.model.index(row, 0)
            flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            selection.select(index, flags)
            if first:
                selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
                first = False

    def _update_buttons(self) -> None:
        count = len(self.selected_ids())
        trash = self.showing_trash
        for button in (self.open_button, self.round_button, self.archive_button, self.print_button):
            button.setEnabled(count == 1 and not trash)
        self.compare_button.setEnabled(count >= 2 and not trash)
        self.delete_button.setEnabled(count >= 1)
        self.delete_button.setText(_("Restore") if trash else _("Delete"))
        chosen = self.model.summary_of(self.selected_ids()[0]) if count == 1 else None
        archived = chosen is not None and chosen.archived
        self.archive_button.setText(_("Unarchive") if archived else _("Archive"))

    def _activated(self, index: QModelIndex) -> None:
        if not self.showing_trash:
            self.open_assessment(str(index.data(IdRole)))

    # --- navigation -------------------------------------------------------------------------------

    def show_list(self) -> None:
        self.runner.flush()
        if self._reload_pending:
            self.reload()
        self.stack.setCurrentIndex(self.LIST)
        self.table.setFocus()

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_assessment(ids[0])

    def open_assessment(self, assessment_id: str) -> None:
        if not self._attempt(lambda: self.runner.open(assessment_id)):
            return
        self.stack.setCurrentIndex(self.RUNNER)
        first = next(iter(self.runner.cards.values()), None)
        if first is not None:
            first.focus_answer()

    def add_finding(self, assessment_id: str, item_key: str) -> None:
        """"Add as finding…" on an answer: the finding links to it (and opens it) from the register."""
        from inducci_desktop.domain.evidence import SourceRef
        from inducci_desktop.ui.widgets.add_finding import add_finding

        view = self.service.get(assessment_id)
        item = next((i for s in view.template.sections for i in s.items if i.key == item_key), None)
        answer = view.answers.get(item_key)
        text = ""
        if item is not None and answer is not None:
            from inducci_desktop.domain.checklists import answer_text

            text = "; ".join(t for t in (answer_text(item, answer.value), answer.note) if t)
        add_finding(self, self.context.services, SourceRef("answer", f"{assessment_id}/{item_key}"), text,
                    view.summary.region_id)

    def open_source(self, assessment_id: str, detail: str) -> None:
        """Open the assessment at the item (or section) a finding came from."""
        self.open_assessment(assessment_id)
        if self.stack.currentIndex() == self.RUNNER and detail:
            view = self.runner.view
            section = next((s for s in view.template.sections if s.key == detail), None) if view else None
            self.runner.reveal(section.items[0].key if section and section.items else detail)

    def show_summary(self, assessment_id: str) -> None:
        if self._attempt(lambda: self.summary.show_view(self.service.get(assessment_id))):
            self.stack.setCurrentIndex(self.SUMMARY)

    def compare_selected(self) -> None:
        # oldest first, so differences read as change over time (rounds) or against the first region
        by_id = {a.id: a for a in self.model.all_rows}
        ids = sorted(self.selected_ids(), key=lambda i: (by_id[i].assessed_on, by_id[i].round, by_id[i].title))
        if self._attempt(lambda: self.compare.show_comparison(self.service.compare(ids))):
            self.stack.setCurrentIndex(self.COMPARE)

    def show_by_region(self) -> None:
        from inducci_desktop.ui.pages.checklists.regions import RegionOverviewDialog

        by_id = {a.id: a for a in self.model.all_rows}
        chosen = [by_id[i].template_id for i in self.selected_ids() if i in by_id]
        RegionOverviewDialog(self.service, chosen[0] if chosen else None, self).open()

    # --- commands ---------------------------------------------------------------------------------

    def new_assessment(self) -> None:
        from inducci_desktop.ui.pages.checklists.dialogs import NewAssessmentDialog

        templates = self.service.templates.templates()
        if not templates:
            QMessageBox.information(self, _("No checklists"), _("There are no checklist templates yet: the toolbox "
                                    "content is not loaded and no own template exists."))
            return
        dialog = NewAssessmentDialog(self, templates, self.context.services.regions,
                                     assessor=str(self.context.state.get("checklists.assessor", "") or ""))
        while dialog.exec():
            values = dialog.values()
            try:
                created = self.service.create(dialog.template_id(), **values)  # type: ignore[arg-type]
            except ServiceError as exc:
                dialog.error.setText(str(exc))
                continue
            self.context.state.set("checklists.assessor", str(values["assessor"]))
            self.status_combo.setCurrentIndex(0)
            self.reload()
            self.open_assessment(created.id)
            return

    def next_round(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        result: list[str] = []
        if self._attempt(lambda: result.append(self.service.next_round(ids[0]).id)):
            self.reload()
            self.open_assessment(result[0])

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        chosen = self.model.summary_of(ids[0])
        archived = chosen is not None and chosen.archived
        self._attempt(lambda: self.service.archive(ids[0], not archived))
        self.reload()

    def delete_or_restore(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        trash = self.showing_trash
        action = self.service.restore if trash else self.service.delete
        for assessment_id in ids:
            self._attempt(partial(action, assessment_id))
        self.reload()
        if not trash:
            self.context.window.statusBar().showMessage(
                ngettext("{count} assessment moved to the trash — choose “Trash” to restore it.",
                         "{count} assessments moved to the trash — choose “Trash” to restore them.", len(ids))
                    .format(count=len(ids)), 8000)

    def manage_templates(self) -> None:
        from inducci_desktop.ui.pages.checklists.templates import TemplatesDialog

        dialog = TemplatesDialog(self, self.service, print_blank=self._print_template)
        dialog.exec()
        self.reload()

    def open_guide(self, item_id: str) -> None:
        window = self.context.window
        library = window.pages.get(LIBRARY)
        reader = getattr(library, "reader", None)
        if reader is not None and hasattr(reader, "open"):
            window.show_page(LIBRARY)
            reader.open(item_id)
            return
        try:
            item = self.context.services.library.item(item_id)
        except ServiceError as exc:
            QMessageBox.information(self, _("Guide"), str(exc))
            return
        QMessageBox.information(self, item.title, item.summary)

    # --- printing ---------------------------------------------------------------------------------

    def print_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.print_assessment(ids[0])

    def print_blank(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            a = self.model.summary_of(ids[0])
            if a is not None:
                self._print_template(a.template_id, a.template_version)

    def _print_template(self, template_id: str, version: int | None = None) -> None:
        self._preview(DocumentRequest("checklist-form", template_id, version=version))

    def print_assessment(self, assessment_id: str) -> None:
        self.runner.flush()
        self._preview(DocumentRequest("assessment-report", assessment_id))

    def print_comparison(self, ids: list[str]) -> None:
        self._preview(DocumentRequest("assessment-comparison", records=tuple(ids)))

    def _preview(self, request: DocumentRequest) -> None:
        """Every printout of this page: the preview dialog, with Save as PDF… and Print…"""
        show_document(self, self.context.services, self.context.state, request)

    # --- helpers ----------------------------------------------------------------------------------

    def _attempt(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except ServiceError as exc:
            QMessageBox.warning(self, _("Checklists"), str(exc))
            return False
        return True

    def _guide_titles(self) -> dict[str, str]:
        try:
            return {i.id: i.title for i in self.context.services.library.items()}
        except Exception:  # content may be missing; guides are then just not linked
            log.exception("guide titles not available")
            return {}
