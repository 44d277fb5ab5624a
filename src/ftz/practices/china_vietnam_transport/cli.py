"""`ftz china-vietnam-transport …`: the designated routes, trips, planning a trip from a JSON
file (refused with the permit row), the seal check, the return-load matching and the figures."""

from __future__ import annotations

from pathlib import Path

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, read_model
from ftz.core.kit.pagination import PageParams
from ftz.practices.china_vietnam_transport import matching, metrics, refusals, repository, trips
from ftz.practices.china_vietnam_transport.models import Trip
from ftz.practices.china_vietnam_transport.reference import routes
from ftz.practices.china_vietnam_transport.schemas import (
    RefusedTripOut,
    SealCheckIn,
    TripIn,
    TripOut,
)

app = typer.Typer(no_args_is_help=True, help="p24 中越跨境陆路运输 China–Vietnam road transport")


@app.command("routes")
def list_routes(as_json: bool = JSON_OPTION) -> None:
    """The five designated direct routes with distance and hours from the network."""
    rows = [{k: v for k, v in vars(r).items() if k != "coordinates"} for r in routes().values()]
    lines = [f"{r['code']} {r['name_zh']} {r['distance_km']} km {r['hours']} h" for r in rows]
    emit({"items": rows}, as_json, "\n".join(lines))


@app.command("trips")
def list_trips(
    status: str | None = typer.Option(None, help="planned, under_way, held, cleared, cancelled"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Trips, newest first (scoped to the acting user)."""
    with cli_session(as_user) as (session, principal):
        found = repository.rows(session, repository.trip_query(principal, status=status))
        rows = [TripOut.model_validate(t).model_dump(mode="json") for t in found]
    lines = [
        f"{r['number']} {r['route_code']} {r['direction']} {r['status']}"
        f"{' green' if r['green_channel'] else ''}"
        for r in rows
    ]
    emit({"items": rows}, as_json, "\n".join(lines))


def _show(trip: Trip, as_json: bool) -> None:
    out = TripOut.model_validate(trip).model_dump(mode="json")
    why = "; ".join(f"{r['row_id']} {r['outputs'].get('reason_en', '')}" for r in out["fired"])
    emit(out, as_json, f"{out['number']} {out['status']} {out['route_code']} {why}")


@app.command("plan")
def plan_trip(
    trip_file: Path = typer.Argument(..., help="JSON: truck_id, route_code, direction, depart_at…"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Plan a trip; refused (exit 2) with the permit table's row when the truck has no valid
    permit for the route."""
    data = read_model(trip_file, TripIn)
    with cli_session(as_user) as (session, principal):
        try:
            made = refusals.attempt(session, principal=principal, data=data)
        except refusals.TripRefusedError as refused:
            session.commit()  # the refused attempt is recorded; nothing of the trip is kept
            raise refused.error from None
        _show(made, as_json)


@app.command("refusals")
def list_refusals(
    route: str | None = typer.Option(None, help="Route code"),
    q: str | None = typer.Option(None, help="Plate, user or route"),
    page: int = typer.Option(1, min=1),
    size: int = typer.Option(20, min=1, max=200),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Refused trip attempts (who, when, truck, route, reasons, rows), the carrier's own only."""
    with cli_session(as_user) as (session, principal):
        query = repository.refused_query(principal, route_code=route, text=q)
        found = repository.page(session, query, PageParams(page=page, size=size))
        items = [RefusedTripOut.model_validate(r).model_dump(mode="json") for r in found.items]
    lines = [
        f"{r['created_at']} {r['actor']} {r['plate']} {r['route_code']} "
        + " ".join(f["row_id"] for f in r["fired"])
        + " | "
        + "; ".join(f"{p['field']}: {p['reason']}" for p in r["reasons"])
        for r in items
    ]
    emit({"items": items, "total": found.total}, as_json, "\n".join(lines) or "no refusals")


@app.command("seal")
def check_seal(
    trip_id: str,
    seal: str = typer.Option("", help="Seal number seen at the destination"),
    broken: bool = typer.Option(False, "--broken", help="The seal is broken or missing"),
    minutes: int = typer.Option(10, help="Clearance minutes"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Customs' seal check on arrival: cleared when intact, held with the reason when not."""
    data = SealCheckIn(seal_destination=seal, seal_broken=broken, clearance_minutes=minutes)
    with cli_session(as_user) as (session, principal):
        _show(trips.check_seal(session, principal=principal, trip_id=trip_id, data=data), as_json)


@app.command("match")
def match(
    apply: bool = typer.Option(False, "--apply", help="Plan the matched return trips"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Return loads matched to loaded trucks, with the rule rows; --apply plans the trips."""
    with cli_session(as_user) as (session, principal):
        result = matching.match(session, principal=principal)
        made = matching.apply(session, principal=principal) if apply else []
        out = {**result.model_dump(mode="json"), "planned": [t.number for t in made]}
    lines = [
        f"{p['trip_number']} {p['truck_plate']} ← {p['load_number']} "
        f"{p['empty_km_avoided']} km {p['fired'][0]['row_id']}"
        for p in out["pairs"]
    ]
    lines += [
        f"{u['load_number']} unmatched {u['fired'][0]['row_id']} {u['cause']}"
        for u in out["unmatched"]
    ]
    emit(out, as_json, "\n".join(lines) or "nothing to match")


@app.command("metrics")
def figures(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Our figures beside the seed's (926 CNY per container, 40 → 10 minutes, 3,000 per truck)."""
    with cli_session(as_user) as (session, principal):
        out = metrics.figures(session, principal=principal)
    text = (
        f"trips {out['trips']}, return trips {out['return_trips']} "
        f"({out['two_way_share_pct']}%), empty km avoided {out['empty_km_avoided']}, "
        f"clearance {out['clearance_minutes_avg']} min (before {out['clearance_minutes_before']}), "
        f"truck saving {out['truck_saving_cny']} CNY, container saving "
        f"{out['container_saving_cny']} CNY"
    )
    emit(out, as_json, text)
