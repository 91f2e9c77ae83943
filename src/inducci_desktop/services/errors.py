"""Errors services raise; their text is meant for the user as it is."""

from __future__ import annotations


class ServiceError(Exception):
    """A request that cannot be carried out, explained for a user."""


class ValidationError(ServiceError):
    """Input that does not fit; nothing was stored."""


class NotFoundError(ServiceError):
    """An id that names nothing (or nothing of that kind)."""
