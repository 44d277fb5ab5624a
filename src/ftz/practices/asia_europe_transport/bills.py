"""The through bill of lading ("一单制"): one booking computes the whole route from the
corridor's timetables and one through freight; one payment; one document issued by the land
port operator and anchored in the evidence ledger (its SHA-256 over the canonical document, so
any copy can be checked); hand-overs between section carriers anchored as they happen; and the
bill as collateral: offered to a bank, pledged, released — while pledged, rules/bill_actions.json
refuses amendment or surrender by anyone but the bank."""

from __future__ import annotations

import hashlib
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.core.workflow import fire
from ftz.domain.network.network import network
from ftz.practices.asia_europe_transport import corridor as corridors
from ftz.practices.asia_europe_transport import repository
from ftz.practices.asia_europe_transport.common import (
    anchor,
    corridor_data,
    require_department,
    rules,
)
from ftz.practices.asia_europe_transport.models import Bill, TrackingEvent
from ftz.practices.asia_europe_transport.permissions import BANK, LANDPORT
from ftz.practices.asia_europe_transport.schemas import AmendIn, BookingIn, EventIn, PayIn, PledgeIn
from ftz.practices.asia_europe_transport.workflow import BillFlow

PREFIX = "LMRO"
LIVE = ("issued", "in_transit", "arrived")


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def book(session: Session, *, principal: Principal, data: BookingIn) -> Bill:
    """One booking for the whole route: legs, timetable, priority slot and freight computed."""
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("the shipper or its forwarder books")
    reefers = [c for c in data.containers if c.reefer]
    if data.cargo == "reefer" and len(reefers) != len(data.containers):
        raise validation_error("containers", "reefer cargo travels in reefer containers only")
    if any(c.set_temp_c is None for c in reefers):
        raise validation_error("containers", "a reefer container needs its set temperature")
    if len({c.number for c in data.containers}) != len(data.containers):
        raise validation_error("containers", "a container is listed twice")
    teu = sum(1 if c.size == 20 else 2 for c in data.containers)
    plan = corridors.itinerary(data.corridor, _as_utc(data.requested_departure), cargo=data.cargo,
                               teu=teu, gross_kg=float(data.gross_kg))  # fmt: skip
    year = utcnow().year
    prefix = f"{PREFIX}{year}-"
    number = f"{prefix}{repository.count_numbers(session, Bill, prefix) + 1:05d}"
    made = Bill(
        number=number, org_id=principal.org_id, corridor=data.corridor, variant=plan["variant"],
        status="booked", shipper=data.shipper, consignee=data.consignee,
        notify_party=data.notify_party, place_of_receipt=plan["origin"]["id"],
        place_of_delivery=plan["destination"]["id"], goods=data.goods, hs_code=data.hs_code,
        cargo=data.cargo, packages=data.packages, gross_kg=data.gross_kg,
        containers=[c.model_dump() for c in data.containers], teu=teu,
        requested_departure=_as_utc(data.requested_departure), legs=plan["legs"],
        sections=plan["sections"], priority=plan["priority"], eta=plan["eta"],
        total_hours=plan["total_hours"], freight_cny=Decimal(str(plan["freight_cny"])),
        negotiable=data.negotiable, fired=plan["fired"],
    )  # fmt: skip
    session.add(made)
    session.flush()
    return made


def _mine(principal: Principal, made: Bill) -> None:
    if principal.org_id != made.org_id:
        raise forbidden("only the shipper who booked may do this")


def pay(session: Session, *, principal: Principal, bill_id: str, data: PayIn) -> Bill:
    """One payment for the whole route (一次付费)."""
    made = repository.bill(session, principal, bill_id)
    _mine(principal, made)
    fire(session, BillFlow, made, "pay", principal=principal, owner_org_id=made.org_id,
         note=data.payment_ref)  # fmt: skip
    made.payment_ref, made.paid_at = data.payment_ref, utcnow()
    session.flush()
    return made


