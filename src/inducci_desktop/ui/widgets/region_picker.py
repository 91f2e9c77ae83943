"""Choosing a region from the managed list, wherever a region is chosen: a combo box whose last entry,
"Add region…", adds one in place. A name that is a near-duplicate of a known region (compared folded and
case-insensitive) is flagged before it is added, with the known one offered instead."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inducci_desktop.domain.i18n import N_, Labels, _
from inducci_desktop.services.errors import ServiceError
from inducci_desktop.services.regions import KINDS, RegionService, RegionView, similar_regions

ADD = "__add_region__"
KIND_LABELS = Labels({"region": N_("Region"), "organisation": N_("Organisation")})


class AddRegionDialog(QDialog):
    """Name (and kind) of a new region; warns inline about near-duplicates and offers the known one."""

    def __init__(self, parent: QWidget | None, regions: RegionService) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add region"))
        self.setMinimumWidth(440)
        self.regions = regions
        self.known = regions.list()
        self.region_id: str | None = None
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name of the region"))
        self.name.setPlaceholderText(_("e.g. Śląskie (Silesia)"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind"))
        for key in KINDS:
            self.kind.addItem(_(KIND_LABELS.get(key, key)), key)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(_("Warning"))
        self.warning.setStyleSheet("color: #b3261e;")
        self.use_existing = QPushButton()
        self.use_existing.setVisible(False)
        self.use_existing.clicked.connect(self._use_existing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(_("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Kind:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.use_existing)
        layout.addWidget(self.buttons)
        self._similar: list[RegionView] = []
        self._check()

    def _check(self) -> None:
        name = self.name.text().strip()
        self._similar = similar_regions(name, self.known) if name else []
        self.add_button.setEnabled(bool(name))
        if self._similar:
            names = ", ".join(f"“{r.name}”" for r in self._similar)
            self.warning.setText(_("Very like {names}, which is in the list already. Choose it instead, so that "
                "assessments and workshops of one region are compared together — or add the new name if it really is "
                    "another region.")
                .format(names=names))
            self.add_button.setText(_("Add anyway"))
            self.use_existing.setText(_("Use “{name}”").format(name=self._similar[0].name))
            self.use_existing.setVisible(True)
        else:
            self.warning.setText("")
            self.add_button.setText(_("Add"))
            self.use_existing.setVisible(False)

    def _use_existing(self) -> None:
        if self._similar:
            self.region_id = self._similar[0].id
            self.accept()

    def _add(self) -> None:
        try:
            region = self.regions.add(self.name.text(), self.kind.currentData())
        except ServiceError as exc:
            self.warning.setText(str(exc))
            return
        self.region_id = region.id
        self.accept()


class RegionPicker(QComboBox):
    """The managed regions, "—" for none, and "Add region…". ``chosen`` is emitted when the user picks a
    region (or none), including one just added; programmatic ``set_region`` emits nothing."""

    chosen = Signal(object)  # region id or None

    def __init__(self, regions: RegionService, *, none_label: str = "—") -> None:
        super().__init__()
        self.regions = regions
        self.none_label = none_label
        self._current: str | None = None
        self.setAccessibleName(_("Region"))
        self.activated.connect(self._activated)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Refill from the managed list, keeping the current region (or selecting ``select``)."""
        wanted = select if select is not None else self._current
        self.blockSignals(True)
        self.clear()
        self.addItem(self.none_label, None)
        for region in self.regions.list():
            self.addItem(region.name, region.id)
        self.insertSeparator(self.count())
        self.addItem(_("Add region…"), ADD)
        self.blockSignals(False)
        self.set_region(wanted)

    def set_region(self, region_id: str | None) -> None:
        index = self.findData(region_id) if region_id is not None else 0
        self._current = region_id if index > 0 else None
        self.blockSignals(True)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def region_id(self) -> str | None:
        return self._current

    def _activated(self, index: int) -> None:
        data = self.itemData(index)
        if data != ADD:
            if data != self._current:
                self._current = data
                self.chosen.emit(data)
            return
        dialog = AddRegionDialog(self.window(), self.regions)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.region_id is None:
            self.set_region(self._current)
            return
        self.reload(dialog.region_id)  # other pages learn of the new region from the change signal
        self.chosen.emit(dialog.region_id)
