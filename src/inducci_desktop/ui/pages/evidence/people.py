"""The People consulted tab of the Evidence page: the stakeholder register (organisation, role, name only
with consent, activities), add and edit, "Add from workshop participants…", delete with undo, erasure on
request, and the "people consulted" annex printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.evidence import StakeholderView
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.evidence.stakeholder_dialog import StakeholderDialog, WorkshopChoiceDialog
from inducci_desktop.ui.undo import AppliedCommand
from inducci_desktop.ui.widgets.region_picker import RegionPicker

STAKEHOLDER = Qt.ItemDataRole.UserRole
KINDS = (Kind.STAKEHOLDER, Kind.REGION)


class _Trash(AppliedCommand):
    def __init__(self, tab: PeopleTab, stakeholder_id: str) -> None:
        super().__init__(_("Delete person consulted"), tab.reload)
        self.tab, self.stakeholder_id = tab, stakeholder_id

    def apply(self) -> None:
        self.tab.service.delete(self.stakeholder_id)

    def revert(self) -> None:
        self.tab.service.restore(self.stakeholder_id)


class PeopleTab(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self.service = context.services.stakeholders
        self._views: dict[str, StakeholderView] = {}
        self.region = RegionPicker(self.services.regions, none_label=_("All regions"))
        self.region.setAccessibleName(_("Region filter"))
        self.region.chosen.connect(lambda _region: self.reload())
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(_("People consulted"))
        self.table.setHorizontalHeaderLabels([_("Organisation"), _("Role"), _("Name"), _("Consent"),
                                              _("Activities"), _("Region")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 210), (1, 150), (2, 140), (3, 90), (5, 120)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())
        self.count = QLabel()
        self.add_button = QPushButton(_("&Add…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.workshop_button = QPushButton(_("Add from &workshop participants…"))
        self.workshop_button.clicked.connect(self.add_from_workshop)
        self.erase_button = QPushButton(_("E&rase on request…"))
        self.erase_button.clicked.connect(self.erase_selected)
        self.print_button = QPushButton(_("&Print annex…"))
        self.print_button.clicked.connect(self.print_annex)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Region:")))
        filters.addWidget(self.region)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.workshop_button,
                       self.erase_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        context.events.changed.connect(self._changed)
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*KINDS):
            self.reload()

    def reload(self) -> None:
        selected = self.selected_id()
        views = self.service.list(self.region.region_id())
        self._views = {v.id: v for v in views}
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            consent = view.consent_date.isoformat() if view.consent and view.consent_date else (
                _("Yes") if view.consent else _("No"))
            activities = "; ".join(a.label or _(rules.ACTIVITY_KIND.labels.get(a.kind, a.kind))
                                   for a in view.activities)
            values = (view.organisation, view.role, view.name, consent, activities, view.region_name)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(STAKEHOLDER, view.id)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
            if view.id == selected:
                self.table.selectRow(row)
        self.count.setText(ngettext("{count} person or organisation consulted",
                                    "{count} people and organisations consulted", len(views)).format(count=len(views)))
        self._update_buttons()

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 and self.table.selectionModel().hasSelection() else None
        value = item.data(STAKEHOLDER) if item is not None else None
        return value if isinstance(value, str) else None

    def select(self, stakeholder_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(STAKEHOLDER) == stakeholder_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.edit_button, self.delete_button, self.erase_button):
            button.setEnabled(chosen)

    # --- actions ------------------------------------------------------------------------------------

    def add(self) -> None:
        dialog = StakeholderDialog(self, self.services, region_id=self.region.region_id())
        self.dialog = dialog
        dialog.exec()
        if dialog.saved_id:
            self.reload()
            self.select(dialog.saved_id)

    def edit_selected(self) -> None:
        view = self._views.get(self.selected_id() or "")
        if view is None:
            return
        dialog = StakeholderDialog(self, self.services, view)
        self.dialog = dialog
        dialog.exec()
        if dialog.saved_id:
            self.reload()

    def delete_selected(self) -> None:
        stakeholder_id = self.selected_id()
        if stakeholder_id is None:
            return
        self.service.delete(stakeholder_id)
        self.context.undo_stack.push(_Trash(self, stakeholder_id))

    def add_from_workshop(self) -> None:
        dialog = WorkshopChoiceDialog(self, self.services)
        self.workshop_dialog = dialog
        if dialog.exec():
            self.reload()
            QMessageBox.information(self, _("Add from workshop participants"), ngettext(
                "{count} participant who agreed was added.", "{count} participants who agreed were added.",
                dialog.added).format(count=dialog.added))

    def erase_selected(self) -> None:
        from inducci_desktop.logsetup import log_folders

        view = self._views.get(self.selected_id() or "")
        if view is None:
            return
        who = view.name or view.role or view.organisation
        answer = QMessageBox.question(
            self, _("Erase on request"),
            _("Erase all data of {who} everywhere?\n\nThe entry in this register, and the interview or workshop "
              "entries the person was added from, are removed for good, from the backups too (this cannot be "
              "undone).").format(who=who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            erased = self.service.erase(view.id, extra_folders=[Path(f) for f in log_folders()])
        except ServiceError as exc:
            QMessageBox.warning(self, _("Erase on request"), str(exc))
            return
        self.reload()
        if erased.complete:
            QMessageBox.information(self, _("Erase on request"), ngettext(
                "{entries} entry was erased; {files} files were read back and none holds the name or e-mail.",
                "{entries} entries were erased; {files} files were read back and none holds the name or e-mail.",
                erased.entries).format(entries=erased.entries, files=erased.files_checked))
            return
        listed = "\n".join(f"• {f.path}: {f.reason}" for f in erased.unclean)
        QMessageBox.warning(self, _("Erasure not complete"),
                            _("The person was erased, but these files could not be cleaned:\n{files}").format(
                                files=listed))

    def print_annex(self) -> None:
        from inducci_desktop.services.documents import DocumentRequest
        from inducci_desktop.ui.widgets.document_dialog import show_document

        show_document(self, self.services, self.context.state,
                      DocumentRequest("people-annex", self.region.region_id() or ""))
