"""The ship selection assistant (选船助手): the carrier asks, the rules rate the ship on the ten
fixed dimensions from its records, the advice is delivered to the shipper with the reasons, and
the shipper records whether it chartered the ship. Each rating and each decision is anchored in
the evidence ledger. There is no path to change a rating by hand: a different rating needs
different records, and the records are audited."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.ledger import service as ledger
from ftz.core.workflow import fire
from ftz.domain.vessels import repository as vessels
from ftz.domain.vessels.models import Ship
from ftz.domain.vessels.psc_risk import risk_profile
from ftz.practices.ship_selection import repository
from ftz.practices.ship_selection.common import anchor
from ftz.practices.ship_selection.dimensions import TenDimensionInput, assess, reasons
from ftz.practices.ship_selection.facts import company_performance, facts_for_ship, risk_input
from ftz.practices.ship_selection.models import Rating
from ftz.practices.ship_selection.schemas import DecisionIn, RatingOut, RatingRequest
from ftz.practices.ship_selection.workflow import RatingFlow


def request_rating(
    session: Session, *, principal: Principal, data: RatingRequest, on: date | None = None
) -> Rating:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("ratings are requested by the carrier's enterprise account")
    ship = vessels.ship_by_imo(session, data.imo_number)
    if ship is None:
        raise validation_error("imo_number", f"no ship with IMO {data.imo_number} on record")
    shipper = accounts.get_org_by_code(session, data.shipper_org)
    if shipper is None or shipper.kind != OrgKind.ENTERPRISE:
        raise validation_error("shipper_org", f"no enterprise with code {data.shipper_org!r}")
    if shipper.id == principal.org_id:
        raise validation_error("shipper_org", "the advice goes to the shipper, not the carrier")
    assessed_on = on or date.today()
    facts = facts_for_ship(session, ship, assessed_on, data.cargo)
    result = assess(facts)
    facts_json = facts.model_dump(mode="json")
    rating_id = new_id()
    entry = {
        "type": "ship_selection.rating",
        "ship_imo": ship.imo_number,
        "carrier": principal.org_id,
        "shipper": shipper.id,
        "assessed_on": assessed_on.isoformat(),
        "rating": result["rating"],
        "levels": {d["key"]: d["level"] for d in result["dimensions"]},
        "rows": [r["row_id"] for d in result["dimensions"] for r in d["fired"]]
        + [r["row_id"] for r in result["fired"]],
        "facts_sha256": hashlib.sha256(ledger.canonical(facts_json)).hexdigest(),
    }
    rating = Rating(
        id=rating_id,
        org_id=principal.org_id,
        shipper_org_id=shipper.id,
        ship_id=ship.id,
        requested_by=principal.username,
        voyage=data.voyage,
        cargo=data.cargo,
        cargo_name=data.cargo_name,
        quantity_t=data.quantity_t,
        laycan=data.laycan,
        assessed_on=assessed_on,
        rating=result["rating"],
        dimensions=result["dimensions"],
        facts=facts_json,
        fired=result["fired"],
        status="delivered",
        ledger_index=anchor(session, entry, f"ss-rating:{rating_id}"),
    )
    session.add(rating)
    session.flush()
    return rating


def decide(session: Session, *, principal: Principal, rating_id: str, data: DecisionIn) -> Rating:
    """The shipper's choice after reading the advice (the seed: the enterprise chooses and bears
    the chartering risk itself)."""
    rating = repository.get_rating(session, principal, rating_id)
    if principal.org_id != rating.shipper_org_id:
        raise forbidden("only the shipper the advice was delivered to records its choice")
    fire(
        session,
        RatingFlow,
        rating,
        data.event,
        principal=principal,
        owner_org_id=rating.org_id,
        note=data.note,
    )
    rating.shipper_note, rating.decided_at = data.note, utcnow()
    entry = {
        "type": f"ship_selection.{data.event}",
        "rating": rating.id,
        "rating_value": rating.rating,
        "shipper": rating.shipper_org_id,
        "by": principal.username,
        "note": data.note,
    }
    rating.decision_ledger_index = anchor(session, entry, f"ss-{data.event}:{rating.id}")
    session.flush()
    return rating


def as_out(rating: Rating) -> RatingOut:
    out = RatingOut.model_validate(rating)
    assessment: dict[str, Any] = {"dimensions": rating.dimensions}
    out.reasons_zh, out.reasons_en = reasons(assessment, "zh"), reasons(assessment, "en")
    return out


def reference_profiles(ship: Ship, rating: Rating) -> dict[str, Any]:
    """The Paris/Tokyo MoU profiles from the facts the rating was computed on."""
    facts = TenDimensionInput.model_validate(rating.facts)
    company = next(d for d in rating.dimensions if d["key"] == "company")
    return risk_profile(risk_input(ship, facts, company_performance(company, facts)))
