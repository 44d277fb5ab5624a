"""Business logic: keyword-only arguments; flush, never commit; typed errors."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.core.workflow import fire
from ftz.practices._template import repository
from ftz.practices._template.models import TemplateItem
from ftz.practices._template.schemas import ItemCreate
from ftz.practices._template.workflow import ItemFlow


def create_item(session: Session, *, principal: Principal, data: ItemCreate) -> TemplateItem:
    if principal.org_id is None:
        raise validation_error("org", "sign in as a member of an organization")
    item = TemplateItem(org_id=principal.org_id, title=data.title.strip(), status="draft")
    session.add(item)
    session.flush()
    return item


def approve_item(session: Session, *, principal: Principal, item_id: str) -> TemplateItem:
    item = repository.get_item(session, principal, item_id)
    fire(session, ItemFlow, item, "approve", principal=principal, owner_org_id=item.org_id)
    return item
