"""The network's public types: nodes, and a route plan as legs with totals (pydantic, so a plan
is one `model_dump()` away from JSON: {"legs", "total", "alternatives"})."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypeAlias

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    Graph: TypeAlias = nx.DiGraph[str]  # node names are strings (graph.py)
else:
    Graph = nx.DiGraph

Mode = Literal["rail", "road", "river", "sea", "air"]
MODES: tuple[Mode, ...] = ("rail", "road", "river", "sea", "air")
NodeKind = Literal[
    "rail_station", "river_port", "sea_port", "airport", "border_crossing", "inland_port"
]
Optimize = Literal["time", "cost", "co2", "mix"]
OPTIMIZE: tuple[Optimize, ...] = ("time", "cost", "co2", "mix")


class Node(BaseModel):
    """A place where cargo can enter, leave or change mode, with the modes that serve it."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    name_zh: str
    kind: NodeKind
    country: str  # ISO 3166-1 alpha-2
    locode: str | None = None  # UN/LOCODE (country + 3), shared by the nodes of one place
    iata: str | None = None
    lon: float
    lat: float
    source: str  # where the coordinates come from: "searoute" or "public"
    modes: tuple[Mode, ...] = ()


class Leg(BaseModel):
    """One vehicle (a train, ship, truck, flight) from `from` to `to`, or one change of mode at
    a node (`mode` "transfer"). Money and emissions are for the whole shipment."""

    model_config = ConfigDict(serialize_by_alias=True, validate_by_name=True)

    mode: Mode | Literal["transfer"]
    from_node: str = Field(alias="from")
    to_node: str = Field(alias="to")
    from_name: str
    to_name: str
    service: str | None = None  # a timetabled service id (services.yaml) or None
    service_name: str | None = None
    transfer: str | None = None  # "rail→sea" on a transfer leg
    via: list[str] = Field(default_factory=list)  # nodes passed without leaving the vehicle
    distance_km: float
    wait_hours: float  # included in `hours`: waiting for the departure or the dispatch
    hours: float
    cost_cny: float
    co2_kg: float
    departs: str | None = None  # ISO 8601 UTC, only when the plan was given a departure time
    arrives: str | None = None
    scheduled: bool = False  # the wait comes from a timetable (True) or from an average
    coordinates: list[list[float]] = Field(default_factory=list)  # [lon, lat] for maps


class Total(BaseModel):
    hours: float
    cost_cny: float
    co2_kg: float


class Route(BaseModel):
    legs: list[Leg]
    total: Total


class RoutePlan(BaseModel):
    """The best route's legs and totals, then the other routes found, best first."""

    legs: list[Leg]
    total: Total
    alternatives: list[Route] = Field(default_factory=list)
