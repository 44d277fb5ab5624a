"""p11 zone_port_gate

Revision ID: 20261124_0009
Revises: 20261124_0008
Create Date: 2026-11-24 13:00:00
"""

from alembic import op
import sqlalchemy as sa
import ftz.core.db.base
from sqlalchemy.dialects import postgresql

revision = "20261124_0009"
down_revision = "20261124_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "zone_port_gate_daily_volume",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("airport_export_kg", sa.BigInteger(), nullable=False),
        sa.Column("airport_import_kg", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone_port_gate_daily_volume")),
        sa.UniqueConstraint("day", name=op.f("uq_zone_port_gate_daily_volume_day")),
    )
    op.create_table(
        "zone_port_gate_declaration",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column(
            "units",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("weight_kg", sa.BigInteger(), nullable=False),
        sa.Column("goods", sa.String(length=200), nullable=False),
        sa.Column("screened", sa.Boolean(), nullable=False),
        sa.Column("inspection_site", sa.String(length=8), nullable=True),
        sa.Column("instruction_note", sa.Text(), nullable=False),
        sa.Column("instructed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_zone_port_gate_declaration_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone_port_gate_declaration")),
        sa.UniqueConstraint("number", name=op.f("uq_zone_port_gate_declaration_number")),
    )
    with op.batch_alter_table("zone_port_gate_declaration", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_declaration_direction"), ["direction"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_declaration_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_declaration_status"), ["status"], unique=False
        )

    op.create_table(
        "zone_port_gate_manifest",
        sa.Column("org_id", sa.String(length=26), nullable=True),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("declaration_number", sa.String(length=32), nullable=False),
        sa.Column("flight", sa.String(length=16), nullable=False),
        sa.Column(
            "units",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("weight_kg", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_zone_port_gate_manifest_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone_port_gate_manifest")),
        sa.UniqueConstraint("number", name=op.f("uq_zone_port_gate_manifest_number")),
    )
    with op.batch_alter_table("zone_port_gate_manifest", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_manifest_declaration_number"),
            ["declaration_number"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_manifest_org_id"), ["org_id"], unique=False
        )

    op.create_table(
        "zone_port_gate_transaction",
        sa.Column("org_id", sa.String(length=26), nullable=True),
        sa.Column("declaration_id", sa.String(length=26), nullable=True),
        sa.Column("declaration_number", sa.String(length=32), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column(
            "units",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("weight_kg", sa.BigInteger(), nullable=False),
        sa.Column("passed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=False),
        sa.Column("route", sa.String(length=24), nullable=False),
        sa.Column(
            "mismatches",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "facts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("decision_ms", sa.Float(), nullable=False),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        sa.Column("resolution_note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["zone_port_gate_declaration.id"],
            name=op.f("fk_zone_port_gate_transaction_declaration_id_zone_port_gate_declaration"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_zone_port_gate_transaction_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone_port_gate_transaction")),
    )
    with op.batch_alter_table("zone_port_gate_transaction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_transaction_day"), ["day"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_transaction_declaration_id"),
            ["declaration_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_transaction_declaration_number"),
            ["declaration_number"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_transaction_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_transaction_passed_at"), ["passed_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_transaction_plate"), ["plate"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_zone_port_gate_transaction_status"), ["status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("zone_port_gate_transaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_transaction_status"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_transaction_plate"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_transaction_passed_at"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_transaction_org_id"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_transaction_declaration_number"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_transaction_declaration_id"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_transaction_day"))

    op.drop_table("zone_port_gate_transaction")
    with op.batch_alter_table("zone_port_gate_manifest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_manifest_org_id"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_manifest_declaration_number"))

    op.drop_table("zone_port_gate_manifest")
    with op.batch_alter_table("zone_port_gate_declaration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_declaration_status"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_declaration_org_id"))
        batch_op.drop_index(batch_op.f("ix_zone_port_gate_declaration_direction"))

    op.drop_table("zone_port_gate_declaration")
    op.drop_table("zone_port_gate_daily_volume")
