"""Pilot actions: the plain views the pilot service hands out and printing renders.

A pilot action is a region's own test of a format (an industrial hackathon, a help desk …), documented as
the toolbox's guide on pilot documentation asks: challenge, partners, criteria, budget, steps, people,
changes, problems, outputs, voices, photos and lessons. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from inducci_desktop.domain import rules

#: the order of lesson audiences, as the toolbox sorts its key learnings
AUDIENCES: tuple[str, ...] = ("industry", "creatives", "setting")


def status_label(status: str) -> str:
    return rules.PILOT_STATUS.label(status)


def repeat_label(repeat: str) -> str:
    return rules.PILOT_REPEAT.label(repeat)


def step_status_label(status: str) -> str:
    return rules.STEP_STATUS.label(status)


def audience_label(audience: str) -> str:
    return rules.LESSON_AUDIENCE.label(audience)


@dataclass(frozen=True)
class Partner:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Step:
    title: str
    status: str = "planned"


@dataclass(frozen=True)
class ParticipantCount:
    """How many people of one type took part (no personal data: a type and a number)."""

    type: str
    count: int


@dataclass(frozen=True)
class CriterionView:
    id: str
    pilot_id: str
    text: str
    baseline: str = ""
    target: str = ""
    achieved: str = ""
    position: int = 0


@dataclass(frozen=True)
class LessonView:
    id: str
    pilot_id: str
    audience: str  # industry | creatives | setting
    text: str
    position: int = 0


@dataclass(frozen=True)
class VoiceView:
    """A short statement as the speaker said it (never edited), with the speaker's consent."""

    id: str
    pilot_id: str
    text: str
    speaker: str = ""  # role and organisation ("engineer, steel works"); a name only if they agree
    consent: bool = False
    consent_date: date | None = None
    position: int = 0


@dataclass(frozen=True)
class PhotoView:
    id: str
    pilot_id: str
    file: str  # the stored file's name in the data folder's photo folder
    caption: str = ""
    credit: str = ""
    consent: bool = False
    width: int = 0
    height: int = 0
    position: int = 0
    path: str = ""  # the stored file, "" when it is not on this machine


@dataclass(frozen=True)
class PilotSummary:
    id: str
    title: str
    region: str
    status: str
    start_date: date | None
    end_date: date | None
    published: bool
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class PilotView:
    id: str
    title: str
    region_id: str | None = None
    region: str = ""
    format_id: str | None = None
    format_title: str = ""
    status: str = "idea"
    repeat: str = "undecided"
    repeat_note: str = ""
    partners: tuple[Partner, ...] = ()
    start_date: date | None = None
    end_date: date | None = None
    places: str = ""
    challenge: str = ""
    target_groups: str = ""
    budget_planned: int | None = None
    budget_spent: int | None = None
    currency: str = "EUR"
    steps: tuple[Step, ...] = ()
    participants: tuple[ParticipantCount, ...] = ()
    changes: str = ""
    problems: str = ""
    outputs: str = ""
    assessment_id: str | None = None
    workshop_ids: tuple[str, ...] = ()
    published_at: datetime | None = None
    criteria: tuple[CriterionView, ...] = ()
    lessons: tuple[LessonView, ...] = ()
    voices: tuple[VoiceView, ...] = ()
    photos: tuple[PhotoView, ...] = ()
    updated_at: datetime | None = None
    deleted_at: datetime | None = None
    #: the stored version when read, and who made it: the tabs save with it (ChangedElsewhere)
    row_version: int = 0
    changed_by: str = ""

    @property
    def participants_total(self) -> int:
        return sum(p.count for p in self.participants)

    def lessons_for(self, audience: str) -> list[LessonView]:
        return [x for x in self.lessons if x.audience == audience]

    @property
    def printable_voices(self) -> list[VoiceView]:
        """Voices whose speaker consented: the only ones printed or sent."""
        return [v for v in self.voices if v.consent]

    @property
    def printable_photos(self) -> list[PhotoView]:
        return [p for p in self.photos if p.consent and p.path]


@dataclass(frozen=True)
class PilotPrint:
    """What a pilot document prints besides the pilot: names of the things it links to."""

    pilot: PilotView
    assessment: str = ""  # the planning checklist's title and status
    workshops: tuple[str, ...] = ()
    formats: dict[str, str] = field(default_factory=dict)


def period_text(start: date | None, end: date | None) -> str:
    if start and end and start != end:
        return f"{start.isoformat()} – {end.isoformat()}"
    one = start or end
    return one.isoformat() if one else ""


def money_text(amount: int | None, currency: str) -> str:
    if amount is None:
        return ""
    return f"{amount:,} {currency}".replace(",", "\u202f")
