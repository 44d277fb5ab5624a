"""p04 service: the artwork registry with its digital identity, and every step of an exhibition
by the party that owns it; identity captures, return verifications and settlements are anchored
in the evidence ledger. Flushes, never commits."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.core.workflow import fire
from ftz.practices.bonded_art import identity, repository
from ftz.practices.bonded_art.models import Artwork, Exhibition
from ftz.practices.bonded_art.permissions import CUSTOMS
from ftz.practices.bonded_art.schemas import ArtworkIn, ExhibitionIn, SaleIn
from ftz.practices.bonded_art.workflow import DISTRICT, ExhibitionFlow

ACTIVE = ("applied", "consulting", "consented", "captured", "guaranteed", "exhibiting",
          "returned", "held", "sale_declared")  # fmt: skip


def _anchor(session: Session, kind: str, ref: str, body: dict[str, Any]) -> str:
    entry = ledger.canonical({"type": f"bonded-art-{kind}", **body})
    ledger.append(session, ledger.EVIDENCE_LOG, [entry], [ref])
    return hashlib.sha256(entry).hexdigest()


def _enterprise(principal: Principal) -> str:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only the exhibiting enterprise does this")
    return principal.org_id


def _district(principal: Principal, exhibition: Exhibition, event: str) -> None:
    """Officer steps belong to the home or the destination customs district of the exhibition."""
    owner = DISTRICT.get(event)
    if owner is None or principal.is_admin:
        return
    org = exhibition.home_customs_id if owner == "home" else exhibition.destination_customs_id
    if principal.department != CUSTOMS or principal.org_id != org:
        raise forbidden(f"only the {owner} customs district of this exhibition may {event}")


def _step(session: Session, principal: Principal, exhibition: Exhibition, event: str,
          note: str = "") -> Exhibition:  # fmt: skip
    _district(principal, exhibition, event)
    fire(session, ExhibitionFlow, exhibition, event, principal=principal,
         owner_org_id=exhibition.org_id, note=note)  # fmt: skip
    if note:
        exhibition.note = note
    session.flush()
    return exhibition


def register_artwork(session: Session, *, principal: Principal, data: ArtworkIn) -> Artwork:
    org_id = _enterprise(principal)
    if session.scalar(select(Artwork.id).where(Artwork.number == data.number)):
        raise conflict(f"artwork {data.number} already exists")
    artwork = Artwork(org_id=org_id, **data.model_dump())
    session.add(artwork)
    session.flush()
    return artwork


def _customs(session: Session, code: str, field: str) -> Organization:
    org = accounts.get_org_by_code(session, code)
    if org is None or org.department != CUSTOMS:
        raise validation_error(field, f"{code!r} is not a customs district")
    return org


def apply(session: Session, *, principal: Principal, data: ExhibitionIn) -> Exhibition:
    """The enterprise asks its home customs to exhibit one work in another district."""
    org_id = _enterprise(principal)
    artwork = repository.get_owned(session, principal, Artwork, data.artwork_id)
    if session.scalar(select(Exhibition.id).where(Exhibition.number == data.number)):
        raise conflict(f"exhibition {data.number} already exists")
    busy = select(Exhibition.id).where(
        Exhibition.artwork_id == artwork.id, Exhibition.status.in_(ACTIVE)
    )
    if session.scalar(busy):
        raise conflict(f"artwork {artwork.number} is already in an open exhibition")
    home = _customs(session, data.home_customs, "home_customs")
    destination = _customs(session, data.destination_customs, "destination_customs")
    exhibition = Exhibition(
        org_id=org_id, number=data.number, artwork_id=artwork.id, home_customs_id=home.id,
        destination_customs_id=destination.id, venue=data.venue, starts_on=data.starts_on,
        ends_on=data.ends_on, status="applied", facts={},
    )  # fmt: skip
    session.add(exhibition)
    session.flush()
    return exhibition


def step(session: Session, *, principal: Principal, exhibition_id: str, event: str,
         note: str = "") -> Exhibition:  # fmt: skip
    """Steps without data of their own: consult, consent, refuse, transfer_out, clear,
    return_home, withdraw."""
    if event not in {"consult", "consent", "refuse", "transfer_out", "clear", "return_home",
                     "withdraw"}:  # fmt: skip
        raise validation_error("event", f"{event!r} is not a plain step here")
    exhibition = repository.get_owned(session, principal, Exhibition, exhibition_id)
    if event == "clear" and not note.strip():
        raise validation_error("note", "say what the manual examination found")
    return _step(session, principal, exhibition, event, note)


def capture(session: Session, *, principal: Principal, exhibition_id: str, image: bytes,
            scan: bytes | None, note: str = "") -> Exhibition:  # fmt: skip
    """Home customs checks the culture authority's approval and captures the identity."""
    exhibition = repository.get_owned(session, principal, Exhibition, exhibition_id)
    _district(principal, exhibition, "capture")
    print_ = identity.fingerprint(image)
    artwork = session.get_one(Artwork, exhibition.artwork_id)
    artwork.image_sha256, artwork.image_phash = print_.sha256, print_.phash
    artwork.scan_sha256 = identity.file_sha256(scan)
    ref = f"bonded_art_artwork:{artwork.id}"
    artwork.identity_ledger_sha256 = _anchor(session, "identity", ref, {
        "artwork": artwork.number, "approval_doc": artwork.approval_doc,
        "image_sha256": print_.sha256, "image_phash": print_.phash,
        "scan_sha256": artwork.scan_sha256,
    })  # fmt: skip
    return _step(session, principal, exhibition, "capture", note)


