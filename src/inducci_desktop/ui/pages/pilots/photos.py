"""The pilot's photos: a file typed or chosen in the file dialog is checked, scaled and copied into the data
folder with its caption, credit and consent; a photo without consent is never printed or sent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import N_, _
from inducci_desktop.domain.pilots import PhotoView, PilotView
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.pilots.service import PilotService
from inducci_desktop.ui.pages.pilots.commands import remove_entry
from inducci_desktop.ui.widgets.enter import on_return

IdRole = Qt.ItemDataRole.UserRole
THUMB = QSize(160, 110)
FILTER = N_("Photos (*.jpg *.jpeg *.png *.webp *.JPG *.JPEG *.PNG *.WEBP);;All files (*)")


def photo_dialog(parent: QWidget, folder: str) -> QFileDialog:
    """The file dialog for a photo (Qt's own, so it looks and behaves the same everywhere)."""
    dialog = QFileDialog(parent, _("Choose a photo"), folder, _(FILTER))
    dialog.setObjectName("photoDialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return dialog


class PhotosTab(QWidget):
    def __init__(self, pilots: PilotService, changed: Callable[[], None]) -> None:
        super().__init__()
        self.pilots = pilots
        self.changed = changed
        self.undo_stack: QUndoStack | None = None  # set by the page: removals can be undone
        self.pilot_id: str | None = None
        self.path = QLineEdit()
        self.path.setAccessibleName(_("Photo file"))
        self.path.setPlaceholderText(_("Type the path of a photo or choose it…"))
        self.browse = QPushButton(_("Choose…"))
        self.browse.setAccessibleName(_("Choose a photo file"))
        self.browse.clicked.connect(lambda: self.choose())
        self.caption = QLineEdit()
        self.caption.setAccessibleName(_("Caption"))
        self.caption.setPlaceholderText(_("Caption"))
        self.credit = QLineEdit()
        self.credit.setAccessibleName(_("Photo credit"))
        self.credit.setPlaceholderText(_("Photo credit"))
        self.consent = QCheckBox(_("People shown agree"))
        self.add_button = QPushButton(_("Add photo"))
        self.add_button.clicked.connect(lambda: self.add())
        on_return(self.add, self.path, self.caption, self.credit)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Photos"))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 48))
        self.list.itemChanged.connect(self._consent_changed)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove photo"))
        self.remove_button.clicked.connect(lambda: self.remove())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E;")
        self.loading = False
        first = QHBoxLayout()
        first.addWidget(self.path, 1)
        first.addWidget(self.browse)
        second = QHBoxLayout()
        second.addWidget(self.caption, 1)
        second.addWidget(self.credit, 1)
        third = QHBoxLayout()  # consent and the button on a row of their own: the fields keep room to type
        third.addWidget(self.consent)
        third.addStretch(1)
        third.addWidget(self.add_button)
        note = QLabel(_("Tick a photo to mark the consent of the people shown; only those are printed or sent."))
        note.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(third)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)

    def choose(self) -> None:
        current = Path(self.path.text().strip()).expanduser()
        folder = str(current.parent if current.parent.is_dir() and self.path.text().strip() else Path.home())
        dialog = photo_dialog(self, folder)
        try:
            if dialog.exec() and dialog.selectedFiles():
                self.path.setText(dialog.selectedFiles()[0])
                self.caption.setFocus()
        finally:
            dialog.deleteLater()

    def add(self) -> None:
        pilot_id = self.pilot_id
        source = self.path.text().strip()
        if pilot_id is None:
            return
        if not source:
            self.problem.setText(_("Type the path of a photo or choose one first."))
            return
        try:
            self.pilots.add_photo(pilot_id, Path(source).expanduser(), self.caption.text(), self.credit.text(),
                                  consent=self.consent.isChecked())
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.setText("")
        for edit in (self.path, self.caption, self.credit):
            edit.clear()
        self.consent.setChecked(False)
        self.changed()
        self.reload()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            remove_entry(self.undo_stack, self.pilots, "photo", item.data(IdRole), self._after_change)
        except ServiceError as exc:
            self.problem.setText(str(exc))

    def _after_change(self) -> None:
        self.reload()
        self.changed()

    def _consent_changed(self, item: QListWidgetItem) -> None:
        if self.loading:
            return
        photo: PhotoView = item.data(IdRole + 1)
        given = item.checkState() == Qt.CheckState.Checked
        try:
            self.pilots.update_photo(photo.id, photo.caption, photo.credit, given)
        except ServiceError as exc:
            self.problem.setText(str(exc))
        self.changed()
        self.reload()

    def reload(self) -> None:
        self.load(self.pilots.get(self.pilot_id) if self.pilot_id else None)

    def load(self, view: PilotView | None) -> None:
        self.loading = True
        try:
            self.pilot_id = view.id if view else None
            self.list.clear()
            for photo in view.photos if view else ():
                pixmap = QPixmap(photo.path) if photo.path else QPixmap()
                icon = QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)) if not pixmap.isNull() \
                    else QIcon()
                text = photo.caption or _("(no caption)")
                if not photo.path:
                    text += " " + _("(file not on this machine)")
                item = QListWidgetItem(icon, text)
                item.setData(IdRole, photo.id)
                item.setData(IdRole + 1, photo)
                item.setToolTip(_("{caption} — consent {state}").format(
                    caption=photo.caption, state=_("given") if photo.consent else _("not given")))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if photo.consent else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        finally:
            self.loading = False
