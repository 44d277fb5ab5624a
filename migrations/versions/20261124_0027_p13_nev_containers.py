"""p13 nev_containers: the dangerous-goods declarations of containers of new-energy vehicles
(origin, transit port, offices, IMDG amendment, UN numbers, seal, certificate), the vehicles in
them with their UN numbers, and the packing-site, arrival and reopening inspections.

Revision ID: 20261124_0027
Revises: 20261124_0026
Create Date: 2026-11-24 20:45:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0027"
down_revision = "20261124_0026"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "nev_containers_declaration",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("batch_no", sa.String(length=32), nullable=False),
        sa.Column("container_no", sa.String(length=11), nullable=False),
        sa.Column("container_type", sa.String(length=8), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("transit_port", sa.String(length=64), nullable=False),
        sa.Column("destination", sa.String(length=100), nullable=False),
        sa.Column("origin_office_org_id", sa.String(length=26), nullable=False),
        sa.Column("transit_office_org_id", sa.String(length=26), nullable=False),
        sa.Column("packing_site", sa.String(length=200), nullable=False),
        sa.Column("sea_date", sa.Date(), nullable=False),
        sa.Column("opt_in_42_24", sa.Boolean(), nullable=False),
        sa.Column("edition", sa.String(length=16), nullable=False),
        sa.Column("un_numbers", _json(), nullable=False),
        sa.Column("special_provisions", _json(), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("seal_no", sa.String(length=32), nullable=False),
        sa.Column("certificate_no", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_nev_containers_declaration_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["origin_office_org_id"],
            ["core_organization.id"],
            name=op.f("fk_nev_containers_declaration_origin_office_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["transit_office_org_id"],
            ["core_organization.id"],
            name=op.f("fk_nev_containers_declaration_transit_office_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nev_containers_declaration")),
        sa.UniqueConstraint("number", name=op.f("uq_nev_containers_declaration_number")),
    )
    op.create_index(
        op.f("ix_nev_containers_declaration_batch_no"),
        "nev_containers_declaration",
        ["batch_no"],
        unique=False,
    )
    op.create_index(
        op.f("ix_nev_containers_declaration_container_no"),
        "nev_containers_declaration",
        ["container_no"],
        unique=False,
    )
    op.create_index(
        op.f("ix_nev_containers_declaration_org_id"),
        "nev_containers_declaration",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_nev_containers_declaration_status"),
        "nev_containers_declaration",
        ["status"],
        unique=False,
    )
    op.create_table(
        "nev_containers_inspection",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("declaration_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("office_org_id", sa.String(length=26), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.Column("answers", _json(), nullable=False),
        sa.Column("photo_sha256", _json(), nullable=False),
        sa.Column("seal_no", sa.String(length=32), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["nev_containers_declaration.id"],
            name=op.f("fk_nev_containers_inspection_declaration_id_nev_containers_declaration"),
        ),
        sa.ForeignKeyConstraint(
            ["office_org_id"],
            ["core_organization.id"],
            name=op.f("fk_nev_containers_inspection_office_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_nev_containers_inspection_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nev_containers_inspection")),
    )
    op.create_index(
        op.f("ix_nev_containers_inspection_declaration_id"),
        "nev_containers_inspection",
        ["declaration_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_nev_containers_inspection_org_id"),
        "nev_containers_inspection",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "nev_containers_vehicle",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("declaration_id", sa.String(length=26), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("vin", sa.String(length=17), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("power_source", sa.String(length=16), nullable=False),
        sa.Column("battery_kwh", sa.Numeric(precision=8, scale=1), nullable=False),
        sa.Column("un_number", sa.String(length=8), nullable=False),
        sa.Column("proper_shipping_name", sa.String(length=100), nullable=False),
        sa.Column("dg_class", sa.String(length=4), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["nev_containers_declaration.id"],
            name=op.f("fk_nev_containers_vehicle_declaration_id_nev_containers_declaration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_nev_containers_vehicle_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nev_containers_vehicle")),
    )
    op.create_index(
        op.f("ix_nev_containers_vehicle_declaration_id"),
        "nev_containers_vehicle",
        ["declaration_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_nev_containers_vehicle_org_id"), "nev_containers_vehicle", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_nev_containers_vehicle_vin"), "nev_containers_vehicle", ["vin"], unique=False
    )


def downgrade() -> None:
    op.drop_table("nev_containers_vehicle")
    op.drop_table("nev_containers_inspection")
    op.drop_table("nev_containers_declaration")
