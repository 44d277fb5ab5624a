"""Route planning over the shared network for the channel: an order's best route from the
moment its cargo is ready (timetabled legs wait for their next departure), kept on the order;
the route re-planned onto the booked offer (pre-carriage, the offer's own service or legs, on-
carriage, timed in sequence); the nodes a route passes, the channels it runs along, and SVG maps
of the channel and of a route (no tiles, no CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import networkx as nx
import shapely

from ftz.core.kit.errors import FtzError, validation_error
from ftz.domain.geo.svgmap import SvgMap
from ftz.domain.network import RoutePlan, plan
from ftz.domain.network.network import network
from ftz.domain.network.routes import build_route
from ftz.domain.network.search import best_path
from ftz.practices.yangtze_channel import reference

if TYPE_CHECKING:
    from ftz.practices.yangtze_channel.models import Offer, Order

# Planning-graph edges of vehicles that are not timetabled services (unscheduled trains and
# trucks, sea lanes): a route "on a service" may not use them (see domain/network/graph.py).
NOT_A_SERVICE = frozenset({"dispatch", "move", "arrive", "lane"})


def plan_route(
    origin: str,
    destination: str,
    optimize: str,
    modes: Sequence[str],
    depart_at: datetime | None = None,
    k: int = 3,
) -> RoutePlan:
    """The network's plan (its own field problems for unknown nodes or modes), timed from
    `depart_at` when given."""
    return plan(
        origin, destination, optimize=optimize, modes=modes or None, k=k, depart_at=depart_at
    )


def ready_moment(order: Order) -> datetime:
    """When the order's cargo is ready: its date-time, or the start of its ready day."""
    if order.ready_at is not None:
        return reference.local(order.ready_at)
    return reference.day_start(order.ready_on)


def _arrival(legs: list[dict[str, Any]], start: datetime) -> datetime:
    if legs and legs[-1].get("arrives"):
        return datetime.fromisoformat(legs[-1]["arrives"])
    return start + timedelta(hours=sum(float(leg["hours"]) for leg in legs))


def _piece(origin: str, destination: str, optimize: str, modes: Sequence[str] | None,
           start: datetime) -> list[dict[str, Any]]:  # fmt: skip
    """The best timed legs between two nodes; with the order's modes if they reach, else any."""
    for allowed in (modes, None) if modes else (None,):
        try:
            found = plan_route(origin, destination, optimize, allowed or [], start, k=1)
        except FtzError as exc:
            if exc.status != 404:
                raise
            continue
        legs: list[dict[str, Any]] = found.model_dump(mode="json")["legs"]
        return legs
    raise validation_error("offer_id", f"no route from {origin} to {destination}")


def _on_services(origin: str, destination: str, services: set[str],
                 start: datetime) -> list[dict[str, Any]] | None:  # fmt: skip
    """The timed legs from origin to destination riding only the given timetabled services of
    the network (boarding waits for the real next departure); None if they do not run there."""
    net = network()

    def weight(u: str, v: str, d: dict[str, Any]) -> float | None:
        if d["kind"] in NOT_A_SERVICE:
            return None
        if d["kind"] == "board" and d["service"].id not in services:
            return None
        return float(d["w_time"])

    try:
        _, path = best_path(net.graph, f"{origin}|out", f"{destination}|in", weight)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None
    route = build_route(net.graph, net.nodes, path, net.factors.teu_tonnes, start.timestamp())
    legs: list[dict[str, Any]] = route.model_dump(mode="json")["legs"]
    return legs


def _offer_legs(offer: Offer, network_service: str, stops: Sequence[str],
                start: datetime) -> list[dict[str, Any]]:  # fmt: skip
    """The booked offer's own legs: on its fixed service's timetabled network service when it
    names one; else by the offer's mode through the fixed service's stops (or straight)."""
    if network_service:
        riding = {network_service, f"{network_service}_return"}
        legs = _on_services(offer.origin, offer.destination, riding, start)
        if legs:
            return legs
    points = [offer.origin, offer.destination]
    if offer.origin in stops and offer.destination in stops:
        a, b = stops.index(offer.origin), stops.index(offer.destination)
        if a < b:
            points = list(stops[a : b + 1])
    legs = []
    moment = start
    for a_node, b_node in pairwise(points):
        piece = _piece(a_node, b_node, "time", [offer.mode], moment)
        legs += piece
        moment = _arrival(piece, moment)
    return legs


