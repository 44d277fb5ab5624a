"""Shared by the p28 services: the rule set, the ledger anchor, and who is who (the laboratory,
the partner body's desk, the standards centre: officers narrowed by department)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet
from ftz.practices.certification_one_stop.permissions import LAB, PARTNER, STANDARDS

HERE = Path(__file__).parent
PREFIX = "certification_one_stop_"


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def in_department(principal: Principal, department: str) -> bool:
    # The permission says "officer"; each step narrows it to the department doing that step.
    return principal.is_admin or (
        Role.OFFICER in principal.roles and principal.department == department
    )


def require_department(principal: Principal, department: str, what: str) -> None:
    if not in_department(principal, department):
        names = {
            LAB: "the certification laboratory",
            PARTNER: "the partner body's desk",
            STANDARDS: "the standards centre",
        }
        raise forbidden(f"only {names[department]} may {what}")


def own_org(principal: Principal) -> str:
    """The enterprise's organization; officers and admins apply for nothing themselves."""
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only an enterprise applies, subscribes and reads its notices")
    return principal.org_id


def table_rows(key: str) -> list[dict[str, Any]]:
    """Every row of a decision table with its reasons and source, as an officer reads it."""
    doc = rules().document(key)
    table = next(n for n in doc["nodes"] if n["type"] == "decisionTableNode")
    return [
        {
            "row_id": row["_id"],
            "description": row.get("_description", ""),
            **{f[3:]: str(row[f]) for f in row if f.startswith("in_") and row[f]},
            **{f[4:]: str(row[f]).strip('"') for f in row if f.startswith("out_")},
        }
        for row in table["content"]["rules"]
    ]
