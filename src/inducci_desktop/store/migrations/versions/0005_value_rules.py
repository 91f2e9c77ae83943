"""Value rules as CHECK constraints: allowed values, lengths of short fields, ranges of numbers and dates.

Rows that break a rule are repaired first, each to a safe value, and only their number is logged (no
personal data). Rows that cannot be repaired without guessing (a template version outside its range,
which an assessment pins) stop the migration with a message; it is undone and the database stays as it
was (the automatic backup before a migration has been made already). The SQL is written out here, not
read from ``domain/rules.py``, so that this migration never changes; a test compares it with the models.

Revision ID: 0005
Revises: 0004
"""

import logging
from collections.abc import Sequence
from typing import Literal

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("inducci_desktop.store.migrations")

CHECKS: dict[str, tuple[tuple[str, str], ...]] = {
    "checklist_user_templates": (
        ("ck_checklist_user_templates_template_id_length", "length(template_id) <= 100"),
        ("ck_checklist_user_templates_title_length", "length(title) <= 300"),
        ("ck_checklist_user_templates_version_range", "version BETWEEN 1 AND 1000000"),
    ),
    "regions": (
        ("ck_regions_country_length", "length(country) <= 100"),
        ("ck_regions_kind", "kind IN ('region', 'organisation')"),
        ("ck_regions_name_length", "length(name) <= 200"),
        ("ck_regions_parent_not_self", "parent_id IS NULL OR parent_id <> id"),
    ),
    "assessments": (
        ("ck_assessments_assessed_on_length", "length(assessed_on) <= 10"),
        ("ck_assessments_assessor_length", "length(assessor) <= 200"),
        ("ck_assessments_round_range", "round BETWEEN 1 AND 1000"),
        ("ck_assessments_status", "status IN ('draft', 'completed')"),
        ("ck_assessments_subject_length", "length(subject) <= 300"),
        ("ck_assessments_template_version_range", "template_version BETWEEN 1 AND 1000000"),
        ("ck_assessments_title_length", "length(title) <= 300"),
    ),
    "workshops": (
        ("ck_workshops_mode", "mode IN ('in_person', 'online', 'hybrid')"),
        ("ck_workshops_organisation_length", "length(organisation) <= 300"),
        ("ck_workshops_status", "status IN ('planned', 'held', 'evaluated')"),
        ("ck_workshops_title_length", "length(title) <= 300"),
        ("ck_workshops_venue_length", "length(venue) <= 300"),
    ),
    "assessment_answers": (
        ("ck_assessment_answers_item_key_length", "length(item_key) <= 100"),
    ),
    "workshop_actions": (
        ("ck_workshop_actions_due_range", "due BETWEEN '1970-01-01' AND '2199-12-31'"),
        ("ck_workshop_actions_owner_length", "length(owner) <= 200"),
        ("ck_workshop_actions_status", "status IN ('open', 'in_progress', 'done')"),
    ),
    "workshop_days": (
        ("ck_workshop_days_day_range", "day BETWEEN '1970-01-01' AND '2199-12-31'"),
        ("ck_workshop_days_end_minutes_range", "end_minutes BETWEEN 1 AND 1440"),
        ("ck_workshop_days_ends_after_start", "end_minutes > start_minutes"),
        ("ck_workshop_days_start_minutes_range", "start_minutes BETWEEN 0 AND 1439"),
    ),
    "workshop_outcomes": (
        ("ck_workshop_outcomes_kind", "kind IN ('need', 'interface', 'idea', 'decision')"),
    ),
    "workshop_participants": (
        ("ck_workshop_participants_consent_date_range", "consent_date BETWEEN '1970-01-01' AND '2199-12-31'"),
        ("ck_workshop_participants_department_length", "length(department) <= 200"),
        ("ck_workshop_participants_email_length", "length(email) <= 200"),
        ("ck_workshop_participants_name_length", "length(name) <= 200"),
        ("ck_workshop_participants_organisation_length", "length(organisation) <= 200"),
    ),
    "workshop_questions": (
        ("ck_workshop_questions_kind", "kind IN ('rating', 'choice', 'text')"),
    ),
    "workshop_responses": (
        ("ck_workshop_responses_source", "source IN ('paper', 'screen')"),
    ),
    "workshop_blocks": (
        ("ck_workshop_blocks_duration_minutes_range", "duration_minutes BETWEEN 1 AND 960"),
        ("ck_workshop_blocks_format_id_length", "length(format_id) <= 100"),
        ("ck_workshop_blocks_kind", "kind IN ('session', 'break')"),
        ("ck_workshop_blocks_responsible_length", "length(responsible) <= 300"),
        ("ck_workshop_blocks_title_length", "length(title) <= 300"),
    ),
}

