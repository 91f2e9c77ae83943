"""Errors services raise; their text is meant for the user as it is.

The store's and printing's errors reach the front ends too (a database that cannot be opened, a PDF that
cannot be written): they are named here, so that ``ui/`` and ``cli/`` import neither ``store`` nor
``printing`` (an import-linter contract).
"""

from __future__ import annotations

from abc import ABCMeta

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


def checked_text(value: str, field: str, *, multiline: bool = False) -> str:
    """``value`` when it passes the control-character rule (domain/text.py), else a ValidationError."""
    from inducci_desktop.domain.text import check_text

    try:
        return check_text(value, field, multiline=multiline)
    except TextError as exc:
        raise ValidationError(str(exc)) from None
