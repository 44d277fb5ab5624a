"""p16 yacht_services: yachts, transfer cases, sailing reports with passengers and tracks, and
the published versions of the night-navigation zones.

Revision ID: 20261124_0016
Revises: 20261124_0015
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0016"
down_revision = "20261124_0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "yacht_services_zone",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column(
            "geojson",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "marinas",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yacht_services_zone")),
        sa.UniqueConstraint("code", "version", name=op.f("uq_yacht_services_zone_code_version")),
    )
    op.create_index(
        op.f("ix_yacht_services_zone_code"), "yacht_services_zone", ["code"], unique=False
    )
    op.create_table(
        "yacht_services_yacht",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("name_zh", sa.String(length=64), nullable=False),
        sa.Column("name_en", sa.String(length=64), nullable=False),
        sa.Column("hull_id", sa.String(length=16), nullable=False),
        sa.Column("registration_no", sa.String(length=20), nullable=False),
        sa.Column("length_m", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("usage", sa.String(length=16), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("home_port", sa.String(length=16), nullable=False),
        sa.Column("berth", sa.String(length=16), nullable=False),
        sa.Column("registration_cert_no", sa.String(length=32), nullable=False),
        sa.Column("nationality_cert_no", sa.String(length=32), nullable=False),
        sa.Column("nationality_cert_expiry", sa.Date(), nullable=False),
        sa.Column("survey_cert_no", sa.String(length=32), nullable=False),
        sa.Column("survey_cert_expiry", sa.Date(), nullable=False),
        sa.Column("rental_filed", sa.Boolean(), nullable=False),
        sa.Column("night_certified", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yacht_services_yacht_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yacht_services_yacht")),
        sa.UniqueConstraint("hull_id", name=op.f("uq_yacht_services_yacht_hull_id")),
        sa.UniqueConstraint(
            "registration_no", name=op.f("uq_yacht_services_yacht_registration_no")
        ),
    )
    op.create_index(
        op.f("ix_yacht_services_yacht_home_port"),
        "yacht_services_yacht",
        ["home_port"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_yacht_name_zh"), "yacht_services_yacht", ["name_zh"], unique=False
    )
    op.create_index(
        op.f("ix_yacht_services_yacht_org_id"), "yacht_services_yacht", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_yacht_services_yacht_status"), "yacht_services_yacht", ["status"], unique=False
    )
    op.create_index(
        op.f("ix_yacht_services_yacht_usage"), "yacht_services_yacht", ["usage"], unique=False
    )
    op.create_table(
        "yacht_services_sailing",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("yacht_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("captain_name", sa.String(length=64), nullable=False),
        sa.Column("captain_cert_no", sa.String(length=32), nullable=False),
        sa.Column("marina", sa.String(length=16), nullable=False),
        sa.Column("depart_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("return_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("usage", sa.String(length=16), nullable=False),
        sa.Column("passengers", sa.Integer(), nullable=False),
        sa.Column("crew", sa.Integer(), nullable=False),
        sa.Column("lookout_aboard", sa.Boolean(), nullable=False),
        sa.Column(
            "route",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("zone_code", sa.String(length=32), nullable=True),
        sa.Column("zone_version", sa.Integer(), nullable=True),
        sa.Column(
            "excursions",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "flags",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("departed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("arrived_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("border_status", sa.String(length=16), nullable=False),
        sa.Column("border_note", sa.Text(), nullable=False),
        sa.Column("disposition", sa.String(length=16), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yacht_services_sailing_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["yacht_id"],
            ["yacht_services_yacht.id"],
            name=op.f("fk_yacht_services_sailing_yacht_id_yacht_services_yacht"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yacht_services_sailing")),
        sa.UniqueConstraint("number", name=op.f("uq_yacht_services_sailing_number")),
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_border_status"),
        "yacht_services_sailing",
        ["border_status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_depart_at"),
        "yacht_services_sailing",
        ["depart_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_disposition"),
        "yacht_services_sailing",
        ["disposition"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_flagged"),
        "yacht_services_sailing",
        ["flagged"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_marina"), "yacht_services_sailing", ["marina"], unique=False
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_org_id"), "yacht_services_sailing", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_period"), "yacht_services_sailing", ["period"], unique=False
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_status"), "yacht_services_sailing", ["status"], unique=False
    )
    op.create_index(
        op.f("ix_yacht_services_sailing_yacht_id"),
        "yacht_services_sailing",
        ["yacht_id"],
        unique=False,
    )
    op.create_table(
        "yacht_services_transfer",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("yacht_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("seller_org_id", sa.String(length=26), nullable=False),
        sa.Column(
            "previous",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("new_name_zh", sa.String(length=64), nullable=False),
        sa.Column("new_name_en", sa.String(length=64), nullable=False),
        sa.Column("new_owner_name", sa.String(length=200), nullable=False),
        sa.Column("new_home_port", sa.String(length=16), nullable=False),
        sa.Column("new_usage", sa.String(length=16), nullable=False),
        sa.Column(
            "documents",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "items",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("consented_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("accepted_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("completed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("elapsed_working_days", sa.Integer(), nullable=True),
        sa.Column("sla", sa.String(length=16), nullable=True),
        sa.Column("commitment_deadline", sa.Date(), nullable=True),
        sa.Column("new_registration_no", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yacht_services_transfer_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["seller_org_id"],
            ["core_organization.id"],
            name=op.f("fk_yacht_services_transfer_seller_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["yacht_id"],
            ["yacht_services_yacht.id"],
            name=op.f("fk_yacht_services_transfer_yacht_id_yacht_services_yacht"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yacht_services_transfer")),
        sa.UniqueConstraint("number", name=op.f("uq_yacht_services_transfer_number")),
    )
    op.create_index(
        op.f("ix_yacht_services_transfer_org_id"),
        "yacht_services_transfer",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_transfer_seller_org_id"),
        "yacht_services_transfer",
        ["seller_org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_transfer_sla"), "yacht_services_transfer", ["sla"], unique=False
    )
    op.create_index(
        op.f("ix_yacht_services_transfer_status"),
        "yacht_services_transfer",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_transfer_yacht_id"),
        "yacht_services_transfer",
        ["yacht_id"],
        unique=False,
    )
    op.create_table(
        "yacht_services_passenger",
        sa.Column("sailing_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("nationality", sa.String(length=3), nullable=False),
        sa.Column("document_kind", sa.String(length=16), nullable=False),
        sa.Column("document_hash", sa.String(length=64), nullable=False),
        sa.Column("document_hint", sa.String(length=8), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yacht_services_passenger_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["sailing_id"],
            ["yacht_services_sailing.id"],
            name=op.f("fk_yacht_services_passenger_sailing_id_yacht_services_sailing"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yacht_services_passenger")),
    )
    op.create_index(
        op.f("ix_yacht_services_passenger_document_hash"),
        "yacht_services_passenger",
        ["document_hash"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_passenger_org_id"),
        "yacht_services_passenger",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yacht_services_passenger_sailing_id"),
        "yacht_services_passenger",
        ["sailing_id"],
        unique=False,
    )
    op.create_table(
        "yacht_services_track",
        sa.Column("sailing_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("started_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=False),
        sa.Column("max_speed_kn", sa.Float(), nullable=False),
        sa.Column("max_gap_s", sa.Float(), nullable=False),
        sa.Column(
            "feature",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "excursions",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yacht_services_track_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["sailing_id"],
            ["yacht_services_sailing.id"],
            name=op.f("fk_yacht_services_track_sailing_id_yacht_services_sailing"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yacht_services_track")),
        sa.UniqueConstraint("sailing_id", name=op.f("uq_yacht_services_track_sailing_id")),
    )
    op.create_index(
        op.f("ix_yacht_services_track_org_id"), "yacht_services_track", ["org_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_yacht_services_track_org_id"), table_name="yacht_services_track")
    op.drop_table("yacht_services_track")
    op.drop_index(
        op.f("ix_yacht_services_passenger_sailing_id"), table_name="yacht_services_passenger"
    )
    op.drop_index(op.f("ix_yacht_services_passenger_org_id"), table_name="yacht_services_passenger")
    op.drop_index(
        op.f("ix_yacht_services_passenger_document_hash"), table_name="yacht_services_passenger"
    )
    op.drop_table("yacht_services_passenger")
    op.drop_index(op.f("ix_yacht_services_transfer_yacht_id"), table_name="yacht_services_transfer")
    op.drop_index(op.f("ix_yacht_services_transfer_status"), table_name="yacht_services_transfer")
    op.drop_index(op.f("ix_yacht_services_transfer_sla"), table_name="yacht_services_transfer")
    op.drop_index(
        op.f("ix_yacht_services_transfer_seller_org_id"), table_name="yacht_services_transfer"
    )
    op.drop_index(op.f("ix_yacht_services_transfer_org_id"), table_name="yacht_services_transfer")
    op.drop_table("yacht_services_transfer")
    op.drop_index(op.f("ix_yacht_services_sailing_yacht_id"), table_name="yacht_services_sailing")
    op.drop_index(op.f("ix_yacht_services_sailing_status"), table_name="yacht_services_sailing")
    op.drop_index(op.f("ix_yacht_services_sailing_period"), table_name="yacht_services_sailing")
    op.drop_index(op.f("ix_yacht_services_sailing_org_id"), table_name="yacht_services_sailing")
    op.drop_index(op.f("ix_yacht_services_sailing_marina"), table_name="yacht_services_sailing")
    op.drop_index(op.f("ix_yacht_services_sailing_flagged"), table_name="yacht_services_sailing")
    op.drop_index(
        op.f("ix_yacht_services_sailing_disposition"), table_name="yacht_services_sailing"
    )
    op.drop_index(op.f("ix_yacht_services_sailing_depart_at"), table_name="yacht_services_sailing")
    op.drop_index(
        op.f("ix_yacht_services_sailing_border_status"), table_name="yacht_services_sailing"
    )
    op.drop_table("yacht_services_sailing")
    op.drop_index(op.f("ix_yacht_services_yacht_usage"), table_name="yacht_services_yacht")
    op.drop_index(op.f("ix_yacht_services_yacht_status"), table_name="yacht_services_yacht")
    op.drop_index(op.f("ix_yacht_services_yacht_org_id"), table_name="yacht_services_yacht")
    op.drop_index(op.f("ix_yacht_services_yacht_name_zh"), table_name="yacht_services_yacht")
    op.drop_index(op.f("ix_yacht_services_yacht_home_port"), table_name="yacht_services_yacht")
    op.drop_table("yacht_services_yacht")
    op.drop_index(op.f("ix_yacht_services_zone_code"), table_name="yacht_services_zone")
    op.drop_table("yacht_services_zone")
