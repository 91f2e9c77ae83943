"""Agenda arithmetic: start times of blocks per day and whether a day's blocks fit its planned time.

Pure functions over minutes since midnight, shared by the service, the agenda editor and the printouts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from inducci_desktop.domain import rules
from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.workshops import (  # noqa: F401  (re-exported: the agenda arithmetic's names)
    MINUTES_PER_DAY,
    DayPlan,
    TimedBlock,
    format_duration,
    format_time,
    hours_text,
)
from inducci_desktop.services.errors import ValidationError

MAX_BLOCK_MINUTES = rules.BLOCK_MINUTES[1]
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*$")


def parse_time(text: str) -> int:
    """'9:30', '09.30', '9h30' or '9' → minutes since midnight."""
    match = _TIME.match(text)
    if not match:
        raise ValidationError(_("“{text}” is not a time of day; write it as 09:30.").format(text=text))
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        raise ValidationError(_("“{text}” is not a time of day; write it as 09:30.").format(text=text))
    return hours * 60 + minutes


def lay_out(start: int, end: int, blocks: Sequence[tuple[int, bool]]) -> DayPlan:
    """Start and end of each block (duration, is_break) of a day that runs from ``start`` to ``end``."""
    timed: list[TimedBlock] = []
    at = start
    for index, (duration, is_break) in enumerate(blocks):
        timed.append(TimedBlock(index, at, at + duration, duration, is_break))
        at += duration
    return DayPlan(start, end, tuple(timed))


def check_duration(minutes: int) -> int:
    if not 1 <= minutes <= MAX_BLOCK_MINUTES:
        raise ValidationError(_("A block lasts between 1 minute and {value} hours (not {minutes} minutes).")
            .format(value=MAX_BLOCK_MINUTES // 60, minutes=minutes))
    return minutes


def check_day_times(start: int, end: int) -> None:
    if not (0 <= start < MINUTES_PER_DAY and 0 < end <= MINUTES_PER_DAY):
        raise ValidationError(_("Times of day run from 00:00 to 24:00."))
    if end <= start:
        raise ValidationError(_("A day must end after it starts ({format_time}–{format_time2}).")
            .format(format_time=format_time(start), format_time2=format_time(end)))


def find_overlap(days: Sequence[tuple[object, int, int]]) -> str | None:
    """A message when two days (date, start, end) overlap in time, else None."""
    ordered = sorted(days, key=lambda d: (str(d[0]), d[1]))
    for (date_a, start_a, end_a), (date_b, start_b, end_b) in itertools.pairwise(ordered):
        if date_a == date_b and start_b < end_a:
            return (_("Two sessions on {date_a} overlap ({format_time}–{format_time2} and "
                "{format_time3}–{format_time4}).")
                .format(date_a=date_a, format_time=format_time(start_a), format_time2=format_time(end_a),
                    format_time3=format_time(start_b), format_time4=format_time(end_b)))
    return None
