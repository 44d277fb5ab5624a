"""Shared by the p24 services: the rule tables, the settings with the seed's figures, the five
designated routes with their distance and hours from `ftz.domain.network`, the evidence anchor
and the officers' department check."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.core.rules import Decision, RuleSet
from ftz.domain.network import plan

HERE = Path(__file__).parent
DATA = HERE / "data"


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


def decide(key: str, context: dict[str, Any]) -> Decision:
    return rules().evaluate(key, context)


def fired(decision: Decision) -> list[dict[str, Any]]:
    return decision.explanation()


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "settings.yaml").read_text("utf-8"))
    return loaded


@cache
def local_zone() -> ZoneInfo:
    return ZoneInfo(str(settings()["timezone"]))


@dataclass(frozen=True)
class Route:
    code: str
    name_zh: str
    name_en: str
    cn_end: str
    vn_end: str
    distance_km: float
    hours: float
    coordinates: list[list[float]]  # [lon, lat] along the planned road, for the map

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@cache
def routes() -> dict[str, Route]:
    """The designated routes; each leg planned once on the network's road layer (the trip
    from the Chinese yard to the Vietnamese end, border crossing included)."""
    found = {}
    for row in yaml.safe_load((DATA / "routes.yaml").read_text("utf-8")):
        leg = plan(row["cn_end"], row["vn_end"], optimize="time", modes=["road"], k=1)
        distance = sum(step.distance_km for step in leg.legs)
        line = [point for step in leg.legs for point in step.coordinates]
        found[row["code"]] = Route(
            **row, distance_km=round(distance, 1), hours=round(leg.total.hours, 2), coordinates=line
        )
    return found


def route(code: str, field: str = "route_code") -> Route:
    found = routes().get(code)
    if found is None:
        raise validation_error(field, f"unknown route {code!r}; one of {', '.join(routes())}")
    return found


def designated(code: str) -> bool:
    return code in routes()


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def require_department(principal: Principal, *departments: str) -> None:
    """The permission says "officer"; each action narrows it to the agency that owns it."""
    if not principal.is_admin and principal.department not in departments:
        raise forbidden(f"only officers of {' or '.join(departments)} may do this")
