"""User-facing names of stored values, the same in the GUI, the command line, tables and PDFs.

The database keeps short codes (``draft``); a person always reads the label (``In progress``).
"""

from __future__ import annotations

from inducci_desktop.domain.i18n import N_, Labels

ASSESSMENT_STATUS_LABELS = Labels({"draft": N_("In progress"), "completed": N_("Completed")})


def assessment_status_label(status: str) -> str:
    """The label of an assessment status code; unknown codes are shown as they are."""
    return ASSESSMENT_STATUS_LABELS.get(status, status)


def count_label(count: int, singular: str, plural: str | None = None) -> str:
    """``1 record``, ``2 records``: a number with its noun in the right form (English)."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
