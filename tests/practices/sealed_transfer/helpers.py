"""Building p18 cases straight through the service (faster than HTTP), for the invariant,
property and concurrency tests: `Actors` holds the demo principals, `advance` takes a case one
correct step further, `build` takes a new case to a given state."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import Principal, current_principal
from ftz.practices.sealed_transfer import repository, service
from ftz.practices.sealed_transfer.demo import NOTARY_OFFICE, ensure_staff
from ftz.practices.sealed_transfer.models import TransferCase
from ftz.practices.sealed_transfer.schemas import (
    AgreementIn,
    AllocationIn,
    CaseIn,
    CertificateIn,
    ContractIn,
    DepositIn,
    DocumentIn,
    NoteIn,
    PartyRef,
    PayoutIn,
    PersonIn,
    ReferenceIn,
    ScreenIn,
    SignIn,
)
from ftz.practices.sealed_transfer.settlement import suggested_ranks
from tests.practices.sealed_transfer.conftest import case_body, person

USERS = ("st.court", "st.notary", "st.registry", "st.bank", "st.debtor", "st.buyer")
PRICE = Decimal("1900000.00")


class Actors:
    def __init__(self, session: Session) -> None:
        ensure_staff(session)
        self.session = session
        self.people: dict[str, Principal] = {u: accounts.acting_as(session, u) for u in USERS}

    def __call__(self, user: str) -> Principal:
        current_principal.set(self.people[user])
        return self.people[user]


def _consents(session: Session, act: Actors, case: TransferCase) -> None:
    for p in repository.parties(session, case.id):
        if p.role in ("applicant", "creditor", "debtor"):
            service.consent(
                session, principal=act("st.notary"), case_id=case.id, data=PartyRef(party_id=p.id)
            )


def agreement(session: Session, case: TransferCase, min_price: str = "1800000.00") -> AgreementIn:
    people = repository.parties(session, case.id)
    ranks = suggested_ranks(people)
    return AgreementIn(
        agreement_no="(2025)鲁济明证民字第0001号",
        min_price=Decimal(min_price),
        allocations=[
            AllocationIn(party_id=p.id, priority=ranks[p.id], amount=Decimal(p.claim_fen) / 100)
            for p in people
            if p.id in ranks
        ],
    )


def advance(session: Session, act: Actors, case: TransferCase) -> None:
    """One correct step from the case's state along the main line (money steps included)."""
    cid, s = case.id, session
    match case.status:
        case "on_file":
            service.screen(
                s,
                principal=act("st.court"),
                case_id=cid,
                data=ScreenIn(notary_code=NOTARY_OFFICE, title_clear=True, debtor_agrees=True),
            )
        case "settling":
            if not case.agreement_sha256:
                service.set_agreement(
                    s, principal=act("st.notary"), case_id=cid, data=agreement(s, case)
                )
            _consents(s, act, case)
            service.notarize_agreement(s, principal=act("st.notary"), case_id=cid, data=NoteIn())
        case "notarized":
            service.approve_sale(
                s,
                principal=act("st.court"),
                case_id=cid,
                data=DocumentIn(document_no="(2025)鲁0102执0001号之二"),
            )
        case "sale_approved":
            service.set_contract(
                s,
                principal=act("st.notary"),
                case_id=cid,
                data=ContractIn(
                    contract_no="JNFW-0001",
                    mandate_no="(2025)鲁济明证民字第0002号",
                    price=PRICE,
                    escrow_account="3701 0102 8800",
                    buyer=PersonIn(
                        kind="person", name="王明", id_number=person(9), account="st.buyer"
                    ),
                ),
            )
            for signer in ("buyer", "seller"):
                service.sign(s, principal=act("st.notary"), case_id=cid, data=SignIn(signer=signer))
            service.notarize_contract(s, principal=act("st.notary"), case_id=cid, data=NoteIn())
        case "contracted":
            left = case.price_fen - case.escrow_balance_fen
            if left:
                service.deposit(
                    s,
                    principal=act("st.buyer"),
                    case_id=cid,
                    data=DepositIn(amount=Decimal(left) / 100, reference="DEP"),
                )
            service.certify_escrow(
                s,
                principal=act("st.notary"),
                case_id=cid,
                data=CertificateIn(certificate_no="(2025)提字第1号"),
            )
        case "escrowed":
            service.apply_registration(s, principal=act("st.notary"), case_id=cid, data=NoteIn())
        case "registering":
            service.transfer_title(
                s,
                principal=act("st.registry"),
                case_id=cid,
                data=CertificateIn(certificate_no="鲁(2025)第0999999号"),
            )
        case "transferred":
            for p in sorted(repository.parties(s, cid), key=lambda p: p.priority or 99):
                if p.priority is not None and p.paid_fen < p.agreed_fen:
                    service.payout(
                        s,
                        principal=act("st.notary"),
                        case_id=cid,
                        data=PayoutIn(
                            party_id=p.id,
                            amount=Decimal(p.agreed_fen - p.paid_fen) / 100,
                            reference="PAY",
                        ),
                    )
            if case.escrow_balance_fen:
                service.pay_remainder(
                    s, principal=act("st.notary"), case_id=cid, data=ReferenceIn(reference="REM")
                )
            service.report_paid(s, principal=act("st.notary"), case_id=cid, data=NoteIn())
        case "paid_out":
            service.lift_seal(
                s,
                principal=act("st.court"),
                case_id=cid,
                data=DocumentIn(document_no="(2025)鲁0102执0001号之三"),
            )
        case "unsealed":
            service.close(s, principal=act("st.court"), case_id=cid, data=NoteIn())
        case "collapsed":
            if case.escrow_balance_fen == 0:
                service.terminate(s, principal=act("st.court"), case_id=cid, data=NoteIn())
        case _:
            pass
    session.flush()


def build(
    session: Session, act: Actors, target: str, number: str = "(2025)鲁0102执0001号", **changes: Any
) -> TransferCase:
    case = service.create_case(
        session, principal=act("st.court"), data=CaseIn.model_validate(case_body(number) | changes)
    )
    while case.status != target:
        before = case.status
        advance(session, act, case)
        assert case.status != before, f"stuck in {before}"
    return case
