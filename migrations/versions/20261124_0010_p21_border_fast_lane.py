"""p21 border_fast_lane

Revision ID: 20261124_0010
Revises: 20261124_0009
Create Date: 2026-11-24 13:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0010"
down_revision = "20261124_0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "border_fast_lane_driver",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("document_kind", sa.String(length=24), nullable=False),
        sa.Column("document_hash", sa.String(length=64), nullable=False),
        sa.Column("document_hint", sa.String(length=8), nullable=False),
        sa.Column("document_valid_until", sa.Date(), nullable=False),
        sa.Column("fingerprint_ref", sa.String(length=64), nullable=False),
        sa.Column("face_ref", sa.String(length=64), nullable=False),
        sa.Column("enrolment_device", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_border_fast_lane_driver_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_border_fast_lane_driver")),
        sa.UniqueConstraint("document_hash", name=op.f("uq_border_fast_lane_driver_document_hash")),
    )
    op.create_index(
        op.f("ix_border_fast_lane_driver_org_id"),
        "border_fast_lane_driver",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "border_fast_lane_vehicle",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column("etag", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("permit_valid_until", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_border_fast_lane_vehicle_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_border_fast_lane_vehicle")),
        sa.UniqueConstraint("etag", name=op.f("uq_border_fast_lane_vehicle_etag")),
        sa.UniqueConstraint("plate", name=op.f("uq_border_fast_lane_vehicle_plate")),
    )
    op.create_index(
        op.f("ix_border_fast_lane_vehicle_org_id"),
        "border_fast_lane_vehicle",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "border_fast_lane_declaration",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("vehicle_id", sa.String(length=26), nullable=False),
        sa.Column("driver_id", sa.String(length=26), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("trip_date", sa.Date(), nullable=False),
        sa.Column("cargo", sa.String(length=300), nullable=False),
        sa.Column("hs_code", sa.String(length=10), nullable=False),
        sa.Column("weight_kg", sa.Integer(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["border_fast_lane_driver.id"],
            name=op.f("fk_border_fast_lane_declaration_driver_id_border_fast_lane_driver"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_border_fast_lane_declaration_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"],
            ["border_fast_lane_vehicle.id"],
            name=op.f("fk_border_fast_lane_declaration_vehicle_id_border_fast_lane_vehicle"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_border_fast_lane_declaration")),
        sa.UniqueConstraint("number", name=op.f("uq_border_fast_lane_declaration_number")),
    )
    op.create_index(
        op.f("ix_border_fast_lane_declaration_driver_id"),
        "border_fast_lane_declaration",
        ["driver_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_declaration_org_id"),
        "border_fast_lane_declaration",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_declaration_trip_date"),
        "border_fast_lane_declaration",
        ["trip_date"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_declaration_vehicle_id"),
        "border_fast_lane_declaration",
        ["vehicle_id"],
        unique=False,
    )
    op.create_table(
        "border_fast_lane_border_record",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("declaration_id", sa.String(length=26), nullable=False),
        sa.Column("vehicle_id", sa.String(length=26), nullable=False),
        sa.Column("driver_id", sa.String(length=26), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("trip_date", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["border_fast_lane_declaration.id"],
            name=op.f(
                "fk_border_fast_lane_border_record_declaration_id_border_fast_lane_declaration"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["border_fast_lane_driver.id"],
            name=op.f("fk_border_fast_lane_border_record_driver_id_border_fast_lane_driver"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_border_fast_lane_border_record_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"],
            ["border_fast_lane_vehicle.id"],
            name=op.f("fk_border_fast_lane_border_record_vehicle_id_border_fast_lane_vehicle"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_border_fast_lane_border_record")),
        sa.UniqueConstraint(
            "declaration_id", name=op.f("uq_border_fast_lane_border_record_declaration_id")
        ),
    )
    op.create_index(
        op.f("ix_border_fast_lane_border_record_driver_id"),
        "border_fast_lane_border_record",
        ["driver_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_border_record_org_id"),
        "border_fast_lane_border_record",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_border_record_trip_date"),
        "border_fast_lane_border_record",
        ["trip_date"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_border_record_vehicle_id"),
        "border_fast_lane_border_record",
        ["vehicle_id"],
        unique=False,
    )
    op.create_table(
        "border_fast_lane_transaction",
        sa.Column("org_id", sa.String(length=26), nullable=True),
        sa.Column("lane", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("vehicle_id", sa.String(length=26), nullable=True),
        sa.Column("driver_id", sa.String(length=26), nullable=True),
        sa.Column("border_record_id", sa.String(length=26), nullable=True),
        sa.Column("plate_read", sa.String(length=16), nullable=False),
        sa.Column("document_hash", sa.String(length=64), nullable=False),
        sa.Column("fingerprint_score", sa.Integer(), nullable=False),
        sa.Column("face_score", sa.Integer(), nullable=False),
        sa.Column("under_vehicle", sa.String(length=16), nullable=False),
        sa.Column("started_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "flags",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("resolution_note", sa.Text(), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolved_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("resolution_ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["border_record_id"],
            ["border_fast_lane_border_record.id"],
            name=op.f(
                "fk_border_fast_lane_transaction_border_record_id_border_fast_lane_border_record"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["border_fast_lane_driver.id"],
            name=op.f("fk_border_fast_lane_transaction_driver_id_border_fast_lane_driver"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_border_fast_lane_transaction_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"],
            ["border_fast_lane_vehicle.id"],
            name=op.f("fk_border_fast_lane_transaction_vehicle_id_border_fast_lane_vehicle"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_border_fast_lane_transaction")),
    )
    op.create_index(
        op.f("ix_border_fast_lane_transaction_lane"),
        "border_fast_lane_transaction",
        ["lane"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_transaction_org_id"),
        "border_fast_lane_transaction",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_transaction_plate_read"),
        "border_fast_lane_transaction",
        ["plate_read"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_transaction_started_at"),
        "border_fast_lane_transaction",
        ["started_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_border_fast_lane_transaction_status"),
        "border_fast_lane_transaction",
        ["status"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_border_fast_lane_transaction_status"), table_name="border_fast_lane_transaction"
    )
    op.drop_index(
        op.f("ix_border_fast_lane_transaction_started_at"),
        table_name="border_fast_lane_transaction",
    )
    op.drop_index(
        op.f("ix_border_fast_lane_transaction_plate_read"),
        table_name="border_fast_lane_transaction",
    )
    op.drop_index(
        op.f("ix_border_fast_lane_transaction_org_id"), table_name="border_fast_lane_transaction"
    )
    op.drop_index(
        op.f("ix_border_fast_lane_transaction_lane"), table_name="border_fast_lane_transaction"
    )
    op.drop_table("border_fast_lane_transaction")
    op.drop_index(
        op.f("ix_border_fast_lane_border_record_vehicle_id"),
        table_name="border_fast_lane_border_record",
    )
    op.drop_index(
        op.f("ix_border_fast_lane_border_record_trip_date"),
        table_name="border_fast_lane_border_record",
    )
    op.drop_index(
        op.f("ix_border_fast_lane_border_record_org_id"),
        table_name="border_fast_lane_border_record",
    )
    op.drop_index(
        op.f("ix_border_fast_lane_border_record_driver_id"),
        table_name="border_fast_lane_border_record",
    )
    op.drop_table("border_fast_lane_border_record")
    op.drop_index(
        op.f("ix_border_fast_lane_declaration_vehicle_id"),
        table_name="border_fast_lane_declaration",
    )
    op.drop_index(
        op.f("ix_border_fast_lane_declaration_trip_date"), table_name="border_fast_lane_declaration"
    )
    op.drop_index(
        op.f("ix_border_fast_lane_declaration_org_id"), table_name="border_fast_lane_declaration"
    )
    op.drop_index(
        op.f("ix_border_fast_lane_declaration_driver_id"), table_name="border_fast_lane_declaration"
    )
    op.drop_table("border_fast_lane_declaration")
    op.drop_index(op.f("ix_border_fast_lane_vehicle_org_id"), table_name="border_fast_lane_vehicle")
    op.drop_table("border_fast_lane_vehicle")
    op.drop_index(op.f("ix_border_fast_lane_driver_org_id"), table_name="border_fast_lane_driver")
    op.drop_table("border_fast_lane_driver")
