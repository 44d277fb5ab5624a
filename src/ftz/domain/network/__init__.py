"""A real multimodal freight network and route planning over it.

Data (data/, see PROVENANCE.md): nodes with coordinates and UN/LOCODEs, railway lines and
waterways, border links, sea and air lanes, timetabled services, and per-mode factors (speed,
cost, CO₂, transfers) with their sources. `plan()` finds the best route and alternatives by
time, cost, CO₂ or a weighted mix, within allowed modes, waiting for timetabled departures when
given a departure time. Pure functions over data loaded once per process; no database.

    from ftz.domain.network import plan
    plan("CNCTU", "PLLOD", optimize="time", modes=["rail"]).model_dump()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ftz.core.kit.lazy import lazy_exports

if TYPE_CHECKING:
    from ftz.domain.network.model import MODES, Leg, Node, Route, RoutePlan, Total
    from ftz.domain.network.network import Network
    from ftz.domain.network.planner import plan

# Loaded on first use, so that `ftz` commands that never plan do not import networkx. The
# network itself is `ftz.domain.network.network.network()` (a package attribute of that name
# would be shadowed by the submodule).
_LAZY = {
    "MODES": "model", "Leg": "model", "Node": "model", "Route": "model", "RoutePlan": "model",
    "Total": "model", "Network": "network", "plan": "planner",
}  # fmt: skip


__getattr__ = lazy_exports(__name__, _LAZY)


def get_node(ref: str) -> Node:
    """The node named by a node id, or the first node of a UN/LOCODE place."""
    from ftz.domain.network.network import network

    return network().resolve(ref)[0]


def find_nodes(
    text: str | None = None,
    mode: str | None = None,
    kind: str | None = None,
    country: str | None = None,
) -> list[Node]:
    from ftz.domain.network.network import network

    return network().search(text, mode=mode, kind=kind, country=country)


__all__ = [
    "MODES",
    "Leg",
    "Network",
    "Node",
    "Route",
    "RoutePlan",
    "Total",
    "find_nodes",
    "get_node",
    "plan",
]
