"""The trailer row lock under a real race (threads, each its own session and transaction, on a
committed database of either kind): two ULDs loaded at the same moment onto a trailer with one
position left cannot both take it. Exactly one wins; the other gets a 422 naming RL-FULL and
nothing of it is kept. The same for two broken-down ULDs' road legs naming the same truck."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, select

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work, utcnow
from ftz.core.kit.errors import FtzError
from ftz.practices.pallet_air_road import events, repository, service
from ftz.practices.pallet_air_road.demo import ensure_staff, who
from ftz.practices.pallet_air_road.models import Trailer, Uld, UldRoadLeg
from ftz.practices.pallet_air_road.schemas import EventIn, TrailerIn, UldIn
from tests.practices.pallet_air_road.conftest import ACTOR, uld_body

TO_CLEARED = ["arrive", "start_tally", "finish_tally", "store", "screen", "clear"]


def _cleared(session: Any, code: str, mawb: str, lines: list[dict[str, Any]] | None) -> str:
    body = uld_body(code, mawb_no=mawb, **({"lines": lines} if lines else {}))
    uld = service.build(session, principal=who(session, "par.forwarder"), data=UldIn(**body))
    start = utcnow() - timedelta(hours=5)
    for k, event in enumerate(TO_CLEARED):
        crew = 2 if event == "start_tally" else None
        data = EventIn(event=event, at=start + timedelta(minutes=10 * k), crew=crew)
        events.act(session, principal=who(session, ACTOR.get(event, "par.handler")),
                   uld_id=uld.id, data=data)  # fmt: skip
    return uld.id


def _prepare(engine: Engine) -> dict[str, str]:
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        trucker = who(session, "par.trucker")
        for plate, kind in (("豫A7001挂", "uld_roller"), ("豫A7002挂", "box"),
                            ("豫A7003挂", "box"), ("豫A7004挂", "box")):  # fmt: skip
            service.add_trailer(session, principal=trucker,
                                data=TrailerIn(plate=plate, kind=kind, positions=2))  # fmt: skip
        mixed = [dict(line) for line in uld_body()["lines"]]
        mixed[1]["destination"] = "WUH"
        ids = {
            "first": _cleared(session, "PMC 70001 CV", "172-31000012", None),
            "a": _cleared(session, "PMC 70002 CV", "172-31000023", None),
            "b": _cleared(session, "PMC 70003 CV", "172-31000034", None),
            "mixed_a": _cleared(session, "PMC 70004 CV", "172-31000045", mixed),
            "mixed_b": _cleared(session, "PMC 70005 CV", "172-31000056", mixed),
        }
        # The roller trailer's first position is taken: one left.
        load = EventIn(event="start_loading", crew=2, trailer_plate="豫A7001挂")
        events.act(session, principal=who(session, "par.handler"), uld_id=ids["first"], data=load)
        # 豫A7004挂 (2 positions) already carries a leg: one left for the two mixed ULDs' PEK legs.
        other = [dict(line) for line in mixed]
        ids["busy"] = _cleared(session, "PMC 70006 CV", "172-31000060", other)
        events.act(session, principal=who(session, "par.handler"), uld_id=ids["busy"],
                   data=EventIn(event="start_loading", crew=2,
                                legs={"PEK": "豫A7004挂", "WUH": "豫A7002挂"}))  # fmt: skip
        return ids


def _race(engine: Engine, loads: list[tuple[str, EventIn]]) -> list[str]:
    """Each (ULD, start_loading body) in a thread of its own, released at the same moment."""
    barrier = threading.Barrier(len(loads))
    outcomes: list[str] = []
    factory = make_sessionmaker(engine)

    def one(uld_id: str, data: EventIn) -> None:
        try:
            barrier.wait(timeout=60)
            with unit_of_work(factory) as session:
                handler = who(session, "par.handler")
                events.act(session, principal=handler, uld_id=uld_id, data=data)
            outcomes.append("ok")
        except FtzError as exc:
            outcomes.append(f"{exc.status} {exc.errors[0].reason if exc.errors else exc.detail}")

    threads = [threading.Thread(target=one, args=load) for load in loads]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    return outcomes


def test_two_loads_race_for_the_last_position(fresh_engine: Engine) -> None:
    ids = _prepare(fresh_engine)
    load = EventIn(event="start_loading", crew=2, trailer_plate="豫A7001挂")
    outcomes = _race(fresh_engine, [(ids["a"], load), (ids["b"], load)])
    assert sorted(outcomes)[1] == "ok" and sorted(outcomes)[0].startswith("422 RL-FULL"), outcomes
    with unit_of_work(make_sessionmaker(fresh_engine)) as session:
        current_principal.set(SYSTEM)
        trailer = session.scalar(select(Trailer).where(Trailer.plate == "豫A7001挂"))
        assert trailer is not None
        assert repository.used_positions(session, trailer.id) == trailer.positions == 2
        on = session.scalars(select(Uld.status).where(Uld.trailer_id == trailer.id)).all()
        assert sorted(on) == ["loading", "loading"]
        raced = session.scalars(select(Uld.status).where(Uld.id.in_([ids["a"], ids["b"]]))).all()
        assert sorted(raced) == ["cleared", "loading"]  # the loser is left as it was

    # Two broken-down ULDs' PEK legs race for 豫A7004挂's last position.
    first = EventIn(event="start_loading", crew=3, legs={"PEK": "豫A7004挂", "WUH": "豫A7002挂"})
    second = EventIn(event="start_loading", crew=3, legs={"PEK": "豫A7004挂", "WUH": "豫A7003挂"})
    outcomes = _race(fresh_engine, [(ids["mixed_a"], first), (ids["mixed_b"], second)])
    assert sorted(outcomes)[1] == "ok" and sorted(outcomes)[0].startswith("422 RL-FULL"), outcomes
    with unit_of_work(make_sessionmaker(fresh_engine)) as session:
        legs = session.scalars(select(UldRoadLeg.plate).where(
            UldRoadLeg.uld_id.in_([ids["mixed_a"], ids["mixed_b"]]))).all()  # fmt: skip
        assert sorted(legs) in (["豫A7002挂", "豫A7004挂"], ["豫A7003挂", "豫A7004挂"])
