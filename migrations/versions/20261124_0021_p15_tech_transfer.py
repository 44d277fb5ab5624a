"""p15 tech_transfer: pilot units, office members, researchers, the separate register of
achievements and inventors, transfers with the exemption record, income and reward lines,
horizontal projects, the surplus-fund pool (transactions and legs, balance CHECK >= 0), talent
records and title evaluations.

Revision ID: 20261124_0021
Revises: 20261124_0020
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0021"
down_revision = "20261124_0020"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "tech_transfer_achievement",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ip_number", sa.String(length=24), nullable=False),
        sa.Column("patent_type", sa.String(length=16), nullable=False),
        sa.Column("college", sa.String(length=100), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("disclosed_by", sa.String(length=64), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("basis", _json(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_achievement_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_achievement")),
        sa.UniqueConstraint("number", name=op.f("uq_tech_transfer_achievement_number")),
    )
    op.create_index(
        op.f("ix_tech_transfer_achievement_college"),
        "tech_transfer_achievement",
        ["college"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_achievement_completed_on"),
        "tech_transfer_achievement",
        ["completed_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_achievement_ip_number"),
        "tech_transfer_achievement",
        ["ip_number"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_achievement_kind"),
        "tech_transfer_achievement",
        ["kind"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_achievement_org_id"),
        "tech_transfer_achievement",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_achievement_status"),
        "tech_transfer_achievement",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_achievement_title"),
        "tech_transfer_achievement",
        ["title"],
        unique=False,
    )
    op.create_table(
        "tech_transfer_pilot_unit",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("batch", sa.String(length=60), nullable=False),
        sa.Column("reward_policy", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_pilot_unit_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_pilot_unit")),
        sa.UniqueConstraint("org_id", name=op.f("uq_tech_transfer_pilot_unit_org_id")),
        sa.UniqueConstraint("prefix", name=op.f("uq_tech_transfer_pilot_unit_prefix")),
    )
    op.create_index(
        op.f("ix_tech_transfer_pilot_unit_kind"), "tech_transfer_pilot_unit", ["kind"], unique=False
    )
    op.create_table(
        "tech_transfer_pool",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("balance_fen", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "balance_fen >= 0", name=op.f("ck_tech_transfer_pool_balance_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_pool_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_pool")),
        sa.UniqueConstraint("org_id", name=op.f("uq_tech_transfer_pool_org_id")),
    )
    op.create_table(
        "tech_transfer_office_member",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("user_id", sa.String(length=26), nullable=False),
        sa.Column("position", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_office_member_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["core_user.id"],
            name=op.f("fk_tech_transfer_office_member_user_id_core_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_office_member")),
        sa.UniqueConstraint("user_id", name=op.f("uq_tech_transfer_office_member_user_id")),
    )
    op.create_index(
        op.f("ix_tech_transfer_office_member_org_id"),
        "tech_transfer_office_member",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "tech_transfer_researcher",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("staff_no", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("college", sa.String(length=100), nullable=False),
        sa.Column("series", sa.String(length=24), nullable=False),
        sa.Column("title_level", sa.String(length=16), nullable=False),
        sa.Column("title_since", sa.Date(), nullable=False),
        sa.Column("manager_certified", sa.Boolean(), nullable=False),
        sa.Column("user_id", sa.String(length=26), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_researcher_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["core_user.id"],
            name=op.f("fk_tech_transfer_researcher_user_id_core_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_researcher")),
        sa.UniqueConstraint(
            "org_id", "staff_no", name=op.f("uq_tech_transfer_researcher_org_id_staff_no")
        ),
        sa.UniqueConstraint("user_id", name=op.f("uq_tech_transfer_researcher_user_id")),
    )
    op.create_index(
        op.f("ix_tech_transfer_researcher_college"),
        "tech_transfer_researcher",
        ["college"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_researcher_name"), "tech_transfer_researcher", ["name"], unique=False
    )
    op.create_index(
        op.f("ix_tech_transfer_researcher_org_id"),
        "tech_transfer_researcher",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "tech_transfer_transfer",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("achievement_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("licence_scope", sa.String(length=16), nullable=False),
        sa.Column("counterparty", sa.String(length=200), nullable=False),
        sa.Column("counterparty_uscc", sa.String(length=18), nullable=False),
        sa.Column("pricing", sa.String(length=16), nullable=False),
        sa.Column("price_fen", sa.BigInteger(), nullable=False),
        sa.Column("equity_pct", sa.Numeric(precision=7, scale=4), nullable=False),
        sa.Column("term_years", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("authority", _json(), nullable=False),
        sa.Column("publicity_from", sa.Date(), nullable=True),
        sa.Column("publicity_to", sa.Date(), nullable=True),
        sa.Column("publicity_objections", sa.Integer(), nullable=False),
        sa.Column("meeting", sa.String(length=100), nullable=False),
        sa.Column("meeting_no", sa.String(length=60), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("decision_makers", _json(), nullable=False),
        sa.Column("conflict_declared", sa.Boolean(), nullable=False),
        sa.Column("contract_no", sa.String(length=60), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["tech_transfer_achievement.id"],
            name=op.f("fk_tech_transfer_transfer_achievement_id_tech_transfer_achievement"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_transfer_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_transfer")),
        sa.UniqueConstraint("number", name=op.f("uq_tech_transfer_transfer_number")),
    )
    op.create_index(
        op.f("ix_tech_transfer_transfer_achievement_id"),
        "tech_transfer_transfer",
        ["achievement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_transfer_counterparty"),
        "tech_transfer_transfer",
        ["counterparty"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_transfer_mode"), "tech_transfer_transfer", ["mode"], unique=False
    )
    op.create_index(
        op.f("ix_tech_transfer_transfer_org_id"), "tech_transfer_transfer", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_tech_transfer_transfer_status"), "tech_transfer_transfer", ["status"], unique=False
    )
    op.create_table(
        "tech_transfer_evaluation",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("researcher_id", sa.String(length=26), nullable=False),
        sa.Column("path", sa.String(length=24), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("metrics", _json(), nullable=False),
        sa.Column("criteria", _json(), nullable=False),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_evaluation_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["researcher_id"],
            ["tech_transfer_researcher.id"],
            name=op.f("fk_tech_transfer_evaluation_researcher_id_tech_transfer_researcher"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_evaluation")),
    )
    op.create_index(
        op.f("ix_tech_transfer_evaluation_org_id"),
        "tech_transfer_evaluation",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_evaluation_researcher_id"),
        "tech_transfer_evaluation",
        ["researcher_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_evaluation_status"),
        "tech_transfer_evaluation",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_evaluation_year"), "tech_transfer_evaluation", ["year"], unique=False
    )
    op.create_table(
        "tech_transfer_exemption",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("transfer_id", sa.String(length=26), nullable=False),
        sa.Column("covered", sa.Boolean(), nullable=False),
        sa.Column("facts", _json(), nullable=False),
        sa.Column("conditions", _json(), nullable=False),
        sa.Column("covered_persons", _json(), nullable=False),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_exemption_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["tech_transfer_transfer.id"],
            name=op.f("fk_tech_transfer_exemption_transfer_id_tech_transfer_transfer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_exemption")),
        sa.UniqueConstraint("transfer_id", name=op.f("uq_tech_transfer_exemption_transfer_id")),
    )
    op.create_index(
        op.f("ix_tech_transfer_exemption_org_id"),
        "tech_transfer_exemption",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "tech_transfer_income",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("transfer_id", sa.String(length=26), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("gross_fen", sa.BigInteger(), nullable=False),
        sa.Column("costs", _json(), nullable=False),
        sa.Column("costs_fen", sa.BigInteger(), nullable=False),
        sa.Column("net_fen", sa.BigInteger(), nullable=False),
        sa.Column("reward_rate", sa.Numeric(precision=5, scale=4), nullable=False),
        sa.Column("reward_fen", sa.BigInteger(), nullable=False),
        sa.Column("why", _json(), nullable=False),
        sa.Column("steps", _json(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_income_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["tech_transfer_transfer.id"],
            name=op.f("fk_tech_transfer_income_transfer_id_tech_transfer_transfer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_income")),
    )
    op.create_index(
        op.f("ix_tech_transfer_income_org_id"), "tech_transfer_income", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_tech_transfer_income_received_on"),
        "tech_transfer_income",
        ["received_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_income_transfer_id"),
        "tech_transfer_income",
        ["transfer_id"],
        unique=False,
    )
    op.create_table(
        "tech_transfer_inventor",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("achievement_id", sa.String(length=26), nullable=False),
        sa.Column("researcher_id", sa.String(length=26), nullable=False),
        sa.Column("share_pct", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["tech_transfer_achievement.id"],
            name=op.f("fk_tech_transfer_inventor_achievement_id_tech_transfer_achievement"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_inventor_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["researcher_id"],
            ["tech_transfer_researcher.id"],
            name=op.f("fk_tech_transfer_inventor_researcher_id_tech_transfer_researcher"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_inventor")),
        sa.UniqueConstraint(
            "achievement_id",
            "researcher_id",
            name=op.f("uq_tech_transfer_inventor_achievement_id_researcher_id"),
        ),
    )
    op.create_index(
        op.f("ix_tech_transfer_inventor_achievement_id"),
        "tech_transfer_inventor",
        ["achievement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_inventor_org_id"), "tech_transfer_inventor", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_tech_transfer_inventor_researcher_id"),
        "tech_transfer_inventor",
        ["researcher_id"],
        unique=False,
    )
    op.create_table(
        "tech_transfer_project",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("sponsor", sa.String(length=200), nullable=False),
        sa.Column("lead_id", sa.String(length=26), nullable=True),
        sa.Column("contract_fen", sa.BigInteger(), nullable=False),
        sa.Column("spent_fen", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("surplus_fen", sa.BigInteger(), nullable=False),
        sa.Column("contributed_fen", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["tech_transfer_researcher.id"],
            name=op.f("fk_tech_transfer_project_lead_id_tech_transfer_researcher"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_project_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_project")),
        sa.UniqueConstraint("org_id", "code", name=op.f("uq_tech_transfer_project_org_id_code")),
    )
    op.create_index(
        op.f("ix_tech_transfer_project_org_id"), "tech_transfer_project", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_tech_transfer_project_status"), "tech_transfer_project", ["status"], unique=False
    )
    op.create_table(
        "tech_transfer_talent_record",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("researcher_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("value_fen", sa.BigInteger(), nullable=False),
        sa.Column("transfer_id", sa.String(length=26), nullable=True),
        sa.Column("evidence", sa.String(length=500), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_talent_record_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["researcher_id"],
            ["tech_transfer_researcher.id"],
            name=op.f("fk_tech_transfer_talent_record_researcher_id_tech_transfer_researcher"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["tech_transfer_transfer.id"],
            name=op.f("fk_tech_transfer_talent_record_transfer_id_tech_transfer_transfer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_talent_record")),
    )
    op.create_index(
        op.f("ix_tech_transfer_talent_record_org_id"),
        "tech_transfer_talent_record",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_talent_record_researcher_id"),
        "tech_transfer_talent_record",
        ["researcher_id"],
        unique=False,
    )
    op.create_table(
        "tech_transfer_pool_txn",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("project_id", sa.String(length=26), nullable=True),
        sa.Column("transfer_id", sa.String(length=26), nullable=True),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("memo", sa.String(length=500), nullable=False),
        sa.Column("balance_after_fen", sa.BigInteger(), nullable=False),
        sa.Column("why", _json(), nullable=False),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_pool_txn_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["tech_transfer_project.id"],
            name=op.f("fk_tech_transfer_pool_txn_project_id_tech_transfer_project"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["tech_transfer_transfer.id"],
            name=op.f("fk_tech_transfer_pool_txn_transfer_id_tech_transfer_transfer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_pool_txn")),
    )
    op.create_index(
        op.f("ix_tech_transfer_pool_txn_booked_on"),
        "tech_transfer_pool_txn",
        ["booked_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_pool_txn_kind"), "tech_transfer_pool_txn", ["kind"], unique=False
    )
    op.create_index(
        op.f("ix_tech_transfer_pool_txn_org_id"), "tech_transfer_pool_txn", ["org_id"], unique=False
    )
    op.create_table(
        "tech_transfer_reward",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("transfer_id", sa.String(length=26), nullable=False),
        sa.Column("income_id", sa.String(length=26), nullable=True),
        sa.Column("researcher_id", sa.String(length=26), nullable=False),
        sa.Column("share_pct", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("equity_pct", sa.Numeric(precision=9, scale=6), nullable=False),
        sa.Column("rule_row", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["income_id"],
            ["tech_transfer_income.id"],
            name=op.f("fk_tech_transfer_reward_income_id_tech_transfer_income"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_tech_transfer_reward_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["researcher_id"],
            ["tech_transfer_researcher.id"],
            name=op.f("fk_tech_transfer_reward_researcher_id_tech_transfer_researcher"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["tech_transfer_transfer.id"],
            name=op.f("fk_tech_transfer_reward_transfer_id_tech_transfer_transfer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_reward")),
    )
    op.create_index(
        op.f("ix_tech_transfer_reward_income_id"),
        "tech_transfer_reward",
        ["income_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_reward_org_id"), "tech_transfer_reward", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_tech_transfer_reward_researcher_id"),
        "tech_transfer_reward",
        ["researcher_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_reward_transfer_id"),
        "tech_transfer_reward",
        ["transfer_id"],
        unique=False,
    )
    op.create_table(
        "tech_transfer_pool_entry",
        sa.Column("txn_id", sa.String(length=26), nullable=False),
        sa.Column("account", sa.String(length=120), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(
            ["txn_id"],
            ["tech_transfer_pool_txn.id"],
            name=op.f("fk_tech_transfer_pool_entry_txn_id_tech_transfer_pool_txn"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_transfer_pool_entry")),
    )
    op.create_index(
        op.f("ix_tech_transfer_pool_entry_account"),
        "tech_transfer_pool_entry",
        ["account"],
        unique=False,
    )
    op.create_index(
        op.f("ix_tech_transfer_pool_entry_txn_id"),
        "tech_transfer_pool_entry",
        ["txn_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("tech_transfer_pool_entry")
    op.drop_table("tech_transfer_reward")
    op.drop_table("tech_transfer_pool_txn")
    op.drop_table("tech_transfer_talent_record")
    op.drop_table("tech_transfer_project")
    op.drop_table("tech_transfer_inventor")
    op.drop_table("tech_transfer_income")
    op.drop_table("tech_transfer_exemption")
    op.drop_table("tech_transfer_evaluation")
    op.drop_table("tech_transfer_transfer")
    op.drop_table("tech_transfer_researcher")
    op.drop_table("tech_transfer_office_member")
    op.drop_table("tech_transfer_pool")
    op.drop_table("tech_transfer_pilot_unit")
    op.drop_table("tech_transfer_achievement")
