"""The audit trail is written by the session hook: creates, updates, deletes, transitions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.audit import AuditEvent
from ftz.core.auth.principal import current_principal
from ftz.core.auth.service import get_user_by_username, principal_for
from ftz.practices.exam_certificates import service
from ftz.practices.exam_certificates.models import Candidate
from ftz.practices.exam_certificates.schemas import ApplicationCreate
from tests.practices.exam_certificates.factories import application_body


def _events(session: Session, entity_id: str) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
    return list(session.scalars(query))


def _as(session: Session, username: str):  # type: ignore[no-untyped-def]
    user = get_user_by_username(session, username)
    assert user is not None
    principal = principal_for(user, "test")
    current_principal.set(principal)
    return principal


def test_create_update_delete_are_audited_with_actor(session: Session) -> None:
    principal = _as(session, "ent.a")
    application = service.register_application(
        session, principal=principal, data=ApplicationCreate.model_validate(application_body())
    )
    candidate = application.candidate
    created = _events(session, candidate.id)
    assert created[0].action == "create"
    assert created[0].actor_username == "ent.a"
    assert created[0].owner_org_id == principal.org_id
    assert created[0].changes["after"]["full_name"] == "测试考生"
    assert "id_number" not in created[0].changes["after"]  # only the keyed hash is kept

    candidate.full_name = "改名"
    session.flush()
    update = _events(session, candidate.id)[-1]
    assert update.action == "update"
    assert update.changes == {"before": {"full_name": "测试考生"}, "after": {"full_name": "改名"}}

    held = candidate.held
    assert held == []
    request = application.requests[0]
    session.delete(application)
    session.flush()
    deleted = _events(session, request.id)[-1]
    assert deleted.action == "delete" and deleted.changes["before"]["status"] == "eligible"
    assert session.get(Candidate, candidate.id) is not None


def test_transitions_are_audited(session: Session) -> None:
    principal = _as(session, "ent.a")
    application = service.register_application(
        session, principal=principal, data=ApplicationCreate.model_validate(application_body())
    )
    actions = [e.action for e in _events(session, application.id)]
    assert actions[:3] == ["create", "update", "transition:check"]
    transition = _events(session, application.id)[2]
    assert transition.changes["from"] == "registered" and transition.changes["to"] == "checked"
