"""p29 yangtze_channel: partner operators, their fixed multimodal services, capacity offers,
cargo orders (with the planned route, the channels it uses, the foreign-trade and matching rows
that fired and the booking's evidence-ledger entry), the parties of each order and the shared
tracking events.

Revision ID: 20261124_0023
Revises: 20261124_0022
Create Date: 2026-11-24 21:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0023"
down_revision = "20261124_0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "yangtze_channel_operator",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("node_id", sa.String(length=48), nullable=False),
        sa.Column("agreement", sa.String(length=200), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yangtze_channel_operator_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yangtze_channel_operator")),
        sa.UniqueConstraint("code", name=op.f("uq_yangtze_channel_operator_code")),
        sa.UniqueConstraint("org_id", name=op.f("uq_yangtze_channel_operator_org_id")),
    )
    op.create_index(
        op.f("ix_yangtze_channel_operator_kind"), "yangtze_channel_operator", ["kind"], unique=False
    )
    op.create_table(
        "yangtze_channel_service",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("operator_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("sub_channel", sa.String(length=8), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column(
            "stops",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("network_service", sa.String(length=48), nullable=False),
        sa.Column("weekly_departures", sa.Integer(), nullable=False),
        sa.Column("teu_per_departure", sa.Integer(), nullable=False),
        sa.Column(
            "cargo_types",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["yangtze_channel_operator.id"],
            name=op.f("fk_yangtze_channel_service_operator_id_yangtze_channel_operator"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yangtze_channel_service_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yangtze_channel_service")),
        sa.UniqueConstraint("code", name=op.f("uq_yangtze_channel_service_code")),
    )
    op.create_index(
        op.f("ix_yangtze_channel_service_operator_id"),
        "yangtze_channel_service",
        ["operator_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_service_org_id"),
        "yangtze_channel_service",
        ["org_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_service_sub_channel"),
        "yangtze_channel_service",
        ["sub_channel"],
        unique=False,
    )
    op.create_table(
        "yangtze_channel_offer",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("operator_id", sa.String(length=26), nullable=False),
        sa.Column("service_id", sa.String(length=26), nullable=True),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("origin", sa.String(length=48), nullable=False),
        sa.Column("destination", sa.String(length=48), nullable=False),
        sa.Column("departs_on", sa.Date(), nullable=False),
        sa.Column("arrives_on", sa.Date(), nullable=False),
        sa.Column("capacity_teu", sa.Integer(), nullable=False),
        sa.Column("booked_teu", sa.Integer(), nullable=False),
        sa.Column(
            "cargo_types",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("price_cny_per_teu", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["yangtze_channel_operator.id"],
            name=op.f("fk_yangtze_channel_offer_operator_id_yangtze_channel_operator"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yangtze_channel_offer_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["yangtze_channel_service.id"],
            name=op.f("fk_yangtze_channel_offer_service_id_yangtze_channel_service"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yangtze_channel_offer")),
        sa.UniqueConstraint("number", name=op.f("uq_yangtze_channel_offer_number")),
    )
    op.create_index(
        op.f("ix_yangtze_channel_offer_departs_on"),
        "yangtze_channel_offer",
        ["departs_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_offer_destination"),
        "yangtze_channel_offer",
        ["destination"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_offer_operator_id"),
        "yangtze_channel_offer",
        ["operator_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_offer_org_id"), "yangtze_channel_offer", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_yangtze_channel_offer_origin"), "yangtze_channel_offer", ["origin"], unique=False
    )
    op.create_index(
        op.f("ix_yangtze_channel_offer_service_id"),
        "yangtze_channel_offer",
        ["service_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_offer_status"), "yangtze_channel_offer", ["status"], unique=False
    )
    op.create_table(
        "yangtze_channel_order",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("origin", sa.String(length=48), nullable=False),
        sa.Column("destination", sa.String(length=48), nullable=False),
        sa.Column("cargo_type", sa.String(length=16), nullable=False),
        sa.Column("trade", sa.String(length=16), nullable=False),
        sa.Column("teu", sa.Integer(), nullable=False),
        sa.Column("ready_on", sa.Date(), nullable=False),
        sa.Column("deliver_by", sa.Date(), nullable=False),
        sa.Column(
            "modes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("optimize", sa.String(length=8), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("listed", sa.Boolean(), nullable=False),
        sa.Column(
            "route",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "route_nodes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "sub_channels",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("foreign", sa.Boolean(), nullable=False),
        sa.Column(
            "foreign_fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("offer_id", sa.String(length=26), nullable=True),
        sa.Column("operator_org_id", sa.String(length=26), nullable=True),
        sa.Column(
            "match_fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("booked_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ledger_index", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["yangtze_channel_offer.id"],
            name=op.f("fk_yangtze_channel_order_offer_id_yangtze_channel_offer"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_org_id"],
            ["core_organization.id"],
            name=op.f("fk_yangtze_channel_order_operator_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yangtze_channel_order_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yangtze_channel_order")),
        sa.UniqueConstraint("number", name=op.f("uq_yangtze_channel_order_number")),
    )
    op.create_index(
        op.f("ix_yangtze_channel_order_destination"),
        "yangtze_channel_order",
        ["destination"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_order_offer_id"),
        "yangtze_channel_order",
        ["offer_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_order_org_id"), "yangtze_channel_order", ["org_id"], unique=False
    )
    op.create_index(
        op.f("ix_yangtze_channel_order_origin"), "yangtze_channel_order", ["origin"], unique=False
    )
    op.create_index(
        op.f("ix_yangtze_channel_order_ready_on"),
        "yangtze_channel_order",
        ["ready_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_order_status"), "yangtze_channel_order", ["status"], unique=False
    )
    op.create_table(
        "yangtze_channel_event",
        sa.Column("order_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=True),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("node_id", sa.String(length=48), nullable=False),
        sa.Column("occurred_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column(
            "fired",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["yangtze_channel_order.id"],
            name=op.f("fk_yangtze_channel_event_order_id_yangtze_channel_order"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yangtze_channel_event_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yangtze_channel_event")),
    )
    op.create_index(
        op.f("ix_yangtze_channel_event_order_id"),
        "yangtze_channel_event",
        ["order_id"],
        unique=False,
    )
    op.create_table(
        "yangtze_channel_party",
        sa.Column("order_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["yangtze_channel_order.id"],
            name=op.f("fk_yangtze_channel_party_order_id_yangtze_channel_order"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_yangtze_channel_party_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yangtze_channel_party")),
        sa.UniqueConstraint(
            "order_id", "org_id", name=op.f("uq_yangtze_channel_party_order_id_org_id")
        ),
    )
    op.create_index(
        op.f("ix_yangtze_channel_party_order_id"),
        "yangtze_channel_party",
        ["order_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_yangtze_channel_party_org_id"), "yangtze_channel_party", ["org_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_yangtze_channel_party_org_id"), table_name="yangtze_channel_party")
    op.drop_index(op.f("ix_yangtze_channel_party_order_id"), table_name="yangtze_channel_party")
    op.drop_table("yangtze_channel_party")
    op.drop_index(op.f("ix_yangtze_channel_event_order_id"), table_name="yangtze_channel_event")
    op.drop_table("yangtze_channel_event")
    op.drop_index(op.f("ix_yangtze_channel_order_status"), table_name="yangtze_channel_order")
    op.drop_index(op.f("ix_yangtze_channel_order_ready_on"), table_name="yangtze_channel_order")
    op.drop_index(op.f("ix_yangtze_channel_order_origin"), table_name="yangtze_channel_order")
    op.drop_index(op.f("ix_yangtze_channel_order_org_id"), table_name="yangtze_channel_order")
    op.drop_index(op.f("ix_yangtze_channel_order_offer_id"), table_name="yangtze_channel_order")
    op.drop_index(op.f("ix_yangtze_channel_order_destination"), table_name="yangtze_channel_order")
    op.drop_table("yangtze_channel_order")
    op.drop_index(op.f("ix_yangtze_channel_offer_status"), table_name="yangtze_channel_offer")
    op.drop_index(op.f("ix_yangtze_channel_offer_service_id"), table_name="yangtze_channel_offer")
    op.drop_index(op.f("ix_yangtze_channel_offer_origin"), table_name="yangtze_channel_offer")
    op.drop_index(op.f("ix_yangtze_channel_offer_org_id"), table_name="yangtze_channel_offer")
    op.drop_index(op.f("ix_yangtze_channel_offer_operator_id"), table_name="yangtze_channel_offer")
    op.drop_index(op.f("ix_yangtze_channel_offer_destination"), table_name="yangtze_channel_offer")
    op.drop_index(op.f("ix_yangtze_channel_offer_departs_on"), table_name="yangtze_channel_offer")
    op.drop_table("yangtze_channel_offer")
    op.drop_index(
        op.f("ix_yangtze_channel_service_sub_channel"), table_name="yangtze_channel_service"
    )
    op.drop_index(op.f("ix_yangtze_channel_service_org_id"), table_name="yangtze_channel_service")
    op.drop_index(
        op.f("ix_yangtze_channel_service_operator_id"), table_name="yangtze_channel_service"
    )
    op.drop_table("yangtze_channel_service")
    op.drop_index(op.f("ix_yangtze_channel_operator_kind"), table_name="yangtze_channel_operator")
    op.drop_table("yangtze_channel_operator")
