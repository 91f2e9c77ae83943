"""The Strategy page's dialogs: a new paper, an evidence block to insert, a review comment, a new
recommendation and one recommendation with its examples."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import BlockView, ExampleRef, ExampleView
from inducci_desktop.services.container import Services
from inducci_desktop.services.strategy import blocks


def checklist(items: list[tuple[str, Any]], name: str, checked: set[Any] | None = None) -> QListWidget:
    """A list of check boxes, one per (label, data)."""
    widget = QListWidget()
    widget.setAccessibleName(name)
    for label, data in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked and data in checked else Qt.CheckState.Unchecked)
        item.setToolTip(label)
        widget.addItem(item)
    return widget


def checked(widget: QListWidget) -> list[Any]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class _Dialog(QDialog):
    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.buttons)


class NewPaperDialog(_Dialog):
    def __init__(self, parent: QWidget, services: Services) -> None:
        super().__init__(parent, _("New strategy paper"))
        self.region = QComboBox()
        self.region.setAccessibleName(_("Region"))
        for region in services.regions.list():
            self.region.addItem(region.name, region.id)
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        self.form.addRow(_("&Region:"), self.region)
        self.form.addRow(_("&Title:"), self.title)
        self.resize(460, 140)


class BlockDialog(_Dialog):
    """Which evidence block: its kind and what it shows (region, checklist, findings); ``block``: the block
    to change (the dialog starts from what it shows)."""

    def __init__(self, parent: QWidget, services: Services, region_id: str, *, block: BlockView | None = None) -> None:
        super().__init__(parent, _("Change evidence block") if block else _("Insert evidence block"))
        shown: dict[str, Any] = dict(block.params) if block else {}
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of block"))
        for kind in blocks.kinds():
            self.kind.addItem(_(kind.label), kind.key)
        if block is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(block.kind)))
        self.region = QComboBox()
        self.region.setAccessibleName(_("Region"))
        for region in services.regions.list():
            self.region.addItem(region.name, region.id)
        self.region.setCurrentIndex(max(0, self.region.findData(shown.get("region_id") or region_id)))
        self.template = QComboBox()
        self.template.setAccessibleName(_("Checklist"))
        self.template.addItem(_("The one used last"), "")
        for template in services.checklists.templates.templates():
            if template.assessments:
                self.template.addItem(template.title, template.id)
        self.template.setCurrentIndex(max(0, self.template.findData(shown.get("template_id", ""))))
        self.findings = checklist([(f.statement, f.id) for f in services.evidence.findings.list(region_id=region_id)],
                                  _("Findings"), set(shown.get("finding_ids") or ()))
        self.form.addRow(_("&Kind:"), self.kind)
        self.form.addRow(_("R&egion:"), self.region)
        self.form.addRow(_("&Checklist:"), self.template)
        self.form.addRow(_("&Findings:"), self.findings)
        self.kind.currentIndexChanged.connect(lambda _i: self._fields())
        self._fields()
        self.resize(560, 420)

    def _fields(self) -> None:
        needs = blocks.kind(self.kind.currentData()).params
        self.region.setEnabled("region_id" in needs)
        self.template.setEnabled("template_id" in needs)
        self.findings.setEnabled("finding_ids" in needs)

    def choice(self) -> tuple[str, dict[str, Any]]:
        key = self.kind.currentData()
        values: dict[str, Any] = {"region_id": self.region.currentData() or "",
                                  "template_id": self.template.currentData() or "",
                                  "finding_ids": checked(self.findings)}
        return key, {name: values[name] for name in blocks.kind(key).params if name in values}


class CommentDialog(_Dialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, _("Review comment"))
        self.author = QLineEdit()
        self.author.setAccessibleName(_("Reviewer"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(_("Comment"))
        self.form.addRow(_("&Reviewer:"), self.author)
        self.form.addRow(_("&Comment:"), self.text)
        self.resize(460, 240)

    def values(self) -> tuple[str, str]:
        return self.author.text(), self.text.toPlainText()


class NewRecommendationDialog(_Dialog):
    def __init__(self, parent: QWidget, services: Services) -> None:
        super().__init__(parent, _("New transnational recommendation"))
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        papers = services.strategy.papers.list(latest_only=True)
        self.papers = checklist([(f"{p.region_name} – {p.title} (v{p.version})", p.id) for p in papers],
                                _("Papers"))
        self.form.addRow(_("&Title:"), self.title)
        self.form.addRow(_("&Papers (one per region):"), self.papers)
        self.resize(520, 320)


def example_label(example: ExampleView) -> str:
    kind = _(rules.EXAMPLE_KIND.labels.get(example.ref.kind, example.ref.kind))
    return f"{example.region_name} · {kind}: {example.text}"


class ItemDialog(_Dialog):
    """One recommendation: the sentence, the level and actor addressed, the reasoning and the examples."""

    def __init__(self, parent: QWidget, choices: list[ExampleView], chosen: set[ExampleRef] | None = None) -> None:
        super().__init__(parent, _("Recommendation"))
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Recommendation"))
        self.level = QComboBox()
        self.level.setAccessibleName(_("Level addressed"))
        for key, label in rules.POLICY_LEVEL.labels.items():
            self.level.addItem(_(label), key)
        self.actor = QLineEdit()
        self.actor.setAccessibleName(_("Actor addressed"))
        self.reasoning = QPlainTextEdit()
        self.reasoning.setAccessibleName(_("Reasoning"))
        self.examples = checklist([(example_label(e), e.ref) for e in choices], _("Examples"), chosen)
        self.form.addRow(_("&Recommendation:"), self.title)
        self.form.addRow(_("&Level:"), self.level)
        self.form.addRow(_("&Actor:"), self.actor)
        self.form.addRow(_("R&easoning:"), self.reasoning)
        self.form.addRow(_("E&xamples:"), self.examples)
        self.form.addRow(QLabel(_("Choose examples from at least two regions.")))
        self.resize(640, 520)
