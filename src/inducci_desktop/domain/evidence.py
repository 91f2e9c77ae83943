"""Evidence views: interviews held with the toolbox's interview guides and the people consulted.

Plain dataclasses handed out by ``services/evidence`` and rendered by ``printing/evidence``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# --- interviews ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideQuestion:
    """One question of an interview guide: ``key`` is ``q<number>`` from the guide's numbered list, stable
    across languages and content updates; ``section`` is the heading the question stands under."""

    key: str
    number: int
    section: str
    text: str


@dataclass(frozen=True)
class InterviewGuide:
    id: str
    title: str
    questions: tuple[GuideQuestion, ...]

    def question(self, key: str) -> GuideQuestion | None:
        return next((q for q in self.questions if q.key == key), None)


@dataclass(frozen=True)
class InterviewInput:
    """What a person types when starting (or editing) an interview."""

    guide_id: str
    region_id: str
    held_on: date
    interviewer: str = ""
    interviewee_role: str = ""
    interviewee_organisation: str = ""
    interviewee_name: str = ""  # stored only with name_consent
    consent: bool = False
    name_consent: bool = False
    notes: str = ""


@dataclass(frozen=True)
class InterviewSummary:
    id: str
    guide_id: str
    guide_title: str
    region_id: str
    region_name: str
    held_on: date
    interviewer: str
    interviewee_role: str
    interviewee_organisation: str
    interviewee_name: str  # "" unless the interviewee agreed to be named
    consent: bool
    name_consent: bool
    answered: int
    questions: int
    deleted_at: datetime | None = None
    erased_at: datetime | None = None

    @property
    def interviewee(self) -> str:
        """The interviewee as printed: role and organisation, the name first only with consent."""
        parts = [p for p in (self.interviewee_role, self.interviewee_organisation) if p]
        who = ", ".join(parts)
        if self.interviewee_name and self.name_consent:
            return f"{self.interviewee_name} ({who})" if who else self.interviewee_name
        return who


@dataclass(frozen=True)
class InterviewAnswerView:
    question: GuideQuestion
    answer: str = ""
    note: str = ""


@dataclass(frozen=True)
class InterviewView:
    """An interview with every question of its guide in order, answered or not."""

    summary: InterviewSummary
    notes: str
    answers: tuple[InterviewAnswerView, ...]
    #: answers stored under keys the guide no longer has (kept, printed at the end)
    kept: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class InterviewSaveAck:
    interview_id: str
    question_key: str
    saved_at: datetime


# --- people consulted ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Activity:
    """Something a stakeholder took part in: ``kind`` of ``rules.ACTIVITY_KIND``; ``ref`` the record's id
    (an interview's id; for a workshop participant the participant's id) or ""; ``label`` for a person."""

    kind: str
    label: str
    ref: str = ""


@dataclass(frozen=True)
class StakeholderInput:
    region_id: str | None
    kind: str = "person"
    name: str = ""
    organisation: str = ""
    role: str = ""
    email: str = ""
    consent: bool = False
    consent_date: date | None = None
    activities: tuple[Activity, ...] = ()


@dataclass(frozen=True)
class StakeholderView:
    id: str
    region_id: str | None
    region_name: str
    kind: str
    name: str
    organisation: str
    role: str
    email: str
    consent: bool
    consent_date: date | None
    activities: tuple[Activity, ...]
    deleted_at: datetime | None = None
    erased_at: datetime | None = None

    @property
    def printed_name(self) -> str:
        """The name as printed: only with consent."""
        return self.name if self.consent else ""

    def as_input(self) -> StakeholderInput:
        return StakeholderInput(self.region_id, self.kind, self.name, self.organisation, self.role, self.email,
                                self.consent, self.consent_date, self.activities)


@dataclass(frozen=True)
class PeopleAnnex:
    """The "people consulted" annex: one row per stakeholder (erased ones left out)."""

    title: str
    region: str
    people: tuple[StakeholderView, ...]
    generated_on: date
