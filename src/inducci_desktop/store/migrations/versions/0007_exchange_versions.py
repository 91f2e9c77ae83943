"""Exchange versions: the data folder's id and clock, a version per record, tombstones, conflicts, peers.

Every record that travels in a bundle gets ``vv`` (its version vector: data folder id → that folder's clock
at its latest edit the version includes) and ``rev_by`` (the data folder that made the version). Triggers
give every local write a new version, whatever code made it (ORM or Core); an import sets versions itself
(``data_folder.importing``). Existing rows get a first version by this folder. Participants get
``anonymous`` (imported without personal data) instead of being recognised by their placeholder name.

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
NOT_CONTENT: frozenset[str] = frozenset({"id", "created_at", "updated_at", "vv", "rev_by"})


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
    bind.exec_driver_sql("INSERT INTO data_folder (id, clock, importing, created_at) "
                         "VALUES (?, 1, 0, CURRENT_TIMESTAMP)", (folder,))
    first = f'{{"{folder}":1}}'
    for table in VERSIONED:
        bind.exec_driver_sql(f'UPDATE "{table}" SET vv = ?, rev_by = ?', (first, folder))
    # placeholders of 0.1.0 imports: only ever recognised here, once, by the name 0.1.0 gave them
    bind.exec_driver_sql("UPDATE workshop_participants SET anonymous = 1 WHERE name LIKE 'Anonymous participant %' "
                         "AND email = '' AND organisation = '' AND erased_at IS NULL")
    for table in VERSIONED:
        columns = [r[1] for r in bind.exec_driver_sql(f'PRAGMA table_info("{table}")')]
        for statement in version_trigger_sql(table, columns):
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    for table in VERSIONED:
        bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "version_{table}_insert"')
        bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "version_{table}_update"')
        with op.batch_alter_table(table) as batch:
            batch.drop_column("rev_by")
            batch.drop_column("vv")
    with op.batch_alter_table("workshop_participants") as batch:
        batch.drop_column("anonymous")
    op.drop_index("ix_exchange_conflicts_record_id", "exchange_conflicts")
    for table in ("exchange_conflicts", "exchange_peers", "data_folder"):
        op.drop_table(table)
