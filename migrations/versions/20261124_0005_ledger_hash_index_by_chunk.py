"""ledger hash index keyed by chunk of 4,096 leaves, so batched appends stay sequential

Revision ID: 20261124_0005
Revises: 20261124_0004
Create Date: 2026-11-24 12:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "20261124_0005"
down_revision = "20261124_0004"
branch_labels = None
depends_on = None

CHUNK_BITS = 12


def _create(with_chunk: bool) -> None:
    columns = [sa.Column("log_id", sa.Integer(), nullable=False)]
    key = ["log_id"]
    if with_chunk:
        columns.append(sa.Column("chunk", sa.BigInteger(), autoincrement=False, nullable=False))
        key.append("chunk")
    columns += [
        sa.Column("prefix", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("idx", sa.BigInteger(), autoincrement=False, nullable=False),
    ]
    key += ["prefix", "idx"]
    op.create_table(
        "ledger_leaf_hash",
        *columns,
        sa.ForeignKeyConstraint(
            ["log_id"], ["ledger_log.id"], name=op.f("fk_ledger_leaf_hash_log_id_ledger_log")
        ),
        sa.PrimaryKeyConstraint(*key, name=op.f("pk_ledger_leaf_hash")),
        sqlite_with_rowid=False,
    )


def _refill(with_chunk: bool) -> None:
    """Rebuild the index from the leaves (the prefix is computed here, as the store does)."""
    bind = op.get_bind()
    table = sa.table(
        "ledger_leaf_hash",
        sa.column("log_id"),
        sa.column("chunk"),
        sa.column("prefix"),
        sa.column("idx"),
    )
    leaves = bind.execute(sa.text("SELECT log_id, idx, leaf_hash FROM ledger_leaf"))
    while batch := leaves.fetchmany(10_000):
        rows = []
        for log_id, idx, leaf_hash in batch:
            row = {
                "log_id": log_id,
                "prefix": int.from_bytes(bytes(leaf_hash)[:8], "big", signed=True),
                "idx": idx,
            }
            if with_chunk:
                row["chunk"] = idx >> CHUNK_BITS
            rows.append(row)
        bind.execute(table.insert() if with_chunk else _without_chunk(), rows)


def _without_chunk() -> sa.Insert:
    return sa.table(
        "ledger_leaf_hash", sa.column("log_id"), sa.column("prefix"), sa.column("idx")
    ).insert()


def upgrade() -> None:
    op.drop_table("ledger_leaf_hash")
    _create(with_chunk=True)
    _refill(with_chunk=True)


def downgrade() -> None:
    op.drop_table("ledger_leaf_hash")
    _create(with_chunk=False)
    _refill(with_chunk=False)
