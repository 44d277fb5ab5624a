"""Transfers by licence, assignment or equity investment, decided by the unit alone: the office
proposes (who decides and why comes from rules/disposal_authority.json, the publicity duty from
rules/publicity.json, both stored as the transfer's legal basis), publishes an agreement price,
records the collective decision (meeting, date, minutes, decision-makers) and signs. There is no
approval or filing step to take. The decision writes the due-diligence exemption record
(rules/exemption.json): which conditions were met, so the decision-makers named are covered."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.workflow import fire
from ftz.practices.tech_transfer import repository, rewards
from ftz.practices.tech_transfer.common import (
    Viewer,
    anchor,
    fen,
    fired,
    office_org,
    rules,
    today,
    viewer_for,
)
from ftz.practices.tech_transfer.models import Achievement, Exemption, Transfer
from ftz.practices.tech_transfer.registry import pilot_unit
from ftz.practices.tech_transfer.schemas import (
    ContractIn,
    DecisionIn,
    NoteIn,
    PublicityIn,
    TransferIn,
)
from ftz.practices.tech_transfer.workflow import AchievementFlow, TransferFlow

TRANSFERABLE = ("registered", "transferred")


def _blocking(session: Session, achievement_id: str) -> Transfer | None:
    """A contracted assignment or exclusive licence leaves nothing else to transfer."""
    query = select(Transfer).where(
        Transfer.achievement_id == achievement_id,
        Transfer.status == "contracted",
        (Transfer.mode == "assignment") | (Transfer.licence_scope == "exclusive"),
    )
    return session.scalar(query.limit(1))


def authority(mode: str, pricing: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The legal basis of a transfer: who decides (no approval, no filing) and publicity."""
    who = rules().evaluate("disposal_authority.json", {"mode": mode})
    publicity = rules().evaluate("publicity.json", {"pricing": pricing})
    return fired(who) + fired(publicity), {**who.result, **publicity.result}


def propose(session: Session, *, principal: Principal, data: TransferIn) -> Transfer:
    viewer = viewer_for(session, principal)
    org_id = office_org(viewer)
    achievement = repository.get_for_office(
        session, viewer, Achievement, data.achievement_id, "achievement", lock=True
    )
    if achievement.status not in TRANSFERABLE:
        raise conflict(
            f"only a registered achievement is transferred (this one is {achievement.status})"
        )
    blocking = _blocking(session, achievement.id)
    if blocking is not None:
        raise conflict(f"{blocking.number} ({blocking.mode}) already transferred it exclusively")
    unit = pilot_unit(session, org_id)
    rows, _ = authority(data.mode, data.pricing)
    prefix = f"{unit.prefix}T{today().year}-"
    taken = session.scalar(select(func.count()).where(Transfer.number.like(prefix + "%"))) or 0
    transfer = Transfer(
        org_id=org_id,
        achievement_id=achievement.id,
        number=f"{prefix}{taken + 1:04d}",
        mode=data.mode,
        licence_scope=data.licence_scope,
        counterparty=data.counterparty,
        counterparty_uscc=data.counterparty_uscc,
        pricing=data.pricing,
        price_fen=fen(data.price),
        equity_pct=data.equity_pct.quantize(Decimal("0.0001")),
        term_years=data.term_years,
        status="proposed",
        authority=rows,
        note=data.note,
        decision_makers=[],
    )
    session.add(transfer)
    session.flush()
    return transfer


def _mine(session: Session, viewer: Viewer, transfer_id: str) -> Transfer:
    return repository.get_for_office(session, viewer, Transfer, transfer_id, "transfer", lock=True)


def publish(
    session: Session, *, principal: Principal, transfer_id: str, data: PublicityIn
) -> Transfer:
    """Start the publicity of an agreement price, or update its dates and open objections."""
    viewer = viewer_for(session, principal)
    transfer = _mine(session, viewer, transfer_id)
    _, result = authority(transfer.mode, transfer.pricing)
    if not result["publicity_required"]:
        raise conflict(f"a price set by {transfer.pricing} needs no publicity")
    transfer.publicity_from, transfer.publicity_to = data.publicity_from, data.publicity_to
    transfer.publicity_objections = data.objections
    if transfer.status == "proposed":
        fire(
            session,
            TransferFlow,
            transfer,
            "start_publicity",
            principal=principal,
            owner_org_id=transfer.org_id,
        )
    elif transfer.status != "publicity":
        raise conflict(f"the publicity cannot change once the transfer is {transfer.status}")
    session.flush()
    return transfer


def exemption_facts(transfer: Transfer, result: dict[str, Any]) -> dict[str, Any]:
    days = 0
    if transfer.publicity_from and transfer.publicity_to:
        days = (transfer.publicity_to - transfer.publicity_from).days + 1
    return {
        "authority_internal": not result["approval_required"] and not result["filing_required"],
        "decision_recorded": bool(
            transfer.meeting and transfer.meeting_no and transfer.meeting_date and transfer.decision
        ),
        "publicity_required": bool(result["publicity_required"]),
        "publicity_days": days,
        "min_days": int(result["min_days"]),
        "objections": transfer.publicity_objections,
        "conflict_declared": transfer.conflict_declared,
    }


