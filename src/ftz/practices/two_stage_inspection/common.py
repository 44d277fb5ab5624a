"""Shared by the p20 services: the rule set, the reference data (customs offices, the seed's
figures), the ledger anchor, which customs office an officer acts for, and working days."""

from __future__ import annotations

from datetime import date, timedelta
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
from ftz.practices.two_stage_inspection.permissions import DEPARTMENTS

HERE = Path(__file__).parent


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / "settings.yaml").read_text("utf-8"))
    return loaded


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def office_org(session: Session, code: str, role: str, field: str) -> Organization:
    """The organization of a configured customs office of `role` (port or destination)."""
    known = {o["code"] for o in settings()["offices"] if o["role"] == role}
    org = session.scalar(select(Organization).where(Organization.code == code))
    if code not in known or org is None:
        raise validation_error(field, f"not a {role} customs office of the pilot: {code}")
    return org


def is_officer(principal: Principal) -> bool:
    return principal.is_admin or (
        Role.OFFICER in principal.roles and principal.department in DEPARTMENTS
    )


def require_officer(principal: Principal) -> None:
    if not is_officer(principal):
        raise forbidden("only customs officers of the pilot act here")


def require_office(principal: Principal, org_id: str, what: str) -> None:
    """Only the customs office named on the instruction acts on it (admins may stand in)."""
    require_officer(principal)
    if not principal.is_admin and principal.org_id != org_id:
        raise forbidden(f"only the {what} named on the instruction may act on it")


def working_days(start: date, end: date) -> int:
    """Monday–Friday days from `start` to `end`, both counted (public holidays not known)."""
    days, current = 0, start
    while current <= end:
        days += current.weekday() < 5
        current += timedelta(days=1)
    return days


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


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
