"""Shared by the p13 services: the rule set, the reference data (offices, places, the seed's
figures), the ledger anchor, and which maritime office an officer acts for."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Organization, Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet
from ftz.practices.nev_containers.permissions import DEPARTMENTS

HERE = Path(__file__).parent


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / "settings.yaml").read_text("utf-8"))
    return loaded


def place_names() -> dict[str, dict[str, str]]:
    conf = settings()
    return {p["id"]: p for p in (*conf["origins"], *conf["transit_ports"])}


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def office_org(session: Session, code: str, role: str, field: str) -> Organization:
    """The organization of a configured office of `role` (origin or transit)."""
    known = {o["code"] for o in settings()["offices"] if o["role"] == role}
    org = session.scalar(select(Organization).where(Organization.code == code))
    if code not in known or org is None:
        raise validation_error(field, f"not a {role} maritime office: {code}")
    return org


def require_office(principal: Principal, org_id: str, what: str) -> None:
    """Only the office named on the declaration acts on it (admins may stand in)."""
    if principal.is_admin:
        return
    if Role.OFFICER not in principal.roles or principal.department not in DEPARTMENTS:
        raise forbidden("only maritime officers inspect NEV containers")
    if principal.org_id != org_id:
        raise forbidden(f"only the {what} named on the declaration may act on it")


def is_officer(principal: Principal) -> bool:
    return principal.is_admin or (
        Role.OFFICER in principal.roles and principal.department in DEPARTMENTS
    )


def table_rows(key: str) -> list[dict[str, Any]]:
    """Every row of a decision table with its reasons and source, as the officer reads it."""
    doc = rules().document(key)
    table = next(n for n in doc["nodes"] if n["type"] == "decisionTableNode")
    return [
        {
            "row_id": row["_id"],
            "description": row.get("_description", ""),
            **{f[4:]: str(row[f]).strip('"') for f in row if f.startswith("out_")},
        }
        for row in table["content"]["rules"]
    ]
