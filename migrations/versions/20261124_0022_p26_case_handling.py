"""p26 case_handling and domain/legal: the law corpus (laws by version, articles, imports) and
the five-step case handling tables (court members, cases with parties, the three searches,
submissions and answers, reports, checklists, reviews and findings, judgments, surveys).

Revision ID: 20261124_0022
Revises: 20261124_0021
Create Date: 2026-11-24 15:30:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import ftz.core.db.base

revision = "20261124_0022"
down_revision = "20261124_0021"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:  # JSON, JSONB on PostgreSQL
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table('case_handling_judgment',
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('court', sa.String(length=100), nullable=False),
    sa.Column('cause', sa.String(length=100), nullable=False),
    sa.Column('case_type', sa.String(length=32), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('judge', sa.String(length=100), nullable=False),
    sa.Column('parties', _json(), nullable=False),
    sa.Column('amount_cny', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('reasoning', sa.Text(), nullable=False),
    sa.Column('holding', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('laws_cited', _json(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_judgment')),
    sa.UniqueConstraint('number', name=op.f('uq_case_handling_judgment_number'))
    )
    op.create_index(op.f('ix_case_handling_judgment_case_type'), 'case_handling_judgment', ['case_type'], unique=False)
    op.create_index(op.f('ix_case_handling_judgment_court'), 'case_handling_judgment', ['court'], unique=False)
    op.create_index(op.f('ix_case_handling_judgment_decided_on'), 'case_handling_judgment', ['decided_on'], unique=False)
    op.create_table('legal_import',
    sa.Column('source', sa.String(length=500), nullable=False),
    sa.Column('source_sha256', sa.String(length=64), nullable=False),
    sa.Column('laws_added', sa.Integer(), nullable=False),
    sa.Column('laws_updated', sa.Integer(), nullable=False),
    sa.Column('articles_added', sa.Integer(), nullable=False),
    sa.Column('articles_updated', sa.Integer(), nullable=False),
    sa.Column('articles_removed', sa.Integer(), nullable=False),
    sa.Column('articles_total', sa.Integer(), nullable=False),
    sa.Column('selection', _json(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_import'))
    )
    op.create_table('legal_law',
    sa.Column('source_key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('short_name', sa.String(length=300), nullable=False),
    sa.Column('doc_type', sa.String(length=40), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('issuing_body', sa.String(length=200), nullable=False),
    sa.Column('department', sa.String(length=40), nullable=False),
    sa.Column('publish_date', sa.Date(), nullable=True),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('version_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_law')),
    sa.UniqueConstraint('source_key', name=op.f('uq_legal_law_source_key'))
    )
    op.create_index(op.f('ix_legal_law_name'), 'legal_law', ['name'], unique=False)
    op.create_index(op.f('ix_legal_law_short_name'), 'legal_law', ['short_name'], unique=False)
    op.create_index(op.f('ix_legal_law_status'), 'legal_law', ['status'], unique=False)
    op.create_table('case_handling_survey',
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('respondents', sa.Integer(), nullable=False),
    sa.Column('satisfied', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_survey_court_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_survey')),
    sa.UniqueConstraint('court_org_id', 'year', 'label', name='uq_case_handling_survey')
    )
    op.create_index(op.f('ix_case_handling_survey_year'), 'case_handling_survey', ['year'], unique=False)
    op.create_table('legal_article',
    sa.Column('law_id', sa.String(length=26), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('article_no', sa.String(length=40), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('chapter', sa.String(length=200), nullable=False),
    sa.Column('section', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['law_id'], ['legal_law.id'], name=op.f('fk_legal_article_law_id_legal_law'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_article')),
    sa.UniqueConstraint('law_id', 'position', name='uq_legal_article_position')
    )
    op.create_index('ix_legal_article_law_number', 'legal_article', ['law_id', 'number'], unique=False)
    op.create_table('case_handling_case',
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('court', sa.String(length=100), nullable=False),
    sa.Column('cause', sa.String(length=100), nullable=False),
    sa.Column('case_type', sa.String(length=32), nullable=False),
    sa.Column('procedure', sa.String(length=24), nullable=False),
    sa.Column('ftz_enterprise', sa.Boolean(), nullable=False),
    sa.Column('claims', sa.Text(), nullable=False),
    sa.Column('subject_matter', sa.String(length=300), nullable=False),
    sa.Column('amount_cny', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('judge_user_id', sa.String(length=26), nullable=True),
    sa.Column('judge_name', sa.String(length=100), nullable=False),
    sa.Column('linked_numbers', _json(), nullable=False),
    sa.Column('facts', _json(), nullable=False),
    sa.Column('track', sa.String(length=8), nullable=False),
    sa.Column('procedure_hint', sa.String(length=24), nullable=False),
    sa.Column('triage', _json(), nullable=False),
    sa.Column('review_requirement', sa.String(length=24), nullable=False),
    sa.Column('review_rule', _json(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('ledger_index', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_case_court_org_id_core_organization')),
    sa.ForeignKeyConstraint(['judge_user_id'], ['core_user.id'], name=op.f('fk_case_handling_case_judge_user_id_core_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_case')),
    sa.UniqueConstraint('number', name=op.f('uq_case_handling_case_number'))
    )
    op.create_index(op.f('ix_case_handling_case_case_type'), 'case_handling_case', ['case_type'], unique=False)
    op.create_index(op.f('ix_case_handling_case_closed_on'), 'case_handling_case', ['closed_on'], unique=False)
    op.create_index(op.f('ix_case_handling_case_court_org_id'), 'case_handling_case', ['court_org_id'], unique=False)
    op.create_index(op.f('ix_case_handling_case_filed_on'), 'case_handling_case', ['filed_on'], unique=False)
    op.create_index(op.f('ix_case_handling_case_ftz_enterprise'), 'case_handling_case', ['ftz_enterprise'], unique=False)
    op.create_index(op.f('ix_case_handling_case_status'), 'case_handling_case', ['status'], unique=False)
    op.create_index(op.f('ix_case_handling_case_track'), 'case_handling_case', ['track'], unique=False)
    op.create_table('case_handling_member',
    sa.Column('user_id', sa.String(length=26), nullable=False),
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('position', sa.String(length=24), nullable=False),
    sa.Column('division', sa.String(length=100), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_member_court_org_id_core_organization')),
    sa.ForeignKeyConstraint(['user_id'], ['core_user.id'], name=op.f('fk_case_handling_member_user_id_core_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_member')),
    sa.UniqueConstraint('user_id', name=op.f('uq_case_handling_member_user_id'))
    )
    op.create_index(op.f('ix_case_handling_member_court_org_id'), 'case_handling_member', ['court_org_id'], unique=False)
    op.create_table('case_handling_checklist',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('guide', sa.String(length=16), nullable=False),
    sa.Column('item_id', sa.String(length=40), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_handling_case.id'], name=op.f('fk_case_handling_checklist_case_id_case_handling_case')),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_checklist_court_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_checklist')),
    sa.UniqueConstraint('case_id', 'item_id', name='uq_case_handling_checklist_item')
    )
    op.create_index(op.f('ix_case_handling_checklist_case_id'), 'case_handling_checklist', ['case_id'], unique=False)
    op.create_table('case_handling_party',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('ftz_enterprise', sa.Boolean(), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=True),
    sa.Column('counsel', sa.String(length=200), nullable=False),
    sa.Column('counsel_org_id', sa.String(length=26), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_handling_case.id'], name=op.f('fk_case_handling_party_case_id_case_handling_case')),
    sa.ForeignKeyConstraint(['counsel_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_party_counsel_org_id_core_organization')),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_party_court_org_id_core_organization')),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_case_handling_party_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_party'))
    )
    op.create_index(op.f('ix_case_handling_party_case_id'), 'case_handling_party', ['case_id'], unique=False)
    op.create_index(op.f('ix_case_handling_party_counsel_org_id'), 'case_handling_party', ['counsel_org_id'], unique=False)
    op.create_index(op.f('ix_case_handling_party_name'), 'case_handling_party', ['name'], unique=False)
    op.create_index(op.f('ix_case_handling_party_org_id'), 'case_handling_party', ['org_id'], unique=False)
    op.create_table('case_handling_report',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('analysis', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('snapshot', _json(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('finalized_by', sa.String(length=100), nullable=False),
    sa.Column('finalized_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ledger_index', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_handling_case.id'], name=op.f('fk_case_handling_report_case_id_case_handling_case')),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_report_court_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_report')),
    sa.UniqueConstraint('case_id', name=op.f('uq_case_handling_report_case_id'))
    )
    op.create_table('case_handling_review',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('reviewer', sa.String(length=100), nullable=False),
    sa.Column('position', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('ledger_index', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_handling_case.id'], name=op.f('fk_case_handling_review_case_id_case_handling_case')),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_review_court_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_review'))
    )
    op.create_index(op.f('ix_case_handling_review_case_id'), 'case_handling_review', ['case_id'], unique=False)
    op.create_table('case_handling_search',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('filters', _json(), nullable=False),
    sa.Column('mode', sa.String(length=8), nullable=False),
    sa.Column('results', _json(), nullable=False),
    sa.Column('searched', sa.Integer(), nullable=False),
    sa.Column('run_by', sa.String(length=100), nullable=False),
    sa.Column('conclusion', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_handling_case.id'], name=op.f('fk_case_handling_search_case_id_case_handling_case')),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_search_court_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_search'))
    )
    op.create_index(op.f('ix_case_handling_search_case_id'), 'case_handling_search', ['case_id'], unique=False)
    op.create_table('case_handling_finding',
    sa.Column('review_id', sa.String(length=26), nullable=False),
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('court_org_id', sa.String(length=26), nullable=False),
    sa.Column('category', sa.String(length=24), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('rectification', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_handling_case.id'], name=op.f('fk_case_handling_finding_case_id_case_handling_case')),
    sa.ForeignKeyConstraint(['court_org_id'], ['core_organization.id'], name=op.f('fk_case_handling_finding_court_org_id_core_organization')),
    sa.ForeignKeyConstraint(['review_id'], ['case_handling_review.id'], name=op.f('fk_case_handling_finding_review_id_case_handling_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_finding'))
    )
    op.create_index(op.f('ix_case_handling_finding_case_id'), 'case_handling_finding', ['case_id'], unique=False)
    op.create_index(op.f('ix_case_handling_finding_review_id'), 'case_handling_finding', ['review_id'], unique=False)
    op.create_table('case_handling_submission',
    sa.Column('case_id', sa.String(length=26), nullable=False),
    sa.Column('party_id', sa.String(length=26), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('submitted_by', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('cited', _json(), nullable=False),
    sa.Column('argument', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('position', sa.String(length=16), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_by', sa.String(length=100), nullable=False),
    sa.Column('answered_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_handling_case.id'], name=op.f('fk_case_handling_submission_case_id_case_handling_case')),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_case_handling_submission_org_id_core_organization')),
    sa.ForeignKeyConstraint(['party_id'], ['case_handling_party.id'], name=op.f('fk_case_handling_submission_party_id_case_handling_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_handling_submission'))
    )
    op.create_index(op.f('ix_case_handling_submission_case_id'), 'case_handling_submission', ['case_id'], unique=False)
    op.create_index(op.f('ix_case_handling_submission_org_id'), 'case_handling_submission', ['org_id'], unique=False)
    op.create_index(op.f('ix_case_handling_submission_status'), 'case_handling_submission', ['status'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_case_handling_submission_status'), table_name='case_handling_submission')
    op.drop_index(op.f('ix_case_handling_submission_org_id'), table_name='case_handling_submission')
    op.drop_index(op.f('ix_case_handling_submission_case_id'), table_name='case_handling_submission')
    op.drop_table('case_handling_submission')
    op.drop_index(op.f('ix_case_handling_finding_review_id'), table_name='case_handling_finding')
    op.drop_index(op.f('ix_case_handling_finding_case_id'), table_name='case_handling_finding')
    op.drop_table('case_handling_finding')
    op.drop_index(op.f('ix_case_handling_search_case_id'), table_name='case_handling_search')
    op.drop_table('case_handling_search')
    op.drop_index(op.f('ix_case_handling_review_case_id'), table_name='case_handling_review')
    op.drop_table('case_handling_review')
    op.drop_table('case_handling_report')
    op.drop_index(op.f('ix_case_handling_party_org_id'), table_name='case_handling_party')
    op.drop_index(op.f('ix_case_handling_party_name'), table_name='case_handling_party')
    op.drop_index(op.f('ix_case_handling_party_counsel_org_id'), table_name='case_handling_party')
    op.drop_index(op.f('ix_case_handling_party_case_id'), table_name='case_handling_party')
    op.drop_table('case_handling_party')
    op.drop_index(op.f('ix_case_handling_checklist_case_id'), table_name='case_handling_checklist')
    op.drop_table('case_handling_checklist')
    op.drop_index(op.f('ix_case_handling_member_court_org_id'), table_name='case_handling_member')
    op.drop_table('case_handling_member')
    op.drop_index(op.f('ix_case_handling_case_track'), table_name='case_handling_case')
    op.drop_index(op.f('ix_case_handling_case_status'), table_name='case_handling_case')
    op.drop_index(op.f('ix_case_handling_case_ftz_enterprise'), table_name='case_handling_case')
    op.drop_index(op.f('ix_case_handling_case_filed_on'), table_name='case_handling_case')
    op.drop_index(op.f('ix_case_handling_case_court_org_id'), table_name='case_handling_case')
    op.drop_index(op.f('ix_case_handling_case_closed_on'), table_name='case_handling_case')
    op.drop_index(op.f('ix_case_handling_case_case_type'), table_name='case_handling_case')
    op.drop_table('case_handling_case')
    op.drop_index('ix_legal_article_law_number', table_name='legal_article')
    op.drop_table('legal_article')
    op.drop_index(op.f('ix_case_handling_survey_year'), table_name='case_handling_survey')
    op.drop_table('case_handling_survey')
    op.drop_index(op.f('ix_legal_law_status'), table_name='legal_law')
    op.drop_index(op.f('ix_legal_law_short_name'), table_name='legal_law')
    op.drop_index(op.f('ix_legal_law_name'), table_name='legal_law')
    op.drop_table('legal_law')
    op.drop_table('legal_import')
    op.drop_index(op.f('ix_case_handling_judgment_decided_on'), table_name='case_handling_judgment')
    op.drop_index(op.f('ix_case_handling_judgment_court'), table_name='case_handling_judgment')
    op.drop_index(op.f('ix_case_handling_judgment_case_type'), table_name='case_handling_judgment')
    op.drop_table('case_handling_judgment')
