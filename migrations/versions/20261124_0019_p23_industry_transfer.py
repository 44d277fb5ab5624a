"""p23 industry_transfer: parks (with their region and administration), cooperation
agreements, enclave and reverse-enclave arrangements with their sharing terms, transferred
projects with their stage dates and investment, quarterly indicator reports (with the rule rows
that allowed them and their evidence-ledger entry) and the statistics offices.

Revision ID: 20261124_0019
Revises: 20261124_0018
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0019"
down_revision = "20261124_0018"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "industry_transfer_park",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("city", sa.String(length=64), nullable=False),
        sa.Column("admin_org_id", sa.String(length=26), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["admin_org_id"],
            ["core_organization.id"],
            name=op.f("fk_industry_transfer_park_admin_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_transfer_park")),
        sa.UniqueConstraint("admin_org_id", name=op.f("uq_industry_transfer_park_admin_org_id")),
        sa.UniqueConstraint("code", name=op.f("uq_industry_transfer_park_code")),
    )
    op.create_index(
        op.f("ix_industry_transfer_park_province_code"),
        "industry_transfer_park",
        ["province_code"],
        unique=False,
    )
    op.create_table(
        "industry_transfer_stats_office",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(level = 'national' AND province_code IS NULL)"
            " OR (level = 'provincial' AND province_code IS NOT NULL)",
            name=op.f("ck_industry_transfer_stats_office_level_province"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_industry_transfer_stats_office_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_transfer_stats_office")),
        sa.UniqueConstraint("org_id", name=op.f("uq_industry_transfer_stats_office_org_id")),
    )
    op.create_table(
        "industry_transfer_agreement",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("sponsor_park_id", sa.String(length=26), nullable=False),
        sa.Column("receiving_park_id", sa.String(length=26), nullable=False),
        sa.Column("signatories", sa.String(length=16), nullable=False),
        sa.Column("sponsor_signatory", sa.String(length=200), nullable=False),
        sa.Column("receiving_signatory", sa.String(length=200), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("terminated_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by_org_id", sa.String(length=26), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "sponsor_park_id <> receiving_park_id",
            name=op.f("ck_industry_transfer_agreement_two_parks"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_org_id"],
            ["core_organization.id"],
            name=op.f("fk_industry_transfer_agreement_created_by_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["receiving_park_id"],
            ["industry_transfer_park.id"],
            name=op.f("fk_industry_transfer_agreement_receiving_park_id_industry_transfer_park"),
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_park_id"],
            ["industry_transfer_park.id"],
            name=op.f("fk_industry_transfer_agreement_sponsor_park_id_industry_transfer_park"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_transfer_agreement")),
        sa.UniqueConstraint("number", name=op.f("uq_industry_transfer_agreement_number")),
    )
    op.create_index(
        op.f("ix_industry_transfer_agreement_receiving_park_id"),
        "industry_transfer_agreement",
        ["receiving_park_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_industry_transfer_agreement_sponsor_park_id"),
        "industry_transfer_agreement",
        ["sponsor_park_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_industry_transfer_agreement_status"),
        "industry_transfer_agreement",
        ["status"],
        unique=False,
    )
    op.create_table(
        "industry_transfer_arrangement",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("agreement_id", sa.String(length=26), nullable=False),
        sa.Column("host_park_id", sa.String(length=26), nullable=False),
        sa.Column("partner_park_id", sa.String(length=26), nullable=False),
        sa.Column("host_share_pct", sa.Integer(), nullable=False),
        sa.Column("term_years", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by_org_id", sa.String(length=26), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "host_share_pct >= 0 AND host_share_pct <= 100",
            name=op.f("ck_industry_transfer_arrangement_share_pct"),
        ),
        sa.CheckConstraint(
            "term_years > 0", name=op.f("ck_industry_transfer_arrangement_term_positive")
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["industry_transfer_agreement.id"],
            name=op.f("fk_industry_transfer_arrangement_agreement_id_industry_transfer_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_org_id"],
            ["core_organization.id"],
            name=op.f("fk_industry_transfer_arrangement_created_by_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["host_park_id"],
            ["industry_transfer_park.id"],
            name=op.f("fk_industry_transfer_arrangement_host_park_id_industry_transfer_park"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_park_id"],
            ["industry_transfer_park.id"],
            name=op.f("fk_industry_transfer_arrangement_partner_park_id_industry_transfer_park"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_transfer_arrangement")),
    )
    op.create_index(
        op.f("ix_industry_transfer_arrangement_agreement_id"),
        "industry_transfer_arrangement",
        ["agreement_id"],
        unique=False,
    )
    op.create_table(
        "industry_transfer_project",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("enterprise", sa.String(length=200), nullable=False),
        sa.Column("enterprise_uscc", sa.String(length=18), nullable=True),
        sa.Column("agreement_id", sa.String(length=26), nullable=False),
        sa.Column("sponsor_park_id", sa.String(length=26), nullable=False),
        sa.Column("receiving_park_id", sa.String(length=26), nullable=False),
        sa.Column("arrangement_id", sa.String(length=26), nullable=True),
        sa.Column("industry_code", sa.String(length=4), nullable=False),
        sa.Column("stage", sa.String(length=24), nullable=False),
        sa.Column("intention_on", sa.Date(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("construction_on", sa.Date(), nullable=True),
        sa.Column("operation_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("planned_investment", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("actual_investment", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_by_org_id", sa.String(length=26), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "actual_investment >= 0", name=op.f("ck_industry_transfer_project_actual_not_negative")
        ),
        sa.CheckConstraint(
            "planned_investment >= 0",
            name=op.f("ck_industry_transfer_project_planned_not_negative"),
        ),
        sa.CheckConstraint(
            "sponsor_park_id <> receiving_park_id",
            name=op.f("ck_industry_transfer_project_two_parks"),
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["industry_transfer_agreement.id"],
            name=op.f("fk_industry_transfer_project_agreement_id_industry_transfer_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["arrangement_id"],
            ["industry_transfer_arrangement.id"],
            name=op.f("fk_industry_transfer_project_arrangement_id_industry_transfer_arrangement"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_org_id"],
            ["core_organization.id"],
            name=op.f("fk_industry_transfer_project_created_by_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["receiving_park_id"],
            ["industry_transfer_park.id"],
            name=op.f("fk_industry_transfer_project_receiving_park_id_industry_transfer_park"),
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_park_id"],
            ["industry_transfer_park.id"],
            name=op.f("fk_industry_transfer_project_sponsor_park_id_industry_transfer_park"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_transfer_project")),
        sa.UniqueConstraint("code", name=op.f("uq_industry_transfer_project_code")),
    )
    op.create_index(
        op.f("ix_industry_transfer_project_agreement_id"),
        "industry_transfer_project",
        ["agreement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_industry_transfer_project_arrangement_id"),
        "industry_transfer_project",
        ["arrangement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_industry_transfer_project_industry_code"),
        "industry_transfer_project",
        ["industry_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_industry_transfer_project_receiving_park_id"),
        "industry_transfer_project",
        ["receiving_park_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_industry_transfer_project_sponsor_park_id"),
        "industry_transfer_project",
        ["sponsor_park_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_industry_transfer_project_stage"),
        "industry_transfer_project",
        ["stage"],
        unique=False,
    )
    op.create_table(
        "industry_transfer_indicator_report",
        sa.Column("project_id", sa.String(length=26), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("output_value", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("tax", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("employment", sa.Integer(), nullable=False),
        sa.Column("investment_completed", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=24), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("reported_by_org_id", sa.String(length=26), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "output_value >= 0 AND tax >= 0 AND employment >= 0 AND investment_completed >= 0",
            name=op.f("ck_industry_transfer_indicator_report_figures_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["industry_transfer_project.id"],
            name=op.f("fk_industry_transfer_indicator_report_project_id_industry_transfer_project"),
        ),
        sa.ForeignKeyConstraint(
            ["reported_by_org_id"],
            ["core_organization.id"],
            name=op.f("fk_industry_transfer_indicator_report_reported_by_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_transfer_indicator_report")),
        sa.UniqueConstraint(
            "project_id",
            "period",
            name=op.f("uq_industry_transfer_indicator_report_project_id_period"),
        ),
    )
    op.create_index(
        op.f("ix_industry_transfer_indicator_report_project_id"),
        "industry_transfer_indicator_report",
        ["project_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_industry_transfer_indicator_report_project_id"),
        table_name="industry_transfer_indicator_report",
    )
    op.drop_table("industry_transfer_indicator_report")
    op.drop_index(
        op.f("ix_industry_transfer_project_stage"), table_name="industry_transfer_project"
    )
    op.drop_index(
        op.f("ix_industry_transfer_project_sponsor_park_id"), table_name="industry_transfer_project"
    )
    op.drop_index(
        op.f("ix_industry_transfer_project_receiving_park_id"),
        table_name="industry_transfer_project",
    )
    op.drop_index(
        op.f("ix_industry_transfer_project_industry_code"), table_name="industry_transfer_project"
    )
    op.drop_index(
        op.f("ix_industry_transfer_project_arrangement_id"), table_name="industry_transfer_project"
    )
    op.drop_index(
        op.f("ix_industry_transfer_project_agreement_id"), table_name="industry_transfer_project"
    )
    op.drop_table("industry_transfer_project")
    op.drop_index(
        op.f("ix_industry_transfer_arrangement_agreement_id"),
        table_name="industry_transfer_arrangement",
    )
    op.drop_table("industry_transfer_arrangement")
    op.drop_index(
        op.f("ix_industry_transfer_agreement_status"), table_name="industry_transfer_agreement"
    )
    op.drop_index(
        op.f("ix_industry_transfer_agreement_sponsor_park_id"),
        table_name="industry_transfer_agreement",
    )
    op.drop_index(
        op.f("ix_industry_transfer_agreement_receiving_park_id"),
        table_name="industry_transfer_agreement",
    )
    op.drop_table("industry_transfer_agreement")
    op.drop_table("industry_transfer_stats_office")
    op.drop_index(
        op.f("ix_industry_transfer_park_province_code"), table_name="industry_transfer_park"
    )
    op.drop_table("industry_transfer_park")
