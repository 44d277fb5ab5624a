"""Shared by the p25 services: rules, settings, the port and the two stations, local time and
the evidence anchor."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "settings.yaml").read_text("utf-8"))
    return loaded


@cache
def places() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "stations.yaml").read_text("utf-8"))
    return loaded


def stations() -> dict[str, dict[str, Any]]:
    return {s["code"]: s for s in places()["stations"]}


@cache
def demo_routes() -> dict[str, list[list[float]]]:
    """The two demo routes, by station code."""
    loaded = json.loads((DATA / "routes.geojson").read_text("utf-8"))
    return {f["properties"]["station"]: f["geometry"]["coordinates"] for f in loaded["features"]}


@cache
def local_zone() -> ZoneInfo:
    return ZoneInfo(str(settings()["timezone"]))


def local(moment: datetime) -> datetime:
    return moment.astimezone(local_zone())


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def require_department(principal: Principal, *departments: str) -> None:
    """The permission says "officer"; the action narrows it to the agency that owns it."""
    if not principal.is_admin and principal.department not in departments:
        raise forbidden(f"only officers of {' or '.join(departments)} may do this")
