"""What a write changed: kinds of records and their ids, reported once per committed transaction.

Every unit of work reports a ``Changes`` to the ``ChangeFeed`` of its data folder (owned by the
``Services`` container); the GUI turns each report into one ``AppEvents.changed`` signal and pages
refresh when ``changes.touches(kind)`` names a kind they show. Headless front ends simply have no
listener (or one that logs).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

log = logging.getLogger(__name__)


class Kind(StrEnum):
    """The kinds of records a write can change."""

    REGION = "region"
    SETTING = "setting"
    CONTENT = "content"
    BOOKMARK = "bookmark"
    NOTE = "note"
    TEMPLATE = "template"
    ASSESSMENT = "assessment"
    ANSWER = "answer"
    WORKSHOP = "workshop"
    WORKSHOP_DAY = "workshop_day"
    AGENDA_BLOCK = "agenda_block"
    PARTICIPANT = "participant"
    ATTENDANCE = "attendance"
    OUTCOME = "outcome"
    ACTION = "action"
    FEEDBACK_QUESTION = "feedback_question"
    FEEDBACK_RESPONSE = "feedback_response"
    PILOT = "pilot"
    PILOT_CRITERION = "pilot_criterion"
    PILOT_LESSON = "pilot_lesson"
    PILOT_VOICE = "pilot_voice"
    PILOT_PHOTO = "pilot_photo"
    TOPIC = "topic"
    FINDING = "finding"
    INTERVIEW = "interview"
    INTERVIEW_ANSWER = "interview_answer"
    STAKEHOLDER = "stakeholder"
    PAPER = "paper"
    PAPER_SECTION = "paper_section"
    PAPER_BLOCK = "paper_block"
    PRIORITY = "priority"
    MEASURE = "measure"
    REVIEW_COMMENT = "review_comment"
    RECOMMENDATION = "recommendation"
    RECOMMENDATION_TOPIC = "recommendation_topic"
    RECOMMENDATION_ITEM = "recommendation_item"
    #: backup files in the backup folder (not database rows)
    BACKUP = "backup"


#: ids unknown: every record of the kind may have changed (bulk statements)
ANY: frozenset[str] = frozenset({"*"})


@dataclass(frozen=True)
class Changes:
    """Kinds of records a write changed, with the ids where they are known.

    ``everything`` means the whole database was replaced (a restore): every page reloads. ``remote`` means
    another client made the change (the data on a server: store/live.py), so a page showing the records
    reloads them even where it skips reports of its own writes.
    """

    ids: Mapping[Kind, frozenset[str]] = field(default_factory=dict)
    everything: bool = False
    remote: bool = False

    @classmethod
    def of(cls, kind: Kind, ids: Iterable[str] | None = None) -> Changes:
        return cls({kind: ANY if ids is None else frozenset(ids)})

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(Kind) if self.everything else frozenset(self.ids)

    def __bool__(self) -> bool:
        return self.everything or any(self.ids.values())

    def touches(self, *kinds: Kind, record_id: str | None = None) -> bool:
        """True if any of ``kinds`` changed (and, with ``record_id``, that record or unknown ids)."""
        if self.everything:
            return True
        for kind in kinds:
            ids = self.ids.get(kind)
            if not ids:
                continue
            if record_id is None or record_id in ids or "*" in ids:
                return True
        return False

    def ids_of(self, kind: Kind) -> frozenset[str]:
        """The ids reported for ``kind`` (``ANY`` when unknown; empty when the kind did not change)."""
        if self.everything:
            return ANY
        return self.ids.get(kind, frozenset())

    def __or__(self, other: Changes) -> Changes:
        remote = self.remote or other.remote
        if self.everything or other.everything:
            return Changes(everything=True, remote=remote)
        merged: dict[Kind, frozenset[str]] = dict(self.ids)
        for kind, ids in other.ids.items():
            merged[kind] = merged.get(kind, frozenset()) | ids
        return Changes(merged, remote=remote)


NOTHING = Changes()

Listener = Callable[[Changes], None]


class ChangeFeed:
    """One observer per data folder: writes report here, front ends subscribe.

    Listeners are called on the thread that committed the write; a GUI listener hands the report to
    the UI thread (a queued Qt signal). Thread-safe.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns a function that removes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def report(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # the write is committed: a failing listener must not make it look failed
                log.exception("a listener of data changes failed")


class ChangeRecorder:
    """Collects what one transaction changed (the store fills it; it is reported after the commit)."""

    def __init__(self) -> None:
        self._ids: dict[Kind, set[str]] = {}
        self.everything = False

    def add(self, kind: Kind, record_id: str | None = None) -> None:
        self._ids.setdefault(kind, set()).add("*" if record_id is None else record_id)

    def add_many(self, kind: Kind, record_ids: Iterable[str]) -> None:
        self._ids.setdefault(kind, set()).update(record_ids)

    def changes(self) -> Changes:
        if self.everything:
            return Changes.all()
        return Changes({kind: frozenset(ids) for kind, ids in self._ids.items()})
