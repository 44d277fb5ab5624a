"""What the p05 services share: who may keep the registry, today's date where the ports are,
the evidence anchor, and the conditions snapshot a version stores."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden
from ftz.core.ledger import service as ledger
from ftz.practices.cargo_rules.reference import CONDITION_FIELDS
from ftz.practices.cargo_rules.repository import is_officer

LOCAL = ZoneInfo("Asia/Shanghai")


def today() -> date:
    return datetime.now(LOCAL).date()


def require_officer(principal: Principal) -> None:
    # The permission says "officer"; the practice narrows it to maritime safety officers.
    if not is_officer(principal):
        raise forbidden("only maritime safety (MSA) officers keep the cargo rules registry")


def snapshot(row: Any) -> dict[str, Any]:
    """The transport conditions of a cargo row (or a dict) as a version stores them."""
    if isinstance(row, dict):
        return {name: row.get(name) for name in CONDITION_FIELDS}
    return {name: getattr(row, name) for name in CONDITION_FIELDS}


def anchor(session: Session, entry: dict[str, Any], ref: str) -> str:
    """Queue `entry` for the evidence log; returns the SHA-256 of its canonical bytes."""
    data = ledger.canonical(entry)
    ledger.enqueue(session, ledger.EVIDENCE_LOG, data, ref)
    return hashlib.sha256(data).hexdigest()
