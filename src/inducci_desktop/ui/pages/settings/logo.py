"""The organisation logo in Settings: choose an image for certificates and covers, see it, remove it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.services.logo import remove_logo, set_logo, stored_logo

PREVIEW_HEIGHT = 48


def choose_logo_file(parent: QWidget) -> Path | None:
    """Ask for the logo image (the one file dialog of this panel; tests answer it by replacing this function)."""
    name, _filter = QFileDialog.getOpenFileName(parent, _("Organisation logo"), str(Path.home()),
                                                _("Images (*.png *.jpg *.jpeg)"))
    return Path(name) if name else None


class LogoPanel(QGroupBox):
    """"Organisation logo…" stores a checked, scaled copy in the data folder; "Remove" deletes it. A file
    that is not a usable image is named in a message under the buttons and nothing is stored."""

    def __init__(self, paths: AppPaths) -> None:
        super().__init__(_("Printed documents"))
        self.paths = paths
        layout = QVBoxLayout(self)
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setMinimumHeight(PREVIEW_HEIGHT)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.choose_button = QPushButton(_("Organisation logo…"))
        self.choose_button.setToolTip(_("A PNG or JPEG image printed on certificates and on covers"))
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove organisation logo"))
        self.error_label = QLabel()
        self.error_label.setObjectName("logoError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B3261E;")
        self.error_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.preview)
        row.addWidget(self.state_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        self.choose_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove)
        self.refresh()

    def refresh(self) -> None:
        logo = stored_logo(self.paths)
        self.remove_button.setEnabled(logo is not None)
        if logo is None:
            self.preview.clear()
            self.preview.hide()
            self.state_label.setText(_("No organisation logo: certificates and covers print without one."))
            return
        pixmap = QPixmap(str(logo))
        self.preview.setPixmap(pixmap.scaledToHeight(PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation))
        self.preview.show()
        self.state_label.setText(_("Printed on certificates and covers ({width} × {height} px).")
            .format(width=pixmap.width(), height=pixmap.height()))

    def _choose(self) -> None:
        path = choose_logo_file(self)
        if path is None:
            return
        try:
            set_logo(self.paths, path)
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.error_label.hide()
        self.refresh()

    def _remove(self) -> None:
        remove_logo(self.paths)
        self.error_label.hide()
        self.refresh()
