"""Text typed by a person, checked once for every service: one-line fields (spaces collapsed) and multi-line
text, with the control-character rule of ``domain/text.py``, a length limit and, where asked, not empty."""

from __future__ import annotations

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ValidationError


def sentence(problem: Exception) -> str:
    """A rule's message ("the date … is outside …") as a sentence of its own: first letter capital, full stop."""
    text = str(problem)
    return text[:1].upper() + text[1:] + "."


def clean_line(value: str, what: str, limit: int, *, required: bool = False) -> str:
    cleaned = " ".join(value.split())
    if required and not cleaned:
        raise ValidationError(_("The {what} cannot be empty.").format(what=what))
    if len(cleaned) > limit:
        raise ValidationError(_("The {what} can be at most {limit} characters long.").format(what=what, limit=limit))
    try:
        rules.check_text(cleaned, what, multiline=False)
    except ValueError as exc:
        raise ValidationError(str(exc).capitalize() + ".") from None
    return cleaned


def clean_text(value: str, what: str, limit: int, *, required: bool = False) -> str:
    cleaned = value.strip("\n").rstrip()
    if required and not cleaned.strip():
        raise ValidationError(_("The {what} cannot be empty.").format(what=what))
    if len(cleaned) > limit:
        raise ValidationError(_("The {what} can be at most {limit} characters long.").format(what=what, limit=limit))
    try:
        rules.check_text(cleaned, what)
    except ValueError as exc:
        raise ValidationError(str(exc).capitalize() + ".") from None
    return cleaned
