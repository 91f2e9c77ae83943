"""Editing an own checklist template: sections and items in a tree, the selected one in a form.

Saving validates with the same rules as a template YAML file. If assessments use the template, the
service stores a new version and those assessments keep theirs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.content.model import ChecklistItem, ChecklistOption, ChecklistSection, ChecklistTemplate
from inducci_desktop.domain.i18n import _, pgettext
from inducci_desktop.services.checklists.scoring import TYPE_LABELS
from inducci_desktop.services.checklists.templates import SaveResult, TemplateService
from inducci_desktop.services.errors import ServiceError

DataRole = Qt.ItemDataRole.UserRole


def options_text(options: tuple[ChecklistOption, ...]) -> str:
    return "\n".join(f"{o.key} | {o.label}" + (f" | {o.score:g}" if o.score is not None else "") for o in options)


def parse_options(text: str) -> tuple[ChecklistOption, ...]:
    """'key | label | score' per line (score optional); a line without '|' is a label, its key made from it."""
    result = []
    for n, line in enumerate(l.strip() for l in text.splitlines() if l.strip()):  # noqa: E741
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 1:
            key = re.sub(r"[^a-z0-9]+", "-", parts[0].casefold()).strip("-") or f"option-{n + 1}"
            parts = [key, parts[0]]
        score = None
        if len(parts) > 2 and parts[2]:
            try:
                score = float(parts[2].replace(",", "."))
            except ValueError:
                raise ServiceError(_("Option line {value}: the score {parts!r} is not a number (0 to 1).")
                    .format(value=n + 1, parts=parts[2])) from None
        result.append(ChecklistOption(parts[0], parts[1], score))
    return tuple(result)


def labels_text(labels: dict[int, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in sorted(labels.items()))


def parse_labels(text: str) -> dict[int, str]:
    labels: dict[int, str] = {}
    for part in (p.strip() for p in text.split(";") if p.strip()):
        number, _sep, label = part.partition("=")
        try:
            labels[int(number.strip())] = label.strip()
        except ValueError:
            raise ServiceError(_("Scale labels: write them as 1=not at all; 5=fully (not {part!r}).")
                .format(part=part)) from None
    return labels


class ItemForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.key = QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(56)
        self.help = QPlainTextEdit()
        self.help.setTabChangesFocus(True)
        self.help.setFixedHeight(56)
        self.type = QComboBox()
        for key, label in ((k, _(v)) for k, v in TYPE_LABELS.items()):
            self.type.addItem(label, key)
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0.1, 100)
        self.weight.setSingleStep(0.5)
        self.required = QCheckBox(_("Required"))
        self.guide = QLineEdit()
        self.guide.setPlaceholderText(_("id of a guide, e.g. guide-mapping-cci (optional)"))
        self.options = QPlainTextEdit()
        self.options.setTabChangesFocus(True)
        self.options.setPlaceholderText(_("one option per line: key | label | score (0–1, optional)"))
        self.scale_min, self.scale_max = QSpinBox(), QSpinBox()
        for spin in (self.scale_min, self.scale_max):
            spin.setRange(-100, 100)
        self.scale_labels = QLineEdit()
        self.scale_labels.setPlaceholderText(_("1=not at all; 5=fully"))
        self.unit = QLineEdit()
        form = QFormLayout(self)
        form.addRow(_("&Key:"), self.key)
        form.addRow(_("&Question:"), self.text)
        form.addRow(_("&Help:"), self.help)
        form.addRow(_("&Type:"), self.type)
        form.addRow(_("&Weight:"), self.weight)
        form.addRow("", self.required)
        form.addRow(_("&Guide:"), self.guide)
        form.addRow(_("&Options:"), self.options)
        scale = QHBoxLayout()
        scale.addWidget(QLabel(pgettext("scale", "from")))
        scale.addWidget(self.scale_min)
        scale.addWidget(QLabel(pgettext("scale", "to")))
        scale.addWidget(self.scale_max)
        scale.addWidget(self.scale_labels, 1)
        form.addRow(_("&Scale:"), scale)
        form.addRow(_("&Unit:"), self.unit)
        self.type.currentIndexChanged.connect(self._type_changed)

    def _type_changed(self) -> None:
        kind = self.type.currentData()
        self.options.setEnabled(kind in ("choice", "multi"))
        for widget in (self.scale_min, self.scale_max, self.scale_labels):
            widget.setEnabled(kind == "scale")
        self.unit.setEnabled(kind == "number")

    def load(self, item: ChecklistItem) -> None:
        self.key.setText(item.key)
        self.text.setPlainText(item.text)
        self.help.setPlainText(item.help)
        self.type.setCurrentIndex(max(0, self.type.findData(item.type)))
        self.weight.setValue(item.weight)
        self.required.setChecked(item.required)
        self.guide.setText(item.guide or "")
        self.options.setPlainText(options_text(item.options))
        self.scale_min.setValue(item.scale_min if item.scale_min is not None else 1)
        self.scale_max.setValue(item.scale_max if item.scale_max is not None else 5)
        self.scale_labels.setText(labels_text(item.scale_labels))
        self.unit.setText(item.unit)
        self._type_changed()

    def item(self) -> ChecklistItem:
        kind = str(self.type.currentData())
        return ChecklistItem(
            key=self.key.text().strip(), text=" ".join(self.text.toPlainText().split()), type=kind,
            help=self.help.toPlainText().strip(), weight=round(self.weight.value(), 2),
            required=self.required.isChecked(), guide=self.guide.text().strip() or None,
            options=parse_options(self.options.toPlainText()) if kind in ("choice", "multi") else (),
            scale_min=self.scale_min.value() if kind == "scale" else None,
            scale_max=self.scale_max.value() if kind == "scale" else None,
            scale_labels=parse_labels(self.scale_labels.text()) if kind == "scale" else {},
            unit=self.unit.text().strip() if kind == "number" else "")


class SectionForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.key = QLineEdit()
        self.title = QLineEdit()
        form = QFormLayout(self)
        form.addRow(_("&Key:"), self.key)
        form.addRow(_("&Title:"), self.title)


class TemplateEditorDialog(QDialog):
    def __init__(self, parent: QWidget | None, service: TemplateService, template: ChecklistTemplate) -> None:
        super().__init__(parent)
        self.service = service
        self.template = template
        self.result_: SaveResult | None = None
        self.setWindowTitle(_("Checklist template — {title}").format(title=template.title))
        self.resize(980, 680)
        self.title = QLineEdit(template.title)
        self.title.setAccessibleName(_("Template title"))
        self.summary = QLineEdit(template.summary)
        self.summary.setAccessibleName(_("Template summary"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("Sections and items"))
        self.item_form, self.section_form = ItemForm(), SectionForm()
        self.forms = QStackedWidget()
        self.forms.addWidget(self.section_form)
        self.forms.addWidget(self.item_form)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._current: QTreeWidgetItem | None = None
        for section in template.sections:
            node = self._add_node(None, section)
            for item in section.items:
                self._add_node(node, item)
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(self._select)

        buttons = QHBoxLayout()
        for label, slot in ((_("Add section"), self.add_section), (_("Add item"), self.add_item), (_("Remove"),
            self.remove),
                            (_("Up"), lambda: self.move_node(-1)), (_("Down"), lambda: self.move_node(1))):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.forms)
        split.setSizes([380, 600])
        head = QFormLayout()
        head.addRow(_("&Title:"), self.title)
        head.addRow(_("&Summary:"), self.summary)
        head.addRow(_("Id:"), QLabel(_("{id} (version {version})").format(id=template.id, version=template.version)))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(box)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self._top(0))

    def _top(self, index: int) -> QTreeWidgetItem:
        node = self.tree.topLevelItem(index)
        assert node is not None
        return node

    @staticmethod
    def _child(node: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
        child = node.child(index)
        assert child is not None
        return child

    def _add_node(self, parent: QTreeWidgetItem | None, data: ChecklistSection | ChecklistItem,
                  index: int | None = None) -> QTreeWidgetItem:
        node = QTreeWidgetItem()
        node.setData(0, DataRole, data)
        node.setText(0, data.title if isinstance(data, ChecklistSection) else data.text)
        if parent is None:
            self.tree.insertTopLevelItem(self.tree.topLevelItemCount() if index is None else index, node)
        else:
            parent.insertChild(parent.childCount() if index is None else index, node)
        return node

    def _store_form(self) -> bool:
        """Write the form back into the node it shows; False (with a message) if it cannot be read."""
        node = self._current
        if node is None:
            return True
        data = node.data(0, DataRole)
        try:
            if isinstance(data, ChecklistSection):
                updated: Any = replace(data, key=self.section_form.key.text().strip(),
                                       title=self.section_form.title.text().strip())
                node.setText(0, updated.title)
            else:
                updated = self.item_form.item()
                node.setText(0, updated.text)
        except ServiceError as exc:
            self.error.setText(str(exc))
            return False
        node.setData(0, DataRole, updated)
        return True

    def _select(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if previous is not None and previous is self._current:
            self._store_form()
        self._current = current
        if current is None:
            return
        data = current.data(0, DataRole)
        if isinstance(data, ChecklistSection):
            self.section_form.key.setText(data.key)
            self.section_form.title.setText(data.title)
            self.forms.setCurrentWidget(self.section_form)
        else:
            self.item_form.load(data)
            self.forms.setCurrentWidget(self.item_form)

    def _keys(self) -> set[str]:
        keys = set()
        for s in range(self.tree.topLevelItemCount()):
            section = self._top(s)
            keys.add(section.data(0, DataRole).key)
            keys.update(self._child(section, i).data(0, DataRole).key for i in range(section.childCount()))
        return keys

    def _fresh_key(self, prefix: str) -> str:
        keys, n = self._keys(), 1
        while f"{prefix}-{n}" in keys:
            n += 1
        return f"{prefix}-{n}"

    def add_section(self) -> None:
        self._store_form()
        node = self._add_node(None, ChecklistSection(self._fresh_key("section"), _("New section"), ()))
        self.tree.setCurrentItem(node)
        self.section_form.title.setFocus()
        self.section_form.title.selectAll()

    def add_item(self) -> None:
        self._store_form()
        current = self.tree.currentItem()
        if current is None:
            return
        parent = current.parent()
        section = current if parent is None else parent
        index = None if parent is None else section.indexOfChild(current) + 1
        node = self._add_node(section, ChecklistItem(self._fresh_key("item"), _("New question"), "ynp"), index)
        self.tree.setCurrentItem(node)
        self.item_form.text.setFocus()
        self.item_form.text.selectAll()

    def remove(self) -> None:
        node = self.tree.currentItem()
        if node is None:
            return
        self._current = None
        parent = node.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(node))
        else:
            parent.removeChild(node)

    def move_node(self, step: int) -> None:
        self._store_form()
        node = self.tree.currentItem()
        if node is None:
            return
        parent = node.parent()
        if parent is None:
            index = self.tree.indexOfTopLevelItem(node)
            if 0 <= index + step < self.tree.topLevelItemCount():
                self.tree.takeTopLevelItem(index)
                self.tree.insertTopLevelItem(index + step, node)
                node.setExpanded(True)
        else:
            index = parent.indexOfChild(node)
            if 0 <= index + step < parent.childCount():
                parent.takeChild(index)
                parent.insertChild(index + step, node)
        self._current = node
        self.tree.setCurrentItem(node)

    def edited_template(self) -> ChecklistTemplate:
        sections = []
        for s in range(self.tree.topLevelItemCount()):
            node = self._top(s)
            section: ChecklistSection = node.data(0, DataRole)
            items = tuple(self._child(node, i).data(0, DataRole) for i in range(node.childCount()))
            sections.append(replace(section, items=items))
        return replace(self.template, title=self.title.text().strip(), summary=self.summary.text().strip(),
                       sections=tuple(sections))

    def save(self) -> None:
        if not self._store_form():
            return
        try:
            self.result_ = self.service.save(self.edited_template())
        except ServiceError as exc:
            self.error.setText(str(exc))
            return
        if self.result_.new_version:
            QMessageBox.information(self, _("Saved as a new version"),
                                    _("Assessments use version {value}, so the changes were saved as version "
                                        "{version}. Those assessments keep their version; new assessments use the "
                                            "new one.")
                                        .format(value=self.result_.template.version - 1,
                                            version=self.result_.template.version))
        self.accept()
