"""Shared by the p03 services: the rule set, the settings and checklist data, the ledger anchor
and the check that a reviewing officer belongs to customs or ecology-environment."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

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


def require_reviewer(principal: Principal) -> None:
    # The permission says "officer"; the practice narrows it to its two departments.
    if not principal.is_admin and principal.department not in DEPARTMENTS:
        raise forbidden("only customs or ecology-environment officers review bonded repair")