def tariff(category: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    decision = identity.rules().evaluate("tariff.json", {"category": category})
    return dict(decision.result), decision.explanation()


def taxes(value_cny: int, rates: dict[str, Any]) -> tuple[int, int]:
    """Duty on the value; VAT on value plus duty (whole yuan, rounded half up)."""
    duty = int(value_cny * float(rates["duty_pct"]) / 100 + 0.5)
    vat = int((value_cny + duty) * float(rates["vat_pct"]) / 100 + 0.5)
    return duty, vat


def pay_guarantee(session: Session, *, principal: Principal, exhibition_id: str) -> Exhibition:
    """The guarantee covers the duties and VAT the work would owe if it stayed abroad."""
    _enterprise(principal)
    exhibition = repository.get_owned(session, principal, Exhibition, exhibition_id)
    artwork = session.get_one(Artwork, exhibition.artwork_id)
    rates, why = tariff(artwork.category)
    duty, vat = taxes(artwork.value_cny, rates)
    _step(session, principal, exhibition, "pay_guarantee")
    exhibition.guarantee_cny = int((duty + vat) * float(rates["guarantee_pct"]) / 100 + 0.5)
    exhibition.facts = {**exhibition.facts, "guarantee": {"duty": duty, "vat": vat, "why": why}}
    session.flush()
    return exhibition


def verify(session: Session, *, principal: Principal, exhibition_id: str, image: bytes,
           scan: bytes | None) -> Exhibition:  # fmt: skip
    """Home customs compares the returned work with its captured identity: match → re-entry."""
    exhibition = repository.get_owned(session, principal, Exhibition, exhibition_id)
    _district(principal, exhibition, "verify_match")
    artwork = session.get_one(Artwork, exhibition.artwork_id)
    if artwork.image_sha256 is None or artwork.image_phash is None:
        raise conflict("no identity was captured for this work")
    result = identity.compare(artwork.image_sha256, artwork.image_phash, artwork.scan_sha256,
                              identity.fingerprint(image), identity.file_sha256(scan))  # fmt: skip
    event = "verify_match" if result["outcome"] == "match" else "verify_hold"
    _step(session, principal, exhibition, event)
    exhibition.facts = {**exhibition.facts, "verification": result}
    ref = f"bonded_art_exhibition:{exhibition.id}"
    exhibition.ledger_sha256 = _anchor(session, "verification", ref, {
        "exhibition": exhibition.number, "artwork": artwork.number, "outcome": result["outcome"],
        "hamming": result["hamming"], "image_sha256": result["image_sha256"],
        "rows": [row["row_id"] for row in result["why"]],
    })  # fmt: skip
    session.flush()
    return exhibition


def declare_sale(session: Session, *, principal: Principal, exhibition_id: str,
                 data: SaleIn) -> Exhibition:  # fmt: skip
    """A buyer at the exhibition: the enterprise declares the domestic sale at home customs."""
    _enterprise(principal)
    exhibition = repository.get_owned(session, principal, Exhibition, exhibition_id)
    artwork = session.get_one(Artwork, exhibition.artwork_id)
    rates, why = tariff(artwork.category)
    _step(session, principal, exhibition, "declare_sale", f"buyer: {data.buyer}")
    exhibition.sale_price_cny = data.price_cny
    exhibition.duty_cny, exhibition.vat_cny = taxes(data.price_cny, rates)
    exhibition.facts = {**exhibition.facts, "sale": {"buyer": data.buyer, "why": why}}
    session.flush()
    return exhibition


def settle(session: Session, *, principal: Principal, exhibition_id: str) -> Exhibition:
    """Home customs collects the duties from the guarantee; the balance is refunded or owed."""
    exhibition = repository.get_owned(session, principal, Exhibition, exhibition_id)
    _step(session, principal, exhibition, "settle")
    due = exhibition.duty_cny + exhibition.vat_cny
    settlement = {"due": due, "guarantee": exhibition.guarantee_cny,
                  "balance": exhibition.guarantee_cny - due}  # fmt: skip
    exhibition.facts = {**exhibition.facts, "settlement": settlement}
    ref = f"bonded_art_exhibition:{exhibition.id}"
    exhibition.ledger_sha256 = _anchor(session, "settlement", ref, {
        "exhibition": exhibition.number, "price": exhibition.sale_price_cny, **settlement,
    })  # fmt: skip
    session.flush()
    return exhibition


def reminder(exhibition: Exhibition, today: date) -> dict[str, Any]:
    decision = identity.rules().evaluate(
        "reminders.json", {"days_left": (exhibition.ends_on - today).days}
    )
    return {"level": decision.result["level"], "why": decision.explanation()}
