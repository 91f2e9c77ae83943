"""Escaping text for ReportLab's paragraph mini-markup, and small inline helpers."""

from __future__ import annotations

from inducci_desktop.printing.fonts import MONO
from inducci_desktop.printing.styles import LINK


def escape(text: str) -> str:
    """``text`` with &, < and > escaped, so that it prints exactly as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    """``text`` escaped for use inside a double-quoted markup attribute."""
    return escape(text).replace('"', "&quot;")


def link(url: str, label_markup: str | None = None, *, shown: str | None = None) -> str:
    """A clickable link to ``url``, with the address (or ``shown``) printed.

    With a label the result reads "label (address)"; ``label_markup`` is already markup.
    """
    color = LINK.hexval().replace("0x", "#")
    address = f'<a href="{escape_attr(url)}" color="{color}">{escape(shown or url)}</a>'
    if not label_markup:
        return address
    return f"{label_markup} ({address})"


def mono(text: str) -> str:
    return f'<font face="{MONO}">{escape(text)}</font>'


def italic(text: str) -> str:
    return f"<i>{escape(text)}</i>"


def bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"
