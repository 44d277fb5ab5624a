"""p06 hs_inspection: the risk records of the four sources (nonconformities, overseas
notifications, export returns, used-machinery pre-shipment inspections), their imports, the
inspection batches of the officer's workbench and the risk-case database.

Revision ID: 20261124_0029
Revises: 20261124_0028
Create Date: 2026-11-24 23:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0029"
down_revision = "20261124_0028"
branch_labels = None
depends_on = None

TABLES = (
    "hs_inspection_risk_case",
    "hs_inspection_risk_record",
    "hs_inspection_batch",
    "hs_inspection_import",
)


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "hs_inspection_import",
        sa.Column("source", sa.String(length=24), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=False),
        sa.Column("inserted", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hs_inspection_import")),
    )
    op.create_index(
        op.f("ix_hs_inspection_import_source"), "hs_inspection_import", ["source"], unique=False
    )
    op.create_table(
        "hs_inspection_batch",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("declaration_no", sa.String(length=32), nullable=False),
        sa.Column("hs_code", sa.String(length=6), nullable=False),
        sa.Column("tariff_code", sa.String(length=10), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("origin_country", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("arrival_date", sa.Date(), nullable=False),
        sa.Column("used_machinery", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("risk_level", sa.String(length=16), nullable=False),
        sa.Column("recommended_action", sa.String(length=24), nullable=False),
        sa.Column("assessment", _json(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("action_taken", sa.String(length=24), nullable=False),
        sa.Column("risk_type", sa.String(length=32), nullable=False),
        sa.Column("defect", sa.Text(), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.Column("inspected_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_hs_inspection_batch_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hs_inspection_batch")),
        sa.UniqueConstraint("number", name=op.f("uq_hs_inspection_batch_number")),
    )
    op.create_index(
        op.f("ix_hs_inspection_batch_arrival_date"),
        "hs_inspection_batch",
        ["arrival_date"],
        unique=False,
    )
    op.create_index(
        op.f("ix_hs_inspection_batch_hs_code"), "hs_inspection_batch", ["hs_code"], unique=False
    )
    op.create_index(
        op.f("ix_hs_inspection_batch_org_id"), "hs_inspection_batch", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_hs_inspection_batch_status"), "hs_inspection_batch", ["status"], unique=False
    )
    op.create_table(
        "hs_inspection_risk_record",
        sa.Column("source", sa.String(length=24), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("hs_code", sa.String(length=6), nullable=False),
        sa.Column("tariff_code", sa.String(length=10), nullable=False),
        sa.Column("record_date", sa.Date(), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=64), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("barcode", sa.String(length=64), nullable=False),
        sa.Column("batch_no", sa.String(length=64), nullable=False),
        sa.Column("risk_type", sa.String(length=32), nullable=False),
        sa.Column("defect", sa.Text(), nullable=False),
        sa.Column("measures", sa.String(length=200), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=True),
        sa.Column("result", sa.String(length=32), nullable=False),
        sa.Column("details", _json(), nullable=False),
        sa.Column("import_id", sa.String(length=26), nullable=True),
        sa.Column("batch_id", sa.String(length=26), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["hs_inspection_batch.id"],
            name=op.f("fk_hs_inspection_risk_record_batch_id_hs_inspection_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["hs_inspection_import.id"],
            name=op.f("fk_hs_inspection_risk_record_import_id_hs_inspection_import"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hs_inspection_risk_record")),
        sa.UniqueConstraint("source", "ref", name=op.f("uq_hs_inspection_risk_record_source_ref")),
    )
    op.create_index(
        "ix_hs_inspection_risk_record_code_source",
        "hs_inspection_risk_record",
        ["hs_code", "source"],
        unique=False,
    )
    op.create_table(
        "hs_inspection_risk_case",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("hs_code", sa.String(length=6), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("risk_type", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("risk_level", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("record_id", sa.String(length=26), nullable=False),
        sa.Column("confirmed_by", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["hs_inspection_risk_record.id"],
            name=op.f("fk_hs_inspection_risk_case_record_id_hs_inspection_risk_record"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hs_inspection_risk_case")),
        sa.UniqueConstraint("number", name=op.f("uq_hs_inspection_risk_case_number")),
    )
    op.create_index(
        op.f("ix_hs_inspection_risk_case_hs_code"),
        "hs_inspection_risk_case",
        ["hs_code"],
        unique=False,
    )


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
