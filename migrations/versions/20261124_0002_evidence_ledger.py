"""evidence ledger

Revision ID: 20261124_0002
Revises: 20261124_0001
Create Date: 2026-11-24 08:09:19.523802
"""
from alembic import op
import sqlalchemy as sa
import ftz.core.db.base


revision = '20261124_0002'
down_revision = '20261124_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('ledger_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('origin', sa.String(length=200), nullable=False),
    sa.Column('tree_size', sa.BigInteger(), nullable=False),
    sa.Column('root_hash', sa.LargeBinary(length=32), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_log')),
    sa.UniqueConstraint('origin', name=op.f('uq_ledger_log_origin'))
    )
    op.create_table('ledger_pending',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('origin', sa.String(length=200), nullable=False),
    sa.Column('entry', sa.LargeBinary(), nullable=False),
    sa.Column('ref', sa.String(length=120), nullable=True),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_pending'))
    )
    with op.batch_alter_table('ledger_pending', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_pending_origin'), ['origin'], unique=False)

    op.create_table('ledger_checkpoint',
    sa.Column('log_id', sa.Integer(), nullable=False),
    sa.Column('tree_size', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('root_hash', sa.LargeBinary(length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('timestamp_token', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['log_id'], ['ledger_log.id'], name=op.f('fk_ledger_checkpoint_log_id_ledger_log')),
    sa.PrimaryKeyConstraint('log_id', 'tree_size', name=op.f('pk_ledger_checkpoint'))
    )
    op.create_table('ledger_leaf',
    sa.Column('log_id', sa.Integer(), nullable=False),
    sa.Column('idx', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('leaf_hash', sa.LargeBinary(length=32), nullable=False),
    sa.Column('entry', sa.LargeBinary(), nullable=False),
    sa.Column('ref', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['log_id'], ['ledger_log.id'], name=op.f('fk_ledger_leaf_log_id_ledger_log')),
    sa.PrimaryKeyConstraint('log_id', 'idx', name=op.f('pk_ledger_leaf')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('ledger_leaf', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_leaf_ref', ['ref'], unique=False, sqlite_where=sa.text('ref IS NOT NULL'), postgresql_where=sa.text('ref IS NOT NULL'))

    op.create_table('ledger_leaf_hash',
    sa.Column('log_id', sa.Integer(), nullable=False),
    sa.Column('prefix', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('idx', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.ForeignKeyConstraint(['log_id'], ['ledger_log.id'], name=op.f('fk_ledger_leaf_hash_log_id_ledger_log')),
    sa.PrimaryKeyConstraint('log_id', 'prefix', 'idx', name=op.f('pk_ledger_leaf_hash')),
    sqlite_with_rowid=False
    )
    op.create_table('ledger_node',
    sa.Column('log_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('idx', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('hash', sa.LargeBinary(length=32), nullable=False),
    sa.ForeignKeyConstraint(['log_id'], ['ledger_log.id'], name=op.f('fk_ledger_node_log_id_ledger_log')),
    sa.PrimaryKeyConstraint('log_id', 'level', 'idx', name=op.f('pk_ledger_node')),
    sqlite_with_rowid=False
    )



def downgrade() -> None:

    op.drop_table('ledger_node')
    op.drop_table('ledger_leaf_hash')
    with op.batch_alter_table('ledger_leaf', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_leaf_ref', sqlite_where=sa.text('ref IS NOT NULL'), postgresql_where=sa.text('ref IS NOT NULL'))

    op.drop_table('ledger_leaf')
    op.drop_table('ledger_checkpoint')
    with op.batch_alter_table('ledger_pending', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_pending_origin'))

    op.drop_table('ledger_pending')
    op.drop_table('ledger_log')

