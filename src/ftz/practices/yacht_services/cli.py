"""`ftz yacht-services …`: the registry and sailings, dispatch and statistics, transfer actions,
and offline checks: a route or a track against the night-navigation zone, and the working days
of a transfer against the 7-day limit."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.domain.geo import excursions, read_track_csv, read_track_geojson, route_excursions
from ftz.practices.yacht_services import monitoring, repository, transfers, zones
from ftz.practices.yacht_services.assessment import describe, period_of
from ftz.practices.yacht_services.common import local_zone, rules, settings
from ftz.practices.yacht_services.schemas import SailingOut, TransferEventIn, YachtOut
from ftz.practices.yacht_services.workdays import (
    add_working_days,
    calendar_known,
    working_days_between,
)

app = typer.Typer(no_args_is_help=True, help="p16 游艇综合管理服务 yacht services")


def _moment(text: str, option: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        fail(f"{option} must be an ISO 8601 time such as 2024-07-01T19:30", 2)
    return value if value.tzinfo else value.replace(tzinfo=local_zone())


@app.command("yachts")
def list_yachts(
    q: str | None = typer.Option(None, help="Name, hull id, registration number or owner"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The registry (scoped to the acting user)."""
    with cli_session(as_user) as (session, principal):
        found = repository.rows(session, repository.yacht_query(principal, text=q))
        rows = [YachtOut.model_validate(y).model_dump(mode="json") for y in found]
    lines = [f"{r['registration_no']} {r['hull_id']} {r['name_zh']} {r['usage']} "
             f"{r['home_port']} {r['status']}" for r in rows]  # fmt: skip
    emit({"items": rows}, as_json, "\n".join(lines))


