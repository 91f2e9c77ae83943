"""Exchange versions: the data folder's id and clock, a version per record, tombstones, conflicts, peers.

Every record that travels in a bundle gets ``vv`` (its version vector: data folder id → that folder's clock
at its latest edit the version includes) and ``rev_by`` (the data folder that made the version). Triggers
give every local write a new version, whatever code made it (ORM or Core); an import sets versions itself
(``data_folder.importing``). Existing rows get a first version by this folder. Participants get
``anonymous`` (imported without personal data) instead of being recognised by their placeholder name.

On PostgreSQL the triggers are one PL/pgSQL function (``inducci_new_version``) called BEFORE each insert or
update: the same rules (not while importing, not when the writer set the version itself, not when only
columns that are not content changed) and the same compact JSON text as SQLite's ``json_set``.

Revision ID: 0007
Revises: 0006
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the tables whose records travel in bundles (kept equal to the exchange schema's kinds by a test)
VERSIONED: tuple[str, ...] = (
    "regions", "checklist_user_templates", "assessments", "assessment_answers", "workshops", "workshop_days",
    "workshop_blocks", "workshop_participants", "workshop_attendance", "workshop_outcomes", "workshop_actions",
    "workshop_questions", "workshop_responses",
)
#: columns that are not the record's content: a change to them alone is not an edit
NOT_CONTENT: frozenset[str] = frozenset({"id", "created_at", "updated_at", "vv", "rev_by",
                                       # 0012: the row version and who changed it (no columns yet here)
                                       "row_version", "changed_by"})


def version_trigger_sql(table: str, columns: Sequence[str]) -> list[str]:
    """The two triggers that give a local insert or edit of ``table`` a new version of this data folder."""
    content = [c for c in columns if c not in NOT_CONTENT]
    changed = " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in content) or "0"
    bump = (f'UPDATE data_folder SET clock = clock + 1; '
            f'UPDATE "{table}" SET rev_by = (SELECT id FROM data_folder), '
            f"vv = json_set(coalesce(vv, '{{}}'), '$.\"' || (SELECT id FROM data_folder) || '\"', "
            f'(SELECT clock FROM data_folder)) WHERE id = NEW.id;')
    return [
        f'CREATE TRIGGER "version_{table}_insert" AFTER INSERT ON "{table}" FOR EACH ROW '
        f"WHEN NEW.vv IS NULL AND (SELECT importing FROM data_folder) = 0 BEGIN {bump} END",
        f'CREATE TRIGGER "version_{table}_update" AFTER UPDATE ON "{table}" FOR EACH ROW '
        f"WHEN NEW.vv IS OLD.vv AND (SELECT importing FROM data_folder) = 0 AND ({changed}) BEGIN {bump} END",
    ]


#: the PostgreSQL form of the two triggers, shared by every versioned table
PG_VERSION_FUNCTION = """
CREATE OR REPLACE FUNCTION inducci_new_version() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    folder text;
    tick integer;
    entries text;
    skipped text[] := ARRAY[@SKIPPED@];
BEGIN
    IF coalesce((SELECT importing FROM data_folder), 1) <> 0 THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.vv IS NOT NULL THEN
            RETURN NEW;
        END IF;
    ELSIF NEW.vv::text IS DISTINCT FROM OLD.vv::text
          OR (to_jsonb(NEW) - skipped) IS NOT DISTINCT FROM (to_jsonb(OLD) - skipped) THEN
        RETURN NEW;
    END IF;
    UPDATE data_folder SET clock = clock + 1 RETURNING id, clock INTO folder, tick;
    -- json_set's result as text: keys in their order, this folder's entry replaced in place or added last
    SELECT string_agg(to_json(e.key)::text || ':' || CASE WHEN e.key = folder THEN tick::text ELSE e.value::text END,
                      ',' ORDER BY e.n)
      INTO entries FROM json_each(coalesce(NEW.vv, '{}'::json)) WITH ORDINALITY AS e(key, value, n);
    IF entries IS NULL THEN
        entries := to_json(folder)::text || ':' || tick;
    ELSIF NOT EXISTS (SELECT 1 FROM json_each(NEW.vv) AS e WHERE e.key = folder) THEN
        entries := entries || ',' || to_json(folder)::text || ':' || tick;
    END IF;
    NEW.vv := ('{' || entries || '}')::json;
    NEW.rev_by := folder;
    RETURN NEW;
