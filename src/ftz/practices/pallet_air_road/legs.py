"""Road legs of a broken-down ULD. Its loose cargo is sorted by destination at the entry airport
(seed case 9 二(一), the conventional mode), so each destination gets a road leg of its own: a
truck named per destination, the house waybills, pieces and weight bound there, the trailer
checked by rules/road_leg.json (its row lock held, so two loads cannot take its last position),
the road planned, and the leg tracked on its own (loading → loaded → on_road → delivered). The
ULD is on the road when its first leg departs and delivered when its last leg is."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.domain.network import plan
from ftz.practices.pallet_air_road import repository
from ftz.practices.pallet_air_road.common import decide, places
from ftz.practices.pallet_air_road.models import Trailer, Uld, UldRoadLeg
from ftz.practices.pallet_air_road.schemas import EventIn

NEXT = {"depart": ("loaded", "on_road"), "deliver": ("on_road", "delivered")}


def shares(uld: Uld) -> list[dict[str, Any]]:
    """The loose cargo per destination, heaviest first: house waybills, pieces, weight."""
    found: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"hawbs": [], "pieces": 0, "gross_kg": Decimal("0")}
    )
    for line in uld.lines:
        share = found[line["destination"]]
        share["hawbs"].append(line["hawb"])
        share["pieces"] += int(line["pieces"])
        share["gross_kg"] += Decimal(str(line["gross_kg"]))
    ordered = sorted(found.items(), key=lambda item: (-item[1]["gross_kg"], item[0]))
    return [{"destination": dest, **share} for dest, share in ordered]


def _plates(uld: Uld, data: EventIn, split: list[dict[str, Any]]) -> dict[str, str]:
    named = {k.strip().upper(): v.strip().upper() for k, v in (data.legs or {}).items()}
    wanted = {s["destination"] for s in split}
    for dest in named:
        if dest not in wanted:
            raise validation_error(f"legs.{dest}", f"no cargo of {uld.uld_code} is bound there")
    plates = {}
    for dest in sorted(wanted):
        plate = named.get(dest) or (data.trailer_plate or "").strip().upper()
        if not plate:
            raise validation_error(f"legs.{dest}", f"name the truck for the cargo bound to {dest}")
        plates[dest] = plate
    if len(set(plates.values())) != len(plates):
        raise validation_error(
            "legs", "one truck per destination: name a different trailer for each of "
            + ", ".join(sorted(plates))
        )  # fmt: skip
    return plates


def _check(session: Session, trailer: Trailer | None, dest: str) -> tuple[Trailer, list[Any]]:
    if trailer is None or not trailer.active:
        raise validation_error(f"legs.{dest}", "no active trailer with this plate")
    free = trailer.positions - repository.used_positions(session, trailer.id)
    context = {"mode": "breakdown", "thermal": False, "trailer_kind": trailer.kind,
               "free_positions": free}  # fmt: skip
    decision = decide("road_leg.json", context)
    if not decision.result["allowed"]:
        row = decision.fired[0]
        raise validation_error(f"legs.{dest}", f"{row.row_id}: {decision.result['reason_en']}")
    return trailer, decision.explanation()


def load(session: Session, uld: Uld, data: EventIn) -> dict[str, Any]:
    """At start_loading: one leg per destination; returns the ULD's `road` summary."""
    split = shares(uld)
    plates = _plates(uld, data, split)
    # Lock the trailers in plate order, so two loads naming the same trucks never deadlock.
    locked = {
        p: repository.trailer_by_plate(session, p, lock=True) for p in sorted(set(plates.values()))
    }
    airports = places()["airports"]
    summary = []
    for share in split:
        dest = share["destination"]
        trailer, fired = _check(session, locked[plates[dest]], dest)
        route = plan(airports[uld.entry]["node"], airports[dest]["node"],
                     optimize="time", modes=["road"]).model_dump()  # fmt: skip
        distance = round(sum(leg["distance_km"] or 0 for leg in route["legs"]), 1)
        leg = UldRoadLeg(
            uld_id=uld.id, destination=dest, trailer_id=trailer.id, trucker_org_id=trailer.org_id,
            plate=trailer.plate, hawbs=share["hawbs"], pieces=share["pieces"],
            gross_kg=share["gross_kg"], distance_km=Decimal(str(distance)),
            planned_hours=Decimal(str(route["total"]["hours"])).quantize(Decimal("0.01")),
            fired=fired, status="loading",
        )  # fmt: skip
        session.add(leg)
        session.flush()  # the next leg sees this one's position taken
        uld.fired = [*uld.fired, *fired]
        summary.append({
            "destination": dest, "trailer": trailer.plate, "trailer_kind": trailer.kind,
            "pieces": share["pieces"], "gross_kg": str(share["gross_kg"]),
            "distance_km": distance, "planned_hours": route["total"]["hours"],
            "coordinates": [c for leg in route["legs"] for c in leg["coordinates"]],
        })  # fmt: skip
    # The heaviest share's trucker stays on the ULD row too (lists, filters); all truckers are
    # parties through their legs.
    uld.trucker_org_id = locked[plates[split[0]["destination"]]].org_id  # type: ignore[union-attr]
    return {"legs": summary}


