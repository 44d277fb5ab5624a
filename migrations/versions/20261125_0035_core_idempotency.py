"""core: idempotency keys move from p08 cbec_returns into the core (`core.web.idempotency`), so
every practice's API can take an `Idempotency-Key`; the store also keeps the route a key was
used on. p08's rows are copied with the route `cbec_returns` (the old table did not record
it): a pre-migration key still never runs twice, it is answered 422 instead of replayed.

Revision ID: 20261125_0035
Revises: 20261125_0034
Create Date: 2026-11-25 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261125_0035"
down_revision = "20261125_0034"
branch_labels = None
depends_on = None

OLD, NEW = "cbec_returns_idempotency", "core_idempotent_reply"
# Every column but the route, in both tables.
COMMON = ("id", "user_id", "key", "request_sha256", "status", "body", "at")


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _create(name: str, *route: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        *route,
        sa.Column("request_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("body", _json(), nullable=False),
        sa.Column("at", ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("user_id", "key", name=op.f(f"uq_{name}_user_id_key")),
    )


def _table(name: str, *extra: str) -> sa.TableClause:
    # Plain column clauses: the rows are copied as stored, with no type processing.
    return sa.table(name, *(sa.column(c) for c in (*COMMON, *extra)))


def upgrade() -> None:
    _create(NEW, sa.Column("route", sa.String(length=200), nullable=False))
    old, new = _table(OLD), _table(NEW, "route")
    rows = sa.select(*old.c, sa.literal("cbec_returns").label("route"))
    op.execute(new.insert().from_select([*COMMON, "route"], rows))
    op.drop_table(OLD)


def downgrade() -> None:
    _create(OLD)
    old, new = _table(OLD), _table(NEW, "route")
    # Only p08 kept keys before; other practices' keys have nowhere to go.
    p08 = sa.or_(
        new.c.route == "cbec_returns", new.c.route.startswith("cbec_returns/", autoescape=True)
    )
    op.execute(
        old.insert().from_select(list(COMMON), sa.select(*(new.c[c] for c in COMMON)).where(p08))
    )
    op.drop_table(NEW)
