"""Every query of the practice, scoped by the caller's organization and role."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.practices._template.models import TemplateItem


def get_item(session: Session, principal: Principal, item_id: str) -> TemplateItem:
    query = select(TemplateItem).where(TemplateItem.id == item_id)
    if principal.is_enterprise:
        query = query.where(TemplateItem.org_id == principal.org_id)
    item = session.scalar(query)
    if item is None:
        raise not_found("item")
    return item
