"""The shipped network's data files read into plain records: nodes (nodes.csv), per-mode factors
and transfer rules (modes.yaml), and the sea distances computed at build time (sea_legs.json).
Lines, lanes and services are assembled in `links.py` and `services.py`."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast, get_args

import yaml

from ftz.domain.network.model import MODES, Mode, Node, NodeKind

DATA = Path(__file__).parent / "data"
KINDS = get_args(NodeKind)


class NetworkDataError(ValueError):
    """A shipped data file is inconsistent (a programming error, caught by the tests)."""


@dataclass(frozen=True)
class ModeFactors:
    mode: Mode
    speed_kmh: float
    detour: float
    dispatch_h: float  # wait to join an unscheduled vehicle of this mode
    port_h: float  # fixed time per lane trip (sea and air)
    cost_cny_per_tkm: float
    fixed_cny_per_t: float  # paid each time cargo boards a vehicle of this mode
    co2_kg_per_tkm: float
    downstream_kmh: float = 0.0
    upstream_kmh: float = 0.0
    still_kmh: float = 0.0
    sources: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TransferRule:
    hours: float
    cost_cny_per_t: float
    co2_kg_per_t: float


@dataclass(frozen=True)
class Factors:
    modes: dict[Mode, ModeFactors]
    transfers: dict[str, TransferRule]
    teu_tonnes: float
    road: dict[str, Any]
    value_of_time: float  # CNY per tonne-hour
    carbon_price: float  # CNY per kg CO2e

    def transfer(self, source: Mode, target: Mode) -> TransferRule:
        for key in (f"{source}-{target}", f"{source}-*", f"*-{target}", "default"):
            if key in self.transfers:
                return self.transfers[key]
        raise NetworkDataError("modes.yaml: transfers need a default")


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10× faster when present


def read_yaml(name: str) -> Any:
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=SAFE_LOADER)


def _number(row: dict[str, Any], key: str, where: str, default: float | None = None) -> float:
    value = row.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise NetworkDataError(f"{where}: {key} must be a number, got {value!r}")
    return float(value)


@cache
def load_factors() -> Factors:
    raw = read_yaml("modes.yaml")
    modes: dict[Mode, ModeFactors] = {}
    for mode in MODES:
        row = raw["modes"].get(mode)
        if not isinstance(row, dict):
            raise NetworkDataError(f"modes.yaml: no factors for {mode}")
        where = f"modes.yaml {mode}"
        modes[mode] = ModeFactors(
            mode=mode,
            speed_kmh=_number(row, "speed_kmh", where, row.get("still_kmh", 0)),
            detour=_number(row, "detour", where, 1.0),
            dispatch_h=_number(row, "dispatch_h", where, 0.0),
            port_h=_number(row, "port_h", where, 0.0),
            cost_cny_per_tkm=_number(row, "cost_cny_per_tkm", where),
            fixed_cny_per_t=_number(row, "fixed_cny_per_t", where),
            co2_kg_per_tkm=_number(row, "co2_kg_per_tkm", where),
            downstream_kmh=_number(row, "downstream_kmh", where, 0.0),
            upstream_kmh=_number(row, "upstream_kmh", where, 0.0),
            still_kmh=_number(row, "still_kmh", where, 0.0),
            sources=dict(row.get("sources") or {}),
        )
    transfers = {
        key: TransferRule(
            hours=_number(rule, "hours", f"transfers {key}"),
            cost_cny_per_t=_number(rule, "cost_cny_per_t", f"transfers {key}"),
            co2_kg_per_t=_number(rule, "co2_kg_per_t", f"transfers {key}"),
        )
        for key, rule in raw["transfers"].items()
    }
    return Factors(
        modes=modes,
        transfers=transfers,
        teu_tonnes=_number(raw["cargo"], "teu_tonnes", "modes.yaml cargo"),
        road=dict(raw["road_generation"]),
        value_of_time=_number(raw["mix"], "value_of_time_cny_per_t_h", "modes.yaml mix"),
        carbon_price=_number(raw["mix"], "carbon_price_cny_per_kg", "modes.yaml mix"),
    )


def read_nodes(path: Path | None = None) -> dict[str, Node]:
    """nodes.csv as Node records (without modes: those come from the links)."""
    nodes: dict[str, Node] = {}
    with (path or DATA / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            where = f"nodes.csv line {line_no}"
            if row["id"] in nodes:
                raise NetworkDataError(f"{where}: duplicate id {row['id']}")
            if row["kind"] not in KINDS:
                raise NetworkDataError(f"{where}: unknown kind {row['kind']!r}")
            locode = row["locode"].strip() or None
            if locode is not None and (len(locode) != 5 or locode[:2] != row["country"]):
                raise NetworkDataError(f"{where}: UN/LOCODE {locode} does not match the country")
            lon, lat = float(row["lon"]), float(row["lat"])
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                raise NetworkDataError(f"{where}: coordinates out of range")
            nodes[row["id"]] = Node(
                id=row["id"],
                name=row["name"],
                name_zh=row["name_zh"],
                kind=cast(NodeKind, row["kind"]),
                country=row["country"],
                locode=locode,
                iata=row["iata"].strip() or None,
                lon=lon,
                lat=lat,
                source=row["source"],
            )
    return nodes


def read_sea_legs() -> dict[str, dict[str, Any]]:
    """{"a|b": {"km": …, "coordinates": [[lon, lat], …]}} written by `build.py`."""
    path = DATA / "sea_legs.json"
    if not path.exists():
        return {}
    legs: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["legs"]
    return legs
