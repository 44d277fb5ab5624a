"""p09 pallet_air_road: trailers, ULDs (one manifest each) and their events.

Revision ID: 20261124_0026
Revises: 20261124_0025
Create Date: 2026-11-24 21:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0026"
down_revision = "20261124_0025"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "pallet_air_road_trailer",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("positions", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_pallet_air_road_trailer_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pallet_air_road_trailer")),
        sa.UniqueConstraint("plate", name=op.f("uq_pallet_air_road_trailer_plate")),
    )
    op.create_index(
        op.f("ix_pallet_air_road_trailer_kind"), "pallet_air_road_trailer", ["kind"], unique=False
    )
    op.create_index(
        op.f("ix_pallet_air_road_trailer_org_id"),
        "pallet_air_road_trailer",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "pallet_air_road_uld",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("handler_org_id", sa.String(length=26), nullable=False),
        sa.Column("trucker_org_id", sa.String(length=26), nullable=True),
        sa.Column("trailer_id", sa.String(length=26), nullable=True),
        sa.Column("uld_code", sa.String(length=12), nullable=False),
        sa.Column("type_code", sa.String(length=3), nullable=False),
        sa.Column("owner_code", sa.String(length=2), nullable=False),
        sa.Column("mawb_no", sa.String(length=12), nullable=False),
        sa.Column("flight_no", sa.String(length=8), nullable=False),
        sa.Column("flight_date", sa.String(length=10), nullable=False),
        sa.Column("origin", sa.String(length=3), nullable=False),
        sa.Column("entry", sa.String(length=3), nullable=False),
        sa.Column("destination", sa.String(length=3), nullable=False),
        sa.Column("lines", _json(), nullable=False),
        sa.Column("pieces", sa.Integer(), nullable=False),
        sa.Column("gross_kg", sa.Numeric(precision=10, scale=1), nullable=False),
        sa.Column("mode", sa.String(length=12), nullable=False),
        sa.Column("package_type", sa.String(length=8), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("road", _json(), nullable=True),
        sa.Column("metrics", _json(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("record_sha256", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["handler_org_id"],
            ["core_organization.id"],
            name=op.f("fk_pallet_air_road_uld_handler_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_pallet_air_road_uld_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["trailer_id"],
            ["pallet_air_road_trailer.id"],
            name=op.f("fk_pallet_air_road_uld_trailer_id_pallet_air_road_trailer"),
        ),
        sa.ForeignKeyConstraint(
            ["trucker_org_id"],
            ["core_organization.id"],
            name=op.f("fk_pallet_air_road_uld_trucker_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pallet_air_road_uld")),
        sa.UniqueConstraint(
            "uld_code",
            "flight_no",
            "flight_date",
            name=op.f("uq_pallet_air_road_uld_uld_code_flight_no_flight_date"),
        ),
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_destination"),
        "pallet_air_road_uld",
        ["destination"],
        unique=False,
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_handler_org_id"),
        "pallet_air_road_uld",
        ["handler_org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_mawb_no"), "pallet_air_road_uld", ["mawb_no"], unique=False
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_mode"), "pallet_air_road_uld", ["mode"], unique=False
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_org_id"), "pallet_air_road_uld", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_status"), "pallet_air_road_uld", ["status"], unique=False
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_trailer_id"),
        "pallet_air_road_uld",
        ["trailer_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_trucker_org_id"),
        "pallet_air_road_uld",
        ["trucker_org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_type_code"), "pallet_air_road_uld", ["type_code"], unique=False
    )
    op.create_index(
        op.f("ix_pallet_air_road_uld_uld_code"), "pallet_air_road_uld", ["uld_code"], unique=False
    )
    op.create_table(
        "pallet_air_road_event",
        sa.Column("uld_id", sa.String(length=26), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=16), nullable=False),
        sa.Column("at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=True),
        sa.Column("crew", sa.Integer(), nullable=True),
        sa.Column("touches", sa.Integer(), nullable=False),
        sa.Column("data", _json(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_pallet_air_road_event_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["uld_id"],
            ["pallet_air_road_uld.id"],
            name=op.f("fk_pallet_air_road_event_uld_id_pallet_air_road_uld"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pallet_air_road_event")),
    )
    op.create_index(
        op.f("ix_pallet_air_road_event_uld_id"), "pallet_air_road_event", ["uld_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_pallet_air_road_event_uld_id"), table_name="pallet_air_road_event")
    op.drop_table("pallet_air_road_event")
    op.drop_index(op.f("ix_pallet_air_road_uld_uld_code"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_type_code"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_trucker_org_id"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_trailer_id"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_status"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_org_id"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_mode"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_mawb_no"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_handler_org_id"), table_name="pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_uld_destination"), table_name="pallet_air_road_uld")
    op.drop_table("pallet_air_road_uld")
    op.drop_index(op.f("ix_pallet_air_road_trailer_org_id"), table_name="pallet_air_road_trailer")
    op.drop_index(op.f("ix_pallet_air_road_trailer_kind"), table_name="pallet_air_road_trailer")
    op.drop_table("pallet_air_road_trailer")
