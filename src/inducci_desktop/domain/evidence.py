"""Evidence views: findings, their topics and their sources; interviews and the people consulted.

A finding keeps a live link to where it came from (``SourceRef``): the register resolves it on every read
(``SourceView``) and opens it on request (``SourceView.target``); a source that went to the trash or was
erased on request is said so, and the finding stays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


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
