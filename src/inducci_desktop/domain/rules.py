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
from inducci_desktop.domain.i18n import N_, Labels, Np_, _


@dataclass(frozen=True)
class Choice:
    """A closed set of values (stored as the key) with the label a person reads."""

    name: str  # what the value is, for messages: "workshop status"
    labels: Labels[str]
    default: str

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def __contains__(self, value: object) -> bool:
        return value in self.labels

    def label(self, value: str) -> str:
        """What a person reads for ``value``, in the language ``_`` speaks (unknown values as they are)."""
        return self.labels.get(value, value)

    def translated(self) -> dict[str, str]:
        """value → label in the language ``_`` speaks."""
        return dict(self.labels)

    def check(self, value: str) -> str:
        """``value`` if allowed, else ValueError naming the allowed values."""
        if value not in self.labels:
            raise ValueError(_("unknown {name} {value!r}; use one of: {join}")
                .format(name=_(self.name), value=value, join=', '.join(self.labels)))
        return value


# --- closed sets of values -------------------------------------------------------------------------

REGION_KIND = Choice(N_("kind of region"), Labels({"region": N_("Region"), "organisation": N_("Organisation")}),
    "region")
ASSESSMENT_STATUS = Choice(N_("assessment status"), Labels({"draft": N_("In progress"),
    "completed": N_("Completed")}), "draft")
WORKSHOP_MODE = Choice(N_("workshop mode"), Labels({"in_person": N_("In person"), "online": N_("Online"),
    "hybrid": N_("Hybrid")}),
                       "in_person")
WORKSHOP_STATUS = Choice(N_("workshop status"), Labels({"planned": N_("Planned"), "held": N_("Held"),
    "evaluated": N_("Evaluated")}),
                         "planned")
BLOCK_KIND = Choice(N_("agenda block kind"), Labels({"session": N_("Session"), "break": N_("Break")}), "session")
OUTCOME_KIND = Choice(N_("kind of outcome"), Labels({"need": N_("Needs identified"),
                                          "interface": N_("Interfaces between administration and CCI"),
                                          "idea": N_("Ideas and pilot proposals"),
                                          "decision": N_("Decisions")}), "idea")
ACTION_STATUS = Choice(N_("action status"), Labels({"open": Np_("action status", "Open"),
    "in_progress": Np_("action status", "In progress"), "done": Np_("action status", "Done")}, "action status"), "open")
QUESTION_KIND = Choice(N_("kind of question"), Labels({"rating": N_("Rating 1–5"), "choice": N_("Yes / partly / no"),
                                            "text": N_("Open comment")}), "text")
FEEDBACK_CHOICE = Choice(N_("answer"), Labels({"yes": N_("Yes"), "partly": N_("Partly"), "no": N_("No")}), "yes")
RESPONSE_SOURCE = Choice(N_("source of a feedback form"), Labels({"paper": N_("Paper"), "screen": N_("Screen")}),
    "paper")
PILOT_STATUS = Choice(N_("pilot status"), Labels({"idea": N_("Idea"), "planned": N_("Planned"),
    "running": N_("Running"), "done": N_("Done"), "evaluated": N_("Evaluated")}), "idea")
PILOT_REPEAT = Choice(N_("repeat decision"), Labels({"undecided": N_("Not decided"), "yes": N_("Repeat it"),
    "changed": N_("Repeat it with changes"), "no": N_("Do not repeat")}), "undecided")
STEP_STATUS = Choice(N_("step status"), Labels({"planned": N_("Planned"), "done": N_("Done"), "changed": N_("Changed"),
    "dropped": N_("Dropped")}), "planned")
LESSON_AUDIENCE = Choice(N_("lesson audience"), Labels({"industry": N_("For industry"),
    "creatives": N_("For creatives"), "setting": N_("For the setting")}), "setting")
FINDING_STRENGTH = Choice(N_("strength of a finding"), Labels({"weak": N_("Weak"), "moderate": N_("Moderate"),
                                                               "strong": N_("Strong")}), "moderate")
#: where a finding comes from (services/evidence/sources.py resolves each kind to its record)
FINDING_SOURCE = Choice(N_("source of a finding"), Labels({
    "answer": N_("Checklist answer"), "section": N_("Checklist section score"), "outcome": N_("Workshop outcome"),
    "feedback": N_("Feedback comment"), "interview": N_("Interview answer"), "pilot_lesson": N_("Pilot lesson"),
    "pilot_criterion": N_("Pilot success criterion"), "note": N_("Note with a citation")}), "note")
INTERVIEW_GUIDE = Choice(N_("interview guide"), Labels({"interview-administration": N_("Administration staff"),
                                                        "interview-cci-actors": N_("CCI actors"),
                                                        "interview-industrial-companies": N_("Industrial companies")}),
                         "interview-administration")
