"""p25 dangerous_goods_permit: special permits with two routes, trips (the chosen station, the
checked track with its violations and points) and blacklist entries reported to the transport
authority.

Revision ID: 20261124_0028
Revises: 20261124_0027
Create Date: 2026-11-24 20:40:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0028"
down_revision = "20261124_0027"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "dangerous_goods_permit_permit",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("vehicle_plate", sa.String(length=16), nullable=False),
        sa.Column("cargo_un", sa.String(length=8), nullable=False),
        sa.Column("cargo_name", sa.String(length=64), nullable=False),
        sa.Column("route_a", _json(), nullable=False),
        sa.Column("route_b", _json(), nullable=False),
        sa.Column("station_a", sa.String(length=16), nullable=False),
        sa.Column("station_b", sa.String(length=16), nullable=False),
        sa.Column("tolerance_m", sa.Float(), nullable=False),
        sa.Column("speed_limit_kmh", sa.Float(), nullable=False),
        sa.Column("window_start", sa.String(length=5), nullable=False),
        sa.Column("window_end", sa.String(length=5), nullable=False),
        sa.Column("max_stop_min", sa.Integer(), nullable=False),
        sa.Column("escort", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_dangerous_goods_permit_permit_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dangerous_goods_permit_permit")),
        sa.UniqueConstraint("number", name=op.f("uq_dangerous_goods_permit_permit_number")),
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_permit_org_id"),
        "dangerous_goods_permit_permit",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_permit_status"),
        "dangerous_goods_permit_permit",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_permit_vehicle_plate"),
        "dangerous_goods_permit_permit",
        ["vehicle_plate"],
        unique=False,
    )
    op.create_table(
        "dangerous_goods_permit_trip",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("permit_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("station", sa.String(length=16), nullable=False),
        sa.Column("driver_name", sa.String(length=64), nullable=False),
        sa.Column("driver_licence", sa.String(length=32), nullable=False),
        sa.Column("tonnes", sa.Float(), nullable=False),
        sa.Column("entry_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("compliant", sa.Boolean(), nullable=True),
        sa.Column("route_followed", sa.String(length=1), nullable=True),
        sa.Column("violations", _json(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("summary", _json(), nullable=False),
        sa.Column("track", _json(), nullable=True),
        sa.Column("track_sha256", sa.String(length=64), nullable=True),
        sa.Column("checked_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_dangerous_goods_permit_trip_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["permit_id"],
            ["dangerous_goods_permit_permit.id"],
            name=op.f("fk_dangerous_goods_permit_trip_permit_id_dangerous_goods_permit_permit"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dangerous_goods_permit_trip")),
        sa.UniqueConstraint("number", name=op.f("uq_dangerous_goods_permit_trip_number")),
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_trip_checked_at"),
        "dangerous_goods_permit_trip",
        ["checked_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_trip_compliant"),
        "dangerous_goods_permit_trip",
        ["compliant"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_trip_driver_licence"),
        "dangerous_goods_permit_trip",
        ["driver_licence"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_trip_entry_at"),
        "dangerous_goods_permit_trip",
        ["entry_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_trip_org_id"),
        "dangerous_goods_permit_trip",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_trip_permit_id"),
        "dangerous_goods_permit_trip",
        ["permit_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_trip_station"),
        "dangerous_goods_permit_trip",
        ["station"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_trip_status"),
        "dangerous_goods_permit_trip",
        ["status"],
        unique=False,
    )
    op.create_table(
        "dangerous_goods_permit_blacklisting",
        sa.Column("subject", sa.String(length=16), nullable=False),
        sa.Column("subject_key", sa.String(length=32), nullable=False),
        sa.Column("subject_name", sa.String(length=200), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.String(length=26), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("reported_to", sa.String(length=64), nullable=False),
        sa.Column("listed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_dangerous_goods_permit_blacklisting_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["trip_id"],
            ["dangerous_goods_permit_trip.id"],
            name=op.f("fk_dangerous_goods_permit_blacklisting_trip_id_dangerous_goods_permit_trip"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dangerous_goods_permit_blacklisting")),
        sa.UniqueConstraint(
            "subject",
            "subject_key",
            name=op.f("uq_dangerous_goods_permit_blacklisting_subject_subject_key"),
        ),
    )
    op.create_index(
        op.f("ix_dangerous_goods_permit_blacklisting_org_id"),
        "dangerous_goods_permit_blacklisting",
        ["org_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_dangerous_goods_permit_blacklisting_org_id"),
        table_name="dangerous_goods_permit_blacklisting",
    )
    op.drop_table("dangerous_goods_permit_blacklisting")
    op.drop_index(
        op.f("ix_dangerous_goods_permit_trip_status"), table_name="dangerous_goods_permit_trip"
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_trip_station"), table_name="dangerous_goods_permit_trip"
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_trip_permit_id"), table_name="dangerous_goods_permit_trip"
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_trip_org_id"), table_name="dangerous_goods_permit_trip"
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_trip_entry_at"), table_name="dangerous_goods_permit_trip"
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_trip_driver_licence"),
        table_name="dangerous_goods_permit_trip",
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_trip_compliant"), table_name="dangerous_goods_permit_trip"
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_trip_checked_at"), table_name="dangerous_goods_permit_trip"
    )
    op.drop_table("dangerous_goods_permit_trip")
    op.drop_index(
        op.f("ix_dangerous_goods_permit_permit_vehicle_plate"),
        table_name="dangerous_goods_permit_permit",
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_permit_status"), table_name="dangerous_goods_permit_permit"
    )
    op.drop_index(
        op.f("ix_dangerous_goods_permit_permit_org_id"), table_name="dangerous_goods_permit_permit"
    )
    op.drop_table("dangerous_goods_permit_permit")
