"""foundation and p12 exam certificates

Revision ID: 20261124_0001
Revises: 
Create Date: 2026-11-24 07:43:54.734602
"""
from alembic import op
import sqlalchemy as sa
import ftz.core.db.base
from sqlalchemy.dialects import postgresql

revision = '20261124_0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('core_audit_event',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('occurred_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_user_id', sa.String(length=26), nullable=True),
    sa.Column('actor_username', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity_type', sa.String(length=100), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('owner_org_id', sa.String(length=26), nullable=True),
    sa.Column('changes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_audit_event'))
    )
    with op.batch_alter_table('core_audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_core_audit_event_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_core_audit_event_entity_type'), ['entity_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_core_audit_event_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_core_audit_event_owner_org_id'), ['owner_org_id'], unique=False)

    op.create_table('core_organization',
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('department', sa.String(length=64), nullable=True),
    sa.Column('uscc', sa.String(length=18), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_organization')),
    sa.UniqueConstraint('code', name=op.f('uq_core_organization_code'))
    )
    op.create_table('core_user',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('session_version', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_core_user_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_user')),
    sa.UniqueConstraint('username', name=op.f('uq_core_user_username'))
    )
    with op.batch_alter_table('core_user', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_core_user_org_id'), ['org_id'], unique=False)

    op.create_table('exam_certificates_candidate',
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('full_name', sa.String(length=100), nullable=False),
    sa.Column('id_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('id_masked', sa.String(length=18), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('education', sa.Integer(), nullable=False),
    sa.Column('health_ok', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_exam_certificates_candidate_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_certificates_candidate')),
    sa.UniqueConstraint('org_id', 'id_fingerprint', name=op.f('uq_exam_certificates_candidate_org_id_id_fingerprint'))
    )
    with op.batch_alter_table('exam_certificates_candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_certificates_candidate_id_fingerprint'), ['id_fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_certificates_candidate_org_id'), ['org_id'], unique=False)

    op.create_table('core_api_token',
    sa.Column('user_id', sa.String(length=26), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=12), nullable=False),
    sa.Column('last_used_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['core_user.id'], name=op.f('fk_core_api_token_user_id_core_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_api_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_core_api_token_token_hash'))
    )
    with op.batch_alter_table('core_api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_core_api_token_user_id'), ['user_id'], unique=False)

    op.create_table('core_user_role',
    sa.Column('user_id', sa.String(length=26), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['core_user.id'], name=op.f('fk_core_user_role_user_id_core_user')),
    sa.PrimaryKeyConstraint('user_id', 'role', name=op.f('pk_core_user_role'))
    )
    op.create_table('exam_certificates_application',
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('candidate_id', sa.String(length=26), nullable=False),
    sa.Column('trade', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('experience_years', sa.Float(), nullable=False),
    sa.Column('apprenticeship_done', sa.Boolean(), nullable=False),
    sa.Column('vocational_graduate', sa.Boolean(), nullable=False),
    sa.Column('exam_date', sa.Date(), nullable=True),
    sa.Column('theory_score', sa.Integer(), nullable=True),
    sa.Column('practical_score', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['exam_certificates_candidate.id'], name=op.f('fk_exam_certificates_application_candidate_id_exam_certificates_candidate')),
    sa.ForeignKeyConstraint(['org_id'], ['core_organization.id'], name=op.f('fk_exam_certificates_application_org_id_core_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_certificates_application'))
    )
    with op.batch_alter_table('exam_certificates_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_certificates_application_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_certificates_application_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_certificates_application_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_certificates_application_trade'), ['trade'], unique=False)

    op.create_table('exam_certificates_held',
    sa.Column('candidate_id', sa.String(length=26), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('certificate_code', sa.String(length=32), nullable=False),
    sa.Column('certificate_number', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['exam_certificates_candidate.id'], name=op.f('fk_exam_certificates_held_candidate_id_exam_certificates_candidate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_certificates_held')),
    sa.UniqueConstraint('candidate_id', 'certificate_code', name=op.f('uq_exam_certificates_held_candidate_id_certificate_code'))
    )
    with op.batch_alter_table('exam_certificates_held', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_certificates_held_org_id'), ['org_id'], unique=False)

    op.create_table('exam_certificates_request',
    sa.Column('application_id', sa.String(length=26), nullable=False),
    sa.Column('org_id', sa.String(length=26), nullable=False),
    sa.Column('certificate_code', sa.String(length=32), nullable=False),
    sa.Column('department', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('eligibility', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('decision', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('certificate_number', sa.String(length=64), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.String(length=26), nullable=False),
    sa.Column('created_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', ftz.core.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['exam_certificates_application.id'], name=op.f('fk_exam_certificates_request_application_id_exam_certificates_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_certificates_request')),
    sa.UniqueConstraint('application_id', 'department', name=op.f('uq_exam_certificates_request_application_id_department')),
    sa.UniqueConstraint('certificate_number', name=op.f('uq_exam_certificates_request_certificate_number'))
    )
    with op.batch_alter_table('exam_certificates_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_certificates_request_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_certificates_request_department'), ['department'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_certificates_request_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_certificates_request_status'), ['status'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('exam_certificates_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_certificates_request_status'))
        batch_op.drop_index(batch_op.f('ix_exam_certificates_request_org_id'))
        batch_op.drop_index(batch_op.f('ix_exam_certificates_request_department'))
        batch_op.drop_index(batch_op.f('ix_exam_certificates_request_application_id'))

    op.drop_table('exam_certificates_request')
    with op.batch_alter_table('exam_certificates_held', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_certificates_held_org_id'))

    op.drop_table('exam_certificates_held')
    with op.batch_alter_table('exam_certificates_application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_certificates_application_trade'))
        batch_op.drop_index(batch_op.f('ix_exam_certificates_application_status'))
        batch_op.drop_index(batch_op.f('ix_exam_certificates_application_org_id'))
        batch_op.drop_index(batch_op.f('ix_exam_certificates_application_candidate_id'))

    op.drop_table('exam_certificates_application')
    op.drop_table('core_user_role')
    with op.batch_alter_table('core_api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_core_api_token_user_id'))

    op.drop_table('core_api_token')
    with op.batch_alter_table('exam_certificates_candidate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_certificates_candidate_org_id'))
        batch_op.drop_index(batch_op.f('ix_exam_certificates_candidate_id_fingerprint'))

    op.drop_table('exam_certificates_candidate')
    with op.batch_alter_table('core_user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_core_user_org_id'))

    op.drop_table('core_user')
    op.drop_table('core_organization')
    with op.batch_alter_table('core_audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_core_audit_event_owner_org_id'))
        batch_op.drop_index(batch_op.f('ix_core_audit_event_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_core_audit_event_entity_type'))
        batch_op.drop_index(batch_op.f('ix_core_audit_event_entity_id'))

    op.drop_table('core_audit_event')

