"""Shared by the p22 services: the decision tables, the seed's figures and who acts for which
agency."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden
from ftz.core.rules import RuleSet
from ftz.domain.hs import normalize
from ftz.practices.cbec_key_items.permissions import DEPARTMENTS

HERE = Path(__file__).parent


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / "settings.yaml").read_text("utf-8"))
    return loaded


def kinds() -> dict[str, dict[str, str]]:
    return {k["id"]: k for k in settings()["violation_kinds"]}


@lru_cache(maxsize=20_000)
def hs6(raw: str) -> str:
    """`ftz.domain.hs.normalize`, cached (declarations repeat their codes); HsCodeError
    when malformed or unknown."""
    return normalize(raw)


def agency(principal: Principal) -> str:
    """The agency an officer acts for (customs or railway); admins stand in for customs."""
    if principal.is_admin:
        return "customs"
    if Role.OFFICER in principal.roles and principal.department in DEPARTMENTS:
        return str(principal.department)
    raise forbidden("only customs or railway officers of the parallel check may do this")


def is_officer(principal: Principal) -> bool:
    return principal.is_admin or (
        Role.OFFICER in principal.roles and principal.department in DEPARTMENTS
    )


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
