"""The plain data the workshop services hand out (never ORM objects) and the values they accept."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from inducci_desktop.services.workshops.agenda import DayPlan, format_time
from inducci_desktop.services.workshops.feedback import FeedbackSummary, Question

MODES = {"in_person": "In person", "online": "Online", "hybrid": "Hybrid"}
STATUSES = {"planned": "Planned", "held": "Held", "evaluated": "Evaluated"}
OUTCOME_KINDS = {"need": "Needs identified", "interface": "Interfaces between administration and CCI",
                 "idea": "Ideas and pilot proposals", "decision": "Decisions"}
ACTION_STATUSES = {"open": "Open", "in_progress": "In progress", "done": "Done"}
BLOCK_KINDS = ("session", "break")


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
        return f"Day {self.number}: {day_text(self.day, weekday=True)}, {times}"


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
                             self.objectives, self.status)


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


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_text(value: date, *, weekday: bool = False, short: bool = False) -> str:
    """'12 May 2026' (or 'Tuesday 12 May 2026'); English names whatever the C locale says."""
    month = MONTHS[value.month - 1][:3] if short else MONTHS[value.month - 1]
    text = f"{value.day} {month} {value.year}"
    return f"{WEEKDAYS[value.weekday()]} {text}" if weekday else text


def dates_text(first: date | None, last: date | None) -> str:
    """'12 May 2026', '12–13 May 2026', '30 May – 2 June 2026'."""
    if first is None or last is None:
        return "no date yet"
    if first == last:
        return day_text(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_text(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {day_text(last)}"
    return f"{day_text(first)} – {day_text(last)}"


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

    def teaching_minutes(self, days: tuple[DayView, ...]) -> int:
        """Planned time of ``days`` without breaks (the agenda's blocks if there are any, else the day's span)."""
        plans = {a.day.id: a for a in self.agenda}
        total = 0
        for day in days:
            plan = plans.get(day.id)
            if plan is not None and plan.blocks:
                total += plan.plan.total - plan.plan.break_minutes
            else:
                total += day.end - day.start
        return total
