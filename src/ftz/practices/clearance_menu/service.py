"""p10 service: recommendations (recorded when an enterprise asks), the enterprise's choice
anchored in the evidence ledger, the records' history, and the customs officers' statistics."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.pagination import Page, PageParams
from ftz.core.ledger import service as ledger
from ftz.practices.clearance_menu import menu, repository
from ftz.practices.clearance_menu.models import MenuRecord
from ftz.practices.clearance_menu.permissions import DEPARTMENTS
from ftz.practices.clearance_menu.schemas import MenuRequest

LOG = ledger.EVIDENCE_LOG


def recommend(
    session: Session, *, principal: Principal, request: MenuRequest, at: datetime | None = None
) -> dict[str, Any]:
    """The recommendation; an enterprise's request is also recorded (its `request_id` is how it
    then records its choice), so the government sees what enterprises asked for."""
    result = menu.recommend(request)
    if not principal.is_enterprise or principal.org_id is None:
        return {**result, "request_id": None}
    when = at or utcnow()
    record = MenuRecord(
        org_id=principal.org_id,
        direction=request.direction,
        transport=request.transport,
        hs_code=request.goods.hs_code,
        credit=request.credit,
        port=request.port,
        pickup_place=request.pickup_place,
        month=when.strftime("%Y-%m"),
        request=request.model_dump(),
        recommended_code=result["combination"]["code"],
        eligible_codes=[result["combination"]["code"]]
        + [alt["code"] for alt in result["alternatives"]],
        excluded=[{"mode": e["mode"], "row_id": e["row_id"]} for e in result["excluded"]],
        created_at=when,
        updated_at=when,
    )
    session.add(record)
    session.flush()
    return {**result, "request_id": record.id}


def choose(
    session: Session,
    *,
    principal: Principal,
    record_id: str,
    combination: str,
    at: datetime | None = None,
) -> MenuRecord:
    """Record the combination the enterprise takes; only an eligible one, and only once."""
    record = repository.get(session, principal, record_id)
    if not principal.is_enterprise or record.org_id != principal.org_id:
        raise forbidden("only the enterprise that asked may record its choice")
    code = combination.strip().upper()
    if code not in record.eligible_codes:
        eligible = ", ".join(record.eligible_codes)
        raise validation_error("combination", f"{code} is not eligible here; eligible: {eligible}")
    if record.chosen_code is not None:
        raise conflict(f"the choice was already recorded ({record.chosen_code})")
    record.chosen_code = code
    record.chosen_at = at or utcnow()
    request_digest = hashlib.sha256(ledger.canonical(record.request)).hexdigest()
    entry = ledger.canonical(
        {
            "type": "clearance-menu-choice",
            "org": record.org_id,
            "request": record.id,
            "request_sha256": request_digest,
            "recommended": record.recommended_code,
            "chosen": code,
            "chosen_at": record.chosen_at.isoformat(),
        }
    )
    ref = f"clearance_menu_request:{record.id}"
    record.ledger_index = ledger.append(session, LOG, [entry], [ref])[0]
    session.flush()
    return record


def get(session: Session, *, principal: Principal, record_id: str) -> MenuRecord:
    return repository.get(session, principal, record_id)


def search(
    session: Session, *, principal: Principal, params: PageParams, **filters: str | None
) -> Page[MenuRecord]:
    return repository.search(session, principal, params, **filters)


def history(session: Session, *, principal: Principal, record_id: str) -> list[Any]:
    """The audit trail of one request, newest first."""
    record = repository.get(session, principal, record_id)
    page = list_events(
        session, principal=principal, entity_ids=[record.id], params=PageParams(page=1, size=200)
    )
    return list(page.items)


def statistics(session: Session, *, principal: Principal) -> dict[str, Any]:
    if not principal.is_admin and principal.department not in DEPARTMENTS:
        raise forbidden("only customs officers read the statistics of enterprises' choices")
    return repository.counts(session, principal)