END
$fn$
""".replace("@SKIPPED@", ", ".join(f"'{c}'" for c in sorted(NOT_CONTENT)))


def create_version_triggers(bind: sa.Connection, table: str) -> None:
    """Give ``table`` its version triggers, in the form of the connection's engine."""
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(PG_VERSION_FUNCTION)
        bind.exec_driver_sql(f'CREATE TRIGGER "version_{table}" BEFORE INSERT OR UPDATE ON "{table}" '
                             "FOR EACH ROW EXECUTE FUNCTION inducci_new_version()")
        return
    columns = [column["name"] for column in sa.inspect(bind).get_columns(table)]
    for statement in version_trigger_sql(table, columns):
        bind.exec_driver_sql(statement)


def drop_version_triggers(bind: sa.Connection, table: str) -> None:
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "version_{table}" ON "{table}"')
        return
    bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "version_{table}_insert"')
    bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "version_{table}_update"')


def upgrade() -> None:
    op.create_table(
        "data_folder",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("clock", sa.Integer(), nullable=False),
        sa.Column("importing", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_data_folder"),
    )
    op.create_table(
        "exchange_peers",
        sa.Column("folder_id", sa.String(36), nullable=False),
        sa.Column("clock", sa.Integer(), nullable=False),
        sa.Column("bundle_created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("folder_id", name="pk_exchange_peers"),
    )
    op.create_table(
        "exchange_conflicts",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("mine", sa.JSON(), nullable=False),
        sa.Column("theirs", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_conflicts"),
    )
    op.create_index("ix_exchange_conflicts_record_id", "exchange_conflicts", ["record_id"])
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("vv", sa.JSON(), nullable=True))
            batch.add_column(sa.Column("rev_by", sa.String(36), nullable=True))
    with op.batch_alter_table("workshop_participants") as batch:
        batch.add_column(sa.Column("anonymous", sa.Boolean(), nullable=False, server_default=sa.false()))
    bind = op.get_bind()
    folder = str(uuid.uuid4())
    bind.execute(sa.text("INSERT INTO data_folder (id, clock, importing, created_at) "
                         "VALUES (:id, 1, 0, CURRENT_TIMESTAMP)"), {"id": folder})
    for table in VERSIONED:
        bind.execute(sa.text(f'UPDATE "{table}" SET vv = :vv, rev_by = :folder')
                     .bindparams(sa.bindparam("vv", type_=sa.JSON())), {"vv": {folder: 1}, "folder": folder})
    # placeholders of 0.1.0 imports: only ever recognised here, once, by the name 0.1.0 gave them
    bind.execute(sa.text("UPDATE workshop_participants SET anonymous = :yes WHERE name LIKE 'Anonymous participant %' "
                         "AND email = '' AND organisation = '' AND erased_at IS NULL"), {"yes": True})
    for table in VERSIONED:
        create_version_triggers(bind, table)


def downgrade() -> None:
    bind = op.get_bind()
    for table in VERSIONED:
        drop_version_triggers(bind, table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("rev_by")
            batch.drop_column("vv")
    with op.batch_alter_table("workshop_participants") as batch:
        batch.drop_column("anonymous")
    op.drop_index("ix_exchange_conflicts_record_id", "exchange_conflicts")
    for table in ("exchange_conflicts", "exchange_peers", "data_folder"):
        op.drop_table(table)
