"""Errors services raise; their text is meant for the user as it is."""

from __future__ import annotations


class ServiceError(Exception):
    """A request that cannot be carried out, explained for a user."""


class ValidationError(ServiceError):
    """Input that does not fit; nothing was stored."""


class NotFoundError(ServiceError):
    """An id that names nothing (or nothing of that kind)."""


def checked_text(value: str, field: str, *, multiline: bool = False) -> str:
    """``value`` when it passes the control-character rule (domain/text.py), else a ValidationError."""
    from inducci_desktop.domain.text import TextError, check_text

    try:
        return check_text(value, field, multiline=multiline)
    except TextError as exc:
        raise ValidationError(str(exc)) from None
