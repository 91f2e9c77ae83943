"""Settings → Backups: list, back up now, restore (after a confirmation; the current data is kept)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from inducci_desktop.domain.changes import Kind
from inducci_desktop.domain.i18n import N_, Labels, _
from inducci_desktop.services.backups import BackupInfo
from inducci_desktop.services.errors import StoreError
from inducci_desktop.services.maintenance import MaintenanceService
from inducci_desktop.ui.events import AppEvents
from inducci_desktop.ui.jobs import Job
from inducci_desktop.ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
REASON_LABELS = Labels({"auto": N_("Daily"), "manual": N_("Manual"), "pre-migrate": N_("Before upgrade"),
    "pre-restore": N_("Before restore"),
                 "pre-import": N_("Before import")})


def human_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class BackupTableModel(RowsTableModel):
    HEADERS = (N_("Created"), N_("Kind"), N_("Size"))

    def cell(self, info: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            created = info.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            return (created, _(REASON_LABELS[info.reason]) if info.reason in REASON_LABELS else info.reason,
                human_size(info.size))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        return None


class BackupsPanel(QGroupBox):
    def __init__(self, maintenance: MaintenanceService, events: AppEvents) -> None:
        super().__init__(_("Backups"))
        self.maintenance = maintenance
        self.events = events
        self.model = BackupTableModel()
        self.table = QTableView()
        self.table.setAccessibleName(_("Backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.status = QLabel(_("A backup is made automatically once a day and before every upgrade."))
        self.status.setWordWrap(True)
        self.create_button = QPushButton(_("Back up now"))
        self.create_button.clicked.connect(self.create_backup)
        self.restore_button = QPushButton(_("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        events.changed.connect(lambda changes: self.reload() if changes.touches(Kind.BACKUP) else None)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.model.load(self.maintenance.backups())

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def create_backup(self) -> None:
        self.create_button.setEnabled(False)

        def done(info: BackupInfo) -> None:
            self.create_button.setEnabled(True)
            when = info.created.astimezone()
            self.status.setText(_("Backup made: {when:%Y-%m-%d %H:%M:%S}, {human_size}.")
                .format(when=when, human_size=human_size(info.size)))

        def failed(exc: Exception) -> None:
            self.create_button.setEnabled(True)
            QMessageBox.warning(self, _("Backup"), str(exc))

        job = Job(lambda _report: self.maintenance.create_backup())
        job.success(done).failure(failed).progress(self, _("Backing up…")).start()

    def restore_selected(self) -> None:
        backup_id = self.selected_id()
        if backup_id is None:
            return
        info = next(b for b in self.model.rows if b.id == backup_id)
        answer = QMessageBox.question(
            self,
            _("Restore backup"),
            _("Replace all current data with the backup from {astimezone:%Y-%m-%d %H:%M:%S}?\n\nThe current data is "
                "kept as a backup first, so this can be undone by restoring that one.")
                .format(astimezone=info.created.astimezone()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            safety = self.maintenance.restore_backup(backup_id)
        except StoreError as exc:
            QMessageBox.critical(self, _("Restore failed"),
                _("{exc}\n\nYour current data was not changed.").format(exc=exc))
            self._reopen_after_failure()
            return
        self.status.setText(_("Backup restored.") + (_(" The previous data is kept as a backup.") if safety else ""))

    def _reopen_after_failure(self) -> None:
        if not self.maintenance.store.is_open:
            self.maintenance.store.open(auto_backup=False)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_id() is not None)
