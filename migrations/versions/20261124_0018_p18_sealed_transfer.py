"""p18 sealed_transfer: enforcement cases with their sealed property, seals, parties (the
agreement's ranks and amounts, consents, signatures), the escrow account's movements and their
double-entry legs, and the steps anchored in the evidence ledger. CHECK constraints back the
service: the escrow balance is never negative, no creditor is paid more than agreed.

Revision ID: 20261124_0018
Revises: 20261124_0017
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0018"
down_revision = "20261124_0017"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "sealed_transfer_case",
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("court_org_id", sa.String(length=26), nullable=False),
        sa.Column("notary_org_id", sa.String(length=26), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("judgment_fen", sa.BigInteger(), nullable=False),
        sa.Column("property_kind", sa.String(length=20), nullable=False),
        sa.Column("certificate_no", sa.String(length=60), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("area_m2", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("appraised_fen", sa.BigInteger(), nullable=False),
        sa.Column("appraised_on", sa.Date(), nullable=False),
        sa.Column("screening", _json(), nullable=False),
        sa.Column("agreement_no", sa.String(length=60), nullable=False),
        sa.Column("min_price_fen", sa.BigInteger(), nullable=False),
        sa.Column("agreement_sha256", sa.String(length=64), nullable=False),
        sa.Column("price_check", _json(), nullable=False),
        sa.Column("approval_doc_no", sa.String(length=80), nullable=False),
        sa.Column("contract_no", sa.String(length=60), nullable=False),
        sa.Column("mandate_no", sa.String(length=60), nullable=False),
        sa.Column("price_fen", sa.BigInteger(), nullable=False),
        sa.Column("contract_sha256", sa.String(length=64), nullable=False),
        sa.Column("escrow_account", sa.String(length=40), nullable=False),
        sa.Column("escrow_balance_fen", sa.BigInteger(), nullable=False),
        sa.Column("escrow_certificate_no", sa.String(length=60), nullable=False),
        sa.Column("new_certificate_no", sa.String(length=60), nullable=False),
        sa.Column("lift_doc_no", sa.String(length=80), nullable=False),
        sa.Column("collapse_reason", sa.String(length=500), nullable=False),
        sa.Column("screened_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("transferred_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("unsealed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("collapsed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("steps_taken", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "escrow_balance_fen >= 0", name=op.f("ck_sealed_transfer_case_escrow_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["court_org_id"],
            ["core_organization.id"],
            name=op.f("fk_sealed_transfer_case_court_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["notary_org_id"],
            ["core_organization.id"],
            name=op.f("fk_sealed_transfer_case_notary_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_transfer_case")),
        sa.UniqueConstraint("number", name=op.f("uq_sealed_transfer_case_number")),
    )
    op.create_index(
        op.f("ix_sealed_transfer_case_certificate_no"),
        "sealed_transfer_case",
        ["certificate_no"],
        unique=False,
    )
    op.create_index(
        op.f("ix_sealed_transfer_case_closed_at"),
        "sealed_transfer_case",
        ["closed_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_sealed_transfer_case_court_org_id"),
        "sealed_transfer_case",
        ["court_org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_sealed_transfer_case_notary_org_id"),
        "sealed_transfer_case",
        ["notary_org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_sealed_transfer_case_status"), "sealed_transfer_case", ["status"], unique=False
    )
    op.create_table(
        "sealed_transfer_party",
        sa.Column("case_id", sa.String(length=26), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("id_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("id_display", sa.String(length=30), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=True),
        sa.Column("claim_fen", sa.BigInteger(), nullable=False),
        sa.Column("claim_basis", sa.String(length=16), nullable=False),
        sa.Column("secured_on", sa.Date(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("agreed_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("consent_sha256", sa.String(length=64), nullable=False),
        sa.Column("consent_method", sa.String(length=16), nullable=False),
        sa.Column("consented_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("signed_sha256", sa.String(length=64), nullable=False),
        sa.Column("sign_method", sa.String(length=16), nullable=False),
        sa.Column("signed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.CheckConstraint(
            "paid_fen >= 0 AND paid_fen <= agreed_fen",
            name=op.f("ck_sealed_transfer_party_paid_within_agreed"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["sealed_transfer_case.id"],
            name=op.f("fk_sealed_transfer_party_case_id_sealed_transfer_case"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_sealed_transfer_party_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_transfer_party")),
    )
    op.create_index(
        op.f("ix_sealed_transfer_party_case_id"), "sealed_transfer_party", ["case_id"], unique=False
    )
    op.create_index(
        op.f("ix_sealed_transfer_party_org_id"), "sealed_transfer_party", ["org_id"], unique=False
    )
    op.create_table(
        "sealed_transfer_seal",
        sa.Column("case_id", sa.String(length=26), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("court_name", sa.String(length=100), nullable=False),
        sa.Column("order_no", sa.String(length=80), nullable=False),
        sa.Column("sealed_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("lifted_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["sealed_transfer_case.id"],
            name=op.f("fk_sealed_transfer_seal_case_id_sealed_transfer_case"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_transfer_seal")),
        sa.UniqueConstraint("case_id", "rank", name=op.f("uq_sealed_transfer_seal_case_id_rank")),
    )
    op.create_index(
        op.f("ix_sealed_transfer_seal_case_id"), "sealed_transfer_seal", ["case_id"], unique=False
    )
    op.create_table(
        "sealed_transfer_step",
        sa.Column("case_id", sa.String(length=26), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("details", _json(), nullable=False),
        sa.Column("entry_sha256", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["sealed_transfer_case.id"],
            name=op.f("fk_sealed_transfer_step_case_id_sealed_transfer_case"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_transfer_step")),
        sa.UniqueConstraint("case_id", "seq", name=op.f("uq_sealed_transfer_step_case_id_seq")),
    )
    op.create_index(
        op.f("ix_sealed_transfer_step_case_id"), "sealed_transfer_step", ["case_id"], unique=False
    )
    op.create_table(
        "sealed_transfer_movement",
        sa.Column("case_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("party_id", sa.String(length=26), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("reference", sa.String(length=80), nullable=False),
        sa.Column("at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("step_seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.CheckConstraint(
            "amount_fen > 0", name=op.f("ck_sealed_transfer_movement_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["sealed_transfer_case.id"],
            name=op.f("fk_sealed_transfer_movement_case_id_sealed_transfer_case"),
        ),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["sealed_transfer_party.id"],
            name=op.f("fk_sealed_transfer_movement_party_id_sealed_transfer_party"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_transfer_movement")),
    )
    op.create_index(
        op.f("ix_sealed_transfer_movement_case_id"),
        "sealed_transfer_movement",
        ["case_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_sealed_transfer_movement_kind"), "sealed_transfer_movement", ["kind"], unique=False
    )
    op.create_table(
        "sealed_transfer_entry",
        sa.Column("movement_id", sa.String(length=26), nullable=False),
        sa.Column("account", sa.String(length=80), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["sealed_transfer_movement.id"],
            name=op.f("fk_sealed_transfer_entry_movement_id_sealed_transfer_movement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_transfer_entry")),
    )
    op.create_index(
        op.f("ix_sealed_transfer_entry_account"), "sealed_transfer_entry", ["account"], unique=False
    )
    op.create_index(
        op.f("ix_sealed_transfer_entry_movement_id"),
        "sealed_transfer_entry",
        ["movement_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_sealed_transfer_entry_movement_id"), table_name="sealed_transfer_entry")
    op.drop_index(op.f("ix_sealed_transfer_entry_account"), table_name="sealed_transfer_entry")
    op.drop_table("sealed_transfer_entry")
    op.drop_index(op.f("ix_sealed_transfer_movement_kind"), table_name="sealed_transfer_movement")
    op.drop_index(
        op.f("ix_sealed_transfer_movement_case_id"), table_name="sealed_transfer_movement"
    )
    op.drop_table("sealed_transfer_movement")
    op.drop_index(op.f("ix_sealed_transfer_step_case_id"), table_name="sealed_transfer_step")
    op.drop_table("sealed_transfer_step")
    op.drop_index(op.f("ix_sealed_transfer_seal_case_id"), table_name="sealed_transfer_seal")
    op.drop_table("sealed_transfer_seal")
    op.drop_index(op.f("ix_sealed_transfer_party_org_id"), table_name="sealed_transfer_party")
    op.drop_index(op.f("ix_sealed_transfer_party_case_id"), table_name="sealed_transfer_party")
    op.drop_table("sealed_transfer_party")
    op.drop_index(op.f("ix_sealed_transfer_case_status"), table_name="sealed_transfer_case")
    op.drop_index(op.f("ix_sealed_transfer_case_notary_org_id"), table_name="sealed_transfer_case")
    op.drop_index(op.f("ix_sealed_transfer_case_court_org_id"), table_name="sealed_transfer_case")
    op.drop_index(op.f("ix_sealed_transfer_case_closed_at"), table_name="sealed_transfer_case")
    op.drop_index(op.f("ix_sealed_transfer_case_certificate_no"), table_name="sealed_transfer_case")
    op.drop_table("sealed_transfer_case")
