"""Shared by the p03 services: the rule set, the settings and checklist data, the ledger anchor
and the check that a reviewing officer belongs to customs or ecology-environment."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet
from ftz.practices.bonded_repair.permissions import DEPARTMENTS

HERE = Path(__file__).parent


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


def _yaml(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / name).read_text("utf-8"))
    return loaded


@cache
def settings() -> dict[str, Any]:
    return _yaml("settings.yaml")


@cache
def checklist() -> dict[str, Any]:
    return _yaml("checklist.yaml")


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def is_reviewer(principal: Principal) -> bool:
    # The permission says "officer"; the practice narrows it to its two departments.
    return principal.is_admin or (
        Role.OFFICER in principal.roles and principal.department in DEPARTMENTS
    )


def require_reviewer(principal: Principal) -> None:
    if not is_reviewer(principal):
        raise forbidden("only customs or ecology-environment officers review bonded repair")


def own_org(principal: Principal) -> str:
    """The enterprise's organization; admins and officers keep no repair ledgers of their own."""
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only a bonded-repair enterprise keeps admissions, batches and waste")
    return principal.org_id


def criteria_rows(key: str) -> list[dict[str, Any]]:
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
