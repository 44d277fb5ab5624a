"""p29 yangtze_channel_edits: an order's ready date-time (`ready_at`, the departure time the
route is planned with, so that timetabled legs wait for their next departure). Rows from before
keep NULL, read as the start of their ready day in China Standard Time.

Revision ID: 20261124_0032
Revises: 20261124_0031
Create Date: 2026-11-24 23:40:00
"""

import sqlalchemy as sa
from alembic import op

import ftz.core.db.base

revision = "20261124_0032"
down_revision = "20261124_0031"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("yangtze_channel_order") as batch:
        batch.add_column(
            sa.Column("ready_at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("yangtze_channel_order") as batch:
        batch.drop_column("ready_at")
