"""p28 certification_one_stop: applications, documents, test results, certificates; standards,
versions, subscriptions, notifications; cooperation projects and their events.

Revision ID: 20261124_0020
Revises: 20261124_0019
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0020"
down_revision = "20261124_0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certification_one_stop_project",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column(
            "partners",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_project")),
        sa.UniqueConstraint("code", name=op.f("uq_certification_one_stop_project_code")),
    )
    op.create_index(
        op.f("ix_certification_one_stop_project_country"),
        "certification_one_stop_project",
        ["country"],
        unique=False,
    )
    op.create_index(
        op.f("ix_certification_one_stop_project_stage"),
        "certification_one_stop_project",
        ["stage"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_standard",
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("body", sa.String(length=100), nullable=False),
        sa.Column("mandatory", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_standard")),
        sa.UniqueConstraint("number", name=op.f("uq_certification_one_stop_standard_number")),
    )
    op.create_index(
        op.f("ix_certification_one_stop_standard_country"),
        "certification_one_stop_standard",
        ["country"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_application",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("scheme", sa.String(length=16), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("hs_code", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("trade_value_cny", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("fee_cny", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column(
            "required_documents",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "required_tests",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("sla_days", sa.Integer(), nullable=False),
        sa.Column("day_kind", sa.String(length=16), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("lab_org_id", sa.String(length=26), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["lab_org_id"],
            ["core_organization.id"],
            name=op.f("fk_certification_one_stop_application_lab_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_certification_one_stop_application_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_application")),
        sa.UniqueConstraint("number", name=op.f("uq_certification_one_stop_application_number")),
    )
    op.create_index(
        op.f("ix_certification_one_stop_application_due_on"),
        "certification_one_stop_application",
        ["due_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_certification_one_stop_application_hs_code"),
        "certification_one_stop_application",
        ["hs_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_certification_one_stop_application_org_id"),
        "certification_one_stop_application",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_certification_one_stop_application_scheme"),
        "certification_one_stop_application",
        ["scheme"],
        unique=False,
    )
    op.create_index(
        op.f("ix_certification_one_stop_application_status"),
        "certification_one_stop_application",
        ["status"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_project_event",
        sa.Column("project_id", sa.String(length=26), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["certification_one_stop_project.id"],
            name=op.f(
                "fk_certification_one_stop_project_event_project_id_certification_one_stop_project"
            ),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_project_event")),
    )
    op.create_index(
        op.f("ix_certification_one_stop_project_event_project_id"),
        "certification_one_stop_project_event",
        ["project_id"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_standard_version",
        sa.Column("standard_id", sa.String(length=26), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "hs_codes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "products",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "diff",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.Column("published_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["standard_id"],
            ["certification_one_stop_standard.id"],
            name=op.f(
                "fk_certification_one_stop_standard_version_standard_id_certification_one_stop_standard"
            ),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_standard_version")),
        sa.UniqueConstraint(
            "standard_id",
            "version",
            name=op.f("uq_certification_one_stop_standard_version_standard_id_version"),
        ),
    )
    op.create_index(
        op.f("ix_certification_one_stop_standard_version_standard_id"),
        "certification_one_stop_standard_version",
        ["standard_id"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_subscription",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_certification_one_stop_subscription_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_subscription")),
        sa.UniqueConstraint(
            "org_id",
            "kind",
            "value",
            name=op.f("uq_certification_one_stop_subscription_org_id_kind_value"),
        ),
    )
    op.create_index(
        op.f("ix_certification_one_stop_subscription_org_id"),
        "certification_one_stop_subscription",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_certificate",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("application_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("verification_code", sa.String(length=14), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["certification_one_stop_application.id"],
            name=op.f(
                "fk_certification_one_stop_certificate_application_id_certification_one_stop_application"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_certification_one_stop_certificate_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_certificate")),
        sa.UniqueConstraint(
            "application_id", name=op.f("uq_certification_one_stop_certificate_application_id")
        ),
        sa.UniqueConstraint("number", name=op.f("uq_certification_one_stop_certificate_number")),
        sa.UniqueConstraint(
            "verification_code",
            name=op.f("uq_certification_one_stop_certificate_verification_code"),
        ),
    )
    op.create_index(
        op.f("ix_certification_one_stop_certificate_org_id"),
        "certification_one_stop_certificate",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_document",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("application_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["certification_one_stop_application.id"],
            name=op.f(
                "fk_certification_one_stop_document_application_id_certification_one_stop_application"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_certification_one_stop_document_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_document")),
        sa.UniqueConstraint(
            "application_id",
            "kind",
            name=op.f("uq_certification_one_stop_document_application_id_kind"),
        ),
    )
    op.create_index(
        op.f("ix_certification_one_stop_document_application_id"),
        "certification_one_stop_document",
        ["application_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_certification_one_stop_document_org_id"),
        "certification_one_stop_document",
        ["org_id"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_notification",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("version_id", sa.String(length=26), nullable=False),
        sa.Column("change", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column(
            "matched",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("read_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_certification_one_stop_notification_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["certification_one_stop_standard_version.id"],
            name=op.f(
                "fk_certification_one_stop_notification_version_id_certification_one_stop_standard_version"
            ),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_notification")),
        sa.UniqueConstraint(
            "org_id",
            "version_id",
            "change",
            name=op.f("uq_certification_one_stop_notification_org_id_version_id_change"),
        ),
    )
    op.create_index(
        op.f("ix_certification_one_stop_notification_org_id"),
        "certification_one_stop_notification",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_certification_one_stop_notification_version_id"),
        "certification_one_stop_notification",
        ["version_id"],
        unique=False,
    )
    op.create_table(
        "certification_one_stop_test_result",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("application_id", sa.String(length=26), nullable=False),
        sa.Column("test_code", sa.String(length=32), nullable=False),
        sa.Column("standard", sa.String(length=200), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("report_sha256", sa.String(length=64), nullable=False),
        sa.Column("tested_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["certification_one_stop_application.id"],
            name=op.f(
                "fk_certification_one_stop_test_result_application_id_certification_one_stop_application"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_certification_one_stop_test_result_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_one_stop_test_result")),
        sa.UniqueConstraint(
            "application_id",
            "test_code",
            name=op.f("uq_certification_one_stop_test_result_application_id_test_code"),
        ),
    )
    op.create_index(
        op.f("ix_certification_one_stop_test_result_application_id"),
        "certification_one_stop_test_result",
        ["application_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_certification_one_stop_test_result_org_id"),
        "certification_one_stop_test_result",
        ["org_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_certification_one_stop_test_result_application_id"),
        table_name="certification_one_stop_test_result",
    )
    op.drop_index(
        op.f("ix_certification_one_stop_test_result_org_id"),
        table_name="certification_one_stop_test_result",
    )
    op.drop_table("certification_one_stop_test_result")
    op.drop_index(
        op.f("ix_certification_one_stop_notification_org_id"),
        table_name="certification_one_stop_notification",
    )
    op.drop_index(
        op.f("ix_certification_one_stop_notification_version_id"),
        table_name="certification_one_stop_notification",
    )
    op.drop_table("certification_one_stop_notification")
    op.drop_index(
        op.f("ix_certification_one_stop_document_application_id"),
        table_name="certification_one_stop_document",
    )
    op.drop_index(
        op.f("ix_certification_one_stop_document_org_id"),
        table_name="certification_one_stop_document",
    )
    op.drop_table("certification_one_stop_document")
    op.drop_index(
        op.f("ix_certification_one_stop_certificate_org_id"),
        table_name="certification_one_stop_certificate",
    )
    op.drop_table("certification_one_stop_certificate")
    op.drop_index(
        op.f("ix_certification_one_stop_subscription_org_id"),
        table_name="certification_one_stop_subscription",
    )
    op.drop_table("certification_one_stop_subscription")
    op.drop_index(
        op.f("ix_certification_one_stop_standard_version_standard_id"),
        table_name="certification_one_stop_standard_version",
    )
    op.drop_table("certification_one_stop_standard_version")
    op.drop_index(
        op.f("ix_certification_one_stop_project_event_project_id"),
        table_name="certification_one_stop_project_event",
    )
    op.drop_table("certification_one_stop_project_event")
    op.drop_index(
        op.f("ix_certification_one_stop_application_due_on"),
        table_name="certification_one_stop_application",
    )
    op.drop_index(
        op.f("ix_certification_one_stop_application_hs_code"),
        table_name="certification_one_stop_application",
    )
    op.drop_index(
        op.f("ix_certification_one_stop_application_org_id"),
        table_name="certification_one_stop_application",
    )
    op.drop_index(
        op.f("ix_certification_one_stop_application_scheme"),
        table_name="certification_one_stop_application",
    )
    op.drop_index(
        op.f("ix_certification_one_stop_application_status"),
        table_name="certification_one_stop_application",
    )
    op.drop_table("certification_one_stop_application")
    op.drop_index(
        op.f("ix_certification_one_stop_standard_country"),
        table_name="certification_one_stop_standard",
    )
    op.drop_table("certification_one_stop_standard")
    op.drop_index(
        op.f("ix_certification_one_stop_project_country"),
        table_name="certification_one_stop_project",
    )
    op.drop_index(
        op.f("ix_certification_one_stop_project_stage"), table_name="certification_one_stop_project"
    )
    op.drop_table("certification_one_stop_project")
