"""The templates dialog: the toolbox's and own checklist templates; new, edit, own copy, import and
export YAML, print a blank paper form, delete to the trash and restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.checklists.service import ChecklistService
from inducci_desktop.services.checklists.templates import TemplateSummary
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.checklists.editor import TemplateEditorDialog

DataRole = Qt.ItemDataRole.UserRole


class TemplatesDialog(QDialog):
    def __init__(self, parent: QWidget | None, service: ChecklistService,
                 print_blank: Callable[[str, int | None], None]) -> None:
        super().__init__(parent)
        self.service = service
        self.print_blank = print_blank
        self.setWindowTitle(_("Checklist templates"))
        self.resize(760, 480)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Checklist templates"))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self.edit())
        self.trash = QCheckBox(_("Show deleted own templates"))
        self.trash.toggled.connect(lambda _on: self.reload())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, label, slot in (("new", _("New…"), self.new), ("edit", _("Edit…"), self.edit),
                                  ("copy", _("Own copy…"), self.copy), ("import", _("Import YAML…"), self.import_yaml),
                                  ("export", _("Export YAML…"), self.export_yaml), ("print", _("Print blank…"),
                                      self.print),
                                  ("delete", _("Delete"), self.delete_or_restore)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.trash)
        layout.addLayout(row)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for t in self.service.templates.templates(deleted=self.trash.isChecked()):
            origin = "toolbox" if t.source == "toolbox" else "own"
            used = _(", used by {assessments}").format(assessments=t.assessments) if t.assessments else ""
            item = QListWidgetItem(_("{title}\n    {origin} · version {version} · {sections} sections, {items} "
                "items{used} · {id}")
                .format(title=t.title, origin=origin, version=t.version, sections=t.sections, items=t.items,
                    used=used, id=t.id))
            item.setData(DataRole, t)
            self.list.addItem(item)
            if t.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current(self) -> TemplateSummary | None:
        item = self.list.currentItem()
        if item is None:
            return None
        summary: TemplateSummary = item.data(DataRole)
        return summary

    def _update_buttons(self) -> None:
        t = self.current()
        deleted = self.trash.isChecked()
        self.buttons["edit"].setEnabled(t is not None and t.editable and not deleted)
        self.buttons["copy"].setEnabled(t is not None and not deleted)
        self.buttons["export"].setEnabled(t is not None)
        self.buttons["print"].setEnabled(t is not None)
        self.buttons["delete"].setEnabled(t is not None and t.editable)
        self.buttons["delete"].setText(_("Restore") if deleted else _("Delete"))

    def _edit(self, template: object) -> None:
        dialog = TemplateEditorDialog(self, self.service.templates, template)  # type: ignore[arg-type]
        if dialog.exec() and dialog.result_ is not None:
            self.trash.setChecked(False)
            self.reload(select=dialog.result_.template.id)

    def new(self) -> None:
        self._edit(self.service.templates.blank())

    def edit(self) -> None:
        t = self.current()
        if t is None:
            return
        if not t.editable:
            self.copy()
            return
        self._edit(self.service.templates.template(t.id))

    def copy(self) -> None:
        t = self.current()
        if t is not None:
            self._edit(self.service.templates.copy_of(t.id))

    def import_yaml(self) -> None:
        name, _unused = QFileDialog.getOpenFileName(self, _("Import a checklist template"), str(Path.home()),
                                              _("Checklist templates (*.yaml *.yml)"))
        if not name:
            return
        try:
            result = self.service.templates.import_file(Path(name))
        except ServiceError as exc:
            QMessageBox.warning(self, _("Template not imported"), str(exc))
            return
        text = {"created": "imported", "new-version": _("imported as version {version}")
            .format(version=result.template.version),
                "saved": _("imported (it replaced the unused version)"),
                "unchanged": _("already there, unchanged")}.get(result.outcome, result.outcome)
        QMessageBox.information(self, _("Template imported"),
            _("“{title}”: {outcome}.").format(title=result.template.title, outcome=text))
        self.reload(select=result.template.id)

    def export_yaml(self) -> None:
        t = self.current()
        if t is None:
            return
        name, _unused = QFileDialog.getSaveFileName(self, _("Export the template"), str(Path.home() / f"{t.id}.yaml"),
                                              _("Checklist templates (*.yaml)"))
        if name:
            try:
                Path(name).write_text(self.service.templates.export_yaml(t.id, t.version), encoding="utf-8")
            except OSError as exc:
                QMessageBox.warning(self, _("Not exported"),
                    _("{name} could not be written: {value}.").format(name=name, value=exc.strerror or exc))

    def print(self) -> None:
        t = self.current()
        if t is not None:
            self.print_blank(t.id, t.version)

    def delete_or_restore(self) -> None:
        t = self.current()
        if t is None:
            return
        if self.trash.isChecked():
            self.service.templates.restore(t.id)
        else:
            self.service.templates.delete(t.id)
        self.reload()
