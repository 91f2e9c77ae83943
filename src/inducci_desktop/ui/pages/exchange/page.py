"""The Exchange page: export a bundle for another machine, import one with a preview, tables for spreadsheets.

Every file operation runs off the UI thread (``Job``); a bundle that cannot be imported is explained in
an error dialog and changes nothing. After an import, AppEvents.changed makes the pages showing the
imported kinds reload.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import i18n
from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.i18n import N_, Nn_, _, ngettext
from inducci_desktop.domain.labels import assessment_status_label
from inducci_desktop.domain.pilots import status_label
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.exchange.service import ExportResult, ExportSelection, ImportPlan, ImportResult
from inducci_desktop.services.exchange.tables import TABLES, TableResult, TableService
from inducci_desktop.ui.jobs import Job
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.exchange.preview import ImportPreviewDialog, side_text
from inducci_desktop.ui.pages.title import page_title
from inducci_desktop.ui.widgets.fitting import WrappingLabel

log = logging.getLogger(__name__)
GROUPS = (("regions", N_("Regions")), ("templates", N_("Own checklist templates")), ("assessments", N_("Assessments")),
          ("workshops", N_("Workshops")), ("pilots", N_("Pilot actions")))
NOUNS = {"regions": Nn_("{count} region", "{count} regions"),
         "templates": Nn_("{count} template", "{count} templates"),
         "assessments": Nn_("{count} assessment", "{count} assessments"),
         "workshops": Nn_("{count} workshop", "{count} workshops"),
         "pilots": Nn_("{count} pilot action", "{count} pilot actions")}


def _records(count: int) -> str:
    return ngettext("{count} record", "{count} records", count).format(count=count)


def _chosen(count: int) -> str:
    return ngettext("{count} chosen record", "{count} chosen records", count).format(count=count)
PERSONAL_HELP = (N_("Left unchecked, participants travel without names, e-mails, organisations and departments: "
                 "the other machine gets numbered anonymous entries, so attendance counts and feedback stay "
                 "right. Check it only when the receiver may hold these personal data (e.g. the trainer's own "
                 "second laptop)."))


def _message(exc: Exception) -> str:
    if isinstance(exc, ServiceError):
        return str(exc)
    if isinstance(exc, OSError):
        return _("The file could not be used: {value}.").format(value=exc.strerror or exc)
    log.error("exchange failed", exc_info=exc)
    return _("An unexpected problem occurred ({name__}); details are in the log file.").format(name__=type(exc)
        .__name__)



def export_message(chosen: int, result: ExportResult) -> str:
    """What an export wrote, counting the records chosen apart from those that travel with them."""
    total = sum(result.counts.values())
    extra = max(total - chosen, 0)
    personal = _("with") if result.includes_personal_data else _("without")
    text = _("Exported {records} to {path}").format(records=_chosen(chosen), path=result.path)
    if extra:
        text += (_(", with {records} they need on the other side (answers, regions, templates, days, participants…): "
            "{total} in all")
            .format(records=_records(extra), total=_records(total)))
    return text + _(", {personal} participants' personal data.").format(personal=personal)

class ExchangePage(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.services = context.services
        self.events = context.events
        self.state = context.state
        self._chosen = 0
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(_("Exchange")))
        intro = QLabel(_("Carry work between laptops as a file (USB stick or e-mail): export what you choose, "
                       "import what others sent after a preview. Tables open in any spreadsheet."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        columns = QHBoxLayout()
        layout.addLayout(columns, 1)
        columns.addWidget(self._export_box(), 3)
        right = QVBoxLayout()
        right.addWidget(self._import_box())
        right.addWidget(self._conflicts_box())
        right.addWidget(self._tables_box())
        right.addStretch(1)
        columns.addLayout(right, 2)
        self.events.changed.connect(self._changed)
        self.reload()

    # --- building ----------------------------------------------------------------------------------

    def _export_box(self) -> QGroupBox:
        box = QGroupBox(_("Export"))
        layout = QVBoxLayout(box)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Records to export"), _("Details")])
        self.tree.setAccessibleName(_("Records to export"))
        self.tree.setColumnWidth(0, 320)
        self.tree.itemChanged.connect(self._update_export_button)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.all_button = QPushButton(_("Select all"))
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = QPushButton(_("Select none"))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.personal = QCheckBox(_("Include participants' personal data"))
        self.personal.setAccessibleDescription(_(PERSONAL_HELP))
        layout.addWidget(self.personal)
        help_label = WrappingLabel(_(PERSONAL_HELP))
        help_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(help_label)
        form = QFormLayout()
        self.created_by = QLineEdit(str(self.state.get("exchange.created_by", "")))
        self.created_by.setPlaceholderText(_("e.g. your name and office (optional)"))
        self.created_by.setAccessibleName(_("Made by"))
        form.addRow(_("Made by:"), self.created_by)
        layout.addLayout(form)
        self.export_button = QPushButton(_("Export…"))
        self.export_button.clicked.connect(self.export_selected)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _import_box(self) -> QGroupBox:
        box = QGroupBox(_("Import"))
        layout = QVBoxLayout(box)
        text = QLabel(_("Open a .inducci file. You see what it would add, update or leave alone, and every "
                      "conflict, before anything is changed; the import is applied completely or not at all."))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.import_button = QPushButton(_("Import…"))
        self.import_button.clicked.connect(self.choose_import)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        self.last_import = QLabel("")
        self.last_import.setWordWrap(True)
        layout.addWidget(self.last_import)
        return box

    def _conflicts_box(self) -> QGroupBox:
        box = QGroupBox(_("Conflicts"))
        layout = QVBoxLayout(box)
        self.conflicts_note = QLabel("")
        self.conflicts_note.setWordWrap(True)
        layout.addWidget(self.conflicts_note)
        self.conflict_table = QTableWidget(0, 3)
        self.conflict_table.setAccessibleName(_("Open conflicts"))
        self.conflict_table.setHorizontalHeaderLabels([_("Record"), _("Mine"), _("Theirs")])
        self.conflict_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.conflict_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.conflict_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.conflict_table)
        self.show_resolved = QCheckBox(_("Show resolved ones (restore the version that lost)"))
        self.show_resolved.toggled.connect(lambda _on: self.reload_conflicts())
        layout.addWidget(self.show_resolved)
        buttons = QHBoxLayout()
        self.keep_mine_button = QPushButton(_("Keep mine"))
        self.take_theirs_button = QPushButton(_("Take theirs"))
        self.keep_both_button = QPushButton(_("Keep both"))
        for button, keep in ((self.keep_mine_button, "mine"), (self.take_theirs_button, "theirs"),
                             (self.keep_both_button, "both")):
            button.clicked.connect(lambda _checked=False, k=keep: self.resolve_selected(k))
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.conflict_table.itemSelectionChanged.connect(self._update_conflict_buttons)
        return box

    def reload_conflicts(self) -> None:
        resolved = self.show_resolved.isChecked()
        found = self.services.exchange.conflicts(resolved=resolved)
        self.conflict_ids = [c.id for c in found]
        self.conflict_both = [bool(c.text_fields) for c in found]
        table = self.conflict_table
        table.setRowCount(len(found))
        for row, item in enumerate(found):
            state = _(" (kept {resolution})").format(resolution=item.resolution) if item.resolution else ""
            table.setItem(row, 0, QTableWidgetItem(f"{_(item.label)}: {item.title}{state}"))
            table.setItem(row, 1, QTableWidgetItem(side_text(item.mine, item.fields, _("this data folder"))))
            table.setItem(row, 2, QTableWidgetItem(side_text(item.theirs, item.fields, _("data folder"))))
        table.resizeRowsToContents()
        if resolved:
            note = ngettext("{count} resolved conflict.", "{count} resolved conflicts.", len(found))
        else:
            note = ngettext("{count} open conflict: a record changed here and on another machine since they last "
                            "exchanged. This machine's version is in place until you choose.",
                            "{count} open conflicts: records changed here and on another machine since they last "
                            "exchanged. This machine's version is in place until you choose.", len(found))
        self.conflicts_note.setText(note.format(count=len(found)))
        self._update_conflict_buttons()

    def _selected_conflict(self) -> int | None:
        rows = {i.row() for i in self.conflict_table.selectedIndexes()}
        return next(iter(rows)) if len(rows) == 1 else None

    def _update_conflict_buttons(self) -> None:
        row = self._selected_conflict()
        self.keep_mine_button.setEnabled(row is not None)
        self.take_theirs_button.setEnabled(row is not None)
        self.keep_both_button.setEnabled(row is not None and self.conflict_both[row])

    def resolve_selected(self, keep: str) -> None:
        row = self._selected_conflict()
        if row is None:
            return
        try:
            self.services.exchange.resolve(self.conflict_ids[row], keep)
        except ServiceError as exc:
            QMessageBox.warning(self, _("Conflict not resolved"), str(exc))
        # the record's own page hears of the write through AppEvents.changed; the list is this page's
        self.reload_conflicts()

    def _tables_box(self) -> QGroupBox:
        box = QGroupBox(_("Tables for spreadsheets"))
        form = QFormLayout(box)
        self.table_kind = QComboBox()
        self.table_kind.setAccessibleName(_("Table"))
        for key, label in TABLES.items():
            self.table_kind.addItem(_(label), key)
        self.table_format = QComboBox()
        self.table_format.setAccessibleName(_("Format"))
        self.table_format.addItem(_("Excel workbook (.xlsx)"), ".xlsx")
        self.table_format.addItem(_("CSV, UTF-8 (.csv)"), ".csv")
        self.table_template = QComboBox()
        self.table_template.setAccessibleName(_("Checklist for the matrix"))
        self.table_personal = QCheckBox(_("Participants' names (attendance)"))
        self.table_button = QPushButton(_("Export table…"))
        self.table_button.clicked.connect(self.export_table)
        form.addRow(_("Table:"), self.table_kind)
        form.addRow(_("Checklist:"), self.table_template)
        form.addRow(_("Format:"), self.table_format)
        form.addRow("", self.table_personal)
        form.addRow("", self.table_button)
        self.table_kind.currentIndexChanged.connect(self._table_kind_changed)
        self._table_kind_changed()
        return box

    # --- export tree -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def _changed(self, changes: Changes) -> None:
        # hidden, the page reloads when shown again (showEvent): answers autosaved elsewhere cost nothing
        if self.isVisible() and changes.touches(Kind.REGION, Kind.TEMPLATE, Kind.ASSESSMENT, Kind.WORKSHOP,
                                                Kind.PARTICIPANT, Kind.PILOT):
            self.reload()

    def reload(self) -> None:
        self.reload_conflicts()
        checked = set(self.checked_ids())
        self.tree.blockSignals(True)
        self.tree.clear()
        services = self.services
        rows: dict[str, list[tuple[str, str, str]]] = {
            "regions": [(r.id, r.name, r.country) for r in services.regions.list()],
            "templates": [(t.id, t.title, _("version {version}, {assessments} assessments")
                .format(version=t.version, assessments=t.assessments))
                          for t in services.checklists.templates.templates() if t.source == "user"],
            "assessments": [(a.id, a.title, _("{value} · round {round} · {assessment_status_label}")
                .format(value=a.subject or a.template_title, round=a.round,
                    assessment_status_label=assessment_status_label(a.status)))
                            for a in services.checklists.list(status="all")],
            "workshops": [(w.id, w.title, f"{w.dates_text} · " + ngettext("{count} participant",
                "{count} participants", w.participants).format(count=w.participants))
                          for w in services.workshops.list()],
            "pilots": [(p.id, p.title, " · ".join(x for x in (p.region, status_label(p.status)) if x))
                       for p in services.pilots.list()],
        }
        for key, label in GROUPS:
            group = QTreeWidgetItem([_(label), ngettext(*NOUNS[key], len(rows[key])).format(count=len(rows[key]))])
            group.setData(0, Qt.ItemDataRole.UserRole, key)
            group.setFlags(group.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            group.setCheckState(0, Qt.CheckState.Unchecked)
            self.tree.addTopLevelItem(group)
            for record_id, title, details in rows[key]:
                item = QTreeWidgetItem([title, details])
                item.setData(0, Qt.ItemDataRole.UserRole, record_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if (key, record_id) in checked
                                   else Qt.CheckState.Unchecked)
                group.addChild(item)
            group.setExpanded(key in ("assessments", "workshops"))
        self.tree.blockSignals(False)
        self._fill_template_choice()
        self._update_export_button()

    def _fill_template_choice(self) -> None:
        current = self.table_template.currentData()
        self.table_template.clear()
        used: dict[str, str] = {}
        for summary in self.services.checklists.list(status="all"):
            used.setdefault(summary.template_id, summary.template_title)
        self.table_template.addItem(_("The most used"), None)
        for template_id, title in sorted(used.items(), key=lambda t: i18n.sort_key()(t[1])):
            self.table_template.addItem(title, template_id)
        self.table_template.setCurrentIndex(max(0, self.table_template.findData(current)))

    def _groups(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    @staticmethod
    def _children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        items = (group.child(n) for n in range(group.childCount()))
        return [item for item in items if item is not None]

    def checked_ids(self) -> list[tuple[str, str]]:
        return [(group.data(0, Qt.ItemDataRole.UserRole), child.data(0, Qt.ItemDataRole.UserRole))
                for group in self._groups() for child in self._children(group)
                if child.checkState(0) == Qt.CheckState.Checked]

    def check(self, kind: str, record_id: str, checked: bool = True) -> None:
        for group in self._groups():
            if group.data(0, Qt.ItemDataRole.UserRole) == kind:
                for child in self._children(group):
                    if child.data(0, Qt.ItemDataRole.UserRole) == record_id:
                        child.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _check_all(self, checked: bool) -> None:
        for group in self._groups():
            group.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update_export_button(self, *_args: Any) -> None:
        count = len(self.checked_ids())
        self.export_button.setEnabled(count > 0)
        self.export_button.setText(_("Export {records}…")
            .format(records=_chosen(count)) if count else _("Export…"))

    def selection(self) -> ExportSelection:
        chosen: dict[str, list[str]] = {key: [] for key, _label in GROUPS}
        for key, record_id in self.checked_ids():
            chosen[key].append(record_id)
        return ExportSelection(tuple(chosen["regions"]), tuple(chosen["templates"]), tuple(chosen["assessments"]),
                               tuple(chosen["workshops"]), self.personal.isChecked(),
                               pilots=tuple(chosen["pilots"]))

    # --- actions -----------------------------------------------------------------------------------

    def _folder(self) -> str:
        return str(self.state.get("exchange.folder", str(Path.home())))

    def export_selected(self) -> None:
        selection = self.selection()
        if selection.empty:
            return
        if selection.include_personal_data:
            answer = QMessageBox.question(self, _("Export personal data"),
                                          _("The file will contain participants' names, e-mails, organisations "
                                          "and departments. Send it only to someone allowed to hold them."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        target, _filter = QFileDialog.getSaveFileName(self, _("Export to a bundle file"),
                                                      str(Path(self._folder()) / "inducci-exchange.inducci"),
                                                      _("InduCCI bundle (*.inducci)"))
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != ".inducci":
            path = path.with_name(path.name + ".inducci")
        self.state.set("exchange.folder", str(path.parent))
        made_by = self.created_by.text().strip()
        self.state.set("exchange.created_by", made_by)
        exchange = self.services.exchange
        self._chosen = len(self.checked_ids())
        (Job(lambda _report: exchange.export(path, selection, created_by=made_by or None))
         .success(self._exported).failure(lambda exc: self._failed(_("Export failed"), exc))
         .progress(self, _("Writing the bundle…")).start())

    def _exported(self, result: ExportResult) -> None:
        QMessageBox.information(self, _("Exported"), export_message(self._chosen, result))

    def choose_import(self) -> None:
        source, _filter = QFileDialog.getOpenFileName(self, _("Import a bundle file"), self._folder(),
                                                      _("InduCCI bundle (*.inducci);;All files (*)"))
        if not source:
            return
        self.state.set("exchange.folder", str(Path(source).parent))
        self.preview(Path(source))

    def preview(self, path: Path) -> None:
        exchange = self.services.exchange
        (Job(lambda _report: exchange.plan(path)).success(self._show_plan)
         .failure(lambda exc: self._failed(_("{name} cannot be imported").format(name=path.name), exc, unchanged=True))
         .progress(self, _("Reading the bundle…")).start())

    def _show_plan(self, plan: ImportPlan) -> None:
        dialog = ImportPreviewDialog(plan, self)
        self.preview_dialog = dialog
        dialog.accepted.connect(lambda: self.apply(plan, dialog.decisions()))
        dialog.open()

    def apply(self, plan: ImportPlan, decisions: dict[tuple[str, str], str] | None = None) -> None:
        exchange = self.services.exchange

        def work(_report: Any) -> ImportResult:
            result = exchange.apply(plan)
            chosen = decisions or {}
            for conflict in exchange.conflicts():
                keep = chosen.get((conflict.kind, conflict.record_id))
                if keep:
                    exchange.resolve(conflict.id, keep)
            return result

        (Job(work).success(self._imported)
         .failure(lambda exc: self._failed(_("The import was not applied"), exc, unchanged=True))
         .progress(self, _("Importing…")).start())

    def _imported(self, result: ImportResult) -> None:
        conflicts = len(result.conflicts)
        text = (_("Imported: {added} added, {updated} updated, {unchanged} unchanged")
            .format(added=result.added, updated=result.updated, unchanged=result.unchanged)
                + (_("; {conflicts} conflicts (undecided ones stay in the Conflicts list).")
                    .format(conflicts=conflicts) if conflicts else ".")
                + (_("\n\nThe data before the import is kept as a backup (Settings → Backups).")
                   if result.backup_id else ""))
        self.last_import.setText(text)
        self.reload_conflicts()  # conflicts alone write no record, so no change signal brings them
        QMessageBox.information(self, _("Imported"), text)

    def _table_kind_changed(self) -> None:
        kind = self.table_kind.currentData()
        self.table_template.setEnabled(kind == "matrix")
        self.table_personal.setEnabled(kind == "attendance")

    def export_table(self) -> None:
        kind = self.table_kind.currentData()
        suffix = self.table_format.currentData()
        filters = _("Excel workbook (*.xlsx)") if suffix == ".xlsx" else _("CSV (*.csv)")
        target, _filter = QFileDialog.getSaveFileName(self, _("Export a table"),
                                                      str(Path(self._folder()) / f"inducci-{kind}{suffix}"), filters)
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(path.name + suffix)
        self.state.set("exchange.folder", str(path.parent))
        tables = TableService(self.services)
        template_id = self.table_template.currentData() if kind == "matrix" else None
        personal = self.table_personal.isChecked() and kind == "attendance"
        (Job(lambda _report: tables.write(kind, path, template_id=template_id, personal=personal))
         .success(self._table_written).failure(lambda exc: self._failed(_("The table was not written"), exc))
         .progress(self, _("Writing the table…")).start())

    def _table_written(self, result: TableResult) -> None:
        note = _("\n\nNote: {note}.").format(note=result.note) if result.note else ""
        QMessageBox.information(self, _("Table written"), _("Wrote {rows} rows to {path}.{note}")
            .format(rows=result.rows, path=result.path, note=note))

    def _failed(self, title: str, exc: Exception, *, unchanged: bool = False) -> None:
        kept = _("\n\nNothing on this machine was changed.") if unchanged else ""
        QMessageBox.critical(self, title, f"{title}.\n\n{_message(exc)}{kept}")
