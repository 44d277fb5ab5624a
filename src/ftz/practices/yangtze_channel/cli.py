"""`ftz yangtze-channel …`: the channel, route planning (timed with --depart), the board, orders
(post, show with timed legs, matches, book, track) and offers, the registry (register here;
list, edit, deactivate, reactivate and history in `operators …` / `services …`, cli_registry.py)
and the statistics, over the same service as the API (bodies are the API's JSON). Bad input:
one `error:` line on stderr, exit 2; denial or absence, exit 1."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.errors import FtzError
from ftz.practices.yangtze_channel import (
    matching,
    reference,
    repository,
    routes,
    service,
    statistics,
    tracking,
    views,
)
from ftz.practices.yangtze_channel.cli_registry import operators_app, services_app
from ftz.practices.yangtze_channel.schemas import (
    EventIn,
    OfferIn,
    OfferOut,
    OperatorIn,
    OperatorOut,
    OrderIn,
    OrderOut,
    ServiceIn,
    ServiceOut,
)

app = typer.Typer(no_args_is_help=True, help="p29 长江经济带物流通道 Yangtze logistics channel")
app.add_typer(operators_app, name="operators")
app.add_typer(services_app, name="services")
FILE = typer.Argument(..., dir_okay=False)


def run(as_user: str | None, action: Any) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        reason = f"{exc.errors[0].field}: {exc.errors[0].reason}" if exc.errors else exc.detail
        fail(reason.replace("\n", " "), 2 if exc.status in (400, 409, 422) else 1)


def _dump(model: type[BaseModel], row: Any) -> dict[str, Any]:
    return model.model_validate(row).model_dump(mode="json")


@app.command("channels")
def channels(as_json: bool = JSON_OPTION) -> None:
    """The main channel and the five core sub-channels."""
    rows = views.channel_rows()
    text = "\n".join(f"{c['code']}\t{c['mode']}\t{c['name_zh']}\t{' → '.join(c['nodes'])}"
                     for c in rows)  # fmt: skip
    emit({"channels": rows}, as_json, text)


def _leg_line(leg: dict[str, Any]) -> str:
    timed = ""
    if leg.get("departs"):
        timed = (f"\t{reference.local_label(leg['departs'])} → "
                 f"{reference.local_label(leg['arrives'])}")  # fmt: skip
    service = f"\t{leg['service']}" if leg.get("service") else ""
    booked = f"\tbooked {leg['booked']}" if leg.get("booked") else ""
    return f"{leg['mode']}\t{leg['from']} → {leg['to']}\t{leg['hours']} h{timed}{service}{booked}"


@app.command("route")
def route(
    origin: str,
    destination: str,
    optimize: str = typer.Option("cost", help="time | cost | co2 | mix"),
    mode: list[str] = typer.Option([], "--mode", help="allowed mode (repeat); none: all"),
    depart: str = typer.Option("", "--depart", help="departure, e.g. 2026-12-01T08:00 (CST)"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Plan a route over the network and name the channels it runs along; with --depart the
    legs are timed and timetabled services wait for their next departure."""
    try:
        depart_at = reference.local(datetime.fromisoformat(depart)) if depart else None
    except ValueError:
        fail(f"--depart: not a date-time {depart!r}", 2)
    try:
        found = routes.plan_route(origin, destination, optimize, mode, depart_at)
    except FtzError as exc:
        reason = f"{exc.errors[0].field}: {exc.errors[0].reason}" if exc.errors else exc.detail
        fail(reason, 2 if exc.status in (400, 409, 422) else 1)
    best = found.model_dump(mode="json")
    used = reference.channels_on(routes.route_nodes(best["legs"]))
    lines = [_leg_line(leg) for leg in best["legs"]]
    total = best["total"]
    lines.append(f"total {total['hours']} h, {total['cost_cny']} CNY, channels {' '.join(used)}")
    emit({**best, "channels": used}, as_json, "\n".join(lines))


def _order_line(o: dict[str, Any]) -> str:
    return (f"{o['number']}\t{o['status']}\t{o['origin']} → {o['destination']}\t{o['teu']} TEU"
            f"\t{' '.join(o['sub_channels'])}\t{o['id']}")  # fmt: skip


