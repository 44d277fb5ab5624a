"""p22 cbec_key_items: each officer decision on a line (confirm or clear) is anchored in the
evidence log; the line keeps the index of its entry.

Revision ID: 20261125_0034
Revises: 20261124_0033
Create Date: 2026-11-25 00:55:00
"""

import sqlalchemy as sa
from alembic import op

revision = "20261125_0034"
down_revision = "20261124_0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cbec_key_items_line") as batch:
        batch.add_column(sa.Column("ledger_index", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cbec_key_items_line") as batch:
        batch.drop_column("ledger_index")
