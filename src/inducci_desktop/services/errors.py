"""Errors services raise; their text is meant for the user as it is.

The store's and printing's errors reach the front ends too (a database that cannot be opened, a PDF that
cannot be written): they are named here, so that ``ui/`` and ``cli/`` import neither ``store`` nor
``printing`` (an import-linter contract).
"""

from __future__ import annotations

from abc import ABCMeta
from datetime import datetime
from typing import Any

from inducci_desktop.domain.text import TextError

# re-exported: the errors of the layers below that the front ends catch
from inducci_desktop.printing.errors import PrintError as PrintError
from inducci_desktop.store.errors import DataInUseError as DataInUseError
from inducci_desktop.store.errors import ServerBackupError as ServerBackupError
from inducci_desktop.store.errors import StoreError as StoreError
from inducci_desktop.store.errors import UnknownBackupError as UnknownBackupError


class ServiceError(Exception, metaclass=ABCMeta):
    """A request that cannot be carried out, explained for a user."""


class ValidationError(ServiceError):
    """Input that does not fit; nothing was stored."""


# The store refuses a control character in any text it writes (domain/text.py) with a TextError; for every
# caller that is bad input like any other, so ``except ValidationError`` / ``except ServiceError`` catch it.
ValidationError.register(TextError)


class NotFoundError(ServiceError):
    """An id that names nothing (or nothing of that kind)."""


class ChangedElsewhere(ServiceError):
    """A save refused because someone else changed the record since the editor loaded it (its row version
    moved on): nothing was saved. Plain data for the front end's "Reload / Overwrite / Keep both".

    ``kind`` names the kind of record (``answer``, ``finding``, ``paper_block`` …), ``label`` says it for a
    person; ``row_version`` is their version (pass it to save over theirs); ``current`` their values of the
    fields the editor shows.
    """

    def __init__(self, kind: str, label: str, record_id: str, changed_by: str, changed_at: datetime | None,
                 row_version: int, current: dict[str, Any]) -> None:
        self.kind = kind
        self.label = label
        self.record_id = record_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.row_version = row_version
        self.current = current
        super().__init__(self.describe())

    def who(self) -> str:
        from inducci_desktop.domain.i18n import _

        return self.changed_by or _("someone else")

    def describe(self) -> str:
        from inducci_desktop.domain.i18n import _

        if self.changed_at is None:
            return (_("This {label} was changed by {name} after you opened it; your edit was not saved.")
                    .format(label=self.label, name=self.who()))
        return (_("This {label} was changed by {name} at {time} after you opened it; your edit was not saved.")
                .format(label=self.label, name=self.who(), time=local_time(self.changed_at)))


def refuse_if_changed(kind: str, label: str, row: Any, expected: int | None, fields: tuple[str, ...]) -> None:
    """ChangedElsewhere when ``row`` (a versioned record, read in the writing transaction) is no longer at the
    version ``expected`` its editor loaded; None: no check (a command, or an undo of one's own save)."""
    if expected is not None and row.row_version != expected:
        raise ChangedElsewhere(kind, label, row.id, row.changed_by, row.updated_at, row.row_version,
                               {name: getattr(row, name) for name in fields})


def local_time(moment: datetime) -> str:
    """``moment`` as this machine's local time of day (today) or date and time (before)."""
    here = moment.astimezone()
    if here.date() == datetime.now().astimezone().date():
        return here.strftime("%H:%M")
    return here.strftime("%Y-%m-%d %H:%M")


def checked_text(value: str, field: str, *, multiline: bool = False) -> str:
    """``value`` when it passes the control-character rule (domain/text.py), else a ValidationError."""
    from inducci_desktop.domain.text import check_text

    try:
        return check_text(value, field, multiline=multiline)
    except TextError as exc:
        raise ValidationError(str(exc)) from None
