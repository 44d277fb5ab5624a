"""Full-route timetables over the shared network: each corridor leg is a timetabled service of
`ftz.domain.network` between two of its stops (the next real departure after the cargo is
ready, its published run time) or a leg planned on the network where no timetable exists (the
Dhaka–Chengdu flight, the drayage to the rail port). The connection at Chengdu comes from
rules/priority_slot.json (优先编制、优先挂运、优先发车) and each section is judged against its
promise by rules/transit_promise.json (≈ 60 h Vientiane–Chengdu, 11 days to Europe, 12 back)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ftz.core.kit.errors import validation_error
from ftz.domain.network import plan
from ftz.domain.network.network import network
from ftz.domain.network.services import Service
from ftz.practices.asia_europe_transport.common import corridor_data, rules

MIN_TRANSFER_H = 2.0  # a leg that does not start at Chengdu still needs a change of vehicle
TEU_TONNES = 10.0  # when a leg is priced by weight and no weight is given


def corridors() -> dict[str, dict[str, Any]]:
    return {c["code"]: c for c in corridor_data()["corridors"]}


def corridor(code: str, field: str = "corridor") -> dict[str, Any]:
    found = corridors().get(code)
    if found is None:
        raise validation_error(field, f"unknown corridor {code!r}; one of {', '.join(corridors())}")
    return found


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(round(epoch), UTC).isoformat().replace("+00:00", "Z")


def _node(node_id: str) -> dict[str, Any]:
    node = network().nodes[node_id]
    return {"id": node.id, "name": node.name, "name_zh": node.name_zh, "locode": node.locode,
            "lon": node.lon, "lat": node.lat}  # fmt: skip


def _service_leg(leg: dict[str, Any], ready: float, teu: int) -> dict[str, Any]:
    service: Service = network().services[leg["service"]]
    i, j = service.stops.index(leg["from"]), service.stops.index(leg["to"])
    departs = service.departures_at(i).next_departure(ready)
    run_h = service.arrive_h[j] - service.depart_h[i]
    path = [service.stops[i]]
    for segment in service.segments[i:j]:
        path += [*segment.via, segment.b]
    return {
        "mode": service.mode, "service": service.id, "service_name": service.name,
        "service_name_zh": service.name_zh, "from": leg["from"], "to": leg["to"],
        "departs": _iso(departs), "arrives": _iso(departs + run_h * 3600),
        "wait_h": round((departs - ready) / 3600, 2), "run_h": round(run_h, 2),
        "distance_km": round(sum(s.km for s in service.segments[i:j]), 1),
        "cost_cny": float(leg["rate_cny_per_teu"]) * teu, "carrier": leg["carrier"],
        "section": leg["section"], "timetable": service.departs.labels(service.utc_offset_s),
        "path": [[network().nodes[n].lon, network().nodes[n].lat] for n in path],
        "source": service.source,
    }  # fmt: skip


def _planned_leg(leg: dict[str, Any], ready: float, tonnes: float) -> dict[str, Any]:
    spec = leg["plan"]
    found = plan(spec["from"], spec["to"], optimize="time", modes=spec["modes"], k=1,
                 depart_at=datetime.fromtimestamp(ready, UTC), tonnes=tonnes)  # fmt: skip
    moving = [x for x in found.legs if x.mode != "transfer"]
    first, last = moving[0], moving[-1]
    departs = datetime.fromisoformat(str(first.departs).replace("Z", "+00:00")).timestamp()
    arrives = datetime.fromisoformat(str(last.arrives).replace("Z", "+00:00")).timestamp()
    return {
        "mode": first.mode, "service": None, "service_name": None, "service_name_zh": None,
        "from": spec["from"], "to": spec["to"], "departs": _iso(departs), "arrives": _iso(arrives),
        "wait_h": round((departs - ready) / 3600, 2), "run_h": round((arrives - departs) / 3600, 2),
        "distance_km": round(sum(x.distance_km for x in moving), 1),
        "cost_cny": round(found.total.cost_cny, 2), "carrier": leg["carrier"],
        "section": leg["section"], "timetable": [],
        "path": [c for x in moving for c in x.coordinates],
        "source": "domain/network plan() (modes.yaml factors)",
    }  # fmt: skip


def slot(cargo: str, variant: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    decision = rules().evaluate("priority_slot.json", {"cargo": cargo, "variant": variant})
    return decision.result, decision.explanation()


def itinerary(
    code: str, depart_at: datetime, *, cargo: str, teu: int, gross_kg: float
) -> dict[str, Any]:
    """The timed legs of a corridor from `depart_at`, the sections against their promises,
    the through freight and the rows that fired."""
    route = corridor(code)
    chosen, fired = slot(cargo, route["variant"])
    moment = (depart_at if depart_at.tzinfo else depart_at.replace(tzinfo=UTC)).timestamp()
    tonnes = gross_kg / 1000 if gross_kg > 0 else TEU_TONNES * teu
    legs: list[dict[str, Any]] = []
    for n, leg in enumerate(route["legs"]):
        if n:
            hub = leg.get("from", leg.get("plan", {}).get("from"))
            at_hub = hub == "chengdu_qingbaijiang"
            moment += (float(chosen["connection_h"]) if at_hub else MIN_TRANSFER_H) * 3600
        if "service" in leg:
            made = _service_leg(leg, moment, teu)
        else:
            made = _planned_leg(leg, moment, tonnes)
        moment = datetime.fromisoformat(made["arrives"].replace("Z", "+00:00")).timestamp()
        legs.append(made)
    sections = []
    for leg in legs:
        decision = rules().evaluate("transit_promise.json",
                                    {"section": leg["section"], "hours": leg["run_h"]})  # fmt: skip
        sections.append({"section": leg["section"], "hours": leg["run_h"],
                         "on_promise": decision.result["on_promise"],
                         "limit_h": decision.result.get("limit_h")})  # fmt: skip
        fired += decision.explanation()
    start = datetime.fromisoformat(legs[0]["departs"].replace("Z", "+00:00"))
    end = datetime.fromisoformat(legs[-1]["arrives"].replace("Z", "+00:00"))
    return {
        "corridor": code, "variant": route["variant"], "priority": chosen["priority"],
        "connection_h": chosen["connection_h"], "legs": legs, "sections": sections,
        "departs": start, "eta": end,
        "total_hours": round((end - start).total_seconds() / 3600, 2),
        "freight_cny": round(sum(x["cost_cny"] for x in legs), 2), "fired": fired,
        "origin": _node(legs[0]["from"]), "destination": _node(legs[-1]["to"]),
    }  # fmt: skip


def timetables() -> list[dict[str, Any]]:
    """Every corridor's services as people read a timetable (stops with offsets)."""
    seen: dict[str, dict[str, Any]] = {}
    for route in corridors().values():
        for leg in route["legs"]:
            if "service" in leg and leg["service"] not in seen:
                schedule = network().services[leg["service"]].schedule()
                for stop in schedule["stops"]:
                    stop.update(_node(stop["node"]))
                seen[leg["service"]] = schedule
    return list(seen.values())
