"""What the p09 modules share: the rule tables, the airports, local time at Zhengzhou and the
evidence anchor."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy.orm import Session

from ftz.core.ledger import service as ledger
from ftz.core.rules import Decision, RuleSet

HERE = Path(__file__).parent
LOCAL = ZoneInfo("Asia/Shanghai")
TRAILER_KINDS = ("uld_roller", "uld_reefer", "box", "flatbed")
ULD_CAPABLE = ("uld_roller", "uld_reefer")


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


def decide(key: str, context: dict[str, Any]) -> Decision:
    return rules().evaluate(key, context)


@cache
def places() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / "airports.yaml").read_text("utf-8"))
    return loaded


def entry_airport() -> str:
    return str(places()["entry"])


def destinations() -> dict[str, dict[str, Any]]:
    """The domestic airports a ULD may be built for (every listed airport but the entry)."""
    entry = entry_airport()
    return {code: a for code, a in places()["airports"].items() if code != entry}


def local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL)


def anchor(session: Session, entry: dict[str, Any], ref: str) -> str:
    """Queue `entry` for the evidence log; returns the SHA-256 of its canonical bytes."""
    data = ledger.canonical(entry)
    ledger.enqueue(session, ledger.EVIDENCE_LOG, data, ref)
    return hashlib.sha256(data).hexdigest()
