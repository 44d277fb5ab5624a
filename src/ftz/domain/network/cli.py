"""`ftz network …`: plan a route and look up nodes and timetables of the shipped network.

    ftz network route --from CNCTU --to PLLOD --optimize time --mode rail --json
    ftz network nodes --mode river --search 长江 --json
    ftz network services --json

Planning imports networkx and builds the network on first use, so the import of this module
stays light for the rest of the command line."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import typer

from ftz.core.cli_kit import JSON_OPTION, emit, fail, problem_line
from ftz.core.kit.errors import FtzError

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="Multimodal network: nodes, timetables and route planning (domain/network)",
)


def _leg_line(leg: dict[str, Any]) -> str:
    if leg["mode"] == "transfer":
        return f"  transfer {leg['transfer']} at {leg['from_name']}: {leg['hours']} h"
    what = leg["service_name"] or f"unscheduled {leg['mode']}"
    return (
        f"  {leg['mode']:<5} {leg['from_name']} → {leg['to_name']} ({what}): "
        f"{leg['distance_km']} km, {leg['hours']} h (wait {leg['wait_hours']} h), "
        f"{leg['cost_cny']} CNY, {leg['co2_kg']} kg CO₂"
    )


def _route_text(route: dict[str, Any], title: str) -> list[str]:
    total = route["total"]
    head = f"{title}: {total['hours']} h, {total['cost_cny']} CNY, {total['co2_kg']} kg CO₂"
    return [head, *(_leg_line(leg) for leg in route["legs"])]


@app.command("route")
def route(
    origin: str = typer.Option(..., "--from", help="Node id or UN/LOCODE, e.g. CNCTU"),
    destination: str = typer.Option(..., "--to", help="Node id or UN/LOCODE, e.g. PLLOD"),
    optimize: str = typer.Option("time", help="time, cost, co2 or mix"),
    mode: list[str] = typer.Option(None, "--mode", help="Allowed mode; repeat (default: all)"),
    k: int = typer.Option(3, "--k", help="Routes wanted: the best and k-1 alternatives"),
    depart: str | None = typer.Option(None, help="Departure, ISO 8601 (UTC if no offset)"),
    tonnes: float | None = typer.Option(None, help="Cargo tonnes (default: one loaded TEU)"),
    as_json: bool = JSON_OPTION,
) -> None:
    """The best route and its alternatives with legs, hours, cost and CO₂."""
    from ftz.domain.network.planner import plan

    depart_at = None
    if depart is not None:
        try:
            depart_at = datetime.fromisoformat(depart)
        except ValueError:
            fail("--depart must be an ISO 8601 time such as 2025-03-03T08:00+08:00", 2)
    try:
        result = plan(origin, destination, optimize=optimize, modes=mode or None, k=k,
                      depart_at=depart_at, tonnes=tonnes)  # fmt: skip
    except FtzError as exc:
        fail(*problem_line(exc))
    data = result.model_dump()
    lines = _route_text(data, "best")
    for n, other in enumerate(data["alternatives"], start=1):
        lines += _route_text(other, f"alternative {n}")
    emit(data, as_json, "\n".join(lines))


@app.command("nodes")
def nodes(
    mode: str | None = typer.Option(None, help="Only nodes served by this mode"),
    search: str | None = typer.Option(None, help="Text in the id, names, UN/LOCODE or IATA"),
    kind: str | None = typer.Option(None, help="rail_station, river_port, sea_port, …"),
    country: str | None = typer.Option(None, help="ISO country code, e.g. VN"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Nodes of the shipped network."""
    from ftz.domain.network.model import MODES
    from ftz.domain.network.network import network

    if mode is not None and mode not in MODES:
        fail(f"--mode: unknown mode {mode!r} (use {', '.join(MODES)})", 2)
    found = network().search(search, mode=mode, kind=kind, country=country)
    rows = [n.model_dump() for n in found]
    text = "\n".join(
        f"{n.id:<28} {n.locode or '-':<6} {n.kind:<15} {n.country} {','.join(n.modes):<22} "
        f"{n.name} {n.name_zh}"
        for n in found
    )
    emit({"items": rows, "count": len(rows)}, as_json, text or "no nodes")


@app.command("services")
def services(as_json: bool = JSON_OPTION) -> None:
    """Timetabled services with their stops and run times."""
    from ftz.domain.network.network import network

    rows = [s.schedule() for s in network().services.values()]
    text = "\n".join(
        f"{r['id']:<40} {r['per_week']:>2}/week {r['hours']:>7} h {r['distance_km']:>8} km "
        f"{r['name_zh']}"
        for r in rows
    )
    emit({"items": rows}, as_json, text)
