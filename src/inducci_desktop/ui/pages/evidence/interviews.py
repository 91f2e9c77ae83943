"""The Interviews tab of the Evidence page: the interviews held with the toolbox's interview guides, the
questions of the chosen one with answers and notes autosaved, "Add as finding…" per answer, the interview
record printed, and erasure on request (confirmed; cannot be undone)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain import rules
from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.evidence import InterviewSummary, SourceRef
from inducci_desktop.domain.i18n import _, ngettext
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.evidence.interview_dialog import InterviewDialog
from inducci_desktop.ui.pages.evidence.interview_questions import QuestionsPanel
from inducci_desktop.ui.undo import AppliedCommand
from inducci_desktop.ui.widgets.add_finding import add_finding
from inducci_desktop.ui.widgets.region_picker import RegionPicker

INTERVIEW = Qt.ItemDataRole.UserRole
KINDS = (Kind.INTERVIEW, Kind.REGION)


def list_text(summary: InterviewSummary) -> str:
    guide = _(rules.INTERVIEW_GUIDE.labels.get(summary.guide_id, summary.guide_title))
    who = _("erased on request") if summary.erased_at is not None else (
        summary.interviewee_organisation or summary.interviewee_role)
    return f"{summary.held_on.isoformat()} · {guide}\n{who} · " + _("{answered} of {questions} answered").format(
        answered=summary.answered, questions=summary.questions)


class _Trash(AppliedCommand):
    def __init__(self, tab: InterviewsTab, interview_id: str) -> None:
        super().__init__(_("Delete interview"), tab.reload)
        self.tab, self.interview_id = tab, interview_id

    def apply(self) -> None:
        self.tab.service.delete(self.interview_id)

    def revert(self) -> None:
        self.tab.service.restore(self.interview_id)


class InterviewsTab(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.services = context.services
        self.service = context.services.interviews
        self._summaries: dict[str, InterviewSummary] = {}
        self.region = RegionPicker(self.services.regions, none_label=_("All regions"))
        self.region.setAccessibleName(_("Region filter"))
        self.region.chosen.connect(lambda _region: self.reload())
        self.list = QListWidget()
        self.list.setAccessibleName(_("Interviews"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda _now, _before: self._show_selected())
        self.new_button = QPushButton(_("&New interview…"))
        self.new_button.clicked.connect(self.new_interview)
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.clicked.connect(self.print_selected)
        self.erase_button = QPushButton(_("&Erase on request…"))
        self.erase_button.setToolTip(_("Erase the interviewee's data and every answer, backups included"))
        self.erase_button.clicked.connect(self.erase_selected)
        self.people_button = QPushButton(_("Add to people &consulted"))
        self.people_button.setToolTip(_("Add the interviewee (with their consent) to the people consulted"))
        self.people_button.clicked.connect(self.add_to_people)
        self.count = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Region:")))
        filters.addWidget(self.region, 1)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.count)
        first_row, second_row = QHBoxLayout(), QHBoxLayout()
        first_row.addWidget(self.new_button)
        first_row.addWidget(self.delete_button)
        second_row.addWidget(self.print_button)
        second_row.addWidget(self.erase_button)
        left_layout.addLayout(first_row)
        left_layout.addLayout(second_row)
        left_layout.addWidget(self.people_button)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.questions = QuestionsPanel(self.service)
        self.questions.finding_requested.connect(self.add_as_finding)
        self.status = QLabel()
        self.questions.status.connect(self.status.setText)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.questions, 1)
        right_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.events.changed.connect(self._changed)
        self.reload()

    # --- data ---------------------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*KINDS):
            self.reload(keep_questions=True)

    def reload(self, *, keep_questions: bool = False) -> None:
        selected = self.selected_id()
        rows = self.service.list(self.region.region_id())
        self._summaries = {r.id: r for r in rows}
        self.list.blockSignals(True)
        self.list.clear()
        for summary in rows:
            item = QListWidgetItem(list_text(summary))
            item.setData(INTERVIEW, summary.id)
            self.list.addItem(item)
            if summary.id == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.count.setText(ngettext("{count} interview", "{count} interviews", len(rows)).format(count=len(rows)))
        if not keep_questions or self.selected_id() != self.questions.interview_id:
            self._show_selected()
        else:
            self._update_header()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(INTERVIEW) if item is not None else None
        return value if isinstance(value, str) else None

    def select(self, interview_id: str) -> bool:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item is not None and item.data(INTERVIEW) == interview_id:
                self.list.setCurrentItem(item)
                return True
        return False

    def _show_selected(self) -> None:
        interview_id = self.selected_id()
        view = self.service.get(interview_id) if interview_id else None
        self.questions.show_interview(view)
        self._update_header()

    def _update_header(self) -> None:
        summary = self._summaries.get(self.selected_id() or "")
        enabled = summary is not None and summary.erased_at is None
        for button in (self.print_button, self.erase_button):
            button.setEnabled(enabled)
        self.people_button.setEnabled(enabled and summary is not None and summary.consent)
        self.delete_button.setEnabled(summary is not None)
        if summary is None:
            self.header.setText("")
            return
        who = _("erased on request") if summary.erased_at is not None else summary.interviewee
        consent = _("consent given") if summary.consent else _("no consent recorded")
        self.header.setText(_("{guide} · {date} · interviewer: {interviewer}\nInterviewee: {who} ({consent})").format(
            guide=summary.guide_title, date=summary.held_on.isoformat(), interviewer=summary.interviewer or "—",
            who=who, consent=consent))

    def open_source(self, interview_id: str, question_key: str) -> bool:
        """Show an interview answer a finding points to (the Evidence page asks)."""
        if interview_id not in self._summaries:
            self.region.set_region(None)
            self.reload()
        if not self.select(interview_id):
            return False
        return self.questions.reveal(question_key) or True

    # --- actions ------------------------------------------------------------------------------------

    def new_interview(self) -> None:
        self.questions.flush()
        dialog = InterviewDialog(self, self.services, self.region.region_id())
        self.interview_dialog = dialog
        dialog.exec()
        if dialog.saved_id:
            self.reload()
            self.select(dialog.saved_id)

    def add_as_finding(self, question_key: str, text: str) -> None:
        summary = self._summaries.get(self.selected_id() or "")
        if summary is None:
            return
        self.questions.flush()
        box = self.questions.box(question_key)
        number = box.number if box is not None else question_key
        title = _("Interview {date}, {who} · question {number}").format(
            date=summary.held_on.isoformat(), who=summary.interviewee_organisation or summary.interviewee_role,
            number=number)
        source = SourceRef("interview", f"{summary.id}/{question_key}", title)
        if add_finding(self, self.services, source, text, summary.region_id):
            self.status.setText(_("Finding added to the register."))

    def add_to_people(self) -> None:
        interview_id = self.selected_id()
        if interview_id is None:
            return
        try:
            person = self.services.stakeholders.add_from_interview(interview_id)
        except ServiceError as exc:
            QMessageBox.warning(self, _("Add to people consulted"), str(exc))
            return
        self.status.setText(_("{who} added to the people consulted.").format(
            who=person.name or person.role or person.organisation))

    def delete_selected(self) -> None:
        interview_id = self.selected_id()
        if interview_id is None:
            return
        self.questions.flush()
        self.service.delete(interview_id)
        self.context.undo_stack.push(_Trash(self, interview_id))

    def print_selected(self) -> None:
        from inducci_desktop.services.documents import DocumentRequest
        from inducci_desktop.ui.widgets.document_dialog import show_document

        interview_id = self.selected_id()
        if interview_id is None:
            return
        self.questions.flush()
        show_document(self, self.services, self.context.state, DocumentRequest("interview-record", interview_id))

    def erase_selected(self) -> None:
        from inducci_desktop.logsetup import log_folders

        summary = self._summaries.get(self.selected_id() or "")
        if summary is None:
            return
        answer = QMessageBox.question(
            self, _("Erase on request"),
            _("Erase the interviewee's data ({who}) and every answer and note of this interview?\n\n"
              "Role, organisation, name, consent, answers and notes are removed for good, from the backups "
              "too (this cannot be undone). The guide, date, region and interviewer stay. A stakeholder added "
              "from this interview is erased too; findings made from its answers keep their statement.").format(
                who=summary.interviewee),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.questions.flush()
        try:
            erased = self.service.erase(summary.id, extra_folders=[Path(f) for f in log_folders()])
        except ServiceError as exc:
            QMessageBox.warning(self, _("Erase on request"), str(exc))
            return
        self.reload()
        if erased.complete:
            QMessageBox.information(self, _("Erase on request"), ngettext(
                "The interview was erased, and from {backups} backup; {files} files were read back.",
                "The interview was erased, and from {backups} backups; {files} files were read back.",
                erased.backups).format(backups=erased.backups, files=erased.files_checked))
            return
        listed = "\n".join(f"• {f.path}: {f.reason}" for f in erased.unclean)
        QMessageBox.warning(self, _("Erasure not complete"),
                            _("The interview was erased, but these files could not be cleaned:\n{files}").format(
                                files=listed))
