"""p19 trade mediation

Revision ID: 20261124_0004
Revises: 20261124_0003
Create Date: 2026-11-24 08:33:20.268827
"""
from alembic import op
import sqlalchemy as sa
import ftz.core.db.base
from sqlalchemy.dialects import postgresql

revision = '20261124_0004'
down_revision = '20261124_0003'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('trade_mediation_case',
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('dispute_type', sa.String(length=32), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('amount_cny', sa.BigInteger(), nullable=False),
    sa.Column('province', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('mediator', sa.String(length=64), nullable=True),
    sa.Column('referral', sa.String(length=32), nullable=True),
    sa.Column('outcome', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_trade_mediation_case_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_mediation_case')),
    sa.UniqueConstraint('number', name=op.f('uq_trade_mediation_case_number'))
    )
    with op.batch_alter_table('trade_mediation_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_mediation_case_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trade_mediation_case_status'), ['status'], unique=False)

    op.create_table('trade_mediation_agreement',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('terms', sa.Text(), nullable=False),
    sa.Column('terms_sha256', sa.String(length=64), nullable=False),
    sa.Column('payment_cny', sa.BigInteger(), nullable=False),
    sa.Column('enforcement_consent', sa.Boolean(), nullable=False),
    sa.Column('signatures', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('notarial_number', sa.String(length=64), nullable=True),
    sa.Column('notarized_by', sa.String(length=64), nullable=True),
    sa.Column('enforceability', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['trade_mediation_case.id'], name=op.f('fk_trade_mediation_agreement_case_id_trade_mediation_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_mediation_agreement')),
    sa.UniqueConstraint('case_id', name=op.f('uq_trade_mediation_agreement_case_id'))
    )
    op.create_table('trade_mediation_evidence',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('party_role', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('ledger_index', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['trade_mediation_case.id'], name=op.f('fk_trade_mediation_evidence_case_id_trade_mediation_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_mediation_evidence'))
    )
    with op.batch_alter_table('trade_mediation_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_mediation_evidence_case_id'), ['case_id'], unique=False)

    op.create_table('trade_mediation_party',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('representative', sa.String(length=100), nullable=False),
    sa.Column('signing_code_hash', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['trade_mediation_case.id'], name=op.f('fk_trade_mediation_party_case_id_trade_mediation_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_mediation_party'))
    )
    with op.batch_alter_table('trade_mediation_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_mediation_party_case_id'), ['case_id'], unique=False)

    op.create_table('trade_mediation_session',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('scheduled_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('interpreter', sa.Boolean(), nullable=False),
    sa.Column('minutes_sha256', sa.String(length=64), nullable=True),
    sa.Column('held', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['trade_mediation_case.id'], name=op.f('fk_trade_mediation_session_case_id_trade_mediation_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trade_mediation_session'))
    )
    with op.batch_alter_table('trade_mediation_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trade_mediation_session_case_id'), ['case_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('trade_mediation_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_mediation_session_case_id'))

    op.drop_table('trade_mediation_session')
    with op.batch_alter_table('trade_mediation_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_mediation_party_case_id'))

    op.drop_table('trade_mediation_party')
    with op.batch_alter_table('trade_mediation_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_mediation_evidence_case_id'))

    op.drop_table('trade_mediation_evidence')
    op.drop_table('trade_mediation_agreement')
    with op.batch_alter_table('trade_mediation_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trade_mediation_case_status'))
        batch_op.drop_index(batch_op.f('ix_trade_mediation_case_org_id'))

    op.drop_table('trade_mediation_case')

