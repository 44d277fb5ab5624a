"""p08 cbec_returns: declaration lists, lines, return declarations, buyer quotas, the
double-entry ledger and the idempotency replay store.

Revision ID: 20261124_0013
Revises: 20261124_0012
Create Date: 2026-11-24 13:40:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0013"
down_revision = "20261124_0012"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "cbec_returns_list",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("order_no", sa.String(length=60), nullable=False),
        sa.Column("buyer_hash", sa.String(length=64), nullable=False),
        sa.Column("customs_code", sa.String(length=8), nullable=False),
        sa.Column("release_date", sa.Date(), nullable=False),
        sa.Column("regime", sa.String(length=8), nullable=False),
        sa.Column("value_fen", sa.BigInteger(), nullable=False),
        sa.Column("tax_fen", sa.BigInteger(), nullable=False),
        sa.Column("tax_due_fen", sa.BigInteger(), nullable=False),
        sa.Column("why", _json(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_cbec_returns_list_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_returns_list")),
        sa.UniqueConstraint("number", name=op.f("uq_cbec_returns_list_number")),
    )
    op.create_index(
        op.f("ix_cbec_returns_list_buyer_hash"), "cbec_returns_list", ["buyer_hash"], unique=False
    )
    op.create_index(
        op.f("ix_cbec_returns_list_customs_code"),
        "cbec_returns_list",
        ["customs_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_returns_list_org_id"), "cbec_returns_list", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_cbec_returns_list_release_date"),
        "cbec_returns_list",
        ["release_date"],
        unique=False,
    )
    op.create_table(
        "cbec_returns_line",
        sa.Column("list_id", sa.String(length=26), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("hs_code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_fen", sa.BigInteger(), nullable=False),
        sa.Column("tax_fen", sa.BigInteger(), nullable=False),
        sa.Column("reserved_qty", sa.Integer(), nullable=False),
        sa.Column("returned_qty", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["cbec_returns_list.id"],
            name=op.f("fk_cbec_returns_line_list_id_cbec_returns_list"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_returns_line")),
        sa.UniqueConstraint(
            "list_id", "line_no", name=op.f("uq_cbec_returns_line_list_id_line_no")
        ),
    )
    op.create_index(
        op.f("ix_cbec_returns_line_list_id"), "cbec_returns_line", ["list_id"], unique=False
    )
    op.create_table(
        "cbec_returns_return",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("list_id", sa.String(length=26), nullable=False),
        sa.Column("customs_code", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("declared_on", sa.Date(), nullable=False),
        sa.Column("zone_entry_date", sa.Date(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("lines", _json(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("value_fen", sa.BigInteger(), nullable=False),
        sa.Column("tax_fen", sa.BigInteger(), nullable=False),
        sa.Column("why", _json(), nullable=False),
        sa.Column("decision_note", sa.String(length=500), nullable=False),
        sa.Column("decided_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["cbec_returns_list.id"],
            name=op.f("fk_cbec_returns_return_list_id_cbec_returns_list"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_cbec_returns_return_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_returns_return")),
    )
    op.create_index(
        op.f("ix_cbec_returns_return_customs_code"),
        "cbec_returns_return",
        ["customs_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_returns_return_list_id"), "cbec_returns_return", ["list_id"], unique=False
    )
    op.create_index(
        op.f("ix_cbec_returns_return_month"), "cbec_returns_return", ["month"], unique=False
    )
    op.create_index(
        op.f("ix_cbec_returns_return_org_id"), "cbec_returns_return", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_cbec_returns_return_status"), "cbec_returns_return", ["status"], unique=False
    )
    op.create_table(
        "cbec_returns_quota",
        sa.Column("buyer_hash", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("used_fen", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_returns_quota")),
        sa.UniqueConstraint(
            "buyer_hash", "year", name=op.f("uq_cbec_returns_quota_buyer_hash_year")
        ),
    )
    op.create_table(
        "cbec_returns_entry",
        sa.Column("txn", sa.String(length=80), nullable=False),
        sa.Column("account", sa.String(length=120), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_returns_entry")),
    )
    op.create_index(
        op.f("ix_cbec_returns_entry_account"), "cbec_returns_entry", ["account"], unique=False
    )
    op.create_index(op.f("ix_cbec_returns_entry_txn"), "cbec_returns_entry", ["txn"], unique=False)
    op.create_table(
        "cbec_returns_idempotency",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("request_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("body", _json(), nullable=False),
        sa.Column("at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_returns_idempotency")),
        sa.UniqueConstraint("user_id", "key", name=op.f("uq_cbec_returns_idempotency_user_id_key")),
    )


def downgrade() -> None:
    op.drop_table("cbec_returns_idempotency")
    op.drop_table("cbec_returns_entry")
    op.drop_table("cbec_returns_quota")
    op.drop_table("cbec_returns_return")
    op.drop_table("cbec_returns_line")
    op.drop_table("cbec_returns_list")
