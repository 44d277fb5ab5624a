"""`ftz asia-europe-transport …`: corridors and timetables, a quote, the bills (book from a JSON
file, pay, issue, track, pledge, surrender) and the reefer repositioning decision."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.practices.asia_europe_transport import bills, corridor, plans, repository
from ftz.practices.asia_europe_transport.common import reefer_data
from ftz.practices.asia_europe_transport.schemas import (
    BillOut,
    BookingIn,
    EventIn,
    PayIn,
    PledgeIn,
    ReeferIn,
)

app = typer.Typer(no_args_is_help=True, help="p14 亚蓉欧跨洲际国际联运 Asia–Chengdu–Europe")


def _bill_line(row: dict[str, Any]) -> str:
    return (f"{row['number']} {row['corridor']} {row['status']} pledge={row['pledge']} "
            f"eta={row['eta']} freight={row['freight_cny']} {row['shipper']}")  # fmt: skip


@app.command("corridors")
def list_corridors(as_json: bool = JSON_OPTION) -> None:
    """The corridors and the full-route timetables of their services."""
    data = {"corridors": list(corridor.corridors().values()), "timetables": corridor.timetables()}
    lines = [f"{t['id']}: {' → '.join(s['node'] for s in t['stops'])} {t['hours']} h, "
             f"{', '.join(t['departs'])}" for t in data["timetables"]]  # fmt: skip
    emit(data, as_json, "\n".join(lines))


@app.command("quote")
def quote(
    code: str = typer.Argument(..., help="Corridor code, e.g. LMRO"),
    depart: str = typer.Option(..., "--depart", help="Ready to depart, ISO 8601 (UTC if naive)"),
    cargo: str = typer.Option("general", help="general, perishable or reefer"),
    teu: int = typer.Option(2, min=1, max=200),
    as_json: bool = JSON_OPTION,
) -> None:
    """The timed legs, the sections against their promises and the through freight."""
    try:
        moment = datetime.fromisoformat(depart)
    except ValueError:
        fail("--depart must be an ISO 8601 time such as 2026-12-01T08:00", 2)
    with cli_session(None):
        found = corridor.itinerary(code, moment, cargo=cargo, teu=teu, gross_kg=0)
    lines = [f"{x['from']} → {x['to']} {x['departs']} → {x['arrives']} ({x['run_h']} h)"
             for x in found["legs"]]  # fmt: skip
    lines.append(f"total {found['total_hours']} h, freight {found['freight_cny']} CNY, "
                 f"{found['priority']} slot")  # fmt: skip
    emit(found, as_json, "\n".join(lines))


@app.command("bills")
def list_bills(
    status: str | None = typer.Option(None), as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """Bills visible to the acting user, newest first."""
    with cli_session(as_user) as (session, principal):
        found = repository.rows(session, repository.bill_query(principal, status=status))
        rows = [BillOut.model_validate(b).model_dump(mode="json") for b in found]
    emit({"items": rows}, as_json, "\n".join(_bill_line(r) for r in rows))


def _one(as_user: str | None, as_json: bool, act: Callable[..., Any]) -> None:
    with cli_session(as_user) as (session, principal):
        made = act(session, principal)
        row = BillOut.model_validate(made).model_dump(mode="json")
    emit(row, as_json, _bill_line(row))


@app.command("book")
def book(
    file: Path = typer.Argument(..., help="Booking JSON (see BookingIn)"),
    as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """One booking for the whole route."""
    data = read_model(file, BookingIn)
    _one(as_user, as_json, lambda s, p: bills.book(s, principal=p, data=data))


@app.command("pay")
def pay(
    bill: str, ref: str = typer.Option(..., "--ref"), as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """One payment for the whole route."""
    data = PayIn(payment_ref=ref)
    _one(as_user, as_json, lambda s, p: bills.pay(s, principal=p, bill_id=bill, data=data))


@app.command("issue")
def issue(bill: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Issue the through bill (land-port operator); anchored in the evidence ledger."""
    _one(as_user, as_json, lambda s, p: bills.issue(s, principal=p, bill_id=bill))


@app.command("track")
def track(
    bill: str, kind: str = typer.Option(...), node: str = typer.Option(...),
    carrier_from: str = typer.Option(""), carrier_to: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """Record a tracking event or a hand-over."""
    try:
        data = EventIn.model_validate({"kind": kind, "node": node, "carrier_from": carrier_from,
                                       "carrier_to": carrier_to})  # fmt: skip
    except ValueError as exc:
        fail(f"kind: {str(exc).splitlines()[-1].strip()}", 2)

    def record(session: Any, principal: Any) -> Any:
        event = bills.track(session, principal=principal, bill_id=bill, data=data)
        return repository.bill(session, principal, event.bill_id)

    _one(as_user, as_json, record)


@app.command("finance")
def finance(
    bill: str,
    action: str = typer.Option(..., help="request_pledge, accept_pledge or release_pledge"),
    bank: str = typer.Option("", help="Bank organization code (request_pledge)"),
    as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """The bill as collateral."""
    try:
        data = PledgeIn.model_validate({"action": action, "bank_code": bank})
    except ValueError:
        fail("action: one of request_pledge, accept_pledge, release_pledge", 2)
    _one(as_user, as_json, lambda s, p: bills.finance(s, principal=p, bill_id=bill, data=data))


@app.command("surrender")
def surrender(bill: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Surrender the bill against delivery (refused while pledged, unless by the bank)."""
    _one(as_user, as_json, lambda s, p: bills.surrender(s, principal=p, bill_id=bill))


@app.command("reefer")
def plan_reefers(
    file: Path | None = typer.Argument(None, help="JSON {horizon_days, stock, demand}; "
                                                   "default: the demo scenario"),
    save: bool = typer.Option(False, "--save", help="Keep the plan"),
    multi: bool = typer.Option(False, "--periods", help="The demo's multi-period scenario"),
    as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION,
) -> None:  # fmt: skip
    """The min-cost repositioning plan against the naive return-to-origin plan (one horizon,
    or several periods: JSON {period_days, periods: [{stock, demand}, …]})."""
    demo = reefer_data()["scenario_periods" if multi else "scenario"]
    data = read_model(file, ReeferIn) if file else ReeferIn(**demo)
    with cli_session(as_user) as (session, principal):
        found = plans.compare(data)
        if save:
            found["number"] = plans.save(session, principal=principal, data=data).number
    lines = [(f"p{m['period']} " if "period" in m else "") + f"{m['kind']} {m['from'] or '-'} "
             f"→ {m['to'] or '-'} {m['boxes']} boxes {m['cost_cny']} CNY"
             for m in found["optimal"]["moves"]]  # fmt: skip
    lines.append(f"optimal {found['optimal']['cost_cny']} CNY, return-to-origin "
                 f"{found['naive']['cost_cny']} CNY, saving {found['saving_cny']} CNY")  # fmt: skip
    emit(found, as_json, "\n".join(lines))
