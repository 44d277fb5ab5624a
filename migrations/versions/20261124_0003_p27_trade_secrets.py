"""p27 trade secrets

Revision ID: 20261124_0003
Revises: 20261124_0002
Create Date: 2026-11-24 08:25:33.340645
"""
from alembic import op
import sqlalchemy as sa
import ftz.core.db.base
from sqlalchemy.dialects import postgresql

revision = '20261124_0003'
down_revision = '20261124_0002'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('trade_secrets_certification',
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('answers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('findings', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('decision', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('certificate_number', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_trade_secrets_certification_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_secrets_certification'))
    )
    with op.batch_alter_table('trade_secrets_certification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_secrets_certification_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trade_secrets_certification_status'), ['status'], unique=False)

    op.create_table('trade_secrets_project',
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_trade_secrets_project_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_secrets_project'))
    )
    with op.batch_alter_table('trade_secrets_project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_secrets_project_org_id'), ['org_id'], unique=False)

    op.create_table('trade_secrets_signing_key',
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('algorithm', sa.String(length=16), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('custody', sa.String(length=16), nullable=False),
    sa.Column('retired_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_trade_secrets_signing_key_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_secrets_signing_key')),
    sa.UniqueConstraint('key_id', name=op.f('uq_trade_secrets_signing_key_key_id'))
    )
    with op.batch_alter_table('trade_secrets_signing_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_secrets_signing_key_org_id'), ['org_id'], unique=False)

    op.create_table('trade_secrets_batch',
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('project_id', sa.String(length=26), nullable=True),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('first_index', sa.BigInteger(), nullable=False),
    sa.Column('registered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_trade_secrets_batch_org_id_core_organization')),
    sa.ForeignKeyConstraint(['project_id'], ['trade_secrets_project.id'], name=op.f('fk_trade_secrets_batch_project_id_trade_secrets_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_secrets_batch'))
    )
    with op.batch_alter_table('trade_secrets_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_secrets_batch_org_id'), ['org_id'], unique=False)

    op.create_table('trade_secrets_record',
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('project_id', sa.String(length=26), nullable=True),
    sa.Column('batch_id', sa.String(length=26), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('sm3', sa.String(length=64), nullable=False),
    sa.Column('contributors', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('salt', sa.String(length=32), nullable=False),
    sa.Column('commitment', sa.String(length=64), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('signature', sa.String(length=100), nullable=False),
    sa.Column('ledger_index', sa.BigInteger(), nullable=False),
    sa.Column('registered_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['trade_secrets_batch.id'], name=op.f('fk_trade_secrets_record_batch_id_trade_secrets_batch')),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_trade_secrets_record_org_id_core_organization')),
    sa.ForeignKeyConstraint(['project_id'], ['trade_secrets_project.id'], name=op.f('fk_trade_secrets_record_project_id_trade_secrets_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_secrets_record'))
    )
    with op.batch_alter_table('trade_secrets_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_secrets_record_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trade_secrets_record_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trade_secrets_record_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trade_secrets_record_sha256'), ['sha256'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('trade_secrets_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_secrets_record_sha256'))
        batch_op.drop_index(batch_op.f('ix_trade_secrets_record_project_id'))
        batch_op.drop_index(batch_op.f('ix_trade_secrets_record_org_id'))
        batch_op.drop_index(batch_op.f('ix_trade_secrets_record_batch_id'))

    op.drop_table('trade_secrets_record')
    with op.batch_alter_table('trade_secrets_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_secrets_batch_org_id'))

    op.drop_table('trade_secrets_batch')
    with op.batch_alter_table('trade_secrets_signing_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_secrets_signing_key_org_id'))

    op.drop_table('trade_secrets_signing_key')
    with op.batch_alter_table('trade_secrets_project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_secrets_project_org_id'))

    op.drop_table('trade_secrets_project')
    with op.batch_alter_table('trade_secrets_certification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_secrets_certification_status'))
        batch_op.drop_index(batch_op.f('ix_trade_secrets_certification_org_id'))

    op.drop_table('trade_secrets_certification')

