"""Errors services raise; their text is meant for the user as it is."""

from __future__ import annotations

from abc import ABCMeta

from inducci_desktop.domain.text import TextError


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
