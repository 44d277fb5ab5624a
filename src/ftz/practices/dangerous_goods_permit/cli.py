"""`ftz dangerous-goods-permit …` (alias `ftz dg-permit …`): permits and trips, a track checked
against a permit (`check-track --permit PERMIT TRACK.csv --json`: compliant, route, violations,
points), a trip's track submitted and scored, the station queue and the points board."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.db import utcnow
from ftz.core.kit.errors import FtzError
from ftz.practices.dangerous_goods_permit import queue, repository, trips, views
from ftz.practices.dangerous_goods_permit.common import local
from ftz.practices.dangerous_goods_permit.compliance import Terms, check
from ftz.practices.dangerous_goods_permit.schemas import (
    BlacklistingOut,
    PermitOut,
    TrackIn,
    TripOut,
)

app = typer.Typer(
    no_args_is_help=True, help="p25 国际危险品道路运输“一证双线” one permit, two routes"
)


def _track(path: Path) -> TrackIn:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}", 2)
    fmt = "geojson" if path.suffix in (".json", ".geojson") else "csv"
    return TrackIn(format=fmt, text=text)


@app.command("permits")
def list_permits(
    q: str | None = typer.Option(None, help="Number, plate or cargo"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Permits (scoped to the acting user), newest first."""
    with cli_session(as_user) as (session, principal):
        found = repository.rows(session, repository.permit_query(principal, text=q))
        rows = [PermitOut.model_validate(p).model_dump(mode="json") for p in found]
    lines = [
        f"{r['number']} {r['vehicle_plate']} {r['cargo_un']} {r['status']} "
        f"{r['valid_from']}..{r['valid_to']}"
        for r in rows
    ]
    emit({"items": rows}, as_json, "\n".join(lines) or "no permit")


@app.command("trips")
def list_trips(
    violations: bool = typer.Option(False, "--violations", help="Only non-compliant trips"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Trips, newest first (500 at most)."""
    with cli_session(as_user) as (session, principal):
        query = repository.trip_query(principal, compliant=False if violations else None)
        rows = [
            TripOut.model_validate(t).model_dump(mode="json")
            for t in repository.rows(session, query.limit(500))
        ]
    lines = [f"{r['number']} {r['station']} {r['status']} {r['points']} pts" for r in rows]
    emit({"items": rows}, as_json, "\n".join(lines) or "no trip")


@app.command("check-track")
def check_track(
    track_file: Path = typer.Argument(..., help="CSV (time, lon, lat) or GeoJSON track"),
    permit: str = typer.Option(..., "--permit", help="Permit number or id"),
    station: str | None = typer.Option(None, help="Judge against this station's route (A or B)"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Judge a track against a permit's two routes, hours, speed limit and stops (nothing is
    recorded): compliant, route, violations with from/to/detail and points."""
    if station not in (None, "A", "B"):
        fail("--station must be A or B", 2)
    body = _track(track_file)
    with cli_session(as_user) as (session, principal):
        found = repository.permit_by_number_or_id(session, principal, permit)
        terms = Terms.of(found)
    try:
        verdict = check(trips.read_track(body), terms, station)
    except FtzError as exc:
        fail(exc.errors[0].reason if exc.errors else exc.detail, 2)
    for v in verdict["violations"]:
        v.pop("fired", None)
        v.pop("geometry", None)
    lines = [
        f"{'compliant' if verdict['compliant'] else 'NOT compliant'}; route "
        f"{verdict['route'] or '-'}; {verdict['points']} points"
    ]
    lines += [
        f"{v['type']} {v['from']} → {v['to']}: {v['detail']} ({v['points']})"
        for v in verdict["violations"]
    ]
    emit(verdict, as_json, "\n".join(lines))


@app.command("submit-track")
def submit_track(
    trip_id: str,
    track_file: Path = typer.Argument(..., help="CSV (time, lon, lat) or GeoJSON track"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a trip's track: judged, scored and counted towards the blacklist thresholds."""
    body = _track(track_file)
    with cli_session(as_user) as (session, principal):
        made = trips.submit_track(session, principal=principal, trip_id=trip_id, data=body)
        out: dict[str, Any] = TripOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, f"{out['number']} compliant={out['compliant']} points={out['points']}")


@app.command("queue")
def station_queue(
    day: str | None = typer.Option(None, help="YYYY-MM-DD (default today, Beijing time)"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Both stations' vehicles, waits and fees for a day, against a single station."""
    try:
        when = date.fromisoformat(day) if day else local(utcnow()).date()
    except ValueError:
        fail("--day must be YYYY-MM-DD", 2)
    with cli_session(as_user) as (session, principal):
        board = queue.day_view(session, principal=principal, day=when)
    saved = board["saved"]
    emit(
        board,
        as_json,
        f"{board['day']}: {board['vehicles']} vehicles; saved "
        f"{saved['max_wait_h']} h of queueing, {saved['fees_cny']} CNY ({saved['fee_pct']}%)",
    )


@app.command("points")
def points(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """12-month points per driver and enterprise, and the blacklist."""
    with cli_session(as_user) as (session, principal):
        board = views.points_board(session, principal=principal)
        board["blacklist"] = [
            BlacklistingOut.model_validate(b).model_dump(mode="json") for b in board["blacklist"]
        ]
    lines = [f"driver {d['licence']} {d['points']} {d['level']}" for d in board["drivers"]]
    lines += [
        f"listed {b['subject']} {b['subject_name']} {b['points']}" for b in board["blacklist"]
    ]
    emit(board, as_json, "\n".join(lines) or "no points")
