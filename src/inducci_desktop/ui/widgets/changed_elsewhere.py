"""The question an editor asks when its save was refused because someone else changed the record meanwhile:
"Changed by Anna at 10:42 — Reload / Overwrite / Keep both" (services/errors.py ``ChangedElsewhere``)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ChangedElsewhere, local_time


class Choice(Enum):
    RELOAD = "reload"  # drop my edit, show theirs
    OVERWRITE = "overwrite"  # save mine on top of theirs
    KEEP_BOTH = "keep_both"  # keep theirs, and mine as a copy (or on the clipboard)


def headline(error: ChangedElsewhere) -> str:
    if error.changed_at is None:
        return _("Changed by {name}").format(name=error.who())
    return _("Changed by {name} at {time}").format(name=error.who(), time=local_time(error.changed_at))


def ask(parent: QWidget | None, error: ChangedElsewhere, *, copy: bool) -> Choice:
    """Ask what to do with an edit that was not saved. ``copy``: whether "Keep both" can save mine as a copy
    beside theirs (a finding, a paper block, a note); otherwise it puts my text on the clipboard."""
    box = QMessageBox(parent)
    box.setObjectName("changedElsewhere")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Changed elsewhere"))
    box.setText(headline(error))
    both = (_("Keep both keeps theirs and saves yours as a copy.") if copy
            else _("Keep both keeps theirs and puts your text on the clipboard."))
    box.setInformativeText(
        _("This {label} was changed by someone else after you opened it, so your edit was not saved.").format(
            label=error.label) + "\n\n"
        + _("Reload shows their version and drops your edit. Overwrite saves yours on top of theirs.") + " " + both)
    reload = box.addButton(_("&Reload"), QMessageBox.ButtonRole.RejectRole)
    overwrite = box.addButton(_("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("&Keep both"), QMessageBox.ButtonRole.AcceptRole)
    reload.setObjectName("reload")
    overwrite.setObjectName("overwrite")
    keep.setObjectName("keepBoth")
    box.setDefaultButton(keep)
    box.setEscapeButton(reload)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is overwrite:
        return Choice.OVERWRITE
    if clicked is keep:
        return Choice.KEEP_BOTH
    return Choice.RELOAD


def to_clipboard(text: str) -> None:
    clipboard = QApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)
