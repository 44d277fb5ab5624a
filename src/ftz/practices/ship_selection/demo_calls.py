"""The live part of the p07 demo: grain calls through the channel up to every state (papers,
loading condition, pre-review, trimming check, clearance) and arrival plans for the latest of
them, some confirmed with a reserved berth and the five guarantees."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.auth import service as accounts
from ftz.core.auth.principal import Principal, current_principal
from ftz.domain.vessels import repository as vessels
from ftz.domain.vessels.demo_fleet import PROFILES
from ftz.practices.ship_selection import berths, grain
from ftz.practices.ship_selection.common import checklist
from ftz.practices.ship_selection.demo_data import BERTHS, CONDITION
from ftz.practices.ship_selection.schemas import (
    ArrivalEventIn,
    ArrivalIn,
    GrainCallIn,
    GrainEventIn,
)


def who(session: Session, username: str) -> Principal:
    principal = accounts.acting_as(session, username)
    current_principal.set(principal)  # the audit trail records the acting user
    return principal


def _paper(kind: str, ship_name: str) -> bytes:
    return f"演示文件 / demo paper: {kind} — {ship_name}\n".encode()


def _grain_call(session: Session, ship: Any, eta: datetime, stop: str) -> Any:
    """One call through the channel, up to the state `stop`."""
    agent = who(session, "ss.agent")
    call = grain.file_call(
        session,
        principal=agent,
        data=GrainCallIn(
            imo_number=ship.imo_number,
            port="营口港",
            eta=eta,
            cargo_name="玉米",
            quantity_t=min(ship.deadweight_t - 2000, 60000),
            terminal_org="ss-terminal",
            company_org="ss-carrier",
        ),
    )
    if stop == "draft":
        return call
    data_dir = get_settings().data_dir
    for kind in ("authorization", "loading_manual", "stability_data", "loading_plan"):
        grain.upload(
            session,
            principal=agent,
            data_dir=data_dir,
            call_id=call.id,
            kind=kind,
            filename=f"{kind}.txt",
            content_type="text/plain",
            content=_paper(kind, ship.name),
        )
    grain.upload(
        session,
        principal=agent,
        data_dir=data_dir,
        call_id=call.id,
        kind="condition",
        filename="condition.json",
        content_type="application/json",
        content=CONDITION,
    )
    grain.act(session, principal=agent, call_id=call.id, data=GrainEventIn(event="submit"))
    if stop == "submitted":
        return call
    officer = who(session, "ss.msa")
    ticks = {i["id"]: True for i in checklist()}
    grain.act(
        session,
        principal=officer,
        call_id=call.id,
        data=GrainEventIn(event="approve", checklist=ticks, comment="资料齐全，预审通过"),
    )
    if stop == "approved":
        return call
    if call.trimming_check == "remote_photo":
        grain.upload(
            session,
            principal=agent,
            data_dir=data_dir,
            call_id=call.id,
            kind="trimming_photo",
            filename="trimming.jpg",
            content_type="image/jpeg",
            content=_paper("trimming photo", ship.name),
        )
    grain.act(
        session,
        principal=who(session, "ss.agent"),
        call_id=call.id,
        data=GrainEventIn(event="finish_loading"),
    )
    if stop == "loaded":
        return call
    grain.act(
        session,
        principal=who(session, "ss.msa"),
        call_id=call.id,
        data=GrainEventIn(event="clear", comment="平仓压仓核查完毕"),
    )
    return call


def live_calls(session: Session, today: date) -> dict[str, int]:
    good = [
        s
        for s in vessels.all_ships(session, vessels.ShipFilter())
        if PROFILES.get(s.name) == "clean"
    ][:8]
    base = datetime(today.year, today.month, today.day, 8, tzinfo=UTC)
    stops = ("cleared", "cleared", "cleared", "cleared", "loaded", "approved", "submitted", "draft")
    calls = [
        _grain_call(session, ship, base + timedelta(days=i - 4), stop)
        for i, (ship, stop) in enumerate(zip(good, stops, strict=True))
    ]
    arrivals = 0
    for i, call in enumerate(calls[4:7]):
        ship = vessels.get_ship(session, call.ship_id)
        plan = berths.plan(
            session,
            principal=who(session, "ss.agent"),
            data=ArrivalIn(
                imo_number=ship.imo_number,
                port="营口港",
                eta=call.eta + timedelta(hours=2),
                etd=call.eta + timedelta(hours=40),
                cargo_name=call.cargo_name,
                quantity_t=call.quantity_t,
                grain_call=call.number,
                escorts=["icebreaking"] if today.month in (12, 1, 2) else ["patrol"],
            ),
        )
        arrivals += 1
        if i < 2:
            berths.act(
                session,
                principal=who(session, "ss.msa"),
                arrival_id=plan.id,
                data=ArrivalEventIn(
                    event="confirm",
                    berth_code=BERTHS[i][0],
                    guarantees={g: True for g in berths.GUARANTEES},
                ),
            )
    return {"grain_calls": len(calls), "arrival_plans": arrivals}
