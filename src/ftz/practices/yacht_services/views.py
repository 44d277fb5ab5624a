"""What the edges share: list filters parsed once, and the transfer with its live time limit
and overdue commitments (computed for the reader's day, never stored stale)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.yacht_services import repository, transfers
from ftz.practices.yacht_services.common import local_zone
from ftz.practices.yacht_services.models import Transfer
from ftz.practices.yacht_services.workdays import working_days_before

SLA_CHOICES = ("met", "missed", "overdue")


def transfer_query(
    principal: Principal, *, status: str | None, sla: str | None, text: str | None
) -> Select[Any]:
    accepted_before = None
    if sla == "overdue":
        # Accepted on or before this day: more than 7 working days have passed by today.
        last = working_days_before(transfers.today(), 8)
        accepted_before = datetime.combine(last, time.max, tzinfo=local_zone())
    return repository.transfer_query(
        principal, status=status, sla=sla, text=text, accepted_before=accepted_before
    )


def transfer_live(transfer: Transfer) -> dict[str, Any]:
    return {
        "sla": transfers.sla(transfer),
        "overdue_commitments": [d["code"] for d in transfers.overdue_commitments(transfer)],
    }


def transfer_detail(session: Session, principal: Principal, transfer_id: str) -> dict[str, Any]:
    transfer = repository.get(session, principal, Transfer, transfer_id)
    return {"transfer": transfer, **transfer_live(transfer)}
