"""Dependencies shared by the p24 API modules, and the audit history of one record."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Depends
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams

DB = Depends(get_db, scope="function")
READ = Depends(require("china_vietnam_transport.read"))
OPERATE = Depends(require("china_vietnam_transport.operate"))
REVIEW = Depends(require("china_vietnam_transport.review"))


def history(session: Session, *, principal: Principal, entity_id: str) -> list[dict[str, Any]]:
    """The audit trail of one record, newest first (enterprises: events they own)."""
    found = list_events(
        session, principal=principal, entity_id=entity_id, params=PageParams(page=1, size=100)
    )
    return [
        {
            "at": e.occurred_at,
            "action": e.action,
            "actor": e.actor_username,
            "summary": json.dumps(e.changes, ensure_ascii=False, default=str),
        }
        for e in found.items
    ]
