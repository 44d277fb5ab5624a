"""The sale in sealed status: the notary drafts the irrevocable mandate and the sale contract
(price, buyer, the escrow account), buyer and seller sign that exact version, the notary
notarizes it; the buyer pays into escrow (own funds, mortgage loan, housing fund), the notary
certifies the escrow once the whole price is in and applies for registration, and the
registration authority transfers the title while the seal stays on."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.practices.sealed_transfer import cases, clock, money, repository, steps
from ftz.practices.sealed_transfer.models import CaseParty, TransferCase
from ftz.practices.sealed_transfer.schemas import (
    CertificateIn,
    ContractIn,
    DepositIn,
    NoteIn,
    SignIn,
)
from ftz.practices.sealed_transfer.steps import fen


def set_contract(
    session: Session, *, principal: Principal, case_id: str, data: ContractIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.may(session, case, principal, "set_contract", price=fen(data.price))
    fingerprint, shown = cases.identity(data.buyer, "buyer.id_number")
    org_id = cases.account_org(session, data.buyer.account, "buyer.account")
    buyer = steps.party_of_role(session, case, "buyer")
    if buyer is None:
        buyer = CaseParty(case_id=case.id, role="buyer", claim_fen=0, claim_basis="none")
        session.add(buyer)
    buyer.kind, buyer.name, buyer.id_fingerprint = data.buyer.kind, data.buyer.name, fingerprint
    buyer.id_display, buyer.org_id = shown, org_id
    session.flush()
    case.contract_no, case.mandate_no = data.contract_no, data.mandate_no
    case.price_fen, case.escrow_account = fen(data.price), data.escrow_account
    case.contract_sha256 = steps.digest(
        {
            "case": case.id,
            "contract_no": case.contract_no,
            "mandate_no": case.mandate_no,
            "price_fen": case.price_fen,
            "escrow_account": case.escrow_account,
            "buyer": fingerprint,
        }
    )
    steps.record(
        session,
        case,
        principal,
        "set_contract",
        source=case.status,
        details={
            "contract_sha256": case.contract_sha256,
            "price_fen": case.price_fen,
        },
    )
    return case


def sign(session: Session, *, principal: Principal, case_id: str, data: SignIn) -> TransferCase:
    case = steps.load(session, principal, case_id)
    party = steps.party_of_role(session, case, steps.SIGNING[data.signer])
    method = steps.acting_for(principal, party) if party else ""  # a stranger is refused first
    steps.may(session, case, principal, "sign")
    if party is None:  # no buyer yet: the contract is not drafted (the guard says so first)
        raise validation_error("signer", "no contract to sign yet")
    party.signed_sha256, party.sign_method, party.signed_at = (
        case.contract_sha256,
        method,
        clock.now(),
    )
    steps.record(
        session,
        case,
        principal,
        "sign",
        source=case.status,
        details={
            "party": party.id,
            "signer": data.signer,
            "contract_sha256": case.contract_sha256,
            "method": method,
        },
    )
    return case


def notarize_contract(
    session: Session, *, principal: Principal, case_id: str, data: NoteIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.transition(
        session,
        case,
        principal,
        "notarize_contract",
        note=data.note,
        details={
            "contract_no": case.contract_no,
            "mandate_no": case.mandate_no,
            "contract_sha256": case.contract_sha256,
            "price_fen": case.price_fen,
        },
    )
    return case


def deposit(
    session: Session, *, principal: Principal, case_id: str, data: DepositIn
) -> TransferCase:
    """The buyer (or the notary recording a transfer it received) pays into escrow."""
    case = steps.load(session, principal, case_id)
    buyer = steps.party_of_role(session, case, "buyer")
    # Who acts first (a stranger is refused as such), then the step's state and amount.
    method = steps.acting_for(principal, buyer) if buyer else ""
    steps.may(session, case, principal, "deposit", amount=fen(data.amount))
    money.move(
        session,
        case,
        principal,
        kind="deposit",
        amount_fen=fen(data.amount),
        party=buyer,
        source=data.source,
        reference=data.reference,
        method=method,
    )
    return case


def certify_escrow(
    session: Session, *, principal: Principal, case_id: str, data: CertificateIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.transition(
        session,
        case,
        principal,
        "certify_escrow",
        details={
            "certificate_no": data.certificate_no,
            "balance_fen": case.escrow_balance_fen,
        },
    )
    case.escrow_certificate_no = data.certificate_no
    return case


def apply_registration(
    session: Session, *, principal: Principal, case_id: str, data: NoteIn
) -> TransferCase:
    case = steps.load(session, principal, case_id)
    steps.transition(
        session,
        case,
        principal,
        "apply_registration",
        note=data.note,
        details={
            "documents": ["contract", "court_document", "escrow_certificate"],
            "approval_doc_no": case.approval_doc_no,
            "certificate_no": case.escrow_certificate_no,
        },
    )
    return case


def transfer_title(
    session: Session, *, principal: Principal, case_id: str, data: CertificateIn
) -> TransferCase:
    """Registration of the transfer while sealed (带封过户): the seals stay until the court's
    verification; the buyer's new certificate is recorded."""
    steps.require_registry(principal)
    case = steps.load(session, principal, case_id)
    sealed = sum(1 for s in repository.seals(session, case.id) if s.lifted_at is None)
    steps.transition(
        session,
        case,
        principal,
        "transfer_title",
        details={
            "old_certificate_no": case.certificate_no,
            "new_certificate_no": data.certificate_no,
            "seals_in_force": sealed,
        },
    )
    case.new_certificate_no, case.transferred_at = data.certificate_no, clock.now()
    return case