def cancel(session: Session, *, principal: Principal, bill_id: str) -> Bill:
    made = repository.bill(session, principal, bill_id)
    _mine(principal, made)
    fire(session, BillFlow, made, "cancel", principal=principal, owner_org_id=made.org_id)
    return made


def document(made: Bill) -> dict[str, Any]:
    """The bill as issued: the fields a verifier needs, in canonical JSON (its SHA-256 is the
    one anchored). Field names follow the UN/CEFACT MMT RDM (see the practice's docs)."""
    issuer = corridor_data()["issuer"]
    return {
        "transportDocumentID": made.number, "issuer": issuer["name_en"],
        "placeOfIssue": made.place_of_issue, "issueDateTime": made.issued_at.isoformat()
        if made.issued_at else None, "negotiable": made.negotiable,
        "consignor": made.shipper, "consignee": made.consignee, "notifyParty": made.notify_party,
        "placeOfReceipt": made.place_of_receipt, "placeOfDelivery": made.place_of_delivery,
        "goodsDescription": made.goods, "hsCode": made.hs_code, "packages": made.packages,
        "grossWeightKg": str(made.gross_kg), "equipment": made.containers,
        "legs": [{k: leg[k] for k in ("mode", "service", "from", "to", "departs", "arrives",
                                       "carrier")} for leg in made.legs],
        "freightCNY": str(made.freight_cny), "freightPaymentRef": made.payment_ref,
    }  # fmt: skip


def _seal(made: Bill) -> str:
    made.sha256 = hashlib.sha256(ledger.canonical(document(made))).hexdigest()
    return made.sha256


def issue(session: Session, *, principal: Principal, bill_id: str) -> Bill:
    require_department(principal, LANDPORT)
    made = repository.bill(session, principal, bill_id)
    fire(session, BillFlow, made, "issue", principal=principal, owner_org_id=made.org_id)
    made.issued_at = utcnow()
    made.place_of_issue = str(corridor_data()["issuer"]["place_of_issue"])
    entry = {"type": "asia_europe_transport.bill_issued", "number": made.number,
             "sha256": _seal(made), "issuer": principal.username}  # fmt: skip
    made.ledger_index = anchor(session, entry, f"aet-bill:{made.id}")
    session.flush()
    return made


def _judge(made: Bill, action: str, by_bank: bool) -> list[dict[str, Any]]:
    facts = {"action": action, "pledge": made.pledge, "by_bank": by_bank}
    decision = rules().evaluate("bill_actions.json", facts)
    if not decision.result["allowed"]:
        raise conflict(str(decision.result["reason_en"]))
    return decision.explanation()


def _is_bank(principal: Principal, made: Bill) -> bool:
    return (
        Role.OFFICER in principal.roles
        and principal.department == BANK
        and made.pledgee_org_id == principal.org_id
    )


def amend(session: Session, *, principal: Principal, bill_id: str, data: AmendIn) -> Bill:
    made = repository.bill(session, principal, bill_id)
    by_bank = _is_bank(principal, made)
    if not by_bank:
        _mine(principal, made)
    if made.status in ("surrendered", "cancelled"):
        raise conflict(f"a bill {made.status} is not amended")
    if data.consignee is None and data.notify_party is None:
        raise validation_error("consignee", "nothing to amend")
    fired = _judge(made, "amend", by_bank)
    if data.consignee is not None:
        made.consignee = data.consignee
    if data.notify_party is not None:
        made.notify_party = data.notify_party
    made.fired = [*made.fired, *fired]
    if made.issued_at is not None:
        entry = {"type": "asia_europe_transport.bill_amended", "number": made.number,
                 "sha256": _seal(made), "by": principal.username}  # fmt: skip
        made.ledger_index = anchor(session, entry, f"aet-amend:{made.id}")
    session.flush()
    return made


