"""Shared by the p06 services: the rule set, the reference data (seed figures, sources,
standards), the ledger anchor and whether a principal is an inspection officer."""

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
from ftz.practices.hs_inspection.permissions import DEPARTMENTS

HERE = Path(__file__).parent
LEVELS = ("none", "low", "medium", "high", "serious")  # ordered, worst last


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / "settings.yaml").read_text("utf-8"))
    return loaded


@cache
def standards() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = yaml.safe_load(
        (HERE / "data" / "standards.yaml").read_text("utf-8")
    )
    return loaded


def sources() -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in settings()["sources"]}


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def is_inspector(principal: Principal) -> bool:
    return principal.is_admin or (
        Role.OFFICER in principal.roles and principal.department in DEPARTMENTS
    )


def require_inspector(principal: Principal) -> None:
    if not is_inspector(principal):
        raise forbidden("only customs inspection officers do this")


def table_rows(key: str) -> list[dict[str, Any]]:
    """Every row of a decision table with its reasons and source."""
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
