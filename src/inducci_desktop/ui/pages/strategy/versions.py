"""The Versions and review tab: the paper's versions, freezing one for circulation, starting the next,
comparing two (section text differences), and the status draft → in review → adopted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.strategy import PaperSummary
from inducci_desktop.services.container import Services
from inducci_desktop.services.errors import ServiceError


def version_label(p: PaperSummary) -> str:
    state = _(rules.PAPER_STATUS.labels[p.status])
    frozen = _(", frozen {date}").format(date=p.frozen_at.date().isoformat()) if p.frozen_at else ""
    return _("Version {n} – {state}{frozen}").format(n=p.version, state=state, frozen=frozen)


class VersionsTab(QWidget):
    def __init__(self, services: Services, opened: Callable[[str], None]) -> None:
        super().__init__()
        self.papers = services.strategy.papers
        self.opened = opened  # the page shows another version (after "Start new version", or a double click)
        self.summary: PaperSummary | None = None
        self.versions = QListWidget()
        self.versions.setAccessibleName(_("Versions"))
        self.versions.itemDoubleClicked.connect(lambda item: self.opened(item.data(Qt.ItemDataRole.UserRole)))
        self.freeze_button = QPushButton(_("Freeze this version"))
        self.new_button = QPushButton(_("Start new version"))
        self.freeze_button.clicked.connect(lambda: self.freeze())
        self.new_button.clicked.connect(lambda: self.new_version())
        self.other = QComboBox()
        self.other.setAccessibleName(_("Version to compare with"))
        self.compare_button = QPushButton(_("Compare"))
        self.compare_button.clicked.connect(lambda: self.compare())
        self.diff = QTextBrowser()
        self.diff.setOpenLinks(False)
        self.diff.setAccessibleName(_("Differences"))
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status"))
        for key, label in rules.PAPER_STATUS.labels.items():
            self.status.addItem(_(label), key)
        self.adopted_by = QLineEdit()
        self.adopted_by.setAccessibleName(_("Adopted by"))
        self.adopted_by.setPlaceholderText(_("Regional council, board …"))
        self.adopted_on = QLineEdit()
        self.adopted_on.setAccessibleName(_("Adopted on"))
        self.adopted_on.setPlaceholderText(_("YYYY-MM-DD"))
        self.status_button = QPushButton(_("Set status"))
        self.status_button.clicked.connect(lambda: self.set_status())
        left = QVBoxLayout()
        left.addWidget(self.versions, 1)
        row = QHBoxLayout()
        row.addWidget(self.freeze_button)
        row.addWidget(self.new_button)
        left.addLayout(row)
        form = QFormLayout()
        form.addRow(_("S&tatus:"), self.status)
        form.addRow(_("Adopted &by:"), self.adopted_by)
        form.addRow(_("Adopted &on:"), self.adopted_on)
        form.addRow("", self.status_button)
        left.addLayout(form)
        right = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Compare with:")))
        row.addWidget(self.other, 1)
        row.addWidget(self.compare_button)
        right.addLayout(row)
        right.addWidget(self.diff, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def load(self, summary: PaperSummary | None) -> None:
        self.summary = summary
        self.versions.clear()
        self.other.clear()
        self.diff.clear()
        for widget in (self.freeze_button, self.new_button, self.compare_button, self.status_button):
            widget.setEnabled(summary is not None)
        if summary is None:
            return
        for version in self.papers.versions(summary.id):
            item = QListWidgetItem(version_label(version))
            item.setData(Qt.ItemDataRole.UserRole, version.id)
            self.versions.addItem(item)
            if version.id == summary.id:
                item.setSelected(True)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            else:
                self.other.addItem(version_label(version), version.id)
        self.freeze_button.setEnabled(not summary.frozen)
        self.compare_button.setEnabled(self.other.count() > 0)
        self.status.setCurrentIndex(max(0, self.status.findData(summary.status)))
        self.adopted_by.setText(summary.adopted_by)
        self.adopted_on.setText(summary.adopted_on.isoformat() if summary.adopted_on else "")

    def _act(self, title: str, work: Callable[[], PaperSummary]) -> PaperSummary | None:
        try:
            return work()
        except ServiceError as exc:
            QMessageBox.warning(self, title, str(exc))
            return None

    def freeze(self) -> None:
        if self.summary is None:
            return
        summary = self.summary
        done = self._act(_("Freeze"), lambda: self.papers.freeze(summary.id))
        if done is not None:
            self.opened(done.id)

    def new_version(self) -> None:
        if self.summary is None:
            return
        summary = self.summary
        done = self._act(_("New version"), lambda: self.papers.new_version(summary.id))
        if done is not None:
            self.opened(done.id)

    def compare(self) -> None:
        other = self.other.currentData()
        if self.summary is None or not other:
            return
        versions = {v.id: v.version for v in self.papers.versions(self.summary.id)}
        old, new = sorted((self.summary.id, other), key=lambda i: versions.get(i, 0))
        parts = []
        for diff in self.papers.compare(old, new):
            state = {"same": _("unchanged"), "changed": _("changed"), "added": _("added"),
                     "removed": _("removed")}[diff.state]
            parts.append(f"<h3>{escape(diff.title)} <small>({escape(state)})</small></h3>")
            for line in diff.lines if diff.state != "same" else ():
                colour = "#1b7f3b" if line.startswith("+") else "#b3261e" if line.startswith("-") else "#555"
                parts.append(f'<div style="color:{colour}; white-space:pre-wrap">{escape(line)}</div>')
        self.diff.setHtml("".join(parts))

    def set_status(self) -> None:
        if self.summary is None:
            return
        summary = self.summary
        text = self.adopted_on.text().strip()
        try:
            day = date.fromisoformat(text) if text else None
        except ValueError:
            QMessageBox.warning(self, _("Status"), _("Write the date as YYYY-MM-DD, for example 2026-11-20."))
            return
        status = self.status.currentData()
        done = self._act(_("Status"), lambda: self.papers.set_status(summary.id, status,
                                                                      adopted_by=self.adopted_by.text(),
                                                                      adopted_on=day))
        if done is not None:
            self.opened(done.id)
