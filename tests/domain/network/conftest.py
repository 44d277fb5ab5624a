"""A hand-made four-node network with round numbers, so that every expected hour, yuan and
kilogram in the tests can be worked out on paper.

    A ──rail 100 km── B ──rail 100 km── C ══sea 400 km══ D
    └──────────── road 250 km ──────────┘

Rail: 50 km/h, dispatch wait 10 h, 5 CNY/t to board + 0.1 CNY/tkm, 0.02 kg/tkm.
Road: 100 km/h, no dispatch wait, 1 CNY/tkm, 0.1 kg/tkm.
Sea: 20 km/h, 0.01 CNY/tkm, 0.01 kg/tkm, daily sailings (expected wait 12 h).
Every change of mode: 2 h, 10 CNY/t, 1 kg/t. A timetabled express A → B → C runs at
100 km/h every day at 08:00 UTC with half an hour at B."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.domain.network.data import Factors, ModeFactors, TransferRule
from ftz.domain.network.links import Lane, Link
from ftz.domain.network.model import MODES, Node
from ftz.domain.network.network import Network, compose
from ftz.domain.network.services import build_services

SPEC: dict[str, dict[str, float]] = {
    "rail": {"speed_kmh": 50, "dispatch_h": 10, "cost": 0.1, "fixed": 5, "co2": 0.02},
    "road": {"speed_kmh": 100, "dispatch_h": 0, "cost": 1.0, "fixed": 0, "co2": 0.1},
    "river": {"speed_kmh": 10, "dispatch_h": 0, "cost": 0.1, "fixed": 0, "co2": 0.03},
    "sea": {"speed_kmh": 20, "dispatch_h": 0, "cost": 0.01, "fixed": 0, "co2": 0.01},
    "air": {"speed_kmh": 800, "dispatch_h": 0, "cost": 3.0, "fixed": 0, "co2": 0.7},
}


def factors() -> Factors:
    modes = {
        m: ModeFactors(
            mode=m,
            speed_kmh=s["speed_kmh"],
            detour=1.0,
            dispatch_h=s["dispatch_h"],
            port_h=0.0,
            cost_cny_per_tkm=s["cost"],
            fixed_cny_per_t=s["fixed"],
            co2_kg_per_tkm=s["co2"],
        )
        for m, s in SPEC.items()
    }
    assert set(modes) == set(MODES)
    return Factors(
        modes=modes,
        transfers={"default": TransferRule(hours=2, cost_cny_per_t=10, co2_kg_per_t=1)},
        teu_tonnes=1.0,
        road={},
        value_of_time=1.0,
        carbon_price=0.1,
    )


def node(node_id: str, locode: str | None = None) -> Node:
    return Node(id=node_id, name=node_id.upper(), name_zh=node_id, kind="rail_station",
                country="CN", locode=locode, lon=0.0, lat=0.0, source="public")  # fmt: skip


def both(a: str, b: str, mode: Any, km: float, speed: float) -> list[Link]:
    return [Link(a, b, mode, km, km / speed), Link(b, a, mode, km, km / speed)]


def small(express: bool = False) -> Network:
    nodes = {n: node(n) for n in ("a", "b", "c", "d")}
    nodes["a2"] = node("a2", locode="CNAAA")
    nodes["a"] = node("a", locode="CNAAA")
    f = factors()
    links = both("a", "b", "rail", 100, 50) + both("b", "c", "rail", 100, 50)
    links += both("a", "c", "road", 250, 100) + both("a2", "a", "road", 10, 100)
    lanes = [Lane("c", "d", "sea", 400, 20.0, 7), Lane("d", "c", "sea", 400, 20.0, 7)]
    rows = []
    if express:
        rows.append({"id": "express", "name": "Express", "name_zh": "快线", "mode": "rail",
                     "stops": ["a", "b", "c"], "speed_kmh": 100, "stop_dwell_h": {"b": 0.5},
                     "departs": {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                                 "times": ["08:00"], "utc_offset": "+00:00"}})  # fmt: skip
    services = build_services(nodes, links, f, rows)
    return compose(nodes, links, lanes, services, f)


@pytest.fixture
def net() -> Network:
    return small()


@pytest.fixture
def express_net() -> Network:
    return small(express=True)
