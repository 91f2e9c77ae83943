"""Agenda arithmetic: start times of blocks per day and whether a day's blocks fit its planned time.

Pure functions over minutes since midnight, shared by the service, the agenda editor and the printouts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from inducci_desktop.services.errors import ValidationError

MINUTES_PER_DAY = 24 * 60
MAX_BLOCK_MINUTES = 16 * 60
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*$")


def parse_time(text: str) -> int:
    """'9:30', '09.30', '9h30' or '9' → minutes since midnight."""
    match = _TIME.match(text)
    if not match:
        raise ValidationError(f"“{text}” is not a time of day; write it as 09:30.")
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        raise ValidationError(f"“{text}” is not a time of day; write it as 09:30.")
    return hours * 60 + minutes


def format_time(minutes: int) -> str:
    """Minutes since midnight → '09:30' (past midnight shown as '+1 00:15')."""
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"+{days} {text}" if days else text


def format_duration(minutes: int) -> str:
    """90 → '1 h 30 min', 45 → '45 min', 120 → '2 h'."""
    sign = "−" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        return f"{sign}{hours} h {rest} min"
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{rest} min"


def hours_text(minutes: int) -> str:
    """Minutes as words for certificates: 675 → '11 hours 15 minutes', 480 → '8 hours', 60 → '1 hour'."""
    hours, rest = divmod(max(0, minutes), 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours or not rest else []
    if rest:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


@dataclass(frozen=True)
class TimedBlock:
    index: int
    start: int
    end: int
    duration: int
    is_break: bool


@dataclass(frozen=True)
class DayPlan:
    """The blocks of one day laid out from the day's start."""

    start: int
    end: int
    blocks: tuple[TimedBlock, ...]

    @property
    def planned(self) -> int:
        return self.end - self.start

    @property
    def total(self) -> int:
        return sum(b.duration for b in self.blocks)

    @property
    def break_minutes(self) -> int:
        return sum(b.duration for b in self.blocks if b.is_break)

    @property
    def finishes(self) -> int:
        return self.start + self.total

    @property
    def overrun(self) -> int:
        """Minutes the blocks run past the planned end (0 when they fit)."""
        return max(0, self.total - self.planned)

    @property
    def slack(self) -> int:
        return max(0, self.planned - self.total)

    @property
    def fits(self) -> bool:
        return self.total <= self.planned

    def message(self) -> str:
        """The line shown under a day's agenda."""
        total = f"{format_duration(self.total)} planned of {format_duration(self.planned)}"
        if self.overrun:
            return (f"Does not fit: {total}; the last block ends at {format_time(self.finishes)}, "
                    f"{format_duration(self.overrun)} after {format_time(self.end)}.")
        if self.slack:
            return f"{total}; {format_duration(self.slack)} still free (ends {format_time(self.finishes)})."
        return f"{total}; fits exactly."


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
        raise ValidationError(f"A block lasts between 1 minute and {MAX_BLOCK_MINUTES // 60} hours "
                              f"(not {minutes} minutes).")
    return minutes


def check_day_times(start: int, end: int) -> None:
    if not (0 <= start < MINUTES_PER_DAY and 0 < end <= MINUTES_PER_DAY):
        raise ValidationError("Times of day run from 00:00 to 24:00.")
    if end <= start:
        raise ValidationError(f"A day must end after it starts ({format_time(start)}–{format_time(end)}).")


def find_overlap(days: Sequence[tuple[object, int, int]]) -> str | None:
    """A message when two days (date, start, end) overlap in time, else None."""
    ordered = sorted(days, key=lambda d: (str(d[0]), d[1]))
    for (date_a, start_a, end_a), (date_b, start_b, end_b) in itertools.pairwise(ordered):
        if date_a == date_b and start_b < end_a:
            return (f"Two sessions on {date_a} overlap ({format_time(start_a)}–{format_time(end_a)} and "
                    f"{format_time(start_b)}–{format_time(end_b)}).")
    return None
