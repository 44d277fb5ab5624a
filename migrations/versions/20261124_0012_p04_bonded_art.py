"""p04 bonded_art

Revision ID: 20261124_0012
Revises: 20261124_0011
Create Date: 2026-11-24 13:40:00
"""

from alembic import op
import sqlalchemy as sa
import ftz.core.db.base
from sqlalchemy.dialects import postgresql

revision = "20261124_0012"
down_revision = "20261124_0011"
branch_labels = None
depends_on = None

UTC = ftz.core.db.base.UTCDateTime(timezone=True)
ORG = "core_organization.id"


def _common() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "bonded_art_artwork",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("artist", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("dimensions", sa.String(length=80), nullable=False),
        sa.Column("materials", sa.String(length=120), nullable=False),
        sa.Column("approval_doc", sa.String(length=64), nullable=False),
        sa.Column("value_cny", sa.BigInteger(), nullable=False),
        sa.Column("image_sha256", sa.String(length=64), nullable=True),
        sa.Column("image_phash", sa.String(length=16), nullable=True),
        sa.Column("scan_sha256", sa.String(length=64), nullable=True),
        sa.Column("identity_ledger_sha256", sa.String(length=64), nullable=True),
        *_common(),
        sa.ForeignKeyConstraint(
            ["org_id"], [ORG], name=op.f("fk_bonded_art_artwork_org_id_core_organization")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bonded_art_artwork")),
        sa.UniqueConstraint("number", name=op.f("uq_bonded_art_artwork_number")),
    )
    op.create_index(op.f("ix_bonded_art_artwork_org_id"), "bonded_art_artwork", ["org_id"])
    op.create_table(
        "bonded_art_exhibition",
        sa.Column("org_id", sa.String(length=26), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("artwork_id", sa.String(length=26), nullable=False),
        sa.Column("home_customs_id", sa.String(length=26), nullable=False),
        sa.Column("destination_customs_id", sa.String(length=26), nullable=False),
        sa.Column("venue", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("guarantee_cny", sa.BigInteger(), nullable=False),
        sa.Column("sale_price_cny", sa.BigInteger(), nullable=True),
        sa.Column("duty_cny", sa.BigInteger(), nullable=False),
        sa.Column("vat_cny", sa.BigInteger(), nullable=False),
        sa.Column(
            "facts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ledger_sha256", sa.String(length=64), nullable=False),
        *_common(),
        sa.ForeignKeyConstraint(
            ["artwork_id"], ["bonded_art_artwork.id"],
            name=op.f("fk_bonded_art_exhibition_artwork_id_bonded_art_artwork"),
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["destination_customs_id"], [ORG],
            name=op.f("fk_bonded_art_exhibition_destination_customs_id_core_organization"),
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["home_customs_id"], [ORG],
            name=op.f("fk_bonded_art_exhibition_home_customs_id_core_organization"),
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["org_id"], [ORG], name=op.f("fk_bonded_art_exhibition_org_id_core_organization")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bonded_art_exhibition")),
        sa.UniqueConstraint("number", name=op.f("uq_bonded_art_exhibition_number")),
    )
    for column in ("artwork_id", "destination_customs_id", "ends_on", "home_customs_id",
                   "org_id", "status"):  # fmt: skip
        op.create_index(
            op.f(f"ix_bonded_art_exhibition_{column}"), "bonded_art_exhibition", [column]
        )


def downgrade() -> None:
    op.drop_table("bonded_art_exhibition")
    op.drop_table("bonded_art_artwork")