def _exemption(session: Session, transfer: Transfer) -> Exemption:
    _, result = authority(transfer.mode, transfer.pricing)
    facts = exemption_facts(transfer, result)
    decision = rules().evaluate("exemption.json", facts)
    rows = {row["row_id"]: row for row in fired(decision)}
    conditions = [
        {"row_id": row_id, **{k: v for k, v in row["outputs"].items()}, "citation": row["citation"]}
        for row_id, row in rows.items()
    ]
    covered = bool(conditions) and all(c["met"] for c in conditions)
    record = repository.exemption_of(session, transfer.id) or Exemption(
        org_id=transfer.org_id, transfer_id=transfer.id
    )
    record.covered, record.facts, record.conditions = covered, facts, conditions
    record.covered_persons = list(transfer.decision_makers) if covered else []
    session.add(record)
    session.flush()
    return record


def decide(
    session: Session, *, principal: Principal, transfer_id: str, data: DecisionIn
) -> Transfer:
    viewer = viewer_for(session, principal)
    transfer = _mine(session, viewer, transfer_id)
    _, result = authority(transfer.mode, transfer.pricing)
    if result["publicity_required"] and transfer.status == "proposed":
        raise conflict(
            f"an agreement price is published for at least {result['min_days']} days "
            "before the decision"
        )
    if data.meeting_date > today():
        raise validation_error("meeting_date", "the meeting cannot be in the future")
    if transfer.publicity_to and data.meeting_date <= transfer.publicity_to:
        raise validation_error("meeting_date", f"the publicity runs until {transfer.publicity_to}")
    fire(
        session,
        TransferFlow,
        transfer,
        "decide",
        principal=principal,
        owner_org_id=transfer.org_id,
        note=data.decision,
    )
    for key, value in data.model_dump().items():
        setattr(transfer, key, value)
    exemption = _exemption(session, transfer)
    achievement = session.get(Achievement, transfer.achievement_id)
    entry = {
        "type": "tech-transfer.decision",
        "transfer": transfer.id,
        "number": transfer.number,
        "achievement": achievement.number if achievement else "",
        "mode": transfer.mode,
        "price_fen": transfer.price_fen,
        "equity_pct": str(transfer.equity_pct),
        "meeting": transfer.meeting,
        "meeting_no": transfer.meeting_no,
        "meeting_date": transfer.meeting_date.isoformat() if transfer.meeting_date else "",
        "decision": transfer.decision,
        "decision_makers": transfer.decision_makers,
        "authority": [r["row_id"] for r in transfer.authority],
        "exemption": {
            "covered": exemption.covered,
            "conditions": {c["condition"]: c["met"] for c in exemption.conditions},
        },
    }
    transfer.ledger_sha256 = anchor(session, entry, f"tech_transfer_transfer:{transfer.id}")
    exemption.ledger_sha256 = transfer.ledger_sha256
    session.flush()
    return transfer


def sign(session: Session, *, principal: Principal, transfer_id: str, data: ContractIn) -> Transfer:
    viewer = viewer_for(session, principal)
    transfer = _mine(session, viewer, transfer_id)
    if transfer.meeting_date and data.signed_on < transfer.meeting_date:
        raise validation_error("signed_on", "the contract follows the decision")
    if data.signed_on > today():
        raise validation_error("signed_on", "the contract cannot be signed in the future")
    fire(
        session,
        TransferFlow,
        transfer,
        "sign",
        principal=principal,
        owner_org_id=transfer.org_id,
        note=data.contract_no,
    )
    transfer.contract_no, transfer.signed_on = data.contract_no, data.signed_on
    achievement = session.get(Achievement, transfer.achievement_id, with_for_update=True)
    if achievement is not None and achievement.status == "registered":
        fire(
            session,
            AchievementFlow,
            achievement,
            "transfer",
            principal=principal,
            owner_org_id=achievement.org_id,
            note=transfer.number,
        )
    if transfer.mode == "equity":
        rewards.grant_equity(session, transfer)
    anchor(
        session,
        {
            "type": "tech-transfer.contract",
            "transfer": transfer.id,
            "number": transfer.number,
            "contract_no": transfer.contract_no,
            "signed_on": data.signed_on.isoformat(),
        },
        f"tech_transfer_transfer:{transfer.id}",
    )
    session.flush()
    return transfer


def terminate(
    session: Session, *, principal: Principal, transfer_id: str, data: NoteIn
) -> Transfer:
    viewer = viewer_for(session, principal)
    transfer = _mine(session, viewer, transfer_id)
    fire(
        session,
        TransferFlow,
        transfer,
        "terminate",
        principal=principal,
        owner_org_id=transfer.org_id,
        note=data.note,
    )
    transfer.note = data.note
    session.flush()
    return transfer
