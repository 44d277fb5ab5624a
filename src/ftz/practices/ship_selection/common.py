"""Shared by the p07 services: the rule set, the settings, the ledger anchor and the check that
an officer belongs to the maritime safety administration."""

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
from ftz.practices.ship_selection.permissions import DEPARTMENTS

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
def checklist() -> list[dict[str, str]]:
    items: list[dict[str, str]] = _yaml("checklist.yaml")["items"]
    return items


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def is_msa(principal: Principal) -> bool:
    return principal.is_admin or principal.department in DEPARTMENTS


def require_msa(principal: Principal, doing: str) -> None:
    # The permission says "officer"; the practice narrows it to the maritime administration.
    if not is_msa(principal):
        raise forbidden(f"only maritime safety administration officers {doing}")