def surrender(session: Session, *, principal: Principal, bill_id: str) -> Bill:
    """The holder (or the pledgee bank) surrenders the bill against delivery of the goods."""
    made = repository.bill(session, principal, bill_id)
    by_bank = _is_bank(principal, made)
    if not by_bank:
        _mine(principal, made)
    fired = _judge(made, "surrender", by_bank)
    fire(session, BillFlow, made, "surrender", principal=principal, owner_org_id=made.org_id)
    made.surrendered_at = utcnow()
    made.fired = [*made.fired, *fired]
    entry = {"type": "asia_europe_transport.bill_surrendered", "number": made.number,
             "sha256": made.sha256, "by": principal.username}  # fmt: skip
    anchor(session, entry, f"aet-surrender:{made.id}")
    session.flush()
    return made


def finance(session: Session, *, principal: Principal, bill_id: str, data: PledgeIn) -> Bill:
    """Document as collateral: the holder offers the bill to a bank; the bank takes it
    (payment against the document) and later releases it."""
    made = repository.bill(session, principal, bill_id)
    if made.status not in LIVE:
        raise conflict("only an issued bill, not yet surrendered, serves as collateral")
    if data.action == "request_pledge":
        _mine(principal, made)
        bank = accounts.get_org_by_code(session, data.bank_code)
        if bank is None or bank.kind != OrgKind.AGENCY or bank.department != BANK:
            raise validation_error("bank_code", "not the code of a bank on the platform")
        fired = _judge(made, data.action, False)
        made.pledge, made.pledgee_org_id = "requested", bank.id
    else:
        fired = _judge(made, data.action, _is_bank(principal, made))
        made.pledge = "pledged" if data.action == "accept_pledge" else "released"
        made.pledged_at = utcnow() if data.action == "accept_pledge" else made.pledged_at
        entry = {"type": f"asia_europe_transport.{data.action}", "number": made.number,
                 "sha256": made.sha256, "bank": principal.org_id}  # fmt: skip
        anchor(session, entry, f"aet-{data.action}:{made.id}")
    made.fired = [*made.fired, *fired]
    session.flush()
    return made


def track(session: Session, *, principal: Principal, bill_id: str, data: EventIn) -> TrackingEvent:
    """A tracking event; hand-overs (custody passing between carriers) are anchored, and the
    first departure and the arrival move the bill (rules/tracking_event.json)."""
    require_department(principal, LANDPORT)
    made = repository.bill(session, principal, bill_id)
    if made.status not in LIVE:
        raise conflict(f"a bill {made.status} is not tracked; issue it first")
    if data.node not in network().nodes:
        raise validation_error("node", f"unknown network node {data.node!r}")
    numbers = {c["number"] for c in made.containers}
    if data.container and data.container not in numbers:
        raise validation_error("container", "not a container of this bill")
    decision = rules().evaluate("tracking_event.json", {"kind": data.kind})
    outcome = decision.result
    if outcome["handover"] and data.kind == "handover" and not (data.carrier_from
                                                                and data.carrier_to):  # fmt: skip
        raise validation_error("carrier_to", "a hand-over names both carriers")
    if outcome["moves"]:
        fire(session, BillFlow, made, str(outcome["moves"]), principal=principal,
             owner_org_id=made.org_id, note=data.note)  # fmt: skip
    event = TrackingEvent(
        bill_id=made.id, org_id=made.org_id, kind=data.kind, node=data.node,
        occurred_at=_as_utc(data.occurred_at) if data.occurred_at else utcnow(),
        carrier_from=data.carrier_from, carrier_to=data.carrier_to, container=data.container,
        seal=data.seal, note=data.note, handover=bool(outcome["handover"]),
        fired=decision.explanation(),
    )  # fmt: skip
    session.add(event)
    session.flush()
    if outcome["anchor"]:
        entry = {"type": f"asia_europe_transport.{data.kind}", "number": made.number,
                 "bill_sha256": made.sha256, "node": data.node, "at": event.occurred_at.isoformat(),
                 "from": data.carrier_from, "to": data.carrier_to, "container": data.container,
                 "seal": data.seal}  # fmt: skip
        event.ledger_index = anchor(session, entry, f"aet-event:{event.id}")
        session.flush()
    return event