FIRST_DAY, LAST_DAY = "1970-01-01", "2199-12-31"

#: (table, column, allowed values, the value a row that breaks the rule gets)
CHOICES = (
    ("regions", "kind", ("region", "organisation"), "region"),
    ("assessments", "status", ("draft", "completed"), "draft"),
    ("workshops", "mode", ("in_person", "online", "hybrid"), "in_person"),
    ("workshops", "status", ("planned", "held", "evaluated"), "planned"),
    ("workshop_blocks", "kind", ("session", "break"), "session"),
    ("workshop_outcomes", "kind", ("need", "interface", "idea", "decision"), "idea"),
    ("workshop_actions", "status", ("open", "in_progress", "done"), "open"),
    ("workshop_questions", "kind", ("rating", "choice", "text"), "text"),
    ("workshop_responses", "source", ("paper", "screen"), "paper"),
)
#: (table, column, most characters): longer values are cut to the limit
LENGTHS = (
    ("regions", "name", 200), ("regions", "country", 100),
    ("checklist_user_templates", "template_id", 100), ("checklist_user_templates", "title", 300),
    ("assessments", "title", 300), ("assessments", "subject", 300), ("assessments", "assessor", 200),
    ("assessments", "assessed_on", 10), ("assessment_answers", "item_key", 100),
    ("workshops", "title", 300), ("workshops", "venue", 300), ("workshops", "organisation", 300),
    ("workshop_blocks", "title", 300), ("workshop_blocks", "responsible", 300),
    ("workshop_blocks", "format_id", 100),
    ("workshop_participants", "name", 200), ("workshop_participants", "organisation", 200),
    ("workshop_participants", "department", 200), ("workshop_participants", "email", 200),
    ("workshop_actions", "owner", 200),
)
#: (table, column, low, high): numbers outside are moved to the nearest end of the range
NUMBERS = (
    ("assessments", "round", 1, 1000),
    ("workshop_days", "start_minutes", 0, 1439),
    ("workshop_days", "end_minutes", 1, 1440),
    ("workshop_blocks", "duration_minutes", 1, 960),
)
#: optional dates outside the range are emptied
OPTIONAL_DATES = (("workshop_participants", "consent_date"), ("workshop_actions", "due"))
#: (table, column, low, high, what): rows outside stop the migration
REFUSED = (
    ("assessments", "template_version", 1, 1_000_000, "assessment(s) pin a checklist template version"),
    ("checklist_user_templates", "version", 1, 1_000_000, "own checklist template version(s) are numbered"),
)


def _run(sql: str) -> int:
    return int(op.get_bind().execute(sa.text(sql)).rowcount or 0)


def _repaired(count: int, table: str, rule: str) -> None:
    if count:
        log.warning("schema upgrade 0005: %d row(s) of %s repaired (%s)", count, table, rule)


def _refuse_what_cannot_be_repaired() -> None:
    for table, column, low, high, what in REFUSED:
        count = op.get_bind().execute(sa.text(
            f"SELECT count(*) FROM {table} WHERE {column} NOT BETWEEN {low} AND {high}")).scalar_one()
        if count:
            raise RuntimeError(f"{count} {what} outside {low}–{high} ({table}.{column}); they cannot be "
                               "repaired without guessing. Restore a backup or ask for help")


