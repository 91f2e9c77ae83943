"""The plain data of workshops (never ORM objects): what the services hand out and printing renders, with
the pure text helpers both use (times, durations, dates). Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from inducci_desktop.domain import i18n, rules
from inducci_desktop.domain.i18n import _, ngettext

MINUTES_PER_DAY = rules.MINUTES_PER_DAY

# --- feedback form ----------------------------------------------------------------------------------------

FEEDBACK_KINDS = rules.QUESTION_KIND.values
RATING_SCALE = tuple(range(rules.RATING[0], rules.RATING[1] + 1))
CHOICES = rules.FEEDBACK_CHOICE.values


@dataclass(frozen=True)
class Question:
    id: str
    position: int
    kind: str
    text: str


@dataclass(frozen=True)
class QuestionSummary:
    question: Question
    answered: int
    average: float | None  # ratings only
    distribution: tuple[tuple[str, int], ...]  # ratings: "1".."5"; choices: yes/partly/no
    comments: tuple[str, ...]  # open questions


@dataclass(frozen=True)
class FeedbackSummary:
    responses: int
    questions: tuple[QuestionSummary, ...]

    @property
    def ratings(self) -> list[QuestionSummary]:
        return [q for q in self.questions if q.question.kind == "rating"]


# --- times and durations ----------------------------------------------------------------------------------

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
        return _("{sign}{hours} h {rest} min").format(sign=sign, hours=hours, rest=rest)
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{rest} min"


def hours_text(minutes: int) -> str:
    """Minutes as words for certificates: 675 → '11 hours 15 minutes', 480 → '8 hours', 60 → '1 hour'."""
    hours, rest = divmod(max(0, minutes), 60)
    parts = [ngettext("{count} hour", "{count} hours", hours).format(count=hours)] if hours or not rest else []
    if rest:
        parts.append(ngettext("{count} minute", "{count} minutes", rest).format(count=rest))
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
        total = _("{format_duration} planned of {format_duration2}").format(format_duration=format_duration(self
            .total), format_duration2=format_duration(self.planned))
        if self.overrun:
            return (_("Does not fit: {total}; the last block ends at {format_time}, {format_duration} after "
                "{format_time2}.")
                .format(total=total, format_time=format_time(self.finishes), format_duration=format_duration(self
                    .overrun), format_time2=format_time(self.end)))
        if self.slack:
            return _("{total}; {format_duration} still free (ends {format_time}).").format(total=total,
                format_duration=format_duration(self.slack), format_time=format_time(self.finishes))
        return _("{total}; fits exactly.").format(total=total)


# --- workshops ----------------------------------------------------------------------------------------------

# the allowed values and their labels are declared in domain/rules.py
MODES = rules.WORKSHOP_MODE.labels
STATUSES = rules.WORKSHOP_STATUS.labels
OUTCOME_KINDS = rules.OUTCOME_KIND.labels
ACTION_STATUSES = rules.ACTION_STATUS.labels
BLOCK_KINDS = rules.BLOCK_KIND.values


@dataclass(frozen=True)
class DayInput:
    day: date
    start: int  # minutes since midnight
    end: int
    id: str | None = None  # an existing day keeps its agenda and attendance


@dataclass(frozen=True)
class WorkshopInput:
    title: str
    days: tuple[DayInput, ...] = ()
    venue: str = ""
    mode: str = "in_person"
    region_id: str | None = None
    organisation: str = ""
    trainers: str = ""
    target_group: str = ""
    objectives: str = ""
    status: str = "planned"
    place: str = ""  # the town, printed on certificates
    certificate_date: date | None = None  # None: the workshop's last day
    certificate_minutes: int | None = None  # None: the days' times


@dataclass(frozen=True)
class DayView:
    id: str
    number: int  # 1-based, in date order
    day: date
    start: int
    end: int

    @property
    def label(self) -> str:
        times = f"{format_time(self.start)}–{format_time(self.end)}"
        return _("Day {number}: {day_text}, {times}").format(number=self.number, day_text=day_text(self.day,
            weekday=True), times=times)


@dataclass(frozen=True)
class WorkshopSummary:
    """A row of the workshop list."""

    id: str
    title: str
    first_day: date | None
    last_day: date | None
    days: int
    venue: str
    mode: str
    status: str
    region: str
    participants: int
    deleted_at: datetime | None = None

    @property
    def dates_text(self) -> str:
        return dates_text(self.first_day, self.last_day)


@dataclass(frozen=True)
class WorkshopView:
    id: str
    title: str
    days: tuple[DayView, ...]
    venue: str
    mode: str
    region_id: str | None
    region: str
    organisation: str
    trainers: str
    target_group: str
    objectives: str
    status: str
    updated_at: datetime
    deleted_at: datetime | None = None
    place: str = ""
    certificate_date: date | None = None
    certificate_minutes: int | None = None
    #: the stored version when read, and who made it: the details form saves with it (ChangedElsewhere)
    row_version: int = 0
    changed_by: str = ""

    @property
    def first_day(self) -> date | None:
        return self.days[0].day if self.days else None

    @property
    def last_day(self) -> date | None:
        return self.days[-1].day if self.days else None

    @property
    def dates_text(self) -> str:
        return dates_text(self.first_day, self.last_day)

    def as_input(self) -> WorkshopInput:
        return WorkshopInput(self.title, tuple(DayInput(d.day, d.start, d.end, d.id) for d in self.days), self.venue,
                             self.mode, self.region_id, self.organisation, self.trainers, self.target_group,
                             self.objectives, self.status, self.place, self.certificate_date,
                             self.certificate_minutes)


@dataclass(frozen=True)
class BlockInput:
    title: str
    duration: int
    kind: str = "session"
    format_id: str | None = None
    responsible: str = ""
    materials: str = ""
    notes: str = ""


@dataclass(frozen=True)
class BlockView:
    id: str
    day_id: str
    position: int
    kind: str
    title: str
    format_id: str | None
    duration: int
    responsible: str
    materials: str
    notes: str
    start: int = 0  # computed from the day's start and the blocks before
    end: int = 0

    @property
    def is_break(self) -> bool:
        return self.kind == "break"

    def as_input(self) -> BlockInput:
        return BlockInput(self.title, self.duration, self.kind, self.format_id, self.responsible, self.materials,
                          self.notes)


@dataclass(frozen=True)
class AgendaDay:
    day: DayView
    blocks: tuple[BlockView, ...]
    plan: DayPlan


@dataclass(frozen=True)
class FormatChoice:
    """A method card offered as an agenda block, with its default duration."""

    id: str
    title: str
    summary: str
    default_minutes: int
    duration_text: str
    materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParticipantView:
    id: str
    workshop_id: str
    name: str
    organisation: str
    department: str
    email: str
    consent: bool
    consent_date: date | None
    present: frozenset[str] = field(default_factory=frozenset)  # day ids marked present
    absent: frozenset[str] = field(default_factory=frozenset)  # day ids marked absent
    deleted_at: datetime | None = None
    #: the stored version when read, and who made it: an edit saves with it (ChangedElsewhere)
    row_version: int = 0
    changed_by: str = ""


@dataclass(frozen=True)
class AttendanceFigures:
    registered: int  # active participants, erased ones included
    erased: int
    per_day: tuple[tuple[DayView, int, int], ...]  # day, present, absent
    attended_any: int


@dataclass(frozen=True)
class OutcomeView:
    id: str
    kind: str
    text: str
    position: int


@dataclass(frozen=True)
class ActionView:
    id: str
    workshop_id: str
    workshop_title: str
    text: str
    owner: str
    due: date | None
    status: str

    def overdue(self, today: date) -> bool:
        return self.status != "done" and self.due is not None and self.due < today


@dataclass(frozen=True)
class PersonRecord:
    """Everything stored about one person (for export and erasure on request)."""

    name: str
    email: str
    entries: tuple[ParticipantView, ...]
    workshops: tuple[tuple[str, str, str], ...]  # workshop id, title, dates
    action_ids: tuple[str, ...]  # actions whose owner is this person's name


def day_text(value: date, *, weekday: bool = False, short: bool = False) -> str:
    """'12 May 2026' (or 'Tuesday 12 May 2026') in the language ``_`` speaks, whatever the C locale says."""
    return i18n.format_date(value, "full" if weekday else "medium" if short else "long")


def dates_text(first: date | None, last: date | None) -> str:
    """'12 May 2026', '12–13 May 2026', '30 May – 2 June 2026' (as the language writes ranges)."""
    if first is None or last is None:
        return _("no date yet")
    return i18n.format_date_range(first, last)


@dataclass(frozen=True)
class WorkshopKit:
    """Everything the printed documents of one workshop need, gathered in one go."""

    workshop: WorkshopView
    agenda: tuple[AgendaDay, ...]
    participants: tuple[ParticipantView, ...]
    figures: AttendanceFigures
    outcomes: tuple[OutcomeView, ...]
    actions: tuple[ActionView, ...]
    questions: tuple[Question, ...]
    feedback: FeedbackSummary
    format_titles: dict[str, str] = field(default_factory=dict)

    def attended_days(self, participant: ParticipantView) -> tuple[DayView, ...]:
        return tuple(d for d in self.workshop.days if d.id in participant.present)

    def training_minutes(self, days: tuple[DayView, ...]) -> int:
        """The time of ``days`` from their start and end times. Not from the agenda, which may still be
        incomplete while certificates are printed; the trainer can set the hours explicitly instead."""
        return sum(day.end - day.start for day in days)

    def certificate_minutes(self, days: tuple[DayView, ...]) -> int:
        """What a certificate for ``days`` states: the trainer's figure if set, else the days' times."""
        explicit = self.workshop.certificate_minutes
        return explicit if explicit is not None else self.training_minutes(days)

    @property
    def certificate_date(self) -> date | None:
        """The date a certificate is issued on: the trainer's if set, else the workshop's last day."""
        return self.workshop.certificate_date or self.workshop.last_day