def finish_loading(session: Session, uld: Uld) -> None:
    for leg in repository.road_legs(session, uld.id):
        if leg.status == "loading":
            leg.status = "loaded"


def pick(session: Session, principal: Principal, uld: Uld, data: EventIn) -> UldRoadLeg:
    """The leg a depart/deliver is about: the one named, or the principal's only leg waiting."""
    before, _ = NEXT[data.event]
    legs = repository.road_legs(session, uld.id)
    if data.destination:
        found = [leg for leg in legs if leg.destination == data.destination.strip().upper()]
        if not found:
            raise validation_error("destination", "no road leg of this ULD goes there")
        leg = found[0]
    else:
        mine = [g for g in legs if g.status == before
                and (principal.is_admin or g.trucker_org_id == principal.org_id)]  # fmt: skip
        if len(mine) != 1:
            raise validation_error("destination", "name the destination of the road leg")
        leg = mine[0]
    if not principal.is_admin and leg.trucker_org_id != principal.org_id:
        raise forbidden(f"the road leg to {leg.destination} is recorded by its own trucker")
    if leg.status != before:
        raise conflict(f"the road leg to {leg.destination} is {leg.status}, not {before}")
    return leg


def move(session: Session, uld: Uld, leg: UldRoadLeg, event: str, at: datetime) -> bool:
    """Moves the leg on; whether the ULD itself moves too (first departure, last delivery)."""
    _, after = NEXT[event]
    leg.status = after
    if event == "depart":
        leg.departed_at = at
        return uld.status == "loaded"
    leg.delivered_at = at
    others = [g for g in repository.road_legs(session, uld.id) if g.id != leg.id]
    return all(g.status == "delivered" for g in others)


def out(leg: UldRoadLeg) -> dict[str, Any]:
    hours = None
    if leg.departed_at and leg.delivered_at:
        hours = round((leg.delivered_at - leg.departed_at).total_seconds() / 3600, 2)
    return {
        "id": leg.id, "destination": leg.destination, "trailer": leg.plate,
        "trucker_org_id": leg.trucker_org_id, "hawbs": leg.hawbs, "pieces": leg.pieces,
        "gross_kg": str(leg.gross_kg), "distance_km": float(leg.distance_km),
        "planned_hours": float(leg.planned_hours), "status": leg.status,
        "departed_at": leg.departed_at.isoformat() if leg.departed_at else None,
        "delivered_at": leg.delivered_at.isoformat() if leg.delivered_at else None,
        "road_hours": hours, "fired": leg.fired,
    }  # fmt: skip


def waiting(session: Session, principal: Principal, uld: Uld) -> dict[str, list[str]]:
    """For the page: the destinations of this principal's legs waiting to depart / deliver."""
    found: dict[str, list[str]] = {"depart": [], "deliver": []}
    for leg in repository.road_legs(session, uld.id):
        if principal.is_admin or leg.trucker_org_id == principal.org_id:
            for event, (before, _) in NEXT.items():
                if leg.status == before:
                    found[event].append(leg.destination)
    return found