@app.command("orders")
def orders(
    status: str = typer.Option("", help="posted | booked | in_transit | delivered | cancelled"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Orders the caller takes part in (all of them for the channel administration)."""
    if status and status not in reference.ORDER_STATUSES:
        fail(f"--status: unknown {status!r}", 2)

    def act(session: Session, p: Principal) -> list[dict[str, Any]]:
        query = repository.orders_query(p, status=status)
        return [_dump(OrderOut, o) for o in session.scalars(query)]

    rows = run(as_user, act)
    emit({"orders": rows}, as_json, "\n".join(map(_order_line, rows)) or "no orders")


@app.command("order")
def order(order_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """One order with its route's timed legs (the booked offer's marked)."""
    out = run(as_user, lambda s, p: _dump(OrderOut, repository.get_order(s, p, order_id)))
    ready = reference.local_label(out["ready_at"]) if out["ready_at"] else out["ready_on"]
    lines = [_order_line(out), f"ready {ready}, deliver by {out['deliver_by']}, route "
             f"{out['route'].get('basis', 'plan')}"]  # fmt: skip
    lines += [_leg_line(leg) for leg in out["route"]["legs"]]
    emit(out, as_json, "\n".join(lines))


@app.command("post-order")
def post_order(body: Path = FILE, as_user: str | None = AS_USER_OPTION,
               as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Post a cargo order from ORDER.json (the API's body); the route is planned at once."""
    data = read_model(body, OrderIn)
    out = run(as_user, lambda s, p: _dump(OrderOut, service.post_order(s, principal=p, data=data)))
    emit(out, as_json, _order_line(out))


@app.command("matches")
def matches(
    order_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Open offers judged against the order, with the rows that fired."""

    def act(session: Session, p: Principal) -> list[dict[str, Any]]:
        found = matching.candidates(session, principal=p, order_id=order_id)
        return [{**c, "offer": _dump(OfferOut, c["offer"])} for c in found]

    rows = run(as_user, act)
    text = "\n".join(f"{c['offer']['number']}\t{c['verdict']}\t"
                     f"{' '.join(r['row_id'] for r in c['fired'])}\t{c['offer']['id']}"
                     for c in rows)  # fmt: skip
    emit({"matches": rows}, as_json, text or "no open offers")


@app.command("book")
def book(order_id: str, offer_id: str, as_user: str | None = AS_USER_OPTION,
         as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Book ORDER on OFFER (the shipper)."""
    out = run(as_user, lambda s, p: _dump(OrderOut, matching.book(
        s, principal=p, order_id=order_id, offer_id=offer_id)))  # fmt: skip
    emit(out, as_json, f"{_order_line(out)}\tledger {out['ledger_index']}")


@app.command("track")
def track(
    order_id: str,
    kind: str,
    node: str = typer.Option("", "--node"),
    note: str = typer.Option("", "--note"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record a tracking event (picked_up, loaded, departed, transhipped, arrived,
    customs_cleared, delivered, exception, note)."""
    try:
        data = EventIn.model_validate({"kind": kind, "node_id": node, "note": note})
    except ValidationError as exc:
        fail(f"{exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}", 2)

    def act(session: Session, p: Principal) -> dict[str, Any]:
        event = tracking.record(session, principal=p, order_id=order_id, data=data)
        order = repository.get_order(session, p, order_id)
        return {"event": event.kind, "party": event.party, "status": order.status,
                "rows": [r["row_id"] for r in event.fired]}  # fmt: skip

    out = run(as_user, act)
    emit(out, as_json, f"{out['event']} by {out['party']}: order {out['status']}")


@app.command("post-offer")
def post_offer(body: Path = FILE, as_user: str | None = AS_USER_OPTION,
               as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Offer capacity from OFFER.json (a registered partner operator)."""
    data = read_model(body, OfferIn)
    out = run(as_user, lambda s, p: _dump(OfferOut, service.post_offer(s, principal=p, data=data)))
    emit(out, as_json, f"{out['number']}\t{out['origin']} → {out['destination']}\t{out['id']}")


@app.command("register-operator")
def register_operator(body: Path = FILE, as_user: str | None = AS_USER_OPTION,
                      as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Register a partner operator from OPERATOR.json (the channel administration)."""
    data = read_model(body, OperatorIn)
    out = run(as_user, lambda s, p: _dump(
        OperatorOut, service.register_operator(s, principal=p, data=data)))  # fmt: skip
    emit(out, as_json, f"{out['code']}\t{out['name_zh']}\t{out['kind']}")


@app.command("register-service")
def register_service(body: Path = FILE, as_user: str | None = AS_USER_OPTION,
                     as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Register a fixed multimodal service from SERVICE.json (the channel administration)."""
    data = read_model(body, ServiceIn)
    out = run(as_user, lambda s, p: _dump(
        ServiceOut, service.register_service(s, principal=p, data=data)))  # fmt: skip
    emit(out, as_json, f"{out['code']}\t{out['sub_channel']}\t{out['name_zh']}")


@app.command("statistics")
def stats(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """The seed's figures and the board's (the channel administration)."""
    out = run(as_user, lambda s, p: {"seed": statistics.seed_figures(),
                                     "live": statistics.live(s, principal=p)})  # fmt: skip
    seed, live = out["seed"], out["live"]
    text = (f"{seed['year']}: {seed['teu_added']} TEU added, {seed['foreign_teu']} foreign "
            f"({seed['foreign_share_pct']}%, +{seed['foreign_growth_pct']}%)\n"
            f"board: {live['teu']} TEU booked, {live['foreign_teu']} foreign "
            f"({live['foreign_share_pct']}%)")  # fmt: skip
    emit(json.loads(json.dumps(out, default=str)), as_json, text)
