"""p20 two_stage_inspection: pilot applications with their risk assessment and revocation, the
goods filed (HS code, special packing), control instructions and the checks recorded on them
(the port's external check, the destination check, the full port inspection).

Revision ID: 20261124_0031
Revises: 20261124_0030
Create Date: 2026-11-24 23:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0031"
down_revision = "20261124_0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "two_stage_inspection_pilot",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("business_scope", sa.Text(), nullable=False),
        sa.Column("recommendation_ref", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "reapply_fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("credit_level", sa.String(length=24), nullable=False),
        sa.Column("local_recommended", sa.Boolean(), nullable=True),
        sa.Column("supply_chain", sa.String(length=16), nullable=False),
        sa.Column("seizures_3y", sa.Integer(), nullable=True),
        sa.Column("assessed_by", sa.String(length=64), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("violation", sa.String(length=32), nullable=False),
        sa.Column("violation_note", sa.Text(), nullable=False),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("blocked_until", sa.Date(), nullable=True),
        sa.Column(
            "revocation_fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("revocation_ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_two_stage_inspection_pilot_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_two_stage_inspection_pilot")),
        sa.UniqueConstraint("number", name=op.f("uq_two_stage_inspection_pilot_number")),
    )
    op.create_index(
        op.f("ix_two_stage_inspection_pilot_org_id"),
        "two_stage_inspection_pilot",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_two_stage_inspection_pilot_status"),
        "two_stage_inspection_pilot",
        ["status"],
        unique=False,
    )
    op.create_table(
        "two_stage_inspection_good",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("pilot_id", sa.String(length=26), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("hs_code", sa.String(length=6), nullable=False),
        sa.Column("tariff_code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("specification", sa.String(length=200), nullable=False),
        sa.Column("packing", sa.String(length=24), nullable=False),
        sa.Column("annual_value_usd", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_two_stage_inspection_good_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["pilot_id"],
            ["two_stage_inspection_pilot.id"],
            name=op.f("fk_two_stage_inspection_good_pilot_id_two_stage_inspection_pilot"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_two_stage_inspection_good")),
    )
    op.create_index(
        op.f("ix_two_stage_inspection_good_hs_code"),
        "two_stage_inspection_good",
        ["hs_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_two_stage_inspection_good_org_id"),
        "two_stage_inspection_good",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_two_stage_inspection_good_pilot_id"),
        "two_stage_inspection_good",
        ["pilot_id"],
        unique=False,
    )
    op.create_table(
        "two_stage_inspection_instruction",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("entry_no", sa.String(length=18), nullable=False),
        sa.Column("hs_code", sa.String(length=6), nullable=False),
        sa.Column("goods_name", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("value_usd", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("arrived_on", sa.Date(), nullable=False),
        sa.Column("port_office_org_id", sa.String(length=26), nullable=False),
        sa.Column("destination_office_org_id", sa.String(length=26), nullable=False),
        sa.Column("pilot_id", sa.String(length=26), nullable=True),
        sa.Column("good_id", sa.String(length=26), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column(
            "routing_fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("released_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["destination_office_org_id"],
            ["core_organization.id"],
            name=op.f(
                "fk_two_stage_inspection_instruction_destination_office_org_id_core_organization"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["good_id"],
            ["two_stage_inspection_good.id"],
            name=op.f("fk_two_stage_inspection_instruction_good_id_two_stage_inspection_good"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_two_stage_inspection_instruction_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["pilot_id"],
            ["two_stage_inspection_pilot.id"],
            name=op.f("fk_two_stage_inspection_instruction_pilot_id_two_stage_inspection_pilot"),
        ),
        sa.ForeignKeyConstraint(
            ["port_office_org_id"],
            ["core_organization.id"],
            name=op.f("fk_two_stage_inspection_instruction_port_office_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_two_stage_inspection_instruction")),
        sa.UniqueConstraint("number", name=op.f("uq_two_stage_inspection_instruction_number")),
    )
    op.create_index(
        op.f("ix_two_stage_inspection_instruction_entry_no"),
        "two_stage_inspection_instruction",
        ["entry_no"],
        unique=False,
    )
    op.create_index(
        op.f("ix_two_stage_inspection_instruction_org_id"),
        "two_stage_inspection_instruction",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_two_stage_inspection_instruction_status"),
        "two_stage_inspection_instruction",
        ["status"],
        unique=False,
    )
    op.create_table(
        "two_stage_inspection_check",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("instruction_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("office_org_id", sa.String(length=26), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column(
            "answers",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["instruction_id"],
            ["two_stage_inspection_instruction.id"],
            name=op.f(
                "fk_two_stage_inspection_check_instruction_id_two_stage_inspection_instruction"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["office_org_id"],
            ["core_organization.id"],
            name=op.f("fk_two_stage_inspection_check_office_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_two_stage_inspection_check_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_two_stage_inspection_check")),
    )
    op.create_index(
        op.f("ix_two_stage_inspection_check_instruction_id"),
        "two_stage_inspection_check",
        ["instruction_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_two_stage_inspection_check_org_id"),
        "two_stage_inspection_check",
        ["org_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_two_stage_inspection_check_org_id"), table_name="two_stage_inspection_check"
    )
    op.drop_index(
        op.f("ix_two_stage_inspection_check_instruction_id"),
        table_name="two_stage_inspection_check",
    )
    op.drop_table("two_stage_inspection_check")
    op.drop_index(
        op.f("ix_two_stage_inspection_instruction_status"),
        table_name="two_stage_inspection_instruction",
    )
    op.drop_index(
        op.f("ix_two_stage_inspection_instruction_org_id"),
        table_name="two_stage_inspection_instruction",
    )
    op.drop_index(
        op.f("ix_two_stage_inspection_instruction_entry_no"),
        table_name="two_stage_inspection_instruction",
    )
    op.drop_table("two_stage_inspection_instruction")
    op.drop_index(
        op.f("ix_two_stage_inspection_good_pilot_id"), table_name="two_stage_inspection_good"
    )
    op.drop_index(
        op.f("ix_two_stage_inspection_good_org_id"), table_name="two_stage_inspection_good"
    )
    op.drop_index(
        op.f("ix_two_stage_inspection_good_hs_code"), table_name="two_stage_inspection_good"
    )
    op.drop_table("two_stage_inspection_good")
    op.drop_index(
        op.f("ix_two_stage_inspection_pilot_status"), table_name="two_stage_inspection_pilot"
    )
    op.drop_index(
        op.f("ix_two_stage_inspection_pilot_org_id"), table_name="two_stage_inspection_pilot"
    )
    op.drop_table("two_stage_inspection_pilot")
