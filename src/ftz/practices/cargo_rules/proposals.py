"""Proposals to IMO (CCC, E&T, MSC) and to the UN sub-committee of experts: drafted with the
conditions they would give a cargo, submitted with their proposal document, considered, then
adopted (the cargo takes the proposed conditions as a version of the target amendment, and the
adoption is anchored in the evidence log) or rejected (the cargo goes back to where it was)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.workflow import allowed_events, fire
from ftz.practices.cargo_rules import cargoes, reference, repository
from ftz.practices.cargo_rules.common import anchor, require_officer, today
from ftz.practices.cargo_rules.models import Proposal, ProposalDocument
from ftz.practices.cargo_rules.schemas import DocumentIn, ProposalEventIn, ProposalIn
from ftz.practices.cargo_rules.workflow import ProposalFlow

NEEDS_CARGO = ("new_entry", "reclassification")
REGIMES = {"IMSBC": ("imsbc",), "IMDG": ("imdg", "general"), "UNMR": ("imdg", "general")}
PENDING = ("submitted", "under_consideration")


def _check(data: ProposalIn) -> None:
    if data.change in NEEDS_CARGO and not data.cargo:
        raise validation_error("cargo", f"a {data.change.replace('_', ' ')} names its cargo")
    if (data.change in NEEDS_CARGO or data.cargo) and data.proposed is None:
        raise validation_error("proposed", "give the conditions the cargo would take")
    if data.proposed is not None:
        if data.proposed.regime not in REGIMES[data.instrument]:
            raise validation_error(
                "proposed.regime",
                f"an {data.instrument} proposal gives "
                f"{' or '.join(REGIMES[data.instrument])} conditions",
            )
        reference.check_conditions(data.proposed.conditions(), prefix="proposed.")
    target = data.target_amendment
    if target.startswith(("IMSBC", "IMDG")) and reference.amendment(target) is None:
        known = ", ".join(a["code"] for a in reference.amendments())
        raise validation_error("target_amendment", f"{target} is unknown; one of {known}")


def create(session: Session, *, principal: Principal, data: ProposalIn) -> Proposal:
    require_officer(principal)
    _check(data)
    if session.scalar(select(Proposal.id).where(Proposal.number == data.number)):
        raise conflict(f"proposal {data.number} already exists")
    cargo = repository.cargo(session, data.cargo) if data.cargo else None
    proposal = Proposal(
        number=data.number,
        title_zh=data.title_zh,
        title_en=data.title_en,
        instrument=data.instrument,
        change=data.change,
        proposer=data.proposer,
        body=data.body,
        session=data.session,
        target_amendment=data.target_amendment,
        cargo_id=cargo.id if cargo else None,
        proposed=data.proposed.conditions() if data.proposed else {},
        status="draft",
    )
    session.add(proposal)
    session.flush()
    return proposal


def add_document(
    session: Session, *, principal: Principal, key: str, data: DocumentIn
) -> ProposalDocument:
    require_officer(principal)
    proposal = repository.proposal(session, principal, key, lock=True)
    taken = select(ProposalDocument.id).where(
        ProposalDocument.proposal_id == proposal.id, ProposalDocument.symbol == data.symbol
    )
    if session.scalar(taken):
        raise conflict(f"{proposal.number} already has document {data.symbol}")
    document = ProposalDocument(proposal_id=proposal.id, **data.model_dump())
    session.add(document)
    session.flush()
    return document


def _on_submit(session: Session, proposal: Proposal, data: ProposalEventIn) -> None:
    kinds = {d.kind for d in repository.documents(session, proposal.id)}
    if "proposal" not in kinds:
        raise validation_error("documents", "attach the proposal document before submitting")
    proposal.session = data.session or proposal.session
    if not proposal.session:
        raise validation_error("session", "name the session it goes to, e.g. CCC 9")
    proposal.submitted_on = data.on or today()


def _cargo_follows(
    session: Session, proposal: Proposal, event: str, principal: Principal, note: str
) -> None:
    """The proposal's cargo moves with it: proposed on submission, adopted (with the proposed
    conditions as a new version) on adoption, back on rejection unless another is pending."""
    if proposal.cargo_id is None:
        return
    cargo = repository.cargo(session, proposal.cargo_id, lock=True)
    ref = proposal.number
    if event == "submit" and cargo.status != "proposed":
        cargoes.move(session, cargo, "propose", principal=principal, ref=ref, note=note)
    elif event == "adopt":
        if proposal.proposed:
            label = proposal.target_amendment or proposal.number
            cargoes.add_version(
                session,
                cargo,
                label=label,
                conditions=proposal.proposed,
                note=f"{ref}: {proposal.title_en}",
                principal=principal,
                on=proposal.decided_on,
            )
            for name, value in proposal.proposed.items():
                setattr(cargo, name, value)
            cargo.amendment = label
        cargo.in_code = True
        if cargo.status == "proposed":
            cargoes.move(session, cargo, "adopt", principal=principal, ref=ref, note=note)
        cargoes.reindex(session, cargo)
    elif event == "reject" and cargo.status == "proposed":
        others = select(Proposal.id).where(
            Proposal.cargo_id == cargo.id, Proposal.id != proposal.id, Proposal.status.in_(PENDING)
        )
        if session.scalar(others) is None:
            cargoes.move(session, cargo, "withdraw", principal=principal, ref=ref, note=note)


def advance(session: Session, *, principal: Principal, key: str, data: ProposalEventIn) -> Proposal:
    """One step of the proposal's workflow, with the cargo following it."""
    require_officer(principal)
    proposal = repository.proposal(session, principal, key, lock=True)
    if data.event == "submit":
        _on_submit(session, proposal, data)
    elif data.event in ("adopt", "reject"):
        if data.event == "reject" and not data.note:
            raise validation_error("note", "say why the proposal was not adopted")
        proposal.decided_on = data.on or today()
        proposal.decision_note = data.note
    elif data.session:
        proposal.session = data.session
    fire(
        session,
        ProposalFlow,
        proposal,
        data.event,
        principal=principal,
        owner_org_id=None,
        note=data.note,
    )
    _cargo_follows(session, proposal, data.event, principal, data.note)
    if data.event == "adopt":
        entry = {
            "type": "cargo-rules-adoption",
            "proposal": proposal.number,
            "target": proposal.target_amendment,
            "session": proposal.session,
            "proposed": proposal.proposed,
            "on": _iso(proposal.decided_on),
        }
        proposal.ledger_sha256 = anchor(session, entry, f"cargo_rules_proposal:{proposal.id}")
    session.flush()
    return proposal


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def view(session: Session, principal: Principal, proposal: Proposal) -> dict[str, Any]:
    cargo = repository.cargo(session, proposal.cargo_id) if proposal.cargo_id else None
    return {
        "id": proposal.id,
        "number": proposal.number,
        "title_zh": proposal.title_zh,
        "title_en": proposal.title_en,
        "instrument": proposal.instrument,
        "change": proposal.change,
        "proposer": proposal.proposer,
        "body": proposal.body,
        "session": proposal.session,
        "target_amendment": proposal.target_amendment,
        "cargo": {
            "code": cargo.code,
            "name_zh": cargo.name_zh,
            "name_en": cargo.name_en,
            "status": cargo.status,
        }
        if cargo
        else None,
        "proposed": proposal.proposed,
        "status": proposal.status,
        "submitted_on": _iso(proposal.submitted_on),
        "decided_on": _iso(proposal.decided_on),
        "decision_note": proposal.decision_note,
        "ledger_sha256": proposal.ledger_sha256 or None,
        "documents": [
            {
                "symbol": d.symbol,
                "title": d.title,
                "kind": d.kind,
                "dated": d.dated.isoformat(),
                "sha256": d.sha256 or None,
            }
            for d in repository.documents(session, proposal.id)
        ],
        "next_events": allowed_events(ProposalFlow, proposal, principal)
        if repository.is_officer(principal)
        else [],
    }
