"""p24 china_vietnam_transport: trucks, their vehicle permits per designated route, loads
tendered to a carrier, cross-border trips (permit, green channel, seal numbers at both ends, the
rule rows that fired, the evidence-ledger entry) and rail–road multimodal applications.

Revision ID: 20261124_0025
Revises: 20261124_0024
Create Date: 2026-11-24 20:40:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0025"
down_revision = "20261124_0024"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "china_vietnam_transport_load",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("shipper", sa.String(length=200), nullable=False),
        sa.Column("cargo", sa.String(length=200), nullable=False),
        sa.Column("route_code", sa.String(length=8), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("fresh", sa.Boolean(), nullable=False),
        sa.Column("weight_t", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("ready_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deliver_by", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("trip_id", sa.String(length=26), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_china_vietnam_transport_load_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_china_vietnam_transport_load")),
        sa.UniqueConstraint("number", name=op.f("uq_china_vietnam_transport_load_number")),
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_load_direction"),
        "china_vietnam_transport_load",
        ["direction"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_load_org_id"),
        "china_vietnam_transport_load",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_load_route_code"),
        "china_vietnam_transport_load",
        ["route_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_load_status"),
        "china_vietnam_transport_load",
        ["status"],
        unique=False,
    )
    op.create_table(
        "china_vietnam_transport_multimodal",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("container_no", sa.String(length=11), nullable=False),
        sa.Column("declaration_no", sa.String(length=18), nullable=False),
        sa.Column("cargo", sa.String(length=200), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("destination", sa.String(length=32), nullable=False),
        sa.Column("rail_operator", sa.Boolean(), nullable=False),
        sa.Column("inspection", sa.String(length=16), nullable=False),
        sa.Column("legs", _json(), nullable=False),
        sa.Column("hours", sa.Double(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("released_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_china_vietnam_transport_multimodal_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_china_vietnam_transport_multimodal")),
        sa.UniqueConstraint("number", name=op.f("uq_china_vietnam_transport_multimodal_number")),
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_multimodal_container_no"),
        "china_vietnam_transport_multimodal",
        ["container_no"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_multimodal_org_id"),
        "china_vietnam_transport_multimodal",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_multimodal_status"),
        "china_vietnam_transport_multimodal",
        ["status"],
        unique=False,
    )
    op.create_table(
        "china_vietnam_transport_truck",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("capacity_t", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("driver", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_china_vietnam_transport_truck_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_china_vietnam_transport_truck")),
        sa.UniqueConstraint("plate", name=op.f("uq_china_vietnam_transport_truck_plate")),
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_truck_org_id"),
        "china_vietnam_transport_truck",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "china_vietnam_transport_permit",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("truck_id", sa.String(length=26), nullable=False),
        sa.Column("route_code", sa.String(length=8), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_china_vietnam_transport_permit_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["truck_id"],
            ["china_vietnam_transport_truck.id"],
            name=op.f("fk_china_vietnam_transport_permit_truck_id_china_vietnam_transport_truck"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_china_vietnam_transport_permit")),
        sa.UniqueConstraint("number", name=op.f("uq_china_vietnam_transport_permit_number")),
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_permit_org_id"),
        "china_vietnam_transport_permit",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_permit_route_code"),
        "china_vietnam_transport_permit",
        ["route_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_permit_truck_id"),
        "china_vietnam_transport_permit",
        ["truck_id"],
        unique=False,
    )
    op.create_table(
        "china_vietnam_transport_trip",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("truck_id", sa.String(length=26), nullable=False),
        sa.Column("permit_id", sa.String(length=26), nullable=False),
        sa.Column("route_code", sa.String(length=8), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("load_id", sa.String(length=26), nullable=True),
        sa.Column("outbound_id", sa.String(length=26), nullable=True),
        sa.Column("return_id", sa.String(length=26), nullable=True),
        sa.Column("depart_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("arrive_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("distance_km", sa.Double(), nullable=False),
        sa.Column("fresh", sa.Boolean(), nullable=False),
        sa.Column("local_inspection", sa.Boolean(), nullable=False),
        sa.Column("green_channel", sa.Boolean(), nullable=False),
        sa.Column("seal_origin", sa.String(length=32), nullable=False),
        sa.Column("seal_destination", sa.String(length=32), nullable=False),
        sa.Column("seal_verdict", sa.String(length=16), nullable=False),
        sa.Column("clearance_minutes", sa.Integer(), nullable=True),
        sa.Column("hold_reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["load_id"],
            ["china_vietnam_transport_load.id"],
            name=op.f("fk_china_vietnam_transport_trip_load_id_china_vietnam_transport_load"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_china_vietnam_transport_trip_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["permit_id"],
            ["china_vietnam_transport_permit.id"],
            name=op.f("fk_china_vietnam_transport_trip_permit_id_china_vietnam_transport_permit"),
        ),
        sa.ForeignKeyConstraint(
            ["truck_id"],
            ["china_vietnam_transport_truck.id"],
            name=op.f("fk_china_vietnam_transport_trip_truck_id_china_vietnam_transport_truck"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_china_vietnam_transport_trip")),
        sa.UniqueConstraint("number", name=op.f("uq_china_vietnam_transport_trip_number")),
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_trip_depart_at"),
        "china_vietnam_transport_trip",
        ["depart_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_trip_direction"),
        "china_vietnam_transport_trip",
        ["direction"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_trip_green_channel"),
        "china_vietnam_transport_trip",
        ["green_channel"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_trip_org_id"),
        "china_vietnam_transport_trip",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_trip_route_code"),
        "china_vietnam_transport_trip",
        ["route_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_trip_status"),
        "china_vietnam_transport_trip",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_china_vietnam_transport_trip_truck_id"),
        "china_vietnam_transport_trip",
        ["truck_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_china_vietnam_transport_trip_truck_id"), table_name="china_vietnam_transport_trip"
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_trip_status"), table_name="china_vietnam_transport_trip"
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_trip_route_code"),
        table_name="china_vietnam_transport_trip",
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_trip_org_id"), table_name="china_vietnam_transport_trip"
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_trip_green_channel"),
        table_name="china_vietnam_transport_trip",
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_trip_direction"), table_name="china_vietnam_transport_trip"
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_trip_depart_at"), table_name="china_vietnam_transport_trip"
    )
    op.drop_table("china_vietnam_transport_trip")
    op.drop_index(
        op.f("ix_china_vietnam_transport_permit_truck_id"),
        table_name="china_vietnam_transport_permit",
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_permit_route_code"),
        table_name="china_vietnam_transport_permit",
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_permit_org_id"),
        table_name="china_vietnam_transport_permit",
    )
    op.drop_table("china_vietnam_transport_permit")
    op.drop_index(
        op.f("ix_china_vietnam_transport_truck_org_id"), table_name="china_vietnam_transport_truck"
    )
    op.drop_table("china_vietnam_transport_truck")
    op.drop_index(
        op.f("ix_china_vietnam_transport_multimodal_status"),
        table_name="china_vietnam_transport_multimodal",
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_multimodal_org_id"),
        table_name="china_vietnam_transport_multimodal",
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_multimodal_container_no"),
        table_name="china_vietnam_transport_multimodal",
    )
    op.drop_table("china_vietnam_transport_multimodal")
    op.drop_index(
        op.f("ix_china_vietnam_transport_load_status"), table_name="china_vietnam_transport_load"
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_load_route_code"),
        table_name="china_vietnam_transport_load",
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_load_org_id"), table_name="china_vietnam_transport_load"
    )
    op.drop_index(
        op.f("ix_china_vietnam_transport_load_direction"), table_name="china_vietnam_transport_load"
    )
    op.drop_table("china_vietnam_transport_load")