@app.command("sailings")
def list_sailings(
    flagged: bool = typer.Option(False, "--flagged", help="Only flagged reports"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Sailing reports, newest first (500 at most)."""
    with cli_session(as_user) as (session, principal):
        query = repository.sailing_query(principal, flagged=True if flagged else None)
        found = repository.rows(session, query.limit(500))
        rows = [SailingOut.model_validate(s).model_dump(mode="json") for s in found]
    lines = [f"{r['number']} {r['status']:<9} {r['period']:<14} {' '.join(r['flags']) or '-'}"
             for r in rows]  # fmt: skip
    emit({"items": rows}, as_json, "\n".join(lines))


@app.command("check-route")
def check_route(
    route_file: Path = typer.Argument(..., help="GeoJSON LineString (or Feature) of the route"),
    marina: str = typer.Option(..., help="Departure marina code, e.g. SY-VISUN"),
    depart: str = typer.Option(..., help="Departure, ISO 8601 (local time if no offset)"),
    back: str = typer.Option(..., "--return", help="Planned return, ISO 8601"),
    as_json: bool = JSON_OPTION,
) -> None:
    """The period, the zone serving the marina and the route's excursions out of it."""
    start, end = _moment(depart, "--depart"), _moment(back, "--return")
    if end <= start:
        fail("--return must be after --depart", 2)
    try:
        loaded = json.loads(route_file.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        fail(f"cannot read {route_file}: {exc}", 2)
    geometry = loaded.get("geometry", loaded) if isinstance(loaded, dict) else {}
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if not isinstance(coords, list) or len(coords) < 2:
        fail("the route must be a GeoJSON LineString with two or more positions", 2)
    period, rows = period_of(start, end)
    with cli_session() as (session, _):
        zone = zones.for_marina(session, marina, start.astimezone(local_zone()).date())
    found = []
    if zone is not None:
        found = describe(route_excursions(coords, zone.zone, start.timestamp(), end.timestamp()))
    out = {"period": period, "zone": zone.code if zone else None, "left_zone": bool(found),
           "excursions": found, "fired": rows}  # fmt: skip
    text = f"{period}; zone {out['zone'] or '-'}; " + (
        "; ".join(f"outside {e['from_local']} → {e['to_local']}" for e in found) or "stays inside"
    )
    emit(out, as_json, text)


@app.command("check-track")
def check_track(
    track_file: Path = typer.Argument(..., help="CSV (time, lon, lat) or GeoJSON track"),
    zone_code: str = typer.Option("SY-NIGHT-PHOENIX", "--zone", help="Zone code"),
    as_json: bool = JSON_OPTION,
) -> None:
    """A track's summary (length, speeds, gaps) and its excursions out of a zone."""
    try:
        text = track_file.read_text("utf-8")
        reader = (
            read_track_geojson if track_file.suffix in (".json", ".geojson") else read_track_csv
        )
        track = reader(text, default_tz=local_zone())
    except OSError as exc:
        fail(f"cannot read {track_file}: {exc}", 2)
    except FtzError as exc:
        fail(exc.detail, 2)
    with cli_session() as (session, _):
        zone = next((z for z in zones.in_force(session, date.today()) if z.code == zone_code), None)
    if zone is None:
        fail(f"no zone {zone_code!r}", 2)
    gap = float(settings()["max_track_gap_s"])
    found = describe(excursions(track, zone.zone, gap))
    out = {"summary": track.summary(gap), "zone": zone_code, "excursions": found}
    emit(out, as_json, f"{len(track)} points; {len(found)} excursion(s) out of {zone_code}")


@app.command("transfer-sla")
def transfer_sla(
    accepted: str = typer.Option(..., help="Acceptance date, YYYY-MM-DD"),
    completed: str | None = typer.Option(None, help="Completion date (default: still open)"),
    on: str | None = typer.Option(None, help="For an open case: the day to judge (default today)"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Working days since acceptance and the verdict against 7 working days (22 before)."""
    try:
        start = date.fromisoformat(accepted)
        end = date.fromisoformat(completed or on or date.today().isoformat())
        elapsed = working_days_between(start, end)
        due = add_working_days(start, 7)
    except ValueError as exc:
        fail(f"dates are YYYY-MM-DD: {exc}", 2)
    decision = rules().evaluate(
        "transfer_sla.json", {"completed": completed is not None, "elapsed_working_days": elapsed}
    )
    out = {"elapsed_working_days": elapsed, "due": due.isoformat(), **decision.result,
           "calendar_known": calendar_known(start, max(end, due)),
           "fired": decision.explanation()}  # fmt: skip
    emit(out, as_json, f"{decision.result['sla']}: {elapsed} working days (due {due})")


@app.command("transfer")
def transfer_event(
    transfer_id: str,
    event: str = typer.Option(..., help="consent, accept, complete, reject or withdraw"),
    note: str = typer.Option("", help="Note (required to reject)"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Move a transfer case on (as the party or the maritime officer)."""
    try:
        data = TransferEventIn.model_validate({"event": event, "note": note})
    except ValidationError as exc:
        fail(f"invalid event: {exc.errors()[0]['msg']}", 2)
    with cli_session(as_user) as (session, principal):
        made = transfers.act(session, principal=principal, transfer_id=transfer_id, data=data)
        out = {"number": made.number, "status": made.status, "sla": made.sla,
               "elapsed_working_days": made.elapsed_working_days}  # fmt: skip
    emit(out, as_json, f"{out['number']} {out['status']}")


@app.command("dispatch")
def dispatch(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Yachts out now with their return alert, and departures in the next 24 hours."""
    with cli_session(as_user) as (session, principal):
        board = monitoring.dispatch(session, principal=principal)
        out = {
            "out": [{"number": e["sailing"].number, "yacht": e["yacht"].name_zh,
                     "return_at": e["sailing"].return_at.isoformat(),
                     "alert": e["alert"]["alert"]} for e in board["out"]],
            "upcoming": [{"number": e["sailing"].number, "yacht": e["yacht"].name_zh,
                          "depart_at": e["sailing"].depart_at.isoformat()}
                         for e in board["upcoming"]],
        }  # fmt: skip
    lines = [f"OUT {o['number']} {o['yacht']} {o['alert']}" for o in out["out"]]
    emit(out, as_json, "\n".join(lines) or "no yacht out")


@app.command("statistics")
def statistics(
    year: int = typer.Option(2024, min=2000, max=2100),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Sailings, passengers, night sailings, the fleet and transfers, beside the seed."""
    with cli_session(as_user) as (session, principal):
        data = monitoring.statistics(session, principal=principal, year=year)
    totals = data["totals"]
    emit(data, as_json, f"{year}: {totals['sailings']} sailings, {totals['passengers']} "
         f"passengers, {totals['night']} at night; fleet {data['fleet']['total']} "
         f"(seed ÷ {data['scale']}: {data['scaled_seed']['sailings']} sailings, "
         f"{data['scaled_seed']['yachts']} yachts)")  # fmt: skip