STAKEHOLDER_KIND = Choice(N_("kind of stakeholder"), Labels({"person": N_("Person"),
                                                             "organisation": N_("Organisation")}), "person")
#: what a stakeholder took part in
ACTIVITY_KIND = Choice(N_("kind of activity"), Labels({"interview": N_("Interview"), "workshop": N_("Workshop"),
                                                       "focus_group": N_("Focus group"), "pilot": N_("Pilot action"),
                                                       "other": N_("Other")}), "other")
PAPER_STATUS = Choice(N_("status of a strategy paper"), Labels({"draft": N_("Draft"), "in_review": N_("In review"),
                                                                "adopted": N_("Adopted")}), "draft")
#: how many of the regions in a recommendation raise a topic
COMMONALITY = Choice(N_("commonality of a topic"), Labels({"all": N_("All regions"), "most": N_("Most regions"),
                                                           "some": N_("Some regions"), "one": N_("One region")}), "one")
POLICY_LEVEL = Choice(N_("level addressed"), Labels({"eu": N_("European"), "national": N_("National"),
                                                     "regional": N_("Regional"), "network": N_("Networks")}), "eu")
EXAMPLE_KIND = Choice(N_("kind of example"), Labels({"measure": N_("Measure"), "finding": N_("Finding")}), "measure")
#: the types of checklist items (content packs and the user's own templates)
ItemType = Literal["ynp", "scale", "choice", "multi", "text", "longtext", "number", "date"]
ITEM_TYPES: tuple[str, ...] = get_args(ItemType)
YNP_VALUES: tuple[str, ...] = ("yes", "partly", "no", "na")

CHOICES: tuple[Choice, ...] = (REGION_KIND, ASSESSMENT_STATUS, WORKSHOP_MODE, WORKSHOP_STATUS, BLOCK_KIND,
                               OUTCOME_KIND, ACTION_STATUS, QUESTION_KIND, RESPONSE_SOURCE, FINDING_STRENGTH,
                               FINDING_SOURCE, INTERVIEW_GUIDE, STAKEHOLDER_KIND, ACTIVITY_KIND, PAPER_STATUS,
                               COMMONALITY, POLICY_LEVEL, EXAMPLE_KIND, PILOT_STATUS,
                               PILOT_REPEAT, STEP_STATUS, LESSON_AUDIENCE)

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
PILOT_TEXT = 20_000  # a pilot's challenge, target groups, places, changes, problems, outputs
PILOT_ITEM = 2_000  # a success criterion, a lesson, a voice, a photo caption
CRITERION_VALUE = 200  # a criterion's baseline, target or achieved value as written
MAX_PILOT_ROWS = 200  # partners, steps or participant types of one pilot
PARTICIPANT_COUNT = (0, 10_000_000)
BUDGET = (0, 1_000_000_000_000)  # whole currency units
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


def check_date(value: date, what: str = N_("date")) -> date:
    """``value`` if inside DATES, else ValueError naming the range."""
    low, high = DATES
    if not low <= value <= high:
        raise ValueError(_("the {what} {isoformat} is outside {year}–{year2}")
            .format(what=_(what), isoformat=value.isoformat(), year=low.year, year2=high.year))
    return value


def check_timestamp(value: datetime, what: str = N_("time stamp"), *, now: datetime | None = None) -> datetime:
    """``value`` (timezone-aware) if inside TIMESTAMPS and, when ``now`` is given, not after it.

    Bundles pass no ``now``: other laptops' clocks differ, by a year if need be, and merges never rest on them.
    """
    low, high = TIMESTAMPS
    if value.tzinfo is None:
        raise ValueError(_("the {what} has no time zone").format(what=_(what)))
    # compare before converting: astimezone() overflows near the ends of the calendar
    if value.year < low.year or value.year > high.year:
        raise ValueError(_("the {what} {isoformat} is outside {year}–{year2}")
            .format(what=_(what), isoformat=value.isoformat(), year=low.year, year2=high.year))
    if now is not None and value > now:
        raise ValueError(_("the {what} {isoformat} lies in the future")
                         .format(what=_(what), isoformat=value.isoformat()))
    return value


def check_length(value: str, limit: int, what: str) -> str:
    if len(value) > limit:
        raise ValueError(_("the {what} can be at most {limit:,} characters long").format(what=_(what), limit=limit))
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
    if text.find_control(value, multiline=multiline) is None:
        return value  # the common case: one or two regular-expression scans
    found = control_characters(value, multiline=multiline)
    if found:
        raise ValueError(_("the {what} contains a {describe}").format(what=_(what), describe=text.describe(found[0])))
    return value
