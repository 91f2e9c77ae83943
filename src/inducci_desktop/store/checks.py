"""The value rules of ``domain/rules.py`` as SQL CHECK constraints, per table.

The models declare these (``__table_args__``); migration 0005 added them to existing databases with the
SQL written out, so that it never changes afterwards. tests/store/test_migrations.py keeps the two equal.
Long free-text fields are limited by the services and the bundle schema, not here: a CHECK would force
cutting a text the user wrote.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint

from inducci_desktop.domain import rules
from inducci_desktop.domain.rules import Choice


def one_of(column: str, choice: Choice) -> CheckConstraint:
    values = ", ".join(f"'{v}'" for v in choice.values)
    return CheckConstraint(f"{column} IN ({values})", name=column)


def at_most(column: str, limit: int) -> CheckConstraint:
    return CheckConstraint(f"length({column}) <= {limit}", name=f"{column}_length")


def between(column: str, low: int, high: int) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN {low} AND {high}", name=f"{column}_range")


def in_dates(column: str) -> CheckConstraint:
    low, high = rules.DATES
    return CheckConstraint(f"{column} BETWEEN '{low.isoformat()}' AND '{high.isoformat()}'", name=f"{column}_range")


def lengths(**limits: int) -> tuple[CheckConstraint, ...]:
    return tuple(at_most(column, limit) for column, limit in limits.items())


REGIONS = (one_of("kind", rules.REGION_KIND), *lengths(name=rules.NAME, country=rules.COUNTRY),
           CheckConstraint("parent_id IS NULL OR parent_id <> id", name="parent_not_self"))
USER_TEMPLATES = (between("version", *rules.TEMPLATE_VERSION),
                  *lengths(template_id=rules.SLUG, title=rules.TITLE))
ASSESSMENTS = (one_of("status", rules.ASSESSMENT_STATUS), between("round", *rules.ROUND),
               between("template_version", *rules.TEMPLATE_VERSION),
               *lengths(title=rules.TITLE, subject=rules.SUBJECT, assessor=rules.ASSESSOR,
                        assessed_on=rules.ISO_DATE))
ANSWERS = lengths(item_key=rules.SLUG)
WORKSHOPS = (one_of("mode", rules.WORKSHOP_MODE), one_of("status", rules.WORKSHOP_STATUS),
             *lengths(title=rules.TITLE, venue=rules.TITLE, organisation=rules.TITLE))
DAYS = (in_dates("day"), between("start_minutes", 0, rules.MINUTES_PER_DAY - 1),
        between("end_minutes", 1, rules.MINUTES_PER_DAY),
        CheckConstraint("end_minutes > start_minutes", name="ends_after_start"))
BLOCKS = (one_of("kind", rules.BLOCK_KIND), between("duration_minutes", *rules.BLOCK_MINUTES),
          *lengths(title=rules.TITLE, responsible=rules.TITLE, format_id=rules.SLUG))
PARTICIPANTS = (*lengths(name=rules.NAME, organisation=rules.NAME, department=rules.NAME, email=rules.NAME),
                in_dates("consent_date"))
OUTCOMES = (one_of("kind", rules.OUTCOME_KIND),)
ACTIONS = (one_of("status", rules.ACTION_STATUS), at_most("owner", rules.NAME), in_dates("due"))
QUESTIONS = (one_of("kind", rules.QUESTION_KIND),)
RESPONSES = (one_of("source", rules.RESPONSE_SOURCE),)
PILOTS = (one_of("status", rules.PILOT_STATUS), one_of("repeat", rules.PILOT_REPEAT),
          *lengths(title=rules.TITLE, format_id=rules.SLUG, currency=rules.SHORT_CODE),
          in_dates("start_date"), in_dates("end_date"),
          between("budget_planned", *rules.BUDGET), between("budget_spent", *rules.BUDGET))
CRITERIA = lengths(baseline=rules.CRITERION_VALUE, target=rules.CRITERION_VALUE, achieved=rules.CRITERION_VALUE)
LESSONS = (one_of("audience", rules.LESSON_AUDIENCE),)
VOICES = (at_most("speaker", rules.NAME), in_dates("consent_date"))
PHOTOS = (at_most("file", rules.SLUG), at_most("credit", rules.NAME))
TOPICS = lengths(name=rules.TOPIC)
FINDINGS = (one_of("strength", rules.FINDING_STRENGTH), one_of("source_kind", rules.FINDING_SOURCE),
            in_dates("observed_on"), *lengths(source_ref=rules.SOURCE_REF, source_title=rules.TITLE,
                                              citation=rules.TITLE))
INTERVIEWS = (one_of("guide_id", rules.INTERVIEW_GUIDE), in_dates("held_on"),
              *lengths(interviewer=rules.NAME, interviewee_role=rules.NAME, interviewee_organisation=rules.NAME,
                       interviewee_name=rules.NAME))
INTERVIEW_ANSWERS = lengths(question_key=rules.SLUG)
STAKEHOLDERS = (one_of("kind", rules.STAKEHOLDER_KIND), in_dates("consent_date"),
                *lengths(name=rules.NAME, organisation=rules.NAME, role=rules.NAME, email=rules.NAME))
PAPERS = (one_of("status", rules.PAPER_STATUS), between("version", *rules.PAPER_VERSION), in_dates("adopted_on"),
          *lengths(title=rules.TITLE, adopted_by=rules.NAME))
SECTIONS = (between("position", *rules.POSITION), *lengths(title=rules.SECTION_TITLE, outline_key=rules.SLUG))
PAPER_BLOCKS = (between("position", *rules.POSITION), in_dates("taken_on"), at_most("kind", rules.BLOCK_KIND_KEY))
PRIORITIES = (between("position", *rules.POSITION), at_most("title", rules.SECTION_TITLE))
MEASURES = (between("position", *rules.POSITION), in_dates("due"),
            *lengths(responsible=rules.NAME, funding=rules.NAME))
REVIEW_COMMENTS = lengths(author=rules.NAME)
RECOMMENDATIONS = (one_of("status", rules.PAPER_STATUS), at_most("title", rules.TITLE))
RECOMMENDATION_TOPICS = (one_of("level", rules.POLICY_LEVEL), one_of("common", rules.COMMONALITY),
                         at_most("actor", rules.NAME))
RECOMMENDATION_ITEMS = (one_of("level", rules.POLICY_LEVEL), between("position", *rules.POSITION),
                        *lengths(title=rules.TITLE, actor=rules.NAME))
