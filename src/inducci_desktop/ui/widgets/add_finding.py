""""Add as finding…": the one dialog that turns an answer, an outcome, a feedback comment, an interview answer,
a pilot lesson or a typed note into a finding of the evidence register, keeping a live link to its source. As the
editor of an existing finding it notices a save someone else made meanwhile and asks what to do."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.evidence import FindingView, SourceRef
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ChangedElsewhere, ServiceError
from inducci_desktop.ui.widgets import changed_elsewhere
from inducci_desktop.ui.widgets.changed_elsewhere import Choice
from inducci_desktop.ui.widgets.region_picker import RegionPicker

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services


class _TopicField(QLineEdit):
    """Return adds the typed topic, and only that: it does not also press the dialog's Save button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class TopicChooser(QWidget):
    """The shared topic list with check boxes, and a field to add a topic to it."""

    def __init__(self, services: Services, chosen: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.findings = services.evidence.findings
        self.list = QListWidget()
        self.list.setAccessibleName(_("Topics"))
        self.list.setMaximumHeight(120)
        self.new_topic = _TopicField()
        self.new_topic.setPlaceholderText(_("New topic"))
        self.new_topic.setAccessibleName(_("New topic"))
        self.add_button = QPushButton(_("Add topic"))
        self.add_button.clicked.connect(self.add_topic)
        self.new_topic.returnPressed.connect(self.add_topic)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e")
        row = QHBoxLayout()
        row.addWidget(self.new_topic, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.reload(set(chosen))

    def reload(self, chosen: set[str]) -> None:
        self.list.clear()
        for topic in self.findings.topics():
            item = QListWidgetItem(topic.name)
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if topic.id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def add_topic(self) -> None:
        if not self.new_topic.text().strip():
            return
        try:
            topic = self.findings.add_topic(self.new_topic.text())
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.clear()
        self.new_topic.clear()
        self.reload({*self.chosen(), topic.id})


class FindingDialog(QDialog):
    """A new finding from ``source`` (statement proposed from ``text``), or the edit of an existing one."""

    def __init__(self, parent: QWidget | None, services: Services, source: SourceRef, text: str = "",
                 region_id: str | None = None, *, finding_id: str | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.source = source
        self.finding_id = finding_id
        self.saved_id: str | None = None
        existing = services.evidence.findings.get(finding_id) if finding_id else None
        #: the version of the finding the form shows (None: a new finding)
        self._version = existing.row_version if existing else None
        self.setWindowTitle(_("Edit finding") if existing else _("Add as finding"))
        self.setMinimumWidth(520)
        self.source_label = QLabel(source.title or rules.FINDING_SOURCE.labels.get(source.kind, source.kind))
        self.source_label.setWordWrap(True)
        self.statement = QPlainTextEdit(existing.statement if existing else text.strip())
        self.statement.setAccessibleName(_("Statement"))
        self.statement.setTabChangesFocus(True)
        self.statement.setMaximumHeight(110)
        self.region = RegionPicker(services.regions)
        self.region.set_region(existing.region_id if existing else region_id)
        self.observed = QDateEdit()
        self.observed.setCalendarPopup(True)
        self.observed.setDisplayFormat("yyyy-MM-dd")
        day = existing.observed_on if existing else date.today()
        self.observed.setDate(QDate(day.year, day.month, day.day))
        self.strength = QComboBox()
        for key, label in rules.FINDING_STRENGTH.labels.items():
            self.strength.addItem(_(label), key)
        self.strength.setCurrentIndex(self.strength.findData(existing.strength if existing else "moderate"))
        self.citation = QLineEdit(existing.citation if existing else "")
        self.citation.setAccessibleName(_("Citation"))
        self.citation.setPlaceholderText(_("Where it comes from: report, page, interview, date"))
        self.topics = TopicChooser(services, tuple(t.id for t in existing.topics) if existing else ())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(_("Source:"), self.source_label)
        form.addRow(_("&Statement:"), self.statement)
        form.addRow(_("&Region:"), self.region)
        form.addRow(_("&Observed on:"), self.observed)
        form.addRow(_("S&trength:"), self.strength)
        if source.kind == "note":
            form.addRow(_("&Citation:"), self.citation)
        form.addRow(_("Topics:"), self.topics)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        if self.saved_id is not None:
            return
        region_id = self.region.region_id()
        if region_id is None:
            self.problem.setText(_("Choose the region the finding is about."))
            return
        day = self.observed.date()
        values = {"observed_on": date(day.year(), day.month(), day.day()),
                  "strength": self.strength.currentData(), "topic_ids": self.topics.chosen(),
                  "citation": self.citation.text()}
        findings = self.services.evidence.findings
        try:
            if self.finding_id:
                view = findings.update(self.finding_id, statement=self.statement.toPlainText(),
                                       region_id=region_id, expected=self._version, **values)
            else:
                view = findings.add(region_id, self.statement.toPlainText(), self.source, **values)
        except ChangedElsewhere as exc:
            self._changed_elsewhere(exc, region_id)
            return
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.saved_id = view.id
        self.accept()

    def _changed_elsewhere(self, error: ChangedElsewhere, region_id: str) -> None:
        """Someone else saved this finding since the dialog opened: Reload shows theirs here (to keep editing or
        cancel); Overwrite saves mine over theirs; Keep both keeps theirs and saves mine as a new finding from
        the same source, its statement marked as a copy (measures citing the finding keep citing theirs)."""
        if self.finding_id is None:
            return
        choice = changed_elsewhere.ask(self, error, copy=True)
        findings = self.services.evidence.findings
        if choice is Choice.OVERWRITE:
            self._version = error.row_version
            self.save()
            return
        if choice is Choice.KEEP_BOTH:
            day = self.observed.date()
            try:
                view = findings.copy(self.finding_id, statement=self.statement.toPlainText(), region_id=region_id,
                                     strength=self.strength.currentData(), topic_ids=self.topics.chosen(),
                                     observed_on=date(day.year(), day.month(), day.day()),
                                     citation=self.citation.text())
            except ServiceError as exc:
                self.problem.setText(str(exc))
                return
            self.saved_id = view.id
            self.accept()
            return
        try:
            self._show(findings.get(self.finding_id))
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.setText(_("Reloaded: the finding {name} saved is shown.").format(name=error.who()))

    def _show(self, view: FindingView) -> None:
        """The form shows ``view`` (their version, after Reload)."""
        self._version = view.row_version
        self.statement.setPlainText(view.statement)
        self.region.set_region(view.region_id)
        day = view.observed_on
        self.observed.setDate(QDate(day.year, day.month, day.day))
        self.strength.setCurrentIndex(self.strength.findData(view.strength))
        self.citation.setText(view.citation)
        self.topics.reload({t.id for t in view.topics})


def add_finding(parent: QWidget | None, services: Services, source: SourceRef, text: str = "",
                region_id: str | None = None) -> str | None:
    """Open "Add as finding…" for ``source``; the new finding's id, or None if cancelled."""
    described = services.evidence.sources.describe(source) if source.kind != "note" else source
    dialog = FindingDialog(parent, services, described, text, region_id)
    dialog.exec()
    return dialog.saved_id
