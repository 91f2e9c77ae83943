"""The one error printing raises; its text is meant for the user as it is."""

from __future__ import annotations


class PrintError(Exception):
    """A document that cannot be made or saved, explained for a user."""
