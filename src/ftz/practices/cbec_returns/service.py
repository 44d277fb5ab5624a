"""p08 service: declare a list (tax computed from the rule tables), declare a return at any
customs (windows from the rules, units reserved under a row lock), approve it (returned
quantities, guarantee and annual quota in one transaction, double-entry, anchored) or refuse it.
Flushes, never commits: the request's single transaction makes the effect all or nothing."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, not_found, validation_error
from ftz.core.ledger import service as ledger
from ftz.core.workflow import fire
from ftz.practices.cbec_returns import accounts, repository, tax
from ftz.practices.cbec_returns.models import (
    BuyerQuota,
    DeclarationList,
    ListLine,
    ReturnDeclaration,
)  # fmt: skip
from ftz.practices.cbec_returns.permissions import DEPARTMENTS
from ftz.practices.cbec_returns.schemas import DecisionIn, ListIn, ReturnIn
from ftz.practices.cbec_returns.workflow import ReturnFlow

LOCAL = ZoneInfo("Asia/Shanghai")


def buyer_hash(buyer_id: str) -> str:
    # Keyed so the stored hash of an ID number cannot be reversed by trying all ID numbers.
    key = get_settings().resolved_secret_key().encode()
    return hmac.new(key, buyer_id.strip().upper().encode(), hashlib.sha256).hexdigest()


def today() -> date:
    return datetime.now(LOCAL).date()


def _quota(session: Session, buyer: str, year: int) -> BuyerQuota:
    query = select(BuyerQuota).where(BuyerQuota.buyer_hash == buyer, BuyerQuota.year == year)
    found = session.scalar(query.with_for_update())
    if found is None:
        found = BuyerQuota(buyer_hash=buyer, year=year, used_fen=0)
        session.add(found)
        session.flush()
    return found


def declare_list(session: Session, *, principal: Principal, data: ListIn) -> DeclarationList:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only the e-commerce platform (an enterprise) declares lists")
    if session.scalar(select(DeclarationList.id).where(DeclarationList.number == data.number)):
        raise conflict(f"list {data.number} already exists")
    buyer = buyer_hash(data.buyer_id)
    values = [int(line.unit_price * 100) * line.quantity for line in data.lines]
    total = sum(values)
    quota = _quota(session, buyer, data.release_date.year)
    how, why = tax.regime(Decimal(total) / 100, Decimal(quota.used_fen + total) / 100)
    item = DeclarationList(
        org_id=principal.org_id, number=data.number, order_no=data.order_no, buyer_hash=buyer,
        customs_code=data.customs_code, release_date=data.release_date, regime=how["regime"],
        value_fen=total, tax_fen=0, tax_due_fen=0, why=list(why),
    )  # fmt: skip
    session.add(item)
    session.flush()
    for n, (line, value) in enumerate(zip(data.lines, values, strict=True), 1):
        rate, rate_why = tax.rates(line.hs_code)
        line_tax = tax.line_tax_fen(value, rate, how)
        item.tax_fen += line_tax
        item.why = [*item.why, *rate_why]
        session.add(ListLine(
            list_id=item.id, line_no=n, hs_code=line.hs_code, name=line.name,
            quantity=line.quantity, unit_price_fen=int(line.unit_price * 100), tax_fen=line_tax,
            reserved_qty=0, returned_qty=0,
        ))  # fmt: skip
    item.tax_due_fen = item.tax_fen
    # Only CBEC-regime purchases count against the annual limit (general trade is outside it).
    used = total if item.regime == "cbec" else 0
    quota.used_fen += used
    accounts.post(session, f"declare:{item.id}", accounts.tax_legs(item, item.tax_fen)
                  + accounts.quota_legs(buyer, data.release_date.year, used))  # fmt: skip
    session.flush()
    return item


def declare_return(session: Session, *, principal: Principal, data: ReturnIn) -> ReturnDeclaration:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only the e-commerce platform (an enterprise) declares returns")
    # Linked automatically by the list number, whichever customs receives it; the row lock
    # queues concurrent returns of the same list so reservations never exceed the import.
    item = repository.list_by_number(session, principal, data.list_number, lock=True)
    declared_on = data.declared_on or today()
    ok, why = tax.window(
        (declared_on - item.release_date).days, (data.zone_entry_date - item.release_date).days
    )
    if not ok["allowed"]:
        raise validation_error("declared_on", f"{ok['reason_zh']} / {ok['reason_en']}")
    lines = {line.line_no: line for line in repository.lines(session, item.id, lock=True)}
    asked: dict[int, int] = {}
    for wanted in data.lines:
        asked[wanted.line_no] = asked.get(wanted.line_no, 0) + wanted.quantity
    value = tax_back = 0
    for line_no, qty in sorted(asked.items()):
        line = lines.get(line_no)
        if line is None:
            raise validation_error("lines", f"list {item.number} has no line {line_no}")
        left = line.quantity - line.returned_qty - line.reserved_qty
        if qty > left:
            raise validation_error(
                "lines", f"第{line_no}行退货数量{qty}超过可退数量{left} / line {line_no}: "
                f"{qty} asked, {left} left to return (imported {line.quantity})",
            )  # fmt: skip
        line.reserved_qty += qty
        value += qty * line.unit_price_fen
        # Proportional share of the line's tax, the last unit taking the rounding remainder.
        tax_back += (line.tax_fen * qty) // line.quantity
    ret = ReturnDeclaration(
        org_id=item.org_id, list_id=item.id, customs_code=data.customs_code, status="requested",
        declared_on=declared_on, zone_entry_date=data.zone_entry_date,
        month=declared_on.strftime("%Y-%m"),
        lines=[{"line_no": n, "quantity": q} for n, q in sorted(asked.items())],
        items=sum(asked.values()), value_fen=value, tax_fen=tax_back, why=list(why),
    )  # fmt: skip
    session.add(ret)
    session.flush()
    return ret


def _officer(principal: Principal) -> None:
    if not principal.is_admin and principal.department not in DEPARTMENTS:
        raise forbidden("only customs officers review returns")


def approve(
    session: Session, *, principal: Principal, return_id: str, data: DecisionIn
) -> ReturnDeclaration:
    _officer(principal)
    ret = repository.get_return(session, principal, return_id, lock=True)
    if ret.status != "requested":
        raise conflict(f"return already {ret.status}")
    item = repository.list_by_id(session, ret.list_id, lock=True)
    lines = {line.line_no: line for line in repository.lines(session, item.id, lock=True)}
    for wanted in ret.lines:
        line = lines[wanted["line_no"]]
        line.reserved_qty -= wanted["quantity"]
        line.returned_qty += wanted["quantity"]
        if line.returned_qty > line.quantity:  # cannot happen: reservations are checked
            raise conflict(f"line {line.line_no} would be over-returned")
    refund = min(ret.tax_fen, item.tax_due_fen)
    item.tax_due_fen -= refund
    quota = _quota(session, item.buyer_hash, item.release_date.year)
    restored = min(ret.value_fen, quota.used_fen) if item.regime == "cbec" else 0
    quota.used_fen -= restored
    legs = accounts.tax_legs(item, -refund)
    legs += accounts.quota_legs(item.buyer_hash, item.release_date.year, -restored)
    accounts.post(session, f"return:{ret.id}", legs)
    fire(session, ReturnFlow, ret, "approve", principal=principal, owner_org_id=ret.org_id,
         note=data.note)  # fmt: skip
    ret.decision_note, ret.decided_at = data.note, utcnow()
    entry = ledger.canonical({
        "type": "cbec-returns-approval", "return": ret.id, "list": item.number,
        "customs": ret.customs_code, "lines": ret.lines, "tax_released_fen": refund,
        "quota_restored_fen": restored, "at": ret.decided_at.isoformat(),
    })  # fmt: skip
    ledger.enqueue(session, ledger.EVIDENCE_LOG, entry, f"cbec_returns_return:{ret.id}")
    ret.ledger_sha256 = hashlib.sha256(entry).hexdigest()
    session.flush()
    return ret


def refuse(
    session: Session, *, principal: Principal, return_id: str, data: DecisionIn
) -> ReturnDeclaration:
    _officer(principal)
    if not data.note.strip():
        raise validation_error("note", "give the reason for the refusal")
    ret = repository.get_return(session, principal, return_id, lock=True)
    if ret.status != "requested":
        raise conflict(f"return already {ret.status}")
    lines = {line.line_no: line for line in repository.lines(session, ret.list_id, lock=True)}
    for wanted in ret.lines:
        lines[wanted["line_no"]].reserved_qty -= wanted["quantity"]
    fire(session, ReturnFlow, ret, "refuse", principal=principal, owner_org_id=ret.org_id,
         note=data.note)  # fmt: skip
    ret.decision_note, ret.decided_at = data.note, utcnow()
    session.flush()
    return ret


def list_view(session: Session, item: DeclarationList) -> dict[str, Any]:
    lines = repository.lines(session, item.id)
    due = tax.tax_due()
    due_from = item.release_date.toordinal() + int(due["from_day"])
    due_to = item.release_date.toordinal() + int(due["to_day"])
    return {
        "id": item.id, "number": item.number, "order_no": item.order_no,
        "customs_code": item.customs_code, "release_date": item.release_date.isoformat(),
        "regime": item.regime, "value": item.value_fen / 100, "tax": item.tax_fen / 100,
        "tax_due": item.tax_due_fen / 100,
        "tax_due_window": [date.fromordinal(due_from).isoformat(),
                           date.fromordinal(due_to).isoformat()],
        "tax_due_citation": due["citation"],
        "lines": [{"line_no": x.line_no, "hs_code": x.hs_code, "name": x.name,
                   "quantity": x.quantity, "unit_price": x.unit_price_fen / 100,
                   "tax": x.tax_fen / 100, "reserved": x.reserved_qty,
                   "returned": x.returned_qty} for x in lines],
        "why": item.why,
    }  # fmt: skip


def return_view(ret: ReturnDeclaration) -> dict[str, Any]:
    return {
        "id": ret.id, "list_id": ret.list_id, "customs_code": ret.customs_code,
        "status": ret.status, "declared_on": ret.declared_on.isoformat(),
        "zone_entry_date": ret.zone_entry_date.isoformat(), "lines": ret.lines,
        "items": ret.items, "value": ret.value_fen / 100, "tax": ret.tax_fen / 100,
        "why": ret.why, "note": ret.decision_note, "ledger_sha256": ret.ledger_sha256 or None,
    }  # fmt: skip


_ = not_found  # re-exported for the edges
