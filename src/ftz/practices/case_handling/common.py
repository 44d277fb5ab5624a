"""Shared by the p26 services: the rule set, the guides, the ledger anchor, and who the acting
court user is (their position in `case_handling_member`)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import rfc8785
import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet
from ftz.practices.case_handling.models import CourtMember

HERE = Path(__file__).parent
KINDS = ("legal_basis", "similar_cases", "related_cases")


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def guides() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / "guides.yaml").read_text("utf-8"))
    return loaded


def guide_items(case_type: str) -> list[dict[str, Any]]:
    """The checklist of a case: every general item and those of its case type."""
    return [
        {**item, "guide": guide["id"]}
        for guide in guides()["guides"]
        for item in guide["items"]
        if not item.get("types") or case_type in item["types"]
    ]


def digest(value: Any) -> str:
    return hashlib.sha256(rfc8785.dumps(value)).hexdigest()


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def member(session: Session, principal: Principal) -> CourtMember | None:
    if principal.user_id is None:
        return None
    return session.scalar(select(CourtMember).where(CourtMember.user_id == principal.user_id))


def require_member(
    session: Session, principal: Principal, positions: frozenset[str], what: str
) -> CourtMember | None:
    """The acting court user's membership if their position allows `what` (admins pass)."""
    found = member(session, principal)
    if principal.is_admin:
        return found
    if found is None or found.position not in positions:
        raise forbidden(f"only {', '.join(sorted(positions))} may {what}")
    return found
