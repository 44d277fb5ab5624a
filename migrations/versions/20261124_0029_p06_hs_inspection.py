"""p06 hs_inspection: placeholder, filled in by the practice's build.

Revision ID: 20261124_0029
Revises: 20261124_0028
Create Date: 2026-11-24 23:30:00
"""

revision = "20261124_0029"
down_revision = "20261124_0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
