"""Building a ULD abroad: its id checked, its manifest by house waybill, the packing mode from
rules/build_mode.json (one destination → the whole ULD is the package), the ground handler
named, the manifest's digest anchored. Editing is allowed until the ULD arrives."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.practices.pallet_air_road import repository
from ftz.practices.pallet_air_road.common import anchor, decide, destinations, entry_airport
from ftz.practices.pallet_air_road.models import Trailer, Uld
from ftz.practices.pallet_air_road.schemas import TrailerIn, UldIn
from ftz.practices.pallet_air_road.uld import parse


def mawb(text: str) -> str:
    """An air waybill number: 3-digit airline prefix, 7-digit serial and its check digit (the
    serial modulo 7, IATA Resolution 600a), normalized as `172-12345675`."""
    digits = text.replace("-", "")
    serial, check = digits[3:10], digits[10]
    if int(serial) % 7 != int(check):
        raise validation_error("mawb_no", f"check digit should be {int(serial) % 7}")
    return f"{digits[:3]}-{digits[3:]}"


def _facts(data: UldIn) -> dict[str, Any]:
    """Everything derived from the submission, or a 422 naming the field."""
    code = parse(data.uld_code)
    known = destinations()
    for n, line in enumerate(data.lines):
        if line.destination not in known:
            raise validation_error(f"lines.{n}.destination", "not a destination airport served")
    hawbs = [line.hawb for line in data.lines]
    if len(set(hawbs)) != len(hawbs):
        raise validation_error("lines", "a house waybill appears twice")
    weight: Counter[str] = Counter()
    for line in data.lines:
        weight[line.destination] += int(line.gross_kg * 10)
    decision = decide("build_mode.json", {"destinations": len(weight),
                                         "kind": code.category["kind"]})  # fmt: skip
    if decision.result["mode"] == "refused":
        raise validation_error("uld_code", decision.result["reason_en"])
    lines = [line.model_dump(mode="json") for line in data.lines]
    return {
        "code": code, "mode": decision.result["mode"],
        "package_type": decision.result["package_type"], "fired": decision.explanation(),
        # One destination is the ULD's; a mixed ULD follows its heaviest share.
        "destination": weight.most_common(1)[0][0], "lines": lines,
        "pieces": sum(line.pieces for line in data.lines),
        "gross_kg": sum((line.gross_kg for line in data.lines), Decimal("0")),
    }  # fmt: skip


def _handler(session: Session, code: str) -> str:
    org = accounts.get_org_by_code(session, code)
    if org is None or org.kind != OrgKind.ENTERPRISE:
        raise validation_error("handler_org_code", "no ground-handling enterprise with this code")
    return org.id


def _manifest(uld: Uld) -> dict[str, Any]:
    return {"type": "p09.manifest", "uld": uld.uld_code, "mawb": uld.mawb_no,
            "flight": f"{uld.flight_no}/{uld.flight_date}", "origin": uld.origin,
            "destination": uld.destination, "mode": uld.mode, "lines": uld.lines}  # fmt: skip


def _apply(session: Session, uld: Uld, data: UldIn, facts: dict[str, Any]) -> None:
    uld.handler_org_id = _handler(session, data.handler_org_code)
    uld.uld_code, uld.type_code = facts["code"].code, facts["code"].type_code
    uld.owner_code, uld.mawb_no = facts["code"].owner, mawb(data.mawb_no)
    uld.flight_no, uld.flight_date = data.flight_no, data.flight_date.isoformat()
    uld.origin, uld.entry, uld.destination = data.origin, entry_airport(), facts["destination"]
    uld.lines, uld.pieces, uld.gross_kg = facts["lines"], facts["pieces"], facts["gross_kg"]
    uld.mode, uld.package_type = facts["mode"], facts["package_type"]
    uld.fired, uld.note = facts["fired"], data.note.strip()
    taken = repository.same_trip(session, uld.uld_code, uld.flight_no, uld.flight_date)
    if taken is not None and taken != uld.id:
        raise conflict(f"{uld.uld_code} is already manifested on {uld.flight_no}/{uld.flight_date}")


def build(session: Session, *, principal: Principal, data: UldIn) -> Uld:
    if principal.org_id is None or not principal.is_enterprise:
        raise forbidden("only an airline or forwarder builds ULD manifests")
    uld = Uld(org_id=principal.org_id, status="built", metrics={}, road=None)
    _apply(session, uld, data, _facts(data))
    uld.manifest_sha256 = ""
    session.add(uld)
    session.flush()
    uld.manifest_sha256 = anchor(session, _manifest(uld), f"p09:manifest:{uld.id}")
    session.flush()
    return uld


def edit(session: Session, *, principal: Principal, uld_id: str, data: UldIn) -> Uld:
    uld = repository.get_uld(session, principal, uld_id, lock=True)
    if uld.org_id != principal.org_id and not principal.is_admin:
        raise forbidden("only the ULD's builder edits its manifest")
    if uld.status != "built":
        raise conflict(f"the manifest is fixed once the ULD has {uld.status}")
    _apply(session, uld, data, _facts(data))
    session.flush()
    uld.manifest_sha256 = anchor(session, _manifest(uld), f"p09:manifest:{uld.id}")
    session.flush()
    return uld


def add_trailer(session: Session, *, principal: Principal, data: TrailerIn) -> Trailer:
    if principal.org_id is None or not principal.is_enterprise:
        raise forbidden("only a trucking company registers trailers")
    if repository.trailer_by_plate(session, data.plate) is not None:
        raise conflict(f"trailer {data.plate} is already registered")
    trailer = Trailer(org_id=principal.org_id, plate=data.plate, kind=data.kind,
                      positions=data.positions, active=True)  # fmt: skip
    session.add(trailer)
    session.flush()
    return trailer
