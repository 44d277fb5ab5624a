"""What the p15 API and page modules share: the transaction and permission dependencies, the
history of a record from the audit trail, and list filters as a query string."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from fastapi import Depends
from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.service import list_events
from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams

DB = Depends(get_db, scope="function")
READ = Depends(require("tech_transfer.read"))
DISCLOSE = Depends(require("tech_transfer.disclose"))
MANAGE = Depends(require("tech_transfer.manage"))
OVERSEE = Depends(require("tech_transfer.oversee"))
BASE = "/tech-transfer"


def history(session: Session, principal: Principal, *entity_ids: str) -> list[AuditEvent]:
    """The audit trail of records the caller has already been allowed to read, newest first."""
    found = list_events(
        session,
        principal=principal,
        entity_ids=list(entity_ids),
        params=PageParams(page=1, size=200),
    )
    return list(found.items)


def query_string(filters: Mapping[str, object]) -> str:
    return urlencode({k: v for k, v in filters.items() if v not in ("", None)})
