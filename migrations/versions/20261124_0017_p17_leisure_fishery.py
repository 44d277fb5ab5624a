"""p17 leisure_fishery: vessels, inspections, licences, safety officers, insurance, catch
reports, the indicator ledger (balances with a not-overdrawn check, transactions, entries),
association records, demonstration bases and annual statistics.

Revision ID: 20261124_0017
Revises: 20261124_0016
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0017"
down_revision = "20261124_0016"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "leisure_fishery_annual_stat",
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("output_wan", sa.BigInteger(), nullable=False),
        sa.Column("visitors", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_annual_stat")),
        sa.UniqueConstraint(
            "area_code", "year", name=op.f("uq_leisure_fishery_annual_stat_area_code_year")
        ),
    )
    op.create_index(
        op.f("ix_leisure_fishery_annual_stat_year"),
        "leisure_fishery_annual_stat",
        ["year"],
        unique=False,
    )
    op.create_table(
        "leisure_fishery_base",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("facilities", _json(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("recognised_on", sa.Date(), nullable=True),
        sa.Column("investment_wan", sa.BigInteger(), nullable=False),
        sa.Column("key_project", sa.Boolean(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_base")),
        sa.UniqueConstraint("name", name=op.f("uq_leisure_fishery_base_name")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_base_area_code"),
        "leisure_fishery_base",
        ["area_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_base_kind"), "leisure_fishery_base", ["kind"], unique=False
    )
    op.create_index(
        op.f("ix_leisure_fishery_base_level"), "leisure_fishery_base", ["level"], unique=False
    )
    op.create_table(
        "leisure_fishery_indicator_balance",
        sa.Column("account", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("vessels", sa.Integer(), nullable=False),
        sa.Column("power_w", sa.BigInteger(), nullable=False),
        sa.Column("gear_units", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.CheckConstraint(
            "kind = 'source' OR (vessels >= 0 AND power_w >= 0 AND gear_units >= 0)",
            name=op.f("ck_leisure_fishery_indicator_balance_not_overdrawn"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_indicator_balance")),
        sa.UniqueConstraint("account", name=op.f("uq_leisure_fishery_indicator_balance_account")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_indicator_balance_year"),
        "leisure_fishery_indicator_balance",
        ["year"],
        unique=False,
    )
    op.create_table(
        "leisure_fishery_indicator_txn",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("from_account", sa.String(length=40), nullable=False),
        sa.Column("to_account", sa.String(length=40), nullable=False),
        sa.Column("vessels", sa.Integer(), nullable=False),
        sa.Column("power_w", sa.BigInteger(), nullable=False),
        sa.Column("gear_units", sa.Integer(), nullable=False),
        sa.Column("licence_id", sa.String(length=26), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_indicator_txn")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_indicator_txn_at"),
        "leisure_fishery_indicator_txn",
        ["at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_indicator_txn_kind"),
        "leisure_fishery_indicator_txn",
        ["kind"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_indicator_txn_licence_id"),
        "leisure_fishery_indicator_txn",
        ["licence_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_indicator_txn_year"),
        "leisure_fishery_indicator_txn",
        ["year"],
        unique=False,
    )
    op.create_table(
        "leisure_fishery_indicator_entry",
        sa.Column("txn_id", sa.String(length=26), nullable=False),
        sa.Column("account", sa.String(length=40), nullable=False),
        sa.Column("vessels", sa.Integer(), nullable=False),
        sa.Column("power_w", sa.BigInteger(), nullable=False),
        sa.Column("gear_units", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(
            ["txn_id"],
            ["leisure_fishery_indicator_txn.id"],
            name=op.f("fk_leisure_fishery_indicator_entry_txn_id_leisure_fishery_indicator_txn"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_indicator_entry")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_indicator_entry_account"),
        "leisure_fishery_indicator_entry",
        ["account"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_indicator_entry_txn_id"),
        "leisure_fishery_indicator_entry",
        ["txn_id"],
        unique=False,
    )
    op.create_table(
        "leisure_fishery_vessel",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("registration_no", sa.String(length=30), nullable=False),
        sa.Column("vessel_class", sa.String(length=8), nullable=False),
        sa.Column("length_cm", sa.Integer(), nullable=False),
        sa.Column("power_w", sa.Integer(), nullable=False),
        sa.Column("passenger_capacity", sa.Integer(), nullable=False),
        sa.Column("home_port", sa.String(length=60), nullable=False),
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("why", _json(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_leisure_fishery_vessel_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_vessel")),
        sa.UniqueConstraint(
            "registration_no", name=op.f("uq_leisure_fishery_vessel_registration_no")
        ),
    )
    op.create_index(
        op.f("ix_leisure_fishery_vessel_area_code"),
        "leisure_fishery_vessel",
        ["area_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_vessel_name"), "leisure_fishery_vessel", ["name"], unique=False
    )
    op.create_index(
        op.f("ix_leisure_fishery_vessel_org_id"), "leisure_fishery_vessel", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_leisure_fishery_vessel_status"), "leisure_fishery_vessel", ["status"], unique=False
    )
    op.create_table(
        "leisure_fishery_association_record",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("vessel_id", sa.String(length=26), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("why", _json(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_leisure_fishery_association_record_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vessel_id"],
            ["leisure_fishery_vessel.id"],
            name=op.f("fk_leisure_fishery_association_record_vessel_id_leisure_fishery_vessel"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_association_record")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_association_record_kind"),
        "leisure_fishery_association_record",
        ["kind"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_association_record_occurred_on"),
        "leisure_fishery_association_record",
        ["occurred_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_association_record_org_id"),
        "leisure_fishery_association_record",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_association_record_vessel_id"),
        "leisure_fishery_association_record",
        ["vessel_id"],
        unique=False,
    )
    op.create_table(
        "leisure_fishery_catch_report",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("vessel_id", sa.String(length=26), nullable=False),
        sa.Column("trip_date", sa.Date(), nullable=False),
        sa.Column("sea_area", sa.String(length=6), nullable=False),
        sa.Column("gear", sa.String(length=16), nullable=False),
        sa.Column("anglers", sa.Integer(), nullable=False),
        sa.Column("crew", sa.Integer(), nullable=False),
        sa.Column("lines", _json(), nullable=False),
        sa.Column("total_g", sa.BigInteger(), nullable=False),
        sa.Column("flags", sa.String(length=300), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("why", _json(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("review_note", sa.String(length=500), nullable=False),
        sa.Column("reviewed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_leisure_fishery_catch_report_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vessel_id"],
            ["leisure_fishery_vessel.id"],
            name=op.f("fk_leisure_fishery_catch_report_vessel_id_leisure_fishery_vessel"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_catch_report")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_catch_report_flagged"),
        "leisure_fishery_catch_report",
        ["flagged"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_catch_report_org_id"),
        "leisure_fishery_catch_report",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_catch_report_status"),
        "leisure_fishery_catch_report",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_catch_report_trip_date"),
        "leisure_fishery_catch_report",
        ["trip_date"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_catch_report_vessel_id"),
        "leisure_fishery_catch_report",
        ["vessel_id"],
        unique=False,
    )
    op.create_table(
        "leisure_fishery_inspection",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("vessel_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("inspected_on", sa.Date(), nullable=False),
        sa.Column("inspector", sa.String(length=60), nullable=False),
        sa.Column("findings", _json(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=False),
        sa.Column("why", _json(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_leisure_fishery_inspection_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vessel_id"],
            ["leisure_fishery_vessel.id"],
            name=op.f("fk_leisure_fishery_inspection_vessel_id_leisure_fishery_vessel"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_inspection")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_inspection_inspected_on"),
        "leisure_fishery_inspection",
        ["inspected_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_inspection_next_due"),
        "leisure_fishery_inspection",
        ["next_due"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_inspection_org_id"),
        "leisure_fishery_inspection",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_inspection_vessel_id"),
        "leisure_fishery_inspection",
        ["vessel_id"],
        unique=False,
    )
    op.create_table(
        "leisure_fishery_insurance",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("vessel_id", sa.String(length=26), nullable=False),
        sa.Column("policy_no", sa.String(length=40), nullable=False),
        sa.Column("insurer", sa.String(length=80), nullable=False),
        sa.Column("cover", sa.String(length=24), nullable=False),
        sa.Column("sum_insured_yuan", sa.BigInteger(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_leisure_fishery_insurance_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vessel_id"],
            ["leisure_fishery_vessel.id"],
            name=op.f("fk_leisure_fishery_insurance_vessel_id_leisure_fishery_vessel"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_insurance")),
        sa.UniqueConstraint("policy_no", name=op.f("uq_leisure_fishery_insurance_policy_no")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_insurance_expires_on"),
        "leisure_fishery_insurance",
        ["expires_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_insurance_org_id"),
        "leisure_fishery_insurance",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_insurance_vessel_id"),
        "leisure_fishery_insurance",
        ["vessel_id"],
        unique=False,
    )
    op.create_table(
        "leisure_fishery_licence",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("vessel_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("area_code", sa.String(length=6), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("sea_areas", _json(), nullable=False),
        sa.Column("gear", _json(), nullable=False),
        sa.Column("gear_units", sa.Integer(), nullable=False),
        sa.Column("power_w", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_leisure_fishery_licence_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vessel_id"],
            ["leisure_fishery_vessel.id"],
            name=op.f("fk_leisure_fishery_licence_vessel_id_leisure_fishery_vessel"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_licence")),
        sa.UniqueConstraint("number", name=op.f("uq_leisure_fishery_licence_number")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_licence_area_code"),
        "leisure_fishery_licence",
        ["area_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_licence_org_id"),
        "leisure_fishery_licence",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_licence_status"),
        "leisure_fishery_licence",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_licence_valid_to"),
        "leisure_fishery_licence",
        ["valid_to"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_licence_vessel_id"),
        "leisure_fishery_licence",
        ["vessel_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_licence_year"), "leisure_fishery_licence", ["year"], unique=False
    )
    op.create_table(
        "leisure_fishery_safety_officer",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("vessel_id", sa.String(length=26), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("certificate_no", sa.String(length=40), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_leisure_fishery_safety_officer_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["vessel_id"],
            ["leisure_fishery_vessel.id"],
            name=op.f("fk_leisure_fishery_safety_officer_vessel_id_leisure_fishery_vessel"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leisure_fishery_safety_officer")),
    )
    op.create_index(
        op.f("ix_leisure_fishery_safety_officer_org_id"),
        "leisure_fishery_safety_officer",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_safety_officer_valid_to"),
        "leisure_fishery_safety_officer",
        ["valid_to"],
        unique=False,
    )
    op.create_index(
        op.f("ix_leisure_fishery_safety_officer_vessel_id"),
        "leisure_fishery_safety_officer",
        ["vessel_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_leisure_fishery_safety_officer_vessel_id"),
        table_name="leisure_fishery_safety_officer",
    )
    op.drop_index(
        op.f("ix_leisure_fishery_safety_officer_valid_to"),
        table_name="leisure_fishery_safety_officer",
    )
    op.drop_index(
        op.f("ix_leisure_fishery_safety_officer_org_id"),
        table_name="leisure_fishery_safety_officer",
    )
    op.drop_table("leisure_fishery_safety_officer")
    op.drop_index(op.f("ix_leisure_fishery_licence_year"), table_name="leisure_fishery_licence")
    op.drop_index(
        op.f("ix_leisure_fishery_licence_vessel_id"), table_name="leisure_fishery_licence"
    )
    op.drop_index(op.f("ix_leisure_fishery_licence_valid_to"), table_name="leisure_fishery_licence")
    op.drop_index(op.f("ix_leisure_fishery_licence_status"), table_name="leisure_fishery_licence")
    op.drop_index(op.f("ix_leisure_fishery_licence_org_id"), table_name="leisure_fishery_licence")
    op.drop_index(
        op.f("ix_leisure_fishery_licence_area_code"), table_name="leisure_fishery_licence"
    )
    op.drop_table("leisure_fishery_licence")
    op.drop_index(
        op.f("ix_leisure_fishery_insurance_vessel_id"), table_name="leisure_fishery_insurance"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_insurance_org_id"), table_name="leisure_fishery_insurance"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_insurance_expires_on"), table_name="leisure_fishery_insurance"
    )
    op.drop_table("leisure_fishery_insurance")
    op.drop_index(
        op.f("ix_leisure_fishery_inspection_vessel_id"), table_name="leisure_fishery_inspection"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_inspection_org_id"), table_name="leisure_fishery_inspection"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_inspection_next_due"), table_name="leisure_fishery_inspection"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_inspection_inspected_on"), table_name="leisure_fishery_inspection"
    )
    op.drop_table("leisure_fishery_inspection")
    op.drop_index(
        op.f("ix_leisure_fishery_catch_report_vessel_id"), table_name="leisure_fishery_catch_report"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_catch_report_trip_date"), table_name="leisure_fishery_catch_report"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_catch_report_status"), table_name="leisure_fishery_catch_report"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_catch_report_org_id"), table_name="leisure_fishery_catch_report"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_catch_report_flagged"), table_name="leisure_fishery_catch_report"
    )
    op.drop_table("leisure_fishery_catch_report")
    op.drop_index(
        op.f("ix_leisure_fishery_association_record_vessel_id"),
        table_name="leisure_fishery_association_record",
    )
    op.drop_index(
        op.f("ix_leisure_fishery_association_record_org_id"),
        table_name="leisure_fishery_association_record",
    )
    op.drop_index(
        op.f("ix_leisure_fishery_association_record_occurred_on"),
        table_name="leisure_fishery_association_record",
    )
    op.drop_index(
        op.f("ix_leisure_fishery_association_record_kind"),
        table_name="leisure_fishery_association_record",
    )
    op.drop_table("leisure_fishery_association_record")
    op.drop_index(op.f("ix_leisure_fishery_vessel_status"), table_name="leisure_fishery_vessel")
    op.drop_index(op.f("ix_leisure_fishery_vessel_org_id"), table_name="leisure_fishery_vessel")
    op.drop_index(op.f("ix_leisure_fishery_vessel_name"), table_name="leisure_fishery_vessel")
    op.drop_index(op.f("ix_leisure_fishery_vessel_area_code"), table_name="leisure_fishery_vessel")
    op.drop_table("leisure_fishery_vessel")
    op.drop_index(
        op.f("ix_leisure_fishery_indicator_entry_txn_id"),
        table_name="leisure_fishery_indicator_entry",
    )
    op.drop_index(
        op.f("ix_leisure_fishery_indicator_entry_account"),
        table_name="leisure_fishery_indicator_entry",
    )
    op.drop_table("leisure_fishery_indicator_entry")
    op.drop_index(
        op.f("ix_leisure_fishery_indicator_txn_year"), table_name="leisure_fishery_indicator_txn"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_indicator_txn_licence_id"),
        table_name="leisure_fishery_indicator_txn",
    )
    op.drop_index(
        op.f("ix_leisure_fishery_indicator_txn_kind"), table_name="leisure_fishery_indicator_txn"
    )
    op.drop_index(
        op.f("ix_leisure_fishery_indicator_txn_at"), table_name="leisure_fishery_indicator_txn"
    )
    op.drop_table("leisure_fishery_indicator_txn")
    op.drop_index(
        op.f("ix_leisure_fishery_indicator_balance_year"),
        table_name="leisure_fishery_indicator_balance",
    )
    op.drop_table("leisure_fishery_indicator_balance")
    op.drop_index(op.f("ix_leisure_fishery_base_level"), table_name="leisure_fishery_base")
    op.drop_index(op.f("ix_leisure_fishery_base_kind"), table_name="leisure_fishery_base")
    op.drop_index(op.f("ix_leisure_fishery_base_area_code"), table_name="leisure_fishery_base")
    op.drop_table("leisure_fishery_base")
    op.drop_index(
        op.f("ix_leisure_fishery_annual_stat_year"), table_name="leisure_fishery_annual_stat"
    )
    op.drop_table("leisure_fishery_annual_stat")