def _break_region_cycles() -> int:
    """Regions that are their own ancestor lose their parent (one per cycle); a count is returned."""
    conn = op.get_bind()
    parents: dict[str, str | None] = dict(conn.execute(sa.text("SELECT id, parent_id FROM regions")).all())
    cut = 0
    for start in sorted(parents):
        seen: list[str] = []
        node: str | None = start
        while node is not None and node in parents and node not in seen:
            seen.append(node)
            node = parents[node]
        if node is not None and node in seen:  # a cycle: cut it at the node that closes it
            closing = seen[-1]
            conn.execute(sa.text("UPDATE regions SET parent_id = NULL WHERE id = :id"), {"id": closing})
            parents[closing] = None
            cut += 1
    return cut


def _bounded(low: str, value: str, high: str) -> str:
    """SQL for ``value`` moved into low–high (SQLite's scalar max/min are PostgreSQL's greatest/least)."""
    if op.get_bind().dialect.name == "postgresql":
        return f"greatest({low}, least({value}, {high}))"
    return f"max({low}, min({value}, {high}))"


def _least(value: str, high: str) -> str:
    return f"{'least' if op.get_bind().dialect.name == 'postgresql' else 'min'}({value}, {high})"


def _day(value: str) -> str:
    """A date literal: text on SQLite (dates are stored as text), typed on PostgreSQL."""
    return f"DATE '{value}'" if op.get_bind().dialect.name == "postgresql" else f"'{value}'"


def _recreate() -> Literal["always", "auto"]:
    """SQLite rebuilds the table to add a CHECK constraint; other engines alter it in place."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def _repair() -> None:
    _refuse_what_cannot_be_repaired()
    for table, column, allowed, fallback in CHOICES:
        values = ", ".join(f"'{v}'" for v in allowed)
        _repaired(_run(f"UPDATE {table} SET {column} = '{fallback}' WHERE {column} NOT IN ({values})"),
                  table, f"unknown {column} set to {fallback}")
    for table, column, limit in LENGTHS:
        _repaired(_run(f"UPDATE {table} SET {column} = substr({column}, 1, {limit}) "
                       f"WHERE length({column}) > {limit}"), table, f"{column} cut to {limit} characters")
    for table, column, low, high in NUMBERS:
        _repaired(_run(f"UPDATE {table} SET {column} = {_bounded(str(low), column, str(high))} "
                       f"WHERE {column} NOT BETWEEN {low} AND {high}"), table, f"{column} moved into {low}–{high}")
    _repaired(_run(f"UPDATE workshop_days SET end_minutes = {_least('start_minutes + 60', '1440')} "
                   "WHERE end_minutes <= start_minutes"), "workshop_days", "a day that ended before it began")
    _repaired(_run(f"UPDATE workshop_days SET day = CASE WHEN day < '{FIRST_DAY}' THEN {_day(FIRST_DAY)} "
                   f"ELSE {_day(LAST_DAY)} END WHERE day NOT BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}'"),
              "workshop_days", f"date moved into {FIRST_DAY[:4]}–{LAST_DAY[:4]}")
    for table, column in OPTIONAL_DATES:
        _repaired(_run(f"UPDATE {table} SET {column} = NULL "
                       f"WHERE {column} NOT BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}'"),
                  table, f"{column} outside {FIRST_DAY[:4]}–{LAST_DAY[:4]} emptied")
    _repaired(_run("UPDATE regions SET parent_id = NULL WHERE parent_id = id"), "regions",
              "a region that was its own parent")
    _repaired(_break_region_cycles(), "regions", "a cycle of parent regions cut")


def upgrade() -> None:
    _repair()
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, recreate=_recreate()) as batch:
            for name, condition in checks:
                batch.create_check_constraint(op.f(name), sa.text(condition))


def downgrade() -> None:
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table, recreate=_recreate()) as batch:
            for name, _condition in checks:
                batch.drop_constraint(op.f(name), type_="check")
