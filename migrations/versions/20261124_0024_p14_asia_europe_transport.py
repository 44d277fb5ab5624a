"""p14 asia_europe_transport: through bills of lading, their tracking events and hand-overs,
and saved reefer repositioning plans.

Revision ID: 20261124_0024
Revises: 20261124_0023
Create Date: 2026-11-24 20:40:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0024"
down_revision = "20261124_0023"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "asia_europe_transport_bill",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("corridor", sa.String(length=16), nullable=False),
        sa.Column("variant", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("shipper", sa.String(length=200), nullable=False),
        sa.Column("consignee", sa.String(length=200), nullable=False),
        sa.Column("notify_party", sa.String(length=200), nullable=False),
        sa.Column("place_of_receipt", sa.String(length=64), nullable=False),
        sa.Column("place_of_delivery", sa.String(length=64), nullable=False),
        sa.Column("goods", sa.String(length=300), nullable=False),
        sa.Column("hs_code", sa.String(length=10), nullable=False),
        sa.Column("cargo", sa.String(length=16), nullable=False),
        sa.Column("packages", sa.Integer(), nullable=False),
        sa.Column("gross_kg", sa.Numeric(precision=12, scale=1), nullable=False),
        sa.Column("containers", _json(), nullable=False),
        sa.Column("teu", sa.Integer(), nullable=False),
        sa.Column(
            "requested_departure", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("legs", _json(), nullable=False),
        sa.Column("sections", _json(), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("eta", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("total_hours", sa.Double(), nullable=False),
        sa.Column("freight_cny", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("payment_ref", sa.String(length=64), nullable=False),
        sa.Column("paid_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("issued_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("place_of_issue", sa.String(length=8), nullable=False),
        sa.Column("negotiable", sa.Boolean(), nullable=False),
        sa.Column("pledge", sa.String(length=16), nullable=False),
        sa.Column("pledgee_org_id", sa.String(length=26), nullable=True),
        sa.Column("pledged_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("surrendered_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_asia_europe_transport_bill_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["pledgee_org_id"],
            ["core_organization.id"],
            name=op.f("fk_asia_europe_transport_bill_pledgee_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asia_europe_transport_bill")),
        sa.UniqueConstraint("number", name=op.f("uq_asia_europe_transport_bill_number")),
    )
    op.create_index(
        op.f("ix_asia_europe_transport_bill_corridor"),
        "asia_europe_transport_bill",
        ["corridor"],
        unique=False,
    )
    op.create_index(
        op.f("ix_asia_europe_transport_bill_org_id"),
        "asia_europe_transport_bill",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_asia_europe_transport_bill_pledge"),
        "asia_europe_transport_bill",
        ["pledge"],
        unique=False,
    )
    op.create_index(
        op.f("ix_asia_europe_transport_bill_pledgee_org_id"),
        "asia_europe_transport_bill",
        ["pledgee_org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_asia_europe_transport_bill_status"),
        "asia_europe_transport_bill",
        ["status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_asia_europe_transport_bill_variant"),
        "asia_europe_transport_bill",
        ["variant"],
        unique=False,
    )
    op.create_table(
        "asia_europe_transport_reefer_plan",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=True),
        sa.Column("horizon_days", sa.Integer(), nullable=False),
        sa.Column("stock", _json(), nullable=False),
        sa.Column("demand", _json(), nullable=False),
        sa.Column("optimal", _json(), nullable=False),
        sa.Column("naive", _json(), nullable=False),
        sa.Column("cost_cny", sa.BigInteger(), nullable=False),
        sa.Column("naive_cost_cny", sa.BigInteger(), nullable=False),
        sa.Column("saving_cny", sa.BigInteger(), nullable=False),
        sa.Column("parameters", sa.String(length=16), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_asia_europe_transport_reefer_plan_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asia_europe_transport_reefer_plan")),
        sa.UniqueConstraint("number", name=op.f("uq_asia_europe_transport_reefer_plan_number")),
    )
    op.create_index(
        op.f("ix_asia_europe_transport_reefer_plan_org_id"),
        "asia_europe_transport_reefer_plan",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_asia_europe_transport_reefer_plan_saving_cny"),
        "asia_europe_transport_reefer_plan",
        ["saving_cny"],
        unique=False,
    )
    op.create_table(
        "asia_europe_transport_event",
        sa.Column("bill_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("node", sa.String(length=64), nullable=False),
        sa.Column("occurred_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("carrier_from", sa.String(length=200), nullable=False),
        sa.Column("carrier_to", sa.String(length=200), nullable=False),
        sa.Column("container", sa.String(length=11), nullable=False),
        sa.Column("seal", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("handover", sa.Boolean(), nullable=False),
        sa.Column("fired", _json(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["bill_id"],
            ["asia_europe_transport_bill.id"],
            name=op.f("fk_asia_europe_transport_event_bill_id_asia_europe_transport_bill"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_asia_europe_transport_event_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asia_europe_transport_event")),
    )
    op.create_index(
        op.f("ix_asia_europe_transport_event_bill_id"),
        "asia_europe_transport_event",
        ["bill_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_asia_europe_transport_event_occurred_at"),
        "asia_europe_transport_event",
        ["occurred_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_asia_europe_transport_event_org_id"),
        "asia_europe_transport_event",
        ["org_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_asia_europe_transport_event_org_id"), table_name="asia_europe_transport_event"
    )
    op.drop_index(
        op.f("ix_asia_europe_transport_event_occurred_at"), table_name="asia_europe_transport_event"
    )
    op.drop_index(
        op.f("ix_asia_europe_transport_event_bill_id"), table_name="asia_europe_transport_event"
    )
    op.drop_table("asia_europe_transport_event")
    op.drop_index(
        op.f("ix_asia_europe_transport_reefer_plan_saving_cny"),
        table_name="asia_europe_transport_reefer_plan",
    )
    op.drop_index(
        op.f("ix_asia_europe_transport_reefer_plan_org_id"),
        table_name="asia_europe_transport_reefer_plan",
    )
    op.drop_table("asia_europe_transport_reefer_plan")
    op.drop_index(
        op.f("ix_asia_europe_transport_bill_variant"), table_name="asia_europe_transport_bill"
    )
    op.drop_index(
        op.f("ix_asia_europe_transport_bill_status"), table_name="asia_europe_transport_bill"
    )
    op.drop_index(
        op.f("ix_asia_europe_transport_bill_pledgee_org_id"),
        table_name="asia_europe_transport_bill",
    )
    op.drop_index(
        op.f("ix_asia_europe_transport_bill_pledge"), table_name="asia_europe_transport_bill"
    )
    op.drop_index(
        op.f("ix_asia_europe_transport_bill_org_id"), table_name="asia_europe_transport_bill"
    )
    op.drop_index(
        op.f("ix_asia_europe_transport_bill_corridor"), table_name="asia_europe_transport_bill"
    )
    op.drop_table("asia_europe_transport_bill")
