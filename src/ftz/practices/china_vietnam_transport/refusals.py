"""Refused trip attempts are recorded. A trip the rules refuse (the permit table: no valid permit
of the truck's own side for a designated route, or a route outside the five; the truck too small
for the load; the load on another route) is planned in a savepoint that is rolled back, so
nothing of the trip is kept, and the attempt itself is recorded: who tried, when, the truck and
route, the reasons (field and message) and the permit table's rows as they fired. The caller
commits that record before answering with the refusal (API 422, page form, CLI exit 2)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.practices.china_vietnam_transport import repository, trips
from ftz.practices.china_vietnam_transport.fleet import check_permit
from ftz.practices.china_vietnam_transport.models import RefusedTrip, Trip, Truck
from ftz.practices.china_vietnam_transport.reference import fired, routes
from ftz.practices.china_vietnam_transport.schemas import TripIn

# The refusals that are rules on the permit, the vehicle or the route (not typing mistakes).
RULE_FIELDS = frozenset({"truck_id", "load_id", "route_code"})


class TripRefusedError(Exception):
    """A rule refused the trip; `refusal` is recorded in the session, `error` is the answer."""

    def __init__(self, error: FtzError, refusal: RefusedTrip) -> None:
        super().__init__(str(error))
        self.error, self.refusal = error, refusal


def _is_rule(error: FtzError) -> bool:
    return error.status == 422 and bool(error.errors) and all(
        problem.field in RULE_FIELDS for problem in error.errors
    )  # fmt: skip


def record(session: Session, principal: Principal, data: TripIn, error: FtzError) -> RefusedTrip:
    truck = repository.get(session, principal, Truck, data.truck_id)
    hours = routes()[data.route_code].hours if data.route_code in routes() else 0.0
    decision, _ = check_permit(
        session, truck.id, data.route_code, data.depart_at, data.depart_at + timedelta(hours=hours)
    )
    refusal = RefusedTrip(
        org_id=truck.org_id,
        actor=principal.username,
        truck_id=truck.id,
        plate=truck.plate,
        truck_country=truck.country,
        route_code=data.route_code,
        direction=data.direction,
        depart_at=data.depart_at,
        load_id=data.load_id,
        reasons=[{"field": p.field, "reason": p.reason} for p in error.errors],
        fired=fired(decision),
    )
    session.add(refusal)
    session.flush()
    return refusal


def attempt(session: Session, *, principal: Principal, data: TripIn, **extra: Any) -> Trip:
    """`trips.plan_trip` in a savepoint; a rule's refusal is recorded and raised as TripRefusedError
    (other errors, e.g. another organization's truck → 404, pass unrecorded)."""
    try:
        with session.begin_nested():
            return trips.plan_trip(session, principal=principal, data=data, **extra)
    except FtzError as error:
        if not _is_rule(error):
            raise
        raise TripRefusedError(error, record(session, principal, data, error)) from error
