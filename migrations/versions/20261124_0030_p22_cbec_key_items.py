"""p22 cbec_key_items: versions of the key-items list (whole documents), the CBEC export
declarations screened against them with their lines and hits, the violations officers confirm
and the enterprises' credit.

Revision ID: 20261124_0030
Revises: 20261124_0029
Create Date: 2026-11-24 23:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0030"
down_revision = "20261124_0029"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "cbec_key_items_list_version",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("rule_count", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("document", _json(), nullable=False),
        sa.Column("saved_by", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_key_items_list_version")),
        sa.UniqueConstraint("version", name=op.f("uq_cbec_key_items_list_version_version")),
    )
    op.create_table(
        "cbec_key_items_credit",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("measure", sa.String(length=16), nullable=False),
        sa.Column("railway_grade", sa.String(length=4), nullable=False),
        sa.Column("violations", sa.Integer(), nullable=False),
        sa.Column("last_violation_id", sa.String(length=26), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_cbec_key_items_credit_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_key_items_credit")),
        sa.UniqueConstraint("org_id", name=op.f("uq_cbec_key_items_credit_org_id")),
    )
    op.create_table(
        "cbec_key_items_declaration",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("entry_no", sa.String(length=32), nullable=False),
        sa.Column("ecommerce_code", sa.String(length=32), nullable=False),
        sa.Column("container_no", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("list_version", sa.Integer(), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.Column("hit_count", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_cbec_key_items_declaration_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_key_items_declaration")),
        sa.UniqueConstraint("number", name=op.f("uq_cbec_key_items_declaration_number")),
    )
    op.create_index(
        op.f("ix_cbec_key_items_declaration_container_no"),
        "cbec_key_items_declaration",
        ["container_no"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_key_items_declaration_ecommerce_code"),
        "cbec_key_items_declaration",
        ["ecommerce_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_key_items_declaration_entry_no"),
        "cbec_key_items_declaration",
        ["entry_no"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_key_items_declaration_month"),
        "cbec_key_items_declaration",
        ["month"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_key_items_declaration_org_id"),
        "cbec_key_items_declaration",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_key_items_declaration_status"),
        "cbec_key_items_declaration",
        ["status"],
        unique=False,
    )
    op.create_table(
        "cbec_key_items_line",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("declaration_id", sa.String(length=26), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_name", sa.String(length=200), nullable=False),
        sa.Column("spec", sa.String(length=200), nullable=False),
        sa.Column("hs_code", sa.String(length=6), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("weight_kg", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("value_cny", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("list_version", sa.Integer(), nullable=False),
        sa.Column("hits", _json(), nullable=False),
        sa.Column("route", _json(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("resolved_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["cbec_key_items_declaration.id"],
            name=op.f("fk_cbec_key_items_line_declaration_id_cbec_key_items_declaration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_cbec_key_items_line_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_key_items_line")),
    )
    op.create_index(
        op.f("ix_cbec_key_items_line_declaration_id"),
        "cbec_key_items_line",
        ["declaration_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_key_items_line_org_id"), "cbec_key_items_line", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_cbec_key_items_line_status"), "cbec_key_items_line", ["status"], unique=False
    )
    op.create_table(
        "cbec_key_items_violation",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("line_id", sa.String(length=26), nullable=False),
        sa.Column("declaration_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.Column("prior_12m", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=16), nullable=False),
        sa.Column("railway_grade", sa.String(length=4), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["cbec_key_items_declaration.id"],
            name=op.f("fk_cbec_key_items_violation_declaration_id_cbec_key_items_declaration"),
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["cbec_key_items_line.id"],
            name=op.f("fk_cbec_key_items_violation_line_id_cbec_key_items_line"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_cbec_key_items_violation_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cbec_key_items_violation")),
        sa.UniqueConstraint("line_id", name=op.f("uq_cbec_key_items_violation_line_id")),
    )
    op.create_index(
        op.f("ix_cbec_key_items_violation_declaration_id"),
        "cbec_key_items_violation",
        ["declaration_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_key_items_violation_month"),
        "cbec_key_items_violation",
        ["month"],
        unique=False,
    )
    op.create_index(
        op.f("ix_cbec_key_items_violation_org_id"),
        "cbec_key_items_violation",
        ["org_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_cbec_key_items_violation_org_id"), table_name="cbec_key_items_violation")
    op.drop_index(op.f("ix_cbec_key_items_violation_month"), table_name="cbec_key_items_violation")
    op.drop_index(
        op.f("ix_cbec_key_items_violation_declaration_id"), table_name="cbec_key_items_violation"
    )
    op.drop_index(op.f("ix_cbec_key_items_line_status"), table_name="cbec_key_items_line")
    op.drop_index(op.f("ix_cbec_key_items_line_org_id"), table_name="cbec_key_items_line")
    op.drop_index(op.f("ix_cbec_key_items_line_declaration_id"), table_name="cbec_key_items_line")
    op.drop_index(
        op.f("ix_cbec_key_items_declaration_status"), table_name="cbec_key_items_declaration"
    )
    op.drop_index(
        op.f("ix_cbec_key_items_declaration_org_id"), table_name="cbec_key_items_declaration"
    )
    op.drop_index(
        op.f("ix_cbec_key_items_declaration_month"), table_name="cbec_key_items_declaration"
    )
    op.drop_index(
        op.f("ix_cbec_key_items_declaration_entry_no"), table_name="cbec_key_items_declaration"
    )
    op.drop_index(
        op.f("ix_cbec_key_items_declaration_ecommerce_code"),
        table_name="cbec_key_items_declaration",
    )
    op.drop_index(
        op.f("ix_cbec_key_items_declaration_container_no"), table_name="cbec_key_items_declaration"
    )
    op.drop_table("cbec_key_items_violation")
    op.drop_table("cbec_key_items_line")
    op.drop_table("cbec_key_items_declaration")
    op.drop_table("cbec_key_items_credit")
    op.drop_table("cbec_key_items_list_version")
