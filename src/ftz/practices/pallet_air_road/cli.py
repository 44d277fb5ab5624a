"""`ftz pallet-air-road …`: ULDs (list, show, build from a JSON file, record an event), the
ULD id check, trailers and the statistics; --json on each."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.pagination import PageParams
from ftz.practices.pallet_air_road import events, metrics, repository, service, views
from ftz.practices.pallet_air_road.schemas import EventIn, TrailerIn, TrailerOut, UldIn, UldOut
from ftz.practices.pallet_air_road.uld import parse

app = typer.Typer(no_args_is_help=True, help="p09 whole-pallet air–road transport (ULDs)")


def _line(u: dict[str, object]) -> str:
    return f"{u['id']} {u['uld_code']} {u['flight_no']} {u['origin']}→{u['entry']}→" \
           f"{u['destination']} {u['mode']} {u['status']}"  # fmt: skip


@app.command("ulds")
def list_ulds(
    status: str | None = typer.Option(None), destination: str | None = typer.Option(None),
    page: int = typer.Option(1, min=1), size: int = typer.Option(20, min=1, max=200),
    as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """The ULDs this user may see (filters: status, destination)."""
    with cli_session(as_user) as (session, who):
        query = repository.uld_query(who, status=status, destination=destination)
        found = repository.page(session, query, PageParams(page=page, size=size))
        items = [UldOut.model_validate(u).model_dump(mode="json") for u in found.items]
    emit({"items": items, "total": found.total, "page": page, "size": size}, as_json,
         "\n".join(_line(u) for u in items) or "no ULDs")  # fmt: skip


@app.command("show")
def show(uld_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """One ULD with its events and metrics."""
    with cli_session(as_user) as (session, who):
        found = views.detail(session, repository.get_uld(session, who, uld_id))
    read = found.model_dump(mode="json")
    text = [_line(read)] + [
        f"  {e['seq']} {e['at']} {e['event']} {e['actor']} touches={e['touches']}"
        for e in read["events"]
    ]
    text += [f"  leg {g['destination']} {g['trailer']} {g['pieces']} pcs {g['gross_kg']} kg "
             f"{g['status']}" for g in read["road_legs"]]  # fmt: skip
    emit(read, as_json, "\n".join(text))


@app.command("history")
def history(uld_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """The audit history of a ULD (its events and road legs too), for each of its parties."""
    with cli_session(as_user) as (session, who):
        found = views.history(session, repository.get_uld(session, who, uld_id))
    items = [{**h, "at": h["at"].isoformat()} for h in found]
    emit({"items": items}, as_json,
         "\n".join(f"{h['at']} {h['action']} {h['entity']} {h['actor']}" for h in items)
         or "no history")  # fmt: skip


@app.command("build")
def build(file: Path, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Build a ULD manifest from a JSON file (the API's body)."""
    data = read_model(file, UldIn)
    with cli_session(as_user) as (session, who):
        read = views.detail(session, service.build(session, principal=who, data=data))
    emit(read.model_dump(mode="json"), as_json, f"{read.id} {read.uld_code} {read.mode}")


@app.command("event")
def event(
    uld_id: str, name: str, at: datetime | None = typer.Option(None),
    crew: int | None = typer.Option(None, min=1, max=20),
    trailer: str | None = typer.Option(None, help="Trailer plate (start_loading)"),
    leg: list[str] = typer.Option([], help="DEST=PLATE, a truck per destination (broken down)"),
    destination: str | None = typer.Option(None, help="The road leg of a depart / deliver"),
    note: str = typer.Option(""), as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """Record an event on a ULD as its party (arrive … deliver)."""
    if any("=" not in x for x in leg):
        fail("--leg: give each as DEST=PLATE, e.g. PEK=豫A3001挂", 2)
    legs = dict(x.split("=", 1) for x in leg) or None
    data = EventIn(event=name, at=at, crew=crew, trailer_plate=trailer, legs=legs,
                   destination=destination, note=note)  # fmt: skip
    with cli_session(as_user) as (session, who):
        made = events.act(session, principal=who, uld_id=uld_id, data=data)
        read = views.detail(session, made).model_dump(mode="json")
    emit(
        read,
        as_json,
        f"{read['uld_code']} {read['status']} touches={read['metrics'].get('touches_so_far')}",
    )


@app.command("check-uld")
def check_uld(code: str, as_json: bool = JSON_OPTION) -> None:
    """Validate and normalize an IATA ULD id."""
    found = parse(code, "code").describe()
    emit(
        found,
        as_json,
        f"{found['spaced']} {found['category']['en']}, base {found['base']['inches']} in",
    )


@app.command("trailers")
def trailers(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """The trailers this user may see."""
    with cli_session(as_user) as (session, who):
        found = repository.rows(session, repository.trailer_query(who))
        items = [TrailerOut.model_validate(t).model_dump(mode="json") for t in found]
    emit(items, as_json, "\n".join(f"{t['plate']} {t['kind']} {t['positions']}" for t in items))


@app.command("add-trailer")
def add_trailer(
    plate: str, kind: str, positions: int = typer.Option(4),
    as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """Register a trailer (kind: uld_roller, uld_reefer, box, flatbed)."""
    data = TrailerIn(plate=plate, kind=kind, positions=positions)
    with cli_session(as_user) as (session, who):
        made = TrailerOut.model_validate(service.add_trailer(session, principal=who, data=data))
    emit(made.model_dump(mode="json"), as_json, f"{made.id} {made.plate}")


@app.command("stats")
def stats(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Metrics of delivered ULDs per mode, beside the seed's figures."""
    with cli_session(as_user) as (session, who):
        found = metrics.summary(repository.delivered(session, who))
    lines = [f"{mode}: {s}" for mode, s in found["modes"].items()]
    emit(found, as_json, "\n".join(lines))
