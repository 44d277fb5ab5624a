"""Shared by the p14 services: the rule tables, the data files, the evidence anchor and the
department check."""

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

HERE = Path(__file__).parent
DATA = HERE / "data"


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def _yaml(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / name).read_text("utf-8"))
    return loaded


def corridor_data() -> dict[str, Any]:
    return _yaml("corridors.yaml")


def reefer_data() -> dict[str, Any]:
    return _yaml("reefer.yaml")


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def require_department(principal: Principal, *departments: str) -> None:
    """The permission says "officer"; each action narrows it to the party that owns it."""
    if not principal.is_admin and principal.department not in departments:
        raise forbidden(f"only officers of {' or '.join(departments)} may do this")
