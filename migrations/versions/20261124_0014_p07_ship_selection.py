"""p07 ship_selection: the domain/vessels tables (ships, companies, certificates, manning, PSC
inspections and deficiencies, accidents, penalties, watches) and p07's ratings, grain calls
with papers and comments, reserved berths, arrival plans and escorts.

Revision ID: 20261124_0014
Revises: 20261124_0013
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0014"
down_revision = "20261124_0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ship_selection_berth",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("port", sa.String(length=64), nullable=False),
        sa.Column("terminal", sa.String(length=100), nullable=False),
        sa.Column("depth_m", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("max_dwt", sa.Integer(), nullable=False),
        sa.Column("reserved_for_grain", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ship_selection_berth")),
        sa.UniqueConstraint("code", name=op.f("uq_ship_selection_berth_code")),
    )
    op.create_index(
        op.f("ix_ship_selection_berth_port"), "ship_selection_berth", ["port"], unique=False
    )
    op.create_table(
        "vessels_company",
        sa.Column("imo_company_number", sa.String(length=7), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("doc_number", sa.String(length=64), nullable=False),
        sa.Column("doc_issuer", sa.String(length=100), nullable=False),
        sa.Column("doc_expires_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_company")),
        sa.UniqueConstraint(
            "imo_company_number", name=op.f("uq_vessels_company_imo_company_number")
        ),
    )
    op.create_index(op.f("ix_vessels_company_name"), "vessels_company", ["name"], unique=False)
    op.create_table(
        "vessels_ship",
        sa.Column("imo_number", sa.String(length=7), nullable=False),
        sa.Column("imo_checksum_ok", sa.Boolean(), nullable=False),
        sa.Column("mmsi", sa.String(length=9), nullable=True),
        sa.Column("mmsi_country", sa.String(length=2), nullable=True),
        sa.Column("call_sign", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_zh", sa.String(length=100), nullable=False),
        sa.Column("ship_type", sa.String(length=32), nullable=False),
        sa.Column("flag", sa.String(length=2), nullable=False),
        sa.Column("port_of_registry", sa.String(length=100), nullable=False),
        sa.Column("gross_tonnage", sa.Integer(), nullable=False),
        sa.Column("deadweight_t", sa.Integer(), nullable=False),
        sa.Column("year_built", sa.Integer(), nullable=False),
        sa.Column("class_society", sa.String(length=16), nullable=False),
        sa.Column("company_id", sa.String(length=26), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["vessels_company.id"],
            name=op.f("fk_vessels_ship_company_id_vessels_company"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_ship")),
        sa.UniqueConstraint("imo_number", name=op.f("uq_vessels_ship_imo_number")),
        sa.UniqueConstraint("mmsi", name=op.f("uq_vessels_ship_mmsi")),
    )
    op.create_index(
        op.f("ix_vessels_ship_company_id"), "vessels_ship", ["company_id"], unique=False
    )
    op.create_index(op.f("ix_vessels_ship_flag"), "vessels_ship", ["flag"], unique=False)
    op.create_index(op.f("ix_vessels_ship_name"), "vessels_ship", ["name"], unique=False)
    op.create_index(op.f("ix_vessels_ship_ship_type"), "vessels_ship", ["ship_type"], unique=False)
    op.create_table(
        "ship_selection_grain_call",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("terminal_org_id", sa.String(length=26), nullable=True),
        sa.Column("company_org_id", sa.String(length=26), nullable=True),
        sa.Column("port", sa.String(length=64), nullable=False),
        sa.Column("eta", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("cargo_name", sa.String(length=100), nullable=False),
        sa.Column("quantity_t", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "checklist",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "condition",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "stability",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("stability_pass", sa.Boolean(), nullable=True),
        sa.Column("trimming_check", sa.String(length=16), nullable=True),
        sa.Column(
            "trimming_fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("reviewed_by", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_grain_call_company_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_grain_call_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["ship_id"],
            ["vessels_ship.id"],
            name=op.f("fk_ship_selection_grain_call_ship_id_vessels_ship"),
        ),
        sa.ForeignKeyConstraint(
            ["terminal_org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_grain_call_terminal_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ship_selection_grain_call")),
        sa.UniqueConstraint("number", name=op.f("uq_ship_selection_grain_call_number")),
    )
    op.create_index(
        op.f("ix_ship_selection_grain_call_company_org_id"),
        "ship_selection_grain_call",
        ["company_org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_grain_call_org_id"),
        "ship_selection_grain_call",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_grain_call_ship_id"),
        "ship_selection_grain_call",
        ["ship_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_grain_call_status"),
        "ship_selection_grain_call",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_grain_call_terminal_org_id"),
        "ship_selection_grain_call",
        ["terminal_org_id"],
        unique=False,
    )
    op.create_table(
        "ship_selection_rating",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("shipper_org_id", sa.String(length=26), nullable=False),
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("voyage", sa.String(length=200), nullable=False),
        sa.Column("cargo", sa.String(length=16), nullable=False),
        sa.Column("cargo_name", sa.String(length=100), nullable=False),
        sa.Column("quantity_t", sa.Integer(), nullable=False),
        sa.Column("laycan", sa.Date(), nullable=True),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("rating", sa.String(length=16), nullable=False),
        sa.Column(
            "dimensions",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "facts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("shipper_note", sa.Text(), nullable=False),
        sa.Column("decided_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("decision_ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_rating_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["ship_id"],
            ["vessels_ship.id"],
            name=op.f("fk_ship_selection_rating_ship_id_vessels_ship"),
        ),
        sa.ForeignKeyConstraint(
            ["shipper_org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_rating_shipper_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ship_selection_rating")),
    )
    op.create_index(
        op.f("ix_ship_selection_rating_org_id"), "ship_selection_rating", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_ship_selection_rating_rating"), "ship_selection_rating", ["rating"], unique=False
    )
    op.create_index(
        op.f("ix_ship_selection_rating_ship_id"), "ship_selection_rating", ["ship_id"], unique=False
    )
    op.create_index(
        op.f("ix_ship_selection_rating_shipper_org_id"),
        "ship_selection_rating",
        ["shipper_org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_rating_status"), "ship_selection_rating", ["status"], unique=False
    )
    op.create_table(
        "vessels_accident",
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("responsibility", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ship_id"], ["vessels_ship.id"], name=op.f("fk_vessels_accident_ship_id_vessels_ship")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_accident")),
        sa.UniqueConstraint(
            "ship_id",
            "occurred_on",
            "kind",
            name=op.f("uq_vessels_accident_ship_id_occurred_on_kind"),
        ),
    )
    op.create_index(
        op.f("ix_vessels_accident_occurred_on"), "vessels_accident", ["occurred_on"], unique=False
    )
    op.create_index(
        op.f("ix_vessels_accident_ship_id"), "vessels_accident", ["ship_id"], unique=False
    )
    op.create_table(
        "vessels_certificate",
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("issuer", sa.String(length=100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ship_id"],
            ["vessels_ship.id"],
            name=op.f("fk_vessels_certificate_ship_id_vessels_ship"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_certificate")),
        sa.UniqueConstraint(
            "ship_id", "kind", "number", name=op.f("uq_vessels_certificate_ship_id_kind_number")
        ),
    )
    op.create_index(
        op.f("ix_vessels_certificate_ship_id"), "vessels_certificate", ["ship_id"], unique=False
    )
    op.create_table(
        "vessels_inspection",
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("regime", sa.String(length=16), nullable=False),
        sa.Column("authority", sa.String(length=100), nullable=False),
        sa.Column("port", sa.String(length=100), nullable=False),
        sa.Column("inspected_on", sa.Date(), nullable=False),
        sa.Column("inspection_type", sa.String(length=16), nullable=False),
        sa.Column("detained", sa.Boolean(), nullable=False),
        sa.Column("detention_days", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ship_id"],
            ["vessels_ship.id"],
            name=op.f("fk_vessels_inspection_ship_id_vessels_ship"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_inspection")),
        sa.UniqueConstraint(
            "ship_id",
            "inspected_on",
            "port",
            name=op.f("uq_vessels_inspection_ship_id_inspected_on_port"),
        ),
    )
    op.create_index(
        op.f("ix_vessels_inspection_inspected_on"),
        "vessels_inspection",
        ["inspected_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_vessels_inspection_ship_id"), "vessels_inspection", ["ship_id"], unique=False
    )
    op.create_table(
        "vessels_manning",
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("required_crew", sa.Integer(), nullable=False),
        sa.Column("crew_on_board", sa.Integer(), nullable=False),
        sa.Column("uncertified", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ship_id"], ["vessels_ship.id"], name=op.f("fk_vessels_manning_ship_id_vessels_ship")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_manning")),
        sa.UniqueConstraint(
            "ship_id", "checked_on", name=op.f("uq_vessels_manning_ship_id_checked_on")
        ),
    )
    op.create_index(
        op.f("ix_vessels_manning_ship_id"), "vessels_manning", ["ship_id"], unique=False
    )
    op.create_table(
        "vessels_penalty",
        sa.Column("case_number", sa.String(length=64), nullable=False),
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("authority", sa.String(length=100), nullable=False),
        sa.Column("violation", sa.String(length=400), nullable=False),
        sa.Column("fine_cny", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ship_id"], ["vessels_ship.id"], name=op.f("fk_vessels_penalty_ship_id_vessels_ship")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_penalty")),
        sa.UniqueConstraint("case_number", name=op.f("uq_vessels_penalty_case_number")),
    )
    op.create_index(
        op.f("ix_vessels_penalty_decided_on"), "vessels_penalty", ["decided_on"], unique=False
    )
    op.create_index(
        op.f("ix_vessels_penalty_ship_id"), "vessels_penalty", ["ship_id"], unique=False
    )
    op.create_table(
        "vessels_watch",
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closing_note", sa.String(length=400), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ship_id"], ["vessels_ship.id"], name=op.f("fk_vessels_watch_ship_id_vessels_ship")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_watch")),
        sa.UniqueConstraint(
            "ship_id", "kind", "opened_on", name=op.f("uq_vessels_watch_ship_id_kind_opened_on")
        ),
    )
    op.create_index(op.f("ix_vessels_watch_ship_id"), "vessels_watch", ["ship_id"], unique=False)
    op.create_table(
        "ship_selection_arrival",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("ship_id", sa.String(length=26), nullable=False),
        sa.Column("grain_call_id", sa.String(length=26), nullable=True),
        sa.Column("berth_id", sa.String(length=26), nullable=True),
        sa.Column("port", sa.String(length=64), nullable=False),
        sa.Column("eta", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("etd", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("cargo_name", sa.String(length=100), nullable=False),
        sa.Column("quantity_t", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "guarantees",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("arrived_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("berthed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("departed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("waiting_hours", sa.Numeric(precision=7, scale=2), nullable=True),
        sa.Column("hours_saved", sa.Numeric(precision=7, scale=2), nullable=True),
        sa.Column("cost_saved_cny", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["berth_id"],
            ["ship_selection_berth.id"],
            name=op.f("fk_ship_selection_arrival_berth_id_ship_selection_berth"),
        ),
        sa.ForeignKeyConstraint(
            ["grain_call_id"],
            ["ship_selection_grain_call.id"],
            name=op.f("fk_ship_selection_arrival_grain_call_id_ship_selection_grain_call"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_arrival_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["ship_id"],
            ["vessels_ship.id"],
            name=op.f("fk_ship_selection_arrival_ship_id_vessels_ship"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ship_selection_arrival")),
        sa.UniqueConstraint("number", name=op.f("uq_ship_selection_arrival_number")),
    )
    op.create_index(
        op.f("ix_ship_selection_arrival_berth_id"),
        "ship_selection_arrival",
        ["berth_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_arrival_grain_call_id"),
        "ship_selection_arrival",
        ["grain_call_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_arrival_org_id"), "ship_selection_arrival", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_ship_selection_arrival_port"), "ship_selection_arrival", ["port"], unique=False
    )
    op.create_index(
        op.f("ix_ship_selection_arrival_ship_id"),
        "ship_selection_arrival",
        ["ship_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_arrival_status"), "ship_selection_arrival", ["status"], unique=False
    )
    op.create_table(
        "ship_selection_grain_comment",
        sa.Column("call_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("author_org", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["ship_selection_grain_call.id"],
            name=op.f("fk_ship_selection_grain_comment_call_id_ship_selection_grain_call"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_grain_comment_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ship_selection_grain_comment")),
    )
    op.create_index(
        op.f("ix_ship_selection_grain_comment_call_id"),
        "ship_selection_grain_comment",
        ["call_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_grain_comment_org_id"),
        "ship_selection_grain_comment",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "ship_selection_grain_document",
        sa.Column("call_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["ship_selection_grain_call.id"],
            name=op.f("fk_ship_selection_grain_document_call_id_ship_selection_grain_call"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_grain_document_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ship_selection_grain_document")),
    )
    op.create_index(
        op.f("ix_ship_selection_grain_document_call_id"),
        "ship_selection_grain_document",
        ["call_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_grain_document_org_id"),
        "ship_selection_grain_document",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_grain_document_sha256"),
        "ship_selection_grain_document",
        ["sha256"],
        unique=False,
    )
    op.create_table(
        "vessels_deficiency",
        sa.Column("inspection_id", sa.String(length=26), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("area", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=400), nullable=False),
        sa.Column("detainable", sa.Boolean(), nullable=False),
        sa.Column("rectified", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["vessels_inspection.id"],
            name=op.f("fk_vessels_deficiency_inspection_id_vessels_inspection"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vessels_deficiency")),
    )
    op.create_index(
        op.f("ix_vessels_deficiency_inspection_id"),
        "vessels_deficiency",
        ["inspection_id"],
        unique=False,
    )
    op.create_table(
        "ship_selection_escort",
        sa.Column("arrival_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("assigned_unit", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["arrival_id"],
            ["ship_selection_arrival.id"],
            name=op.f("fk_ship_selection_escort_arrival_id_ship_selection_arrival"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_ship_selection_escort_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ship_selection_escort")),
    )
    op.create_index(
        op.f("ix_ship_selection_escort_arrival_id"),
        "ship_selection_escort",
        ["arrival_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_ship_selection_escort_org_id"), "ship_selection_escort", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_ship_selection_escort_status"), "ship_selection_escort", ["status"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_ship_selection_escort_status"), table_name="ship_selection_escort")
    op.drop_index(op.f("ix_ship_selection_escort_org_id"), table_name="ship_selection_escort")
    op.drop_index(op.f("ix_ship_selection_escort_arrival_id"), table_name="ship_selection_escort")
    op.drop_table("ship_selection_escort")
    op.drop_index(op.f("ix_vessels_deficiency_inspection_id"), table_name="vessels_deficiency")
    op.drop_table("vessels_deficiency")
    op.drop_index(
        op.f("ix_ship_selection_grain_document_sha256"), table_name="ship_selection_grain_document"
    )
    op.drop_index(
        op.f("ix_ship_selection_grain_document_org_id"), table_name="ship_selection_grain_document"
    )
    op.drop_index(
        op.f("ix_ship_selection_grain_document_call_id"), table_name="ship_selection_grain_document"
    )
    op.drop_table("ship_selection_grain_document")
    op.drop_index(
        op.f("ix_ship_selection_grain_comment_org_id"), table_name="ship_selection_grain_comment"
    )
    op.drop_index(
        op.f("ix_ship_selection_grain_comment_call_id"), table_name="ship_selection_grain_comment"
    )
    op.drop_table("ship_selection_grain_comment")
    op.drop_index(op.f("ix_ship_selection_arrival_status"), table_name="ship_selection_arrival")
    op.drop_index(op.f("ix_ship_selection_arrival_ship_id"), table_name="ship_selection_arrival")
    op.drop_index(op.f("ix_ship_selection_arrival_port"), table_name="ship_selection_arrival")
    op.drop_index(op.f("ix_ship_selection_arrival_org_id"), table_name="ship_selection_arrival")
    op.drop_index(
        op.f("ix_ship_selection_arrival_grain_call_id"), table_name="ship_selection_arrival"
    )
    op.drop_index(op.f("ix_ship_selection_arrival_berth_id"), table_name="ship_selection_arrival")
    op.drop_table("ship_selection_arrival")
    op.drop_index(op.f("ix_vessels_watch_ship_id"), table_name="vessels_watch")
    op.drop_table("vessels_watch")
    op.drop_index(op.f("ix_vessels_penalty_ship_id"), table_name="vessels_penalty")
    op.drop_index(op.f("ix_vessels_penalty_decided_on"), table_name="vessels_penalty")
    op.drop_table("vessels_penalty")
    op.drop_index(op.f("ix_vessels_manning_ship_id"), table_name="vessels_manning")
    op.drop_table("vessels_manning")
    op.drop_index(op.f("ix_vessels_inspection_ship_id"), table_name="vessels_inspection")
    op.drop_index(op.f("ix_vessels_inspection_inspected_on"), table_name="vessels_inspection")
    op.drop_table("vessels_inspection")
    op.drop_index(op.f("ix_vessels_certificate_ship_id"), table_name="vessels_certificate")
    op.drop_table("vessels_certificate")
    op.drop_index(op.f("ix_vessels_accident_ship_id"), table_name="vessels_accident")
    op.drop_index(op.f("ix_vessels_accident_occurred_on"), table_name="vessels_accident")
    op.drop_table("vessels_accident")
    op.drop_index(op.f("ix_ship_selection_rating_status"), table_name="ship_selection_rating")
    op.drop_index(
        op.f("ix_ship_selection_rating_shipper_org_id"), table_name="ship_selection_rating"
    )
    op.drop_index(op.f("ix_ship_selection_rating_ship_id"), table_name="ship_selection_rating")
    op.drop_index(op.f("ix_ship_selection_rating_rating"), table_name="ship_selection_rating")
    op.drop_index(op.f("ix_ship_selection_rating_org_id"), table_name="ship_selection_rating")
    op.drop_table("ship_selection_rating")
    op.drop_index(
        op.f("ix_ship_selection_grain_call_terminal_org_id"), table_name="ship_selection_grain_call"
    )
    op.drop_index(
        op.f("ix_ship_selection_grain_call_status"), table_name="ship_selection_grain_call"
    )
    op.drop_index(
        op.f("ix_ship_selection_grain_call_ship_id"), table_name="ship_selection_grain_call"
    )
    op.drop_index(
        op.f("ix_ship_selection_grain_call_org_id"), table_name="ship_selection_grain_call"
    )
    op.drop_index(
        op.f("ix_ship_selection_grain_call_company_org_id"), table_name="ship_selection_grain_call"
    )
    op.drop_table("ship_selection_grain_call")
    op.drop_index(op.f("ix_vessels_ship_ship_type"), table_name="vessels_ship")
    op.drop_index(op.f("ix_vessels_ship_name"), table_name="vessels_ship")
    op.drop_index(op.f("ix_vessels_ship_flag"), table_name="vessels_ship")
    op.drop_index(op.f("ix_vessels_ship_company_id"), table_name="vessels_ship")
    op.drop_table("vessels_ship")
    op.drop_index(op.f("ix_vessels_company_name"), table_name="vessels_company")
    op.drop_table("vessels_company")
    op.drop_index(op.f("ix_ship_selection_berth_port"), table_name="ship_selection_berth")
    op.drop_table("ship_selection_berth")
