"""Evidence views: findings, their topics and their sources; interviews and the people consulted.

A finding keeps a live link to where it came from (``SourceRef``): the register resolves it on every read
(``SourceView``) and opens it on request (``SourceView.target``); a source that went to the trash or was
erased on request is said so, and the finding stays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class SourceRef:
    """Where a finding comes from: a kind of ``rules.FINDING_SOURCE`` and the ids naming the record.

    ``answer``: "assessment id/item key"; ``section``: "assessment id/section key"; ``interview``:
    "interview id/question key"; ``outcome``: outcome id; ``feedback``: "response id/question id";
    ``pilot_lesson`` / ``pilot_criterion``: their ids; ``note``: "" (the citation says where it is from).
    ``title`` names the source for a person ("Silesia 2024 · 2.3 Contacts"), kept with the finding.
    """

    kind: str
    ref: str = ""
    title: str = ""

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.ref.split("/")) if self.ref else ()

    @property
    def pair(self) -> tuple[str, str]:
        """The two ids of a composite reference ("assessment id/item key"), "" where one is missing."""
        first, _, second = self.ref.partition("/")
        return first, second


#: what became of a source: there, in the trash, erased on request, gone (or never there)
SOURCE_STATES = ("live", "trashed", "erased", "missing")


@dataclass(frozen=True)
class SourceView:
    ref: SourceRef
    state: str  # one of SOURCE_STATES
    title: str  # the current title if live, else the one kept with the finding
    text: str = ""  # what the source says now (empty unless live)
    #: where the GUI opens it: (page id, record id, detail) — e.g. ("checklists", assessment id, item key)
    target: tuple[str, str, str] | None = None

    @property
    def live(self) -> bool:
        return self.state == "live"


@dataclass(frozen=True)
class TopicView:
    id: str
    name: str
    findings: int = 0


@dataclass(frozen=True)
class FindingView:
    id: str
    region_id: str
    region_name: str
    statement: str
    source: SourceRef
    citation: str
    observed_on: date
    strength: str
    topics: tuple[TopicView, ...] = field(default_factory=tuple)
    #: the finding's version when read: an editor passes it back as ``expected`` (services/errors.py)
    row_version: int = 0

    @property
    def topic_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.topics)


@dataclass(frozen=True)
class FindingGroup:
    """Findings under one heading (a topic or a region) of the register and the evidence annex."""

    key: str
    title: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class EvidenceAnnex:
    """What the evidence annex prints: findings grouped, with their sources resolved."""

    title: str
    subtitle: str
    groups: tuple[FindingGroup, ...]
    sources: dict[str, SourceView]  # finding id → its source now
    generated_on: date


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