def booked_route(order: Order, offer: Offer, network_service: str = "",
                 stops: Sequence[str] = ()) -> dict[str, Any]:  # fmt: skip
    """The order's route re-planned onto the booked offer, timed from the cargo's readiness:
    pre-carriage to the offer's origin (the order's modes and objective), the offer's legs
    from its departure day (marked `booked` with the offer's number), on-carriage from the
    offer's destination."""
    moment = ready_moment(order)
    legs: list[dict[str, Any]] = []
    if order.origin != offer.origin:
        pre = _piece(order.origin, offer.origin, order.optimize, order.modes, moment)
        legs += pre
        moment = _arrival(pre, moment)
    moment = max(moment, reference.day_start(offer.departs_on))
    main = _offer_legs(offer, network_service, stops, moment)
    for leg in main:
        leg["booked"] = offer.number
    legs += main
    moment = _arrival(main, moment)
    if offer.destination != order.destination:
        post = _piece(offer.destination, order.destination, order.optimize, order.modes, moment)
        legs += post
        moment = _arrival(post, moment)
    ready = ready_moment(order)
    total = {key: round(sum(float(leg[key]) for leg in legs), 2) for key in ("cost_cny", "co2_kg")}
    # Door to door, waits for the offer's departure day included.
    total["hours"] = round((moment - ready).total_seconds() / 3600, 2)
    return {"legs": legs, "total": total, "basis": "booking", "offer": offer.number,
            "departs_at": ready.isoformat()}  # fmt: skip


def route_nodes(legs: list[dict[str, Any]]) -> list[str]:
    """Every node the route passes, in order, once (transfers add none)."""
    nodes: list[str] = []
    for leg in legs:
        for node_id in [leg["from"], *leg.get("via", []), leg["to"]]:
            if not nodes or nodes[-1] != node_id:
                nodes.append(node_id)
    return nodes


def summary(route_plan: RoutePlan, depart_at: datetime | None = None) -> dict[str, Any]:
    best = route_plan.model_dump(mode="json")
    found = {"legs": best["legs"], "total": best["total"], "basis": "plan"}
    if depart_at is not None:
        found["departs_at"] = depart_at.isoformat()
    return found


def _point(node_id: str) -> shapely.Point:
    found = reference.node(node_id)
    return shapely.Point(found.lon, found.lat)


def _marker(canvas: SvgMap, node_id: str, lang: str) -> dict[str, Any]:
    found = reference.node(node_id)
    x, y = canvas.xy(found.lon, found.lat)
    return {"id": node_id, "x": x, "y": y, "name": reference.node_name(node_id, lang)}


def channel_map(lang: str, highlight: list[str] | None = None) -> dict[str, Any]:
    """The main channel and the five sub-channels as lines through their nodes."""
    lines = {
        c.code: shapely.LineString([(_point(n).x, _point(n).y) for n in c.nodes])
        for c in reference.channels().values()
    }
    canvas = SvgMap.around(list(lines.values()), width=720, height=460)
    ends = {n for c in reference.channels().values() for n in (c.nodes[0], c.nodes[-1])}
    return {
        "width": canvas.width, "height": canvas.height,
        "lines": [{"code": code, "path": canvas.path(line), "main": code == "MAIN",
                   "on": not highlight or code in highlight} for code, line in lines.items()],
        "nodes": [_marker(canvas, n, lang) for n in sorted(ends | {reference.hub()})],
        "hub": reference.hub(),
    }  # fmt: skip


def route_map(route: dict[str, Any], lang: str) -> dict[str, Any]:
    """A route's legs coloured by mode over the channel's lines."""
    legs = [leg for leg in route["legs"] if len(leg.get("coordinates", [])) >= 2]
    shapes = [shapely.LineString(leg["coordinates"]) for leg in legs]
    channel_lines = [
        shapely.LineString([(_point(n).x, _point(n).y) for n in c.nodes])
        for c in reference.channels().values()
    ]
    canvas = SvgMap.around(shapes or channel_lines, width=720, height=460)
    ends = {leg["from"] for leg in route["legs"]} | {leg["to"] for leg in route["legs"]}
    return {
        "width": canvas.width, "height": canvas.height,
        "channels": [canvas.path(line) for line in channel_lines],
        "legs": [{"mode": leg["mode"], "path": canvas.path(shape),
                  "title": f"{leg['from_name']} → {leg['to_name']}"}
                 for leg, shape in zip(legs, shapes, strict=True)],
        "nodes": [_marker(canvas, n, lang) for n in sorted(ends)],
    }  # fmt: skip
