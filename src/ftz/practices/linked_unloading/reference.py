"""The port registry and the route model, read from data/reference.yaml (never the network).

Route comparison for one shipment: linked barge vs truck over the Donghai Bridge vs water–water
transshipment, each as hours, CNY and kg CO2 per TEU times the shipment's TEU. Every figure is
computed from the data file so a changed tariff is a data change, not a code change."""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel

from ftz.core.kit.errors import validation_error

DATA = Path(__file__).with_name("data") / "reference.yaml"
EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius
Direction = Literal["import", "export"]
DIRECTIONS: tuple[Direction, ...] = ("import", "export")


class Place(BaseModel):
    name_zh: str
    name_en: str
    lat: float
    lon: float


class Port(Place):
    code: str
    province: str
    waterway_km: float
    since: str


class Hub(Place):
    code: str
    province: str
    gateway: Place


class BargeMode(BaseModel):
    speed_kmh: float
    fixed_hours: float
    cost_fixed_cny_per_teu: float
    cost_cny_per_teu_km: float
    co2_kg_per_teu_km: float


class TransshipmentMode(BaseModel):
    extra_hours: float
    surcharge_cny_per_teu: dict[Direction, float]
    extra_co2_kg_per_teu: float


class TruckMode(BaseModel):
    bridge_km: float
    road_circuity: float
    speed_kmh: float
    fixed_hours: float
    cost_fixed_cny_per_teu: float
    cost_cny_per_teu_km: float
    co2_kg_per_teu_km: float


class Modes(BaseModel):
    barge: BargeMode
    transshipment: TransshipmentMode
    truck: TruckMode


class Reference(BaseModel):
    version: str
    status: str
    hub: Hub
    ports: list[Port]
    modes: Modes

    def port(self, code: str) -> Port:
        for port in self.ports:
            if port.code == code.upper():
                return port
        raise validation_error("port", f"{code!r} is not a linked port of Yangshan")


class RouteOption(BaseModel):
    mode: str
    km: float
    hours: float
    cost_cny: float
    co2_kg: float


class Comparison(BaseModel):
    reference_version: str
    port: str
    direction: Direction
    teu: int
    options: list[RouteOption]
    saved_hours_vs_transshipment: float
    saved_cny_vs_transshipment: float
    saved_co2_kg_vs_truck: float


@lru_cache(maxsize=1)
def reference() -> Reference:
    return Reference.model_validate(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def barge_hours(port: Port) -> float:
    """Expected linked-barge hours Yangshan ↔ port: the yardstick for delays."""
    barge = reference().modes.barge
    return port.waterway_km / barge.speed_kmh + barge.fixed_hours


def compare(port_code: str, direction: str, teu: int) -> Comparison:
    if direction not in DIRECTIONS:
        raise validation_error("direction", "must be import or export")
    if not 1 <= teu <= 10_000:
        raise validation_error("teu", "must be between 1 and 10000")
    ref = reference()
    port = ref.port(port_code)
    modes = ref.modes
    km = port.waterway_km
    barge = RouteOption(
        mode="barge",
        km=km,
        hours=barge_hours(port),
        cost_cny=teu * (modes.barge.cost_fixed_cny_per_teu + modes.barge.cost_cny_per_teu_km * km),
        co2_kg=teu * modes.barge.co2_kg_per_teu_km * km,
    )
    surcharge = modes.transshipment.surcharge_cny_per_teu[direction]
    transshipment = RouteOption(
        mode="transshipment",
        km=km,
        hours=barge.hours + modes.transshipment.extra_hours,
        cost_cny=barge.cost_cny + teu * surcharge,
        co2_kg=barge.co2_kg + teu * modes.transshipment.extra_co2_kg_per_teu,
    )
    truck_mode = modes.truck
    road_km = haversine_km(ref.hub.gateway, port) * truck_mode.road_circuity + truck_mode.bridge_km
    truck = RouteOption(
        mode="truck",
        km=road_km,
        hours=road_km / truck_mode.speed_kmh + truck_mode.fixed_hours,
        cost_cny=teu
        * (truck_mode.cost_fixed_cny_per_teu + truck_mode.cost_cny_per_teu_km * road_km),
        co2_kg=teu * truck_mode.co2_kg_per_teu_km * road_km,
    )
    options = [
        opt.model_copy(
            update={k: round(getattr(opt, k), 1) for k in ("km", "hours", "cost_cny", "co2_kg")}
        )
        for opt in (barge, truck, transshipment)
    ]
    return Comparison(
        reference_version=ref.version,
        port=port.code,
        direction=direction,
        teu=teu,
        options=options,
        saved_hours_vs_transshipment=round(transshipment.hours - barge.hours, 1),
        saved_cny_vs_transshipment=round(transshipment.cost_cny - barge.cost_cny, 1),
        saved_co2_kg_vs_truck=round(truck.co2_kg - barge.co2_kg, 1),
    )
