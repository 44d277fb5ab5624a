"""The two-way loaded matcher on its own: maximum weight rather than first come, time windows,
reefers for fresh produce, permits over the return dates, and why each load stays unmatched."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from ftz.practices.china_vietnam_transport import matching, trips
from ftz.practices.china_vietnam_transport.demo import who
from ftz.practices.china_vietnam_transport.models import Load, Trip
from ftz.practices.china_vietnam_transport.schemas import LoadIn, TripIn
from tests.practices.china_vietnam_transport.conftest import Fleet, at, permit, truck


def _load(
    session: Session,
    route: str,
    direction: str,
    ready_h: float,
    due_h: float,
    fresh: bool = False,
    weight: str = "18",
) -> Load:
    return trips.post_load(
        session,
        principal=who(session, "cvt.carrier"),
        data=LoadIn(
            shipper="越南老街果业",
            cargo="火龙果" if fresh else "木薯淀粉",
            route_code=route,
            direction=direction,
            fresh=fresh,
            weight_t=Decimal(weight),
            ready_at=at(ready_h),
            deliver_by=at(due_h),
        ),
    )  # type: ignore[arg-type]


def _outbound(session: Session, truck_id: str, route: str = "HK-KT", hours: float = 1) -> Trip:
    cargo = _load(session, route, "south", hours - 1, hours + 40)
    return trips.plan_trip(
        session,
        principal=who(session, "cvt.carrier"),
        data=TripIn(
            truck_id=truck_id,
            route_code=route,
            direction="south",
            depart_at=at(hours),
            load_id=cargo.id,
        ),
    )  # type: ignore[arg-type]


def test_maximum_weight_not_first_come(session: Session, fleet: Fleet) -> None:
    """The fresh load needs the reefer; the dry load fits both. A greedy pass that gives the
    reefer the first load it sees strands the fresh one; the matching does not."""
    reefer_trip = _outbound(session, fleet.reefer)
    box_trip = _outbound(session, fleet.box)
    dry = _load(session, "HK-KT", "north", 3, 30)
    fresh = _load(session, "HK-KT", "north", 3, 30, fresh=True)
    result = matching.match(session, principal=who(session, "cvt.carrier"))
    pairs = {p.trip_id: p.load_id for p in result.pairs}
    assert pairs == {reefer_trip.id: fresh.id, box_trip.id: dry.id}
    assert result.unmatched == []


def test_time_windows_and_reasons(session: Session, fleet: Fleet) -> None:
    outbound = _outbound(session, fleet.box)  # arrives at Kim Thanh about 2.5 h from now
    too_late = _load(session, "HK-KT", "north", 0, 4)  # due before the truck is free again
    too_far = _load(session, "HK-KT", "north", 60, 90)  # ready 2.5 days later
    fresh = _load(session, "HK-KT", "north", 5, 30, fresh=True)
    result = matching.match(session, principal=who(session, "cvt.carrier"))
    assert result.pairs == []
    why = {u.load_id: u for u in result.unmatched}
    for load, row in ((too_late, "B-LATE"), (too_far, "B-WAIT"), (fresh, "B-REEFER")):
        assert why[load.id].cause == "infeasible"
        assert why[load.id].fired[0]["row_id"] == "U-INFEASIBLE"
        [candidate] = why[load.id].candidates
        assert candidate.trip_number == outbound.number
        assert candidate.fired[0]["row_id"] == row


def test_permit_must_cover_the_return(session: Session, fleet: Fleet) -> None:
    short = truck(session, "cvt.carrier", "云GT0009", "box")
    permit(session, short, "HK-HN", first=-10, last=0)  # ends today
    _outbound(session, short, "HK-HN", hours=-20)
    later = _load(session, "HK-HN", "north", 30, 80)
    [left] = matching.match(session, principal=who(session, "cvt.carrier")).unmatched
    assert left.load_id == later.id and left.candidates[0].fired[0]["row_id"] == "B-PERMIT"


def test_outmatched_load_says_so(session: Session, fleet: Fleet) -> None:
    _outbound(session, fleet.box)
    near = _load(session, "HK-KT", "north", 3, 30)
    waits = _load(session, "HK-KT", "north", 15, 40)  # feasible, but the truck would wait longer
    result = matching.match(session, principal=who(session, "cvt.carrier"))
    assert [p.load_id for p in result.pairs] == [near.id]
    [left] = result.unmatched
    assert left.load_id == waits.id and left.cause == "outmatched"


def test_another_carriers_loads_are_not_seen(session: Session, fleet: Fleet) -> None:
    _outbound(session, fleet.box)
    _load(session, "HK-KT", "north", 3, 30)
    result = matching.match(session, principal=who(session, "cvt.vncarrier"))
    assert result.pairs == [] and result.unmatched == []
