"""p03 bonded_repair

Revision ID: 20261124_0011
Revises: 20261124_0010
Create Date: 2026-11-24 13:40:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0011"
down_revision = "20261124_0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bonded_repair_admission",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("business", sa.String(length=200), nullable=False),
        sa.Column("high_tech", sa.Boolean(), nullable=False),
        sa.Column("value_added_pct", sa.Integer(), nullable=False),
        sa.Column("toxic_air", sa.Boolean(), nullable=False),
        sa.Column("toxic_water", sa.Boolean(), nullable=False),
        sa.Column("risk_level", sa.String(length=16), nullable=False),
        sa.Column("documents_complete", sa.Boolean(), nullable=False),
        sa.Column("permits_complete", sa.Boolean(), nullable=False),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.Column(
            "failures",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("decision_ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_bonded_repair_admission_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bonded_repair_admission")),
    )
    op.create_index(
        op.f("ix_bonded_repair_admission_org_id"),
        "bonded_repair_admission",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_bonded_repair_admission_status"),
        "bonded_repair_admission",
        ["status"],
        unique=False,
    )
    op.create_table(
        "bonded_repair_batch",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("goods", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("value_cny", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("preinspection_sha256", sa.String(length=64), nullable=False),
        sa.Column("repaired_qty", sa.Integer(), nullable=False),
        sa.Column("irreparable_qty", sa.Integer(), nullable=False),
        sa.Column("irreparable_value_cny", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("reading", sa.String(length=8), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_bonded_repair_batch_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bonded_repair_batch")),
        sa.UniqueConstraint("number", name=op.f("uq_bonded_repair_batch_number")),
    )
    op.create_index(
        op.f("ix_bonded_repair_batch_org_id"), "bonded_repair_batch", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_bonded_repair_batch_status"), "bonded_repair_batch", ["status"], unique=False
    )
    op.create_index(
        op.f("ix_bonded_repair_batch_verdict"), "bonded_repair_batch", ["verdict"], unique=False
    )
    op.create_table(
        "bonded_repair_waste",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("tonnes", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("receiver", sa.String(length=200), nullable=False),
        sa.Column("certificate_sha256", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_bonded_repair_waste_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bonded_repair_waste")),
    )
    op.create_index(
        op.f("ix_bonded_repair_waste_org_id"), "bonded_repair_waste", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_bonded_repair_waste_year"), "bonded_repair_waste", ["year"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_bonded_repair_waste_org_id"), table_name="bonded_repair_waste")
    op.drop_index(op.f("ix_bonded_repair_waste_year"), table_name="bonded_repair_waste")
    op.drop_table("bonded_repair_waste")
    op.drop_index(op.f("ix_bonded_repair_batch_org_id"), table_name="bonded_repair_batch")
    op.drop_index(op.f("ix_bonded_repair_batch_status"), table_name="bonded_repair_batch")
    op.drop_index(op.f("ix_bonded_repair_batch_verdict"), table_name="bonded_repair_batch")
    op.drop_table("bonded_repair_batch")
    op.drop_index(op.f("ix_bonded_repair_admission_org_id"), table_name="bonded_repair_admission")
    op.drop_index(op.f("ix_bonded_repair_admission_status"), table_name="bonded_repair_admission")
    op.drop_table("bonded_repair_admission")
