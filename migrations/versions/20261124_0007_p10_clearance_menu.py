"""p10 clearance_menu

Revision ID: 20261124_0007
Revises: 20261124_0006
Create Date: 2026-11-24 13:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0007"
down_revision = "20261124_0006"
branch_labels = None
depends_on = None

TABLE = "clearance_menu_request"
INDEXED = (
    "chosen_code",
    "direction",
    "hs_code",
    "month",
    "org_id",
    "recommended_code",
    "transport",
)


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("transport", sa.String(length=32), nullable=False),
        sa.Column("hs_code", sa.String(length=10), nullable=False),
        sa.Column("credit", sa.String(length=16), nullable=False),
        sa.Column("port", sa.String(length=100), nullable=False),
        sa.Column("pickup_place", sa.String(length=100), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("request", _json(), nullable=False),
        sa.Column("recommended_code", sa.String(length=8), nullable=False),
        sa.Column("eligible_codes", _json(), nullable=False),
        sa.Column("excluded", _json(), nullable=False),
        sa.Column("chosen_code", sa.String(length=8), nullable=True),
        sa.Column("chosen_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_clearance_menu_request_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearance_menu_request")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        for column in INDEXED:
            batch_op.create_index(batch_op.f(f"ix_{TABLE}_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        for column in INDEXED:
            batch_op.drop_index(batch_op.f(f"ix_{TABLE}_{column}"))
    op.drop_table(TABLE)
