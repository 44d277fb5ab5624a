"""p02 linked_unloading: shipments, containers and their events

Revision ID: 20261124_0008
Revises: 20261124_0007
Create Date: 2026-11-24 13:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0008"
down_revision = "20261124_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "linked_unloading_shipment",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("port_code", sa.String(length=8), nullable=False),
        sa.Column("consignee", sa.String(length=200), nullable=False),
        sa.Column("bill_of_lading", sa.String(length=40), nullable=False),
        sa.Column("vessel", sa.String(length=100), nullable=False),
        sa.Column("declared_in_advance", sa.Boolean(), nullable=False),
        sa.Column("teu", sa.Integer(), nullable=False),
        sa.Column(
            "comparison",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "fast_track",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_linked_unloading_shipment_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_linked_unloading_shipment")),
        sa.UniqueConstraint("number", name=op.f("uq_linked_unloading_shipment_number")),
    )
    with op.batch_alter_table("linked_unloading_shipment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_shipment_direction"), ["direction"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_shipment_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_shipment_port_code"), ["port_code"], unique=False
        )

    op.create_table(
        "linked_unloading_container",
        sa.Column("shipment_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=11), nullable=False),
        sa.Column("size_ft", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("port_code", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("selected", sa.Boolean(), nullable=False),
        sa.Column(
            "inspection",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("filed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_event_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("barge_departed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("barge_arrived_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("transit_hours", sa.Float(), nullable=True),
        sa.Column(
            "delay",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("completed_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_linked_unloading_container_org_id_core_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["linked_unloading_shipment.id"],
            name=op.f("fk_linked_unloading_container_shipment_id_linked_unloading_shipment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_linked_unloading_container")),
        sa.UniqueConstraint(
            "shipment_id", "number", name=op.f("uq_linked_unloading_container_shipment_id_number")
        ),
    )
    with op.batch_alter_table("linked_unloading_container", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_container_direction"), ["direction"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_container_filed_at"), ["filed_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_container_number"), ["number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_container_org_id"), ["org_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_container_port_code"), ["port_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_container_shipment_id"), ["shipment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_container_status"), ["status"], unique=False
        )

    op.create_table(
        "linked_unloading_event",
        sa.Column("container_id", sa.String(length=26), nullable=False),
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("from_status", sa.String(length=24), nullable=False),
        sa.Column("to_status", sa.String(length=24), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=8), nullable=False),
        sa.Column("at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_index", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["container_id"],
            ["linked_unloading_container.id"],
            name=op.f("fk_linked_unloading_event_container_id_linked_unloading_container"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["core_organization.id"],
            name=op.f("fk_linked_unloading_event_org_id_core_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_linked_unloading_event")),
    )
    with op.batch_alter_table("linked_unloading_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_linked_unloading_event_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_event_container_id"), ["container_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_linked_unloading_event_org_id"), ["org_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("linked_unloading_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_linked_unloading_event_org_id"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_event_container_id"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_event_at"))

    op.drop_table("linked_unloading_event")
    with op.batch_alter_table("linked_unloading_container", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_linked_unloading_container_status"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_container_shipment_id"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_container_port_code"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_container_org_id"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_container_number"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_container_filed_at"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_container_direction"))

    op.drop_table("linked_unloading_container")
    with op.batch_alter_table("linked_unloading_shipment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_linked_unloading_shipment_port_code"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_shipment_org_id"))
        batch_op.drop_index(batch_op.f("ix_linked_unloading_shipment_direction"))

    op.drop_table("linked_unloading_shipment")
