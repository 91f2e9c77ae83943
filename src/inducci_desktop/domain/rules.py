"""The value rules of the user's data, declared once: allowed values, length limits and ranges.

Services validate through these, the exchange bundle schema derives its types from them, and the
database enforces them with CHECK constraints (``store/checks.py`` turns them into SQL; migration 0005
added them). Change a rule here and a new migration must follow: a test compares models and migrations.
Standard library only, so that every layer may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal, get_args

from inducci_desktop.domain import text


@dataclass(frozen=True)
class Choice:
    """A closed set of values (stored as the key) with the label a person reads."""

    name: str  # what the value is, for messages: "workshop status"
    labels: dict[str, str]
    default: str

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def __contains__(self, value: object) -> bool:
        return value in self.labels

    def check(self, value: str) -> str:
        """``value`` if allowed, else ValueError naming the allowed values."""
        if value not in self.labels:
            raise ValueError(f"unknown {self.name} {value!r}; use one of: {', '.join(self.labels)}")
        return value


# --- closed sets of values -------------------------------------------------------------------------

REGION_KIND = Choice("kind of region", {"region": "Region", "organisation": "Organisation"}, "region")
ASSESSMENT_STATUS = Choice("assessment status", {"draft": "In progress", "completed": "Completed"}, "draft")
WORKSHOP_MODE = Choice("workshop mode", {"in_person": "In person", "online": "Online", "hybrid": "Hybrid"},
                       "in_person")
WORKSHOP_STATUS = Choice("workshop status", {"planned": "Planned", "held": "Held", "evaluated": "Evaluated"},
                         "planned")
BLOCK_KIND = Choice("agenda block kind", {"session": "Session", "break": "Break"}, "session")
OUTCOME_KIND = Choice("kind of outcome", {"need": "Needs identified",
                                          "interface": "Interfaces between administration and CCI",
                                          "idea": "Ideas and pilot proposals",
                                          "decision": "Decisions"}, "idea")
ACTION_STATUS = Choice("action status", {"open": "Open", "in_progress": "In progress", "done": "Done"}, "open")
QUESTION_KIND = Choice("kind of question", {"rating": "Rating 1–5", "choice": "Yes / partly / no",
                                            "text": "Open comment"}, "text")
FEEDBACK_CHOICE = Choice("answer", {"yes": "Yes", "partly": "Partly", "no": "No"}, "yes")
RESPONSE_SOURCE = Choice("source of a feedback form", {"paper": "Paper", "screen": "Screen"}, "paper")
FINDING_STRENGTH = Choice("strength of a finding", {"weak": "Weak", "moderate": "Moderate", "strong": "Strong"},
                          "moderate")
#: where a finding comes from (services/evidence/sources.py resolves each kind to its record)
FINDING_SOURCE = Choice("source of a finding", {
    "answer": "Checklist answer", "section": "Checklist section score", "outcome": "Workshop outcome",
    "feedback": "Feedback comment", "interview": "Interview answer", "pilot_lesson": "Pilot lesson",
    "pilot_criterion": "Pilot success criterion", "note": "Note with a citation"}, "note")
INTERVIEW_GUIDE = Choice("interview guide", {"interview-administration": "Administration staff",
                                             "interview-cci-actors": "CCI actors",
                                             "interview-industrial-companies": "Industrial companies"},
                         "interview-administration")
STAKEHOLDER_KIND = Choice("kind of stakeholder", {"person": "Person", "organisation": "Organisation"}, "person")
#: what a stakeholder took part in
ACTIVITY_KIND = Choice("kind of activity", {"interview": "Interview", "workshop": "Workshop",
                                            "focus_group": "Focus group", "pilot": "Pilot action",
                                            "other": "Other"}, "other")
PAPER_STATUS = Choice("status of a strategy paper", {"draft": "Draft", "in_review": "In review",
                                                     "adopted": "Adopted"}, "draft")
#: how many of the regions in a recommendation raise a topic
COMMONALITY = Choice("commonality of a topic", {"all": "All regions", "most": "Most regions",
                                                "some": "Some regions", "one": "One region"}, "one")
POLICY_LEVEL = Choice("level addressed", {"eu": "European", "national": "National", "regional": "Regional",
                                          "network": "Networks"}, "eu")
EXAMPLE_KIND = Choice("kind of example", {"measure": "Measure", "finding": "Finding"}, "measure")
#: the types of checklist items (content packs and the user's own templates)
ItemType = Literal["ynp", "scale", "choice", "multi", "text", "longtext", "number", "date"]
ITEM_TYPES: tuple[str, ...] = get_args(ItemType)
YNP_VALUES: tuple[str, ...] = ("yes", "partly", "no", "na")

CHOICES: tuple[Choice, ...] = (REGION_KIND, ASSESSMENT_STATUS, WORKSHOP_MODE, WORKSHOP_STATUS, BLOCK_KIND,
                               OUTCOME_KIND, ACTION_STATUS, QUESTION_KIND, RESPONSE_SOURCE, FINDING_STRENGTH,
                               FINDING_SOURCE, INTERVIEW_GUIDE, STAKEHOLDER_KIND, ACTIVITY_KIND, PAPER_STATUS,
                               COMMONALITY, POLICY_LEVEL, EXAMPLE_KIND)

# --- length limits (characters) --------------------------------------------------------------------

TITLE = 300  # assessment, workshop, agenda block, template titles; venue, organisation of a workshop
NAME = 200  # region names, a person's name, organisation, department, e-mail; an action's owner
COUNTRY = 100
SLUG = 100  # template ids, item keys, toolbox item ids
SHORT_CODE = 20  # stored keys of closed sets
ASSESSOR = 200
SUBJECT = 300
ISO_DATE = 10  # YYYY-MM-DD kept as text
ITEM_TEXT = 1_000  # a one-line checklist answer
ITEM_LONGTEXT = 100_000
ANSWER_NOTE = 20_000
ITEM_NOTE = 100_000  # a personal note on a toolbox item
REGION_NOTES = 200_000
WORKSHOP_TEXT = 200_000  # trainers, target group, objectives, materials, notes
RESULT_TEXT = 4_000  # an outcome or an action item
FEEDBACK_TEXT = 2_000  # one open comment on a feedback form
QUESTION_TEXT = 500  # a question of a feedback form
FINDING_TEXT = 1_000  # the statement of a finding
SOURCE_REF = 200  # ids naming a finding's source: "assessment id/item key" and the like
TOPIC = 80  # a topic's name
INTERVIEW_ANSWER = 20_000  # one answer or note in an interview
MAX_TOPICS = 12  # on one finding
MAX_ACTIVITIES = 200  # of one stakeholder
SECTION_TITLE = 200  # a section or priority of a strategy paper
SECTION_TEXT = 200_000  # the Markdown text of one section
MEASURE_TEXT = 4_000  # what a measure does; resources; a recommendation's text and reasoning
MAX_INDICATORS = 2  # of one measure
MAX_SUPPORT = 50  # findings supporting one measure; examples of one recommendation
BLOCK_KIND_KEY = 40  # the key of an evidence block kind (a registry, not a closed set: features add kinds)

# --- ranges ----------------------------------------------------------------------------------------

MINUTES_PER_DAY = 24 * 60
BLOCK_MINUTES = (1, 16 * 60)  # an agenda block lasts 1 minute to 16 hours
MAX_DAYS = 14  # days of one workshop
RATING = (1, 5)  # a feedback rating
MAX_QUESTIONS = 20  # on one feedback form
ROUND = (1, 1_000)  # an assessment's round
TEMPLATE_VERSION = (1, 1_000_000)
POSITION = (0, 1_000_000)  # order of blocks, outcomes, questions
PAPER_VERSION = (1, 10_000)
#: every calendar date the app stores (workshop days, due dates, consent, assessment dates)
DATES = (date(1970, 1, 1), date(2199, 12, 31))
#: every time stamp (created, updated, deleted, completed, erased …), UTC
TIMESTAMPS = (datetime(1970, 1, 1, tzinfo=UTC), datetime(2199, 12, 31, 23, 59, 59, tzinfo=UTC))


def check_date(value: date, what: str = "date") -> date:
    """``value`` if inside DATES, else ValueError naming the range."""
    low, high = DATES
    if not low <= value <= high:
        raise ValueError(f"the {what} {value.isoformat()} is outside {low.year}–{high.year}")
    return value


def check_timestamp(value: datetime, what: str = "time stamp", *, now: datetime | None = None) -> datetime:
    """``value`` (timezone-aware) if inside TIMESTAMPS and, when ``now`` is given, not after it.

    Bundles pass no ``now``: other laptops' clocks differ, by a year if need be, and merges never rest on them.
    """
    low, high = TIMESTAMPS
    if value.tzinfo is None:
        raise ValueError(f"the {what} has no time zone")
    # compare before converting: astimezone() overflows near the ends of the calendar
    if value.year < low.year or value.year > high.year:
        raise ValueError(f"the {what} {value.isoformat()} is outside {low.year}–{high.year}")
    if now is not None and value > now:
        raise ValueError(f"the {what} {value.isoformat()} lies in the future")
    return value


def check_length(value: str, limit: int, what: str) -> str:
    if len(value) > limit:
        raise ValueError(f"the {what} can be at most {limit:,} characters long")
    return value


# --- text: control characters ----------------------------------------------------------------------
# One rule, declared in domain/text.py; bundles reach it through these two names.


def control_characters(value: str, *, multiline: bool = True) -> list[str]:
    """The control characters in ``value`` that text may not hold (NUL, \\x01 …, DEL, C1, U+2028 in one line …).

    Tab and line breaks are allowed in multi-line text; nothing of the kind in a one-line field.
    """
    return text.all_controls(value, multiline=multiline)


def check_text(value: str, what: str, *, multiline: bool = True) -> str:
    """``value`` if it holds no forbidden control character, else ValueError naming the first one."""
    found = control_characters(value, multiline=multiline)
    if found:
        raise ValueError(f"the {what} contains a {text.describe(found[0])}")
    return value
