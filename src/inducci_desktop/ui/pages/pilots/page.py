"""The Pilot actions page: the region's own pilots on the left (new, trash); the selected pilot's facts,
challenge, programme, results, lessons, voices and photos in tabs; Print (case profile, plan) and Publish
(into the Library as this region's own case) above them. A save over someone else's change to the same pilot
asks "Changed by … at …": Reload, Overwrite, or Keep both (mine saved as a new pilot action "… (copy)")."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.changes import Changes, Kind
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.pilots import PilotView, period_text, status_label
from inducci_desktop.services.documents import DocumentRequest
from inducci_desktop.services.errors import ChangedElsewhere, NotFoundError, ServiceError
from inducci_desktop.services.pilots.documents import KINDS, key
from inducci_desktop.services.pilots.service import editable_values
from inducci_desktop.ui.pages.context import PageContext
from inducci_desktop.ui.pages.pilots.details import ChallengeTab, DetailsTab, PilotForm, ProgrammeTab
from inducci_desktop.ui.pages.pilots.entries import CriteriaTab, LessonsTab, VoicesTab
from inducci_desktop.ui.pages.pilots.photos import PhotosTab
from inducci_desktop.ui.widgets import changed_elsewhere
from inducci_desktop.ui.widgets.changed_elsewhere import Choice
from inducci_desktop.ui.widgets.document_dialog import DocumentDialog, show_document
from inducci_desktop.ui.widgets.enter import on_return

IdRole = Qt.ItemDataRole.UserRole
PILOT_KINDS = (Kind.PILOT, Kind.PILOT_CRITERION, Kind.PILOT_LESSON, Kind.PILOT_VOICE, Kind.PILOT_PHOTO)


class PilotsPage(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.pilots = context.services.pilots
        self.new_title = QLineEdit()
        self.new_title.setAccessibleName(_("New pilot title"))
        self.new_title.setPlaceholderText(_("Title of a new pilot action"))
        self.new_button = QPushButton(_("&New pilot"))
        self.new_button.clicked.connect(lambda: self.new_pilot())
        on_return(self.new_pilot, self.new_title)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Pilot actions"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda current, _previous: self.show_pilot(
            current.data(IdRole) if current is not None else None))
        self.trash = QCheckBox(_("Show the trash"))
        self.trash.toggled.connect(lambda _on: self.reload_list())
        self.delete_button = QPushButton(_("Move to trash"))
        self.delete_button.clicked.connect(lambda: self.delete_or_restore())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_title, 1)
        new_row.addWidget(self.new_button)
        left_layout.addLayout(new_row)
        left_layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.trash)
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        left_layout.addLayout(bottom)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.title.setAccessibleName(_("Pilot title"))
        self.publish_button = QPushButton(_("P&ublish to Library"))
        self.publish_button.setCheckable(True)
        self.publish_button.clicked.connect(lambda checked: self.publish(checked))
        self.print_button = QPushButton(_("&Print"))
        self.print_button.setMenu(self._print_menu())
        saved: Callable[[PilotView], None] = self._saved
        self.details = DetailsTab(self.pilots, context.services.regions, saved)
        self.challenge = ChallengeTab(self.pilots, saved)
        self.programme = ProgrammeTab(self.pilots, saved)
        for form in self._forms():
            form.changed_elsewhere = self._changed_elsewhere
        self.criteria = CriteriaTab(self.pilots, self._entries_changed)
        self.lessons = LessonsTab(self.pilots, self._entries_changed)
        self.voices = VoicesTab(self.pilots, self._entries_changed)
        self.photos = PhotosTab(self.pilots, self._entries_changed)
        for entries in (self.criteria, self.lessons, self.voices, self.photos):
            entries.undo_stack = context.undo_stack
        self.lessons.add_finding = self.lesson_as_finding
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Pilot action"))
        for widget, label in ((self.details, _("&Details")), (self.challenge, _("C&hallenge")),
                              (self.programme, _("Pro&gramme")), (self.criteria, _("&Results")),
                              (self.lessons, _("&Lessons")), (self.voices, _("&Voices")),
                              (self.photos, _("Ph&otos"))):
            self.tabs.addTab(widget, label)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.publish_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(header)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([270, 830])
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.events.changed.connect(self._data_changed)
        self.pilot_id: str | None = None
        self.view: PilotView | None = None  # the pilot as the tabs show it: mine, when a save is refused
        self.reload_list()

    # --- the list ------------------------------------------------------------------------------------------

    def reload_list(self, select: str | None = None, *, show: bool = True) -> None:
        """Fill the list again and select ``select`` (or the pilot shown); ``show``: show it in the tabs."""
        wanted = select or self.pilot_id
        in_trash = self.trash.isChecked()
        self.delete_button.setText(_("Restore") if in_trash else _("Move to trash"))
        self.list.blockSignals(True)
        self.list.clear()
        for pilot in self.pilots.list(deleted=in_trash):
            when = period_text(pilot.start_date, pilot.end_date)
            extra = " · ".join(x for x in (status_label(pilot.status), when,
                                           _("in the Library") if pilot.published else "") if x)
            item = QListWidgetItem(f"{pilot.title}\n{extra}")
            item.setData(IdRole, pilot.id)
            item.setToolTip(pilot.title)
            self.list.addItem(item)
        row = next((r for r in range(self.list.count()) if self.list.item(r).data(IdRole) == wanted), 0)
        if not show:
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
            return
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(row)
            self.show_pilot(self.list.item(row).data(IdRole))
        else:
            self.show_pilot(None)

    def new_pilot(self) -> None:
        title = self.new_title.text()
        try:
            view = self.pilots.create(title or _("New pilot action"))
        except ServiceError as exc:
            self.context.window.statusBar().showMessage(str(exc), 6000)
            return
        self.new_title.clear()
        if self.trash.isChecked():
            self.trash.setChecked(False)
        self.reload_list(view.id)
        self.tabs.setCurrentWidget(self.details)
        self.details.title.setFocus()

    def delete_or_restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        pilot_id = item.data(IdRole)
        if self.trash.isChecked():
            self.pilots.restore(pilot_id)
            message = _("Restored from the trash.")
        else:
            self.flush()
            self.pilots.delete(pilot_id)
            message = _("Moved to the trash; tick “Show the trash” to restore it.")
        self.pilot_id = None
        self.reload_list()
        self.context.window.statusBar().showMessage(message, 6000)

    # --- the pilot shown -------------------------------------------------------------------------------------

    def show_pilot(self, pilot_id: str | None) -> None:
        if pilot_id != self.pilot_id:
            self.flush()
        self.pilot_id = pilot_id
        view: PilotView | None = None
        if pilot_id is not None and not self.trash.isChecked():
            try:
                view = self.pilots.get(pilot_id)
            except NotFoundError:
                view = None
        self.view = view
        self._show_header(view)
        self.tabs.setEnabled(view is not None)
        for tab in (self.details, self.challenge, self.programme, self.criteria, self.lessons, self.voices,
                    self.photos):
            tab.load(view)

    def _show_header(self, view: PilotView | None) -> None:
        self.print_button.setEnabled(view is not None)
        self.publish_button.setEnabled(view is not None)
        if view is None:
            self.title.setText(f"<h2>{escape(_('Pilot actions'))}</h2>" + escape(
                _("Record a pilot your region ran: type its title and press New pilot.")))
            self.publish_button.setChecked(False)
            return
        facts = " · ".join(x for x in (status_label(view.status), view.region,
                                       period_text(view.start_date, view.end_date)) if x)
        self.title.setText(f"<h2>{escape(view.title)}</h2><span>{escape(facts)}</span>")
        self.title.setToolTip(view.title)
        self.publish_button.setChecked(view.published_at is not None)
        self.publish_button.setText(_("P&ublished in Library") if view.published_at else _("P&ublish to Library"))

    def _forms(self) -> tuple[PilotForm, ...]:
        """The tabs that edit the pilot's own fields (one record: they share its version)."""
        return (self.details, self.challenge, self.programme)

    def _saved(self, view: PilotView) -> None:
        if view.id == self.pilot_id:
            self.view = view
            for form in self._forms():
                form.version = view.row_version
        self._show_header(view)
        item = self.list.currentItem()
        if item is not None and item.data(IdRole) == view.id:
            when = period_text(view.start_date, view.end_date)
            extra = " · ".join(x for x in (status_label(view.status), when,
                                           _("in the Library") if view.published_at else "") if x)
            item.setText(f"{view.title}\n{extra}")

    def _changed_elsewhere(self, values: dict[str, object], error: ChangedElsewhere) -> bool:
        """Someone else saved this pilot since the tabs showed it: Reload shows theirs; Overwrite saves my
        change over theirs (their changes to other fields stay); Keep both keeps theirs and saves my version of
        the whole pilot as a new pilot action "… (copy)" (its own fields; criteria, lessons, voices and photos
        stay with the original). True when my change was saved over theirs."""
        choice = changed_elsewhere.ask(self, error, copy=True)
        mine = self.view if self.view is not None and self.view.id == error.record_id else None
        saved = False
        status = self.context.window.statusBar()
        try:
            if choice is Choice.OVERWRITE:
                self.pilots.update(error.record_id, values, expected=error.row_version)
                saved = True
                status.showMessage(_("Your change was saved over the one {name} made.").format(name=error.who()), 8000)
            elif choice is Choice.KEEP_BOTH:
                copy = self.pilots.copy(error.record_id, {**(editable_values(mine) if mine else {}), **values})
                status.showMessage(_("Their version is shown; yours was saved as a new pilot action “{title}”.")
                                   .format(title=copy.title), 8000)
            else:
                status.showMessage(_("Reloaded: the pilot action {name} saved is shown.").format(name=error.who()),
                                   8000)
        except ChangedElsewhere as again:  # changed once more while the question was open: ask again
            return self._changed_elsewhere(values, again)
        except ServiceError as exc:
            status.showMessage(str(exc), 8000)
        current = self.list.currentItem()
        self.reload_list(current.data(IdRole) if current is not None else None, show=False)
        if error.record_id == self.pilot_id:
            self.show_pilot(self.pilot_id)
        return saved

    def _entries_changed(self) -> None:
        if self.pilot_id is not None:
            self._show_header(self.pilots.get(self.pilot_id))

    def publish(self, published: bool) -> None:
        if self.pilot_id is None:
            return
        self.flush()
        view = self.pilots.publish(self.pilot_id, published)
        self._saved(view)
        message = (_("Published: the Library shows it as this region's own case.") if published else
                   _("Taken out of the Library."))
        self.context.window.statusBar().showMessage(message, 6000)

    # --- printing ------------------------------------------------------------------------------------------

    def _print_menu(self) -> QMenu:
        menu = QMenu(self)
        for kind, (label, _title) in KINDS.items():
            action = menu.addAction(_("&{label}…").format(label=_(label)))
            action.setObjectName(f"print-{kind}")
            action.triggered.connect(self._printer(kind))
        return menu

    def _printer(self, kind: str) -> Callable[[], None]:
        def run() -> None:
            self.preview(kind)
        return run

    def preview(self, kind: str) -> DocumentDialog | None:
        if self.pilot_id is None:
            return None
        self.flush()
        return show_document(self, self.context.services, self.context.state,
                             DocumentRequest(key(kind), self.pilot_id))

    # --- findings -------------------------------------------------------------------------------------------

    def lesson_as_finding(self, lesson_id: str, text: str) -> None:
        """"Add as finding…" on a lesson: the finding links to it (and opens it) from the evidence register."""
        from inducci_desktop.domain.evidence import SourceRef
        from inducci_desktop.ui.widgets.add_finding import add_finding

        if self.pilot_id is None:
            return
        view = self.pilots.get(self.pilot_id)
        title = _("{pilot} · lesson").format(pilot=view.title)
        if add_finding(self, self.context.services, SourceRef("pilot_lesson", lesson_id, title), text,
                       view.region_id):
            self.context.window.statusBar().showMessage(_("Finding added to the register."), 6000)

    def open_source(self, pilot_id: str, detail: str) -> None:
        """Show the pilot a finding cites, on the tab of its lesson or criterion (``detail``: "lesson:ID" …)."""
        if self.trash.isChecked():
            self.trash.setChecked(False)
        self.reload_list(pilot_id)
        kind = detail.partition(":")[0]
        self.tabs.setCurrentWidget(self.lessons if kind == "lesson" else self.criteria)

    # --- elsewhere -----------------------------------------------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        # the page's own edits come back here too; only writes from elsewhere (import, restore) reload
        if changes.everything or (changes.touches(*PILOT_KINDS) and not self.isVisible()):
            self.reload_list()
        elif changes.touches(Kind.REGION):
            self.details.region.reload()

    def flush(self) -> None:
        """Save what is being typed (the field that has focus saves when left)."""
        focus = self.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            for edit in self.findChildren(QLineEdit):
                if edit.isModified():
                    edit.editingFinished.emit()
            for box in (self.challenge.challenge, self.challenge.target_groups, self.programme.changes,
                        self.programme.problems, self.programme.outputs):
                if box.document().isModified():
                    box.left.emit()
