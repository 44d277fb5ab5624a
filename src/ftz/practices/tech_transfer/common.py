"""What the p15 services share: the rule set and settings, who is looking (`Viewer`: the
province, a unit's office, an inventor, or nobody), ledger anchoring, money in fen and the
split of an amount by shares that always adds up exactly."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet
from ftz.practices.tech_transfer.models import OfficeMember, Researcher
from ftz.practices.tech_transfer.permissions import DEPARTMENTS

HERE = Path(__file__).parent
LOCAL = ZoneInfo("Asia/Shanghai")
Sees = Literal["all", "unit", "inventor", "none"]


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / "settings.yaml").read_text("utf-8"))
    return loaded


def today() -> date:
    return datetime.now(LOCAL).date()


@dataclass(frozen=True)
class Viewer:
    """Who is looking and how far they see: the province and admins everything, a unit's office
    its unit, a researcher the achievements they invented and their own rewards and records."""

    principal: Principal
    sees: Sees
    org_id: str | None
    office: bool
    researcher_id: str | None

    @property
    def province(self) -> bool:
        return self.sees == "all"


def viewer_for(session: Session, principal: Principal) -> Viewer:
    overseer = principal.is_admin or (
        Role.OFFICER in principal.roles and principal.department in DEPARTMENTS
    )
    if overseer:
        return Viewer(principal, "all", principal.org_id, False, None)
    if not principal.is_enterprise or principal.user_id is None:
        return Viewer(principal, "none", principal.org_id, False, None)
    member = session.scalar(
        select(OfficeMember.id).where(
            OfficeMember.user_id == principal.user_id, OfficeMember.org_id == principal.org_id
        )
    )
    researcher = session.scalar(
        select(Researcher.id).where(
            Researcher.user_id == principal.user_id, Researcher.org_id == principal.org_id
        )
    )
    if member is not None:
        return Viewer(principal, "unit", principal.org_id, True, researcher)
    if researcher is not None:
        return Viewer(principal, "inventor", principal.org_id, False, researcher)
    return Viewer(principal, "none", principal.org_id, False, None)


def office_org(viewer: Viewer) -> str:
    """The unit whose tech-transfer office the viewer works in, or 403."""
    if not viewer.office or viewer.org_id is None:
        raise forbidden("only the unit's tech-transfer office may do this")
    return viewer.org_id


def require_province(viewer: Viewer) -> None:
    if not viewer.province:
        raise forbidden("only the provincial department of science and technology may do this")


def anchor(session: Session, entry: dict[str, Any], ref: str) -> str:
    """Queue a canonical evidence entry with this transaction; returns its SHA-256."""
    body = ledger.canonical(entry)
    ledger.enqueue(session, ledger.EVIDENCE_LOG, body, ref)
    return hashlib.sha256(body).hexdigest()


def fen(yuan: Decimal) -> int:
    return int((yuan * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan(amount_fen: int) -> Decimal:
    return (Decimal(amount_fen) / 100).quantize(Decimal("0.01"))


def split_by_shares(total: int, shares: list[Decimal]) -> list[int]:
    """`total` fen split by percentage shares (summing to 100): each part rounded down, the
    remaining fen to the largest remainders, so the parts always add up to `total`."""
    exact = [Decimal(total) * s / 100 for s in shares]
    parts = [int(x) for x in exact]
    left = total - sum(parts)
    order = sorted(range(len(shares)), key=lambda i: (exact[i] - parts[i], -i), reverse=True)
    for i in order[:left]:
        parts[i] += 1
    return parts


def fired(decision: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = decision.explanation()
    return rows
