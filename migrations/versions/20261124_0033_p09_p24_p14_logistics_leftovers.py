"""p09_p24_p14 logistics_leftovers: p09 road legs of broken-down ULDs (one per destination);
p24 the issuing side (CN/VN) of route permits and the refused trip attempts; p14 multi-period
reefer plans (period length and stock/demand per period).

Revision ID: 20261124_0033
Revises: 20261124_0032
Create Date: 2026-11-24 23:40:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0033"
down_revision = "20261124_0032"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    when = ftz.core.db.base.UTCDateTime
    op.create_table(
        "pallet_air_road_road_leg",
        sa.Column("uld_id", sa.String(length=26), nullable=False),
        sa.Column("destination", sa.String(length=3), nullable=False),
        sa.Column("trailer_id", sa.String(length=26), nullable=False),
        sa.Column("trucker_org_id", sa.String(length=26), nullable=False),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column("hawbs", _json(), nullable=False),
        sa.Column("pieces", sa.Integer(), nullable=False),
        sa.Column("gross_kg", sa.Numeric(precision=10, scale=1), nullable=False),
        sa.Column("distance_km", sa.Numeric(precision=8, scale=1), nullable=False),
        sa.Column("planned_hours", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("departed_at", when(timezone=True), nullable=True),
        sa.Column("delivered_at", when(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", when(timezone=True), nullable=False),
        sa.Column("updated_at", when(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["uld_id"],
            ["pallet_air_road_uld.id"],
            name=op.f("fk_pallet_air_road_road_leg_uld_id_pallet_air_road_uld"),
        ),
        sa.ForeignKeyConstraint(
            ["trailer_id"],
            ["pallet_air_road_trailer.id"],
            name=op.f("fk_pallet_air_road_road_leg_trailer_id_pallet_air_road_trailer"),
        ),
        sa.ForeignKeyConstraint(
            ["trucker_org_id"],
            ["core_organization.id"],
            name=op.f("fk_pallet_air_road_road_leg_trucker_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pallet_air_road_road_leg")),
        sa.UniqueConstraint(
            "uld_id", "destination", name=op.f("uq_pallet_air_road_road_leg_uld_id_destination")
        ),
    )
    op.add_column(
        "asia_europe_transport_reefer_plan",
        sa.Column("period_days", sa.Integer(), nullable=True),
    )
    op.add_column("asia_europe_transport_reefer_plan", sa.Column("periods", _json(), nullable=True))
    op.add_column(
        "china_vietnam_transport_permit",
        sa.Column("issuing_side", sa.String(length=2), server_default="CN", nullable=False),
    )
    op.create_table(
        "china_vietnam_transport_refused_trip",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("truck_id", sa.String(length=26), nullable=False),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column("truck_country", sa.String(length=2), nullable=False),
        sa.Column("route_code", sa.String(length=8), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("depart_at", when(timezone=True), nullable=False),
        sa.Column("load_id", sa.String(length=26), nullable=True),
        sa.Column("reasons", _json(), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", when(timezone=True), nullable=False),
        sa.Column("updated_at", when(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_china_vietnam_transport_refused_trip_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["truck_id"],
            ["china_vietnam_transport_truck.id"],
            name=op.f(
                "fk_china_vietnam_transport_refused_trip_truck_id_china_vietnam_transport_truck"
            ),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_china_vietnam_transport_refused_trip")),
    )
    for column in ("org_id", "truck_id", "plate", "route_code"):
        op.create_index(
            op.f(f"ix_china_vietnam_transport_refused_trip_{column}"),
            "china_vietnam_transport_refused_trip",
            [column],
            unique=False,
        )
    for column in ("uld_id", "trailer_id", "trucker_org_id", "status"):
        op.create_index(
            op.f(f"ix_pallet_air_road_road_leg_{column}"),
            "pallet_air_road_road_leg",
            [column],
            unique=False,
        )


def downgrade() -> None:
    for column in ("org_id", "truck_id", "plate", "route_code"):
        op.drop_index(
            op.f(f"ix_china_vietnam_transport_refused_trip_{column}"),
            table_name="china_vietnam_transport_refused_trip",
        )
    op.drop_table("china_vietnam_transport_refused_trip")
    with op.batch_alter_table("china_vietnam_transport_permit") as batch:
        batch.drop_column("issuing_side")
    with op.batch_alter_table("asia_europe_transport_reefer_plan") as batch:
        batch.drop_column("periods")
        batch.drop_column("period_days")
    for column in ("uld_id", "trailer_id", "trucker_org_id", "status"):
        op.drop_index(
            op.f(f"ix_pallet_air_road_road_leg_{column}"), table_name="pallet_air_road_road_leg"
        )
    op.drop_table("pallet_air_road_road_leg")
