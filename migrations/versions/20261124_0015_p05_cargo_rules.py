"""p05 cargo_rules: the cargo registry (cargoes, versions per amendment or agreement, status
history), proposals to IMO / the UN sub-committee with their documents, and assessments of
unlisted goods with the three administrations' sign-offs.

Revision ID: 20261124_0015
Revises: 20261124_0014
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0015"
down_revision = "20261124_0014"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table('cargo_rules_cargo',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('name_zh', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('synonyms', _json(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('in_code', sa.Boolean(), nullable=False),
    sa.Column('amendment', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('regime', sa.String(length=8), nullable=False),
    sa.Column('imsbc_group', sa.String(length=2), nullable=False),
    sa.Column('mhb', sa.Boolean(), nullable=False),
    sa.Column('imdg_class', sa.String(length=4), nullable=False),
    sa.Column('un_number', sa.String(length=4), nullable=False),
    sa.Column('packing_group', sa.String(length=3), nullable=False),
    sa.Column('tml_test', sa.String(length=200), nullable=False),
    sa.Column('stowage_category', sa.String(length=1), nullable=False),
    sa.Column('segregation', sa.String(length=500), nullable=False),
    sa.Column('special_provisions', _json(), nullable=False),
    sa.Column('conditions_zh', sa.Text(), nullable=False),
    sa.Column('conditions_en', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cargo_rules_cargo')),
    sa.UniqueConstraint('code', name=op.f('uq_cargo_rules_cargo_code'))
    )
    op.create_index(op.f('ix_cargo_rules_cargo_imdg_class'), 'cargo_rules_cargo', ['imdg_class'], unique=False)
    op.create_index(op.f('ix_cargo_rules_cargo_imsbc_group'), 'cargo_rules_cargo', ['imsbc_group'], unique=False)
    op.create_index(op.f('ix_cargo_rules_cargo_name_en'), 'cargo_rules_cargo', ['name_en'], unique=False)
    op.create_index(op.f('ix_cargo_rules_cargo_name_zh'), 'cargo_rules_cargo', ['name_zh'], unique=False)
    op.create_index(op.f('ix_cargo_rules_cargo_regime'), 'cargo_rules_cargo', ['regime'], unique=False)
    op.create_index(op.f('ix_cargo_rules_cargo_status'), 'cargo_rules_cargo', ['status'], unique=False)
    op.create_index(op.f('ix_cargo_rules_cargo_un_number'), 'cargo_rules_cargo', ['un_number'], unique=False)
    op.create_table('cargo_rules_assessment',
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=True),
    sa.Column('goods_zh', sa.String(length=120), nullable=False),
    sa.Column('goods_en', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('mode', sa.String(length=8), nullable=False),
    sa.Column('loading_port', sa.String(length=60), nullable=False),
    sa.Column('discharge_port', sa.String(length=60), nullable=False),
    sa.Column('flag_state', sa.String(length=60), nullable=False),
    sa.Column('authority', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('findings', _json(), nullable=False),
    sa.Column('conditions', _json(), nullable=False),
    sa.Column('why', _json(), nullable=False),
    sa.Column('cargo_id', sa.String(length=26), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decision_note', sa.String(length=500), nullable=False),
    sa.Column('ledger_sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cargo_id'], ['cargo_rules_cargo.id'], name=op.f('fk_cargo_rules_assessment_cargo_id_cargo_rules_cargo')),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_cargo_rules_assessment_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cargo_rules_assessment')),
    sa.UniqueConstraint('number', name=op.f('uq_cargo_rules_assessment_number'))
    )
    op.create_index(op.f('ix_cargo_rules_assessment_cargo_id'), 'cargo_rules_assessment', ['cargo_id'], unique=False)
    op.create_index(op.f('ix_cargo_rules_assessment_org_id'), 'cargo_rules_assessment', ['org_id'], unique=False)
    op.create_index(op.f('ix_cargo_rules_assessment_status'), 'cargo_rules_assessment', ['status'], unique=False)
    op.create_table('cargo_rules_cargo_version',
    sa.Column('cargo_id', sa.String(length=26), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('conditions', _json(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.ForeignKeyConstraint(['cargo_id'], ['cargo_rules_cargo.id'], name=op.f('fk_cargo_rules_cargo_version_cargo_id_cargo_rules_cargo')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cargo_rules_cargo_version')),
    sa.UniqueConstraint('cargo_id', 'label', name=op.f('uq_cargo_rules_cargo_version_cargo_id_label'))
    )
    op.create_index(op.f('ix_cargo_rules_cargo_version_cargo_id'), 'cargo_rules_cargo_version', ['cargo_id'], unique=False)
    op.create_table('cargo_rules_proposal',
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('title_zh', sa.String(length=300), nullable=False),
    sa.Column('title_en', sa.String(length=300), nullable=False),
    sa.Column('instrument', sa.String(length=10), nullable=False),
    sa.Column('change', sa.String(length=20), nullable=False),
    sa.Column('proposer', sa.String(length=120), nullable=False),
    sa.Column('body', sa.String(length=40), nullable=False),
    sa.Column('session', sa.String(length=40), nullable=False),
    sa.Column('target_amendment', sa.String(length=40), nullable=False),
    sa.Column('cargo_id', sa.String(length=26), nullable=True),
    sa.Column('proposed', _json(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decision_note', sa.String(length=500), nullable=False),
    sa.Column('ledger_sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cargo_id'], ['cargo_rules_cargo.id'], name=op.f('fk_cargo_rules_proposal_cargo_id_cargo_rules_cargo')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cargo_rules_proposal')),
    sa.UniqueConstraint('number', name=op.f('uq_cargo_rules_proposal_number'))
    )
    op.create_index(op.f('ix_cargo_rules_proposal_cargo_id'), 'cargo_rules_proposal', ['cargo_id'], unique=False)
    op.create_index(op.f('ix_cargo_rules_proposal_instrument'), 'cargo_rules_proposal', ['instrument'], unique=False)
    op.create_index(op.f('ix_cargo_rules_proposal_status'), 'cargo_rules_proposal', ['status'], unique=False)
    op.create_table('cargo_rules_status_change',
    sa.Column('cargo_id', sa.String(length=26), nullable=False),
    sa.Column('from_status', sa.String(length=10), nullable=False),
    sa.Column('to_status', sa.String(length=10), nullable=False),
    sa.Column('reference', sa.String(length=60), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.ForeignKeyConstraint(['cargo_id'], ['cargo_rules_cargo.id'], name=op.f('fk_cargo_rules_status_change_cargo_id_cargo_rules_cargo')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cargo_rules_status_change'))
    )
    op.create_index(op.f('ix_cargo_rules_status_change_cargo_id'), 'cargo_rules_status_change', ['cargo_id'], unique=False)
    op.create_table('cargo_rules_proposal_document',
    sa.Column('proposal_id', sa.String(length=26), nullable=False),
    sa.Column('symbol', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('dated', sa.Date(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['cargo_rules_proposal.id'], name=op.f('fk_cargo_rules_proposal_document_proposal_id_cargo_rules_proposal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cargo_rules_proposal_document')),
    sa.UniqueConstraint('proposal_id', 'symbol', name=op.f('uq_cargo_rules_proposal_document_proposal_id_symbol'))
    )
    op.create_index(op.f('ix_cargo_rules_proposal_document_proposal_id'), 'cargo_rules_proposal_document', ['proposal_id'], unique=False)
    op.create_table('cargo_rules_sign_off',
    sa.Column('assessment_id', sa.String(length=26), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('authority', sa.String(length=120), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['cargo_rules_assessment.id'], name=op.f('fk_cargo_rules_sign_off_assessment_id_cargo_rules_assessment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cargo_rules_sign_off')),
    sa.UniqueConstraint('assessment_id', 'role', name=op.f('uq_cargo_rules_sign_off_assessment_id_role'))
    )
    op.create_index(op.f('ix_cargo_rules_sign_off_assessment_id'), 'cargo_rules_sign_off', ['assessment_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_cargo_rules_sign_off_assessment_id'), table_name='cargo_rules_sign_off')
    op.drop_table('cargo_rules_sign_off')
    op.drop_index(op.f('ix_cargo_rules_proposal_document_proposal_id'), table_name='cargo_rules_proposal_document')
    op.drop_table('cargo_rules_proposal_document')
    op.drop_index(op.f('ix_cargo_rules_status_change_cargo_id'), table_name='cargo_rules_status_change')
    op.drop_table('cargo_rules_status_change')
    op.drop_index(op.f('ix_cargo_rules_proposal_status'), table_name='cargo_rules_proposal')
    op.drop_index(op.f('ix_cargo_rules_proposal_instrument'), table_name='cargo_rules_proposal')
    op.drop_index(op.f('ix_cargo_rules_proposal_cargo_id'), table_name='cargo_rules_proposal')
    op.drop_table('cargo_rules_proposal')
    op.drop_index(op.f('ix_cargo_rules_cargo_version_cargo_id'), table_name='cargo_rules_cargo_version')
    op.drop_table('cargo_rules_cargo_version')
    op.drop_index(op.f('ix_cargo_rules_assessment_status'), table_name='cargo_rules_assessment')
    op.drop_index(op.f('ix_cargo_rules_assessment_org_id'), table_name='cargo_rules_assessment')
    op.drop_index(op.f('ix_cargo_rules_assessment_cargo_id'), table_name='cargo_rules_assessment')
    op.drop_table('cargo_rules_assessment')
    op.drop_index(op.f('ix_cargo_rules_cargo_un_number'), table_name='cargo_rules_cargo')
    op.drop_index(op.f('ix_cargo_rules_cargo_status'), table_name='cargo_rules_cargo')
    op.drop_index(op.f('ix_cargo_rules_cargo_regime'), table_name='cargo_rules_cargo')
    op.drop_index(op.f('ix_cargo_rules_cargo_name_zh'), table_name='cargo_rules_cargo')
    op.drop_index(op.f('ix_cargo_rules_cargo_name_en'), table_name='cargo_rules_cargo')
    op.drop_index(op.f('ix_cargo_rules_cargo_imsbc_group'), table_name='cargo_rules_cargo')
    op.drop_index(op.f('ix_cargo_rules_cargo_imdg_class'), table_name='cargo_rules_cargo')
    op.drop_table('cargo_rules_cargo')
