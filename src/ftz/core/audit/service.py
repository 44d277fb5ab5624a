"""Reading the audit trail, scoped: enterprises see only events on their own records."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import Page, PageParams, paginate_query


def list_events(
    session: Session,
    *,
    principal: Principal,
    entity_type: str | None = None,
    entity_id: str | None = None,
    entity_ids: list[str] | None = None,
    params: PageParams,
) -> Page[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    if entity_type:
        query = query.where(AuditEvent.entity_type == entity_type)
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    if entity_ids is not None:
        query = query.where(AuditEvent.entity_id.in_(entity_ids))
    if principal.is_enterprise:
        query = query.where(AuditEvent.owner_org_id == principal.org_id)
    return paginate_query(session, query, params)
