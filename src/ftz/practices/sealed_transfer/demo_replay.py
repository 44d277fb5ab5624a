"""Replaying the p18 demo cases: a case's body (a Jinan flat, its seals, its creditors) and
its steps, each taken through the service by the role that owns it at a historic time, up to
the state the demo wants it in."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal, current_principal
from ftz.domain.parties.identity import make_resident_id
from ftz.practices.sealed_transfer import clock, repository, service
from ftz.practices.sealed_transfer.demo_staff import (
    BANK,
    BUYER,
    COURT,
    DEBTOR,
    NOTARY,
    NOTARY_OFFICE,
    REGISTRY,
    STREETS,
    uscc_of,
)
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
    PartyIn,
    PartyRef,
    PayoutIn,
    PersonIn,
    PropertyIn,
    ReasonIn,
    ReferenceIn,
    RefundIn,
    ScreenIn,
    SealIn,
    SignIn,
)
from ftz.practices.sealed_transfer.settlement import suggested_ranks


def _yuan(n: float) -> Decimal:
    return Decimal(int(n)).quantize(Decimal("0.01"))


def case_body(n: int, rng: random.Random, screened: date) -> CaseIn:
    appraised = rng.randrange(1_100_000, 4_200_000, 10_000)
    mortgage = int(appraised * rng.uniform(0.35, 0.55)) // 1000 * 1000
    judgment = rng.randrange(300_000, 900_000, 1000)
    sealed = screened - timedelta(days=rng.randint(150, 400))
    debtor_is_company = n % 3 == 0
    debtor = (
        PartyIn(
            role="debtor",
            kind="organization",
            name="山东鲁中示范贸易有限公司（演示）",
            id_number=uscc_of(2),
            account=DEBTOR,
        )
        if debtor_is_company
        else PartyIn(
            role="debtor",
            kind="person",
            name=f"{rng.choice('张李刘陈杨赵周吴')}某（演示）",
            id_number=make_resident_id("370100", date(1970 + n, 3, 1 + n), 100 + n),
        )
    )
    parties = [
        PartyIn(
            role="applicant",
            kind="person",
            name=f"{rng.choice('孙马朱胡郭何高林')}某（演示）",
            id_number=make_resident_id("370100", date(1975 + n, 6, 2 + n), 200 + n),
            claim=_yuan(judgment),
            claim_basis="seal",
            secured_on=sealed,
        ),
        debtor,
        PartyIn(
            role="creditor",
            kind="organization",
            name="济南示范农村商业银行（演示）",
            id_number=uscc_of(1),
            account=BANK,
            claim=_yuan(mortgage),
            claim_basis="mortgage",
            secured_on=sealed - timedelta(days=rng.randint(700, 2000)),
        ),
    ]
    if n % 4 == 1:
        parties.append(
            PartyIn(
                role="creditor",
                kind="organization",
                name="济南示范装饰工程有限公司（演示）",
                id_number=uscc_of(10 + n),
                claim=_yuan(rng.randrange(80_000, 200_000, 1000)),
                claim_basis="ordinary",
            )
        )
    seals = [
        SealIn(
            court_name="济南市历下区人民法院",
            order_no=f"(2024)鲁0102执{1000 + n}号之一",
            sealed_on=sealed,
            expires_on=sealed + timedelta(days=1095),
        )
    ]
    if n % 5 == 2:
        later = sealed + timedelta(days=40)
        seals.append(
            SealIn(
                court_name="济南市市中区人民法院",
                order_no=f"(2024)鲁0103执{500 + n}号",
                sealed_on=later,
                expires_on=later + timedelta(days=1095),
            )
        )
    return CaseIn(
        number=f"(2024)鲁0102执{1000 + n}号",
        registered_on=sealed - timedelta(days=20),
        judgment=_yuan(judgment),
        property=PropertyIn(
            kind="residential",
            certificate_no=f"鲁(2019)济南市不动产权第{310000 + n * 37:07d}号",
            address=f"{rng.choice(STREETS)}{rng.randint(1, 300)}号{rng.randint(1, 20)}号楼"
            f"{rng.randint(1, 3)}单元{rng.randint(1, 30):02d}0{rng.randint(1, 4)}室（演示）",
            area_m2=Decimal(rng.randint(6000, 16000)) / 100,
            appraised_value=_yuan(appraised),
            appraised_on=screened - timedelta(days=rng.randint(20, 90)),
        ),
        seals=seals,
        parties=parties,
    )


class Replay:
    """Takes one case through its steps at historic times, each as the role that owns it."""

    def __init__(
        self, session: Session, people: dict[str, Principal], start: datetime, rng: random.Random
    ) -> None:
        self.session, self.people, self.rng, self.t = session, people, rng, start

    def at(self, days: float, who: str, do: Any, **kw: Any) -> TransferCase:
        self.t += timedelta(days=days, minutes=self.rng.randint(5, 90))
        with clock.replaying(self.t):
            current_principal.set(self.people[who])  # the audit trail records the acting user
            return do(self.session, principal=self.people[who], **kw)  # type: ignore[no-any-return]


def run_case(replay: Replay, case: TransferCase, target: str, n: int) -> None:
    rng, cid = replay.rng, case.id
    if target == "unsuitable":
        replay.at(
            1,
            COURT,
            service.reject,
            case_id=cid,
            data=ReasonIn(note="案外人提起执行异议，权属存在争议，不宜自行处置"),
        )
        return
    if target == "on_file":
        return
    replay.at(
        1,
        COURT,
        service.screen,
        case_id=cid,
        data=ScreenIn(
            notary_code=NOTARY_OFFICE,
            title_clear=True,
            debtor_agrees=True,
            note="被执行人申请自行处置",
        ),
    )
    people = repository.parties(replay.session, cid)
    ranks = suggested_ranks(people)
    creditors = [p for p in people if p.role in ("applicant", "creditor")]
    appraised = case.appraised_fen / 100
    min_price = _yuan(appraised * rng.uniform(0.86, 0.95))
    # What the sale can cover is shared out rank by rank; a creditor ranked late may settle for
    # less than the claim (the agreement is theirs to consent to).
    left, allocations = int(min_price * 100), []
    for p in sorted(creditors, key=lambda p: (ranks[p.id], p.id)):
        amount = min(p.claim_fen, left)
        left -= amount
        allocations.append(
            AllocationIn(party_id=p.id, priority=ranks[p.id], amount=Decimal(amount) / 100)
        )
    replay.at(
        rng.randint(2, 4),
        NOTARY,
        service.set_agreement,
        case_id=cid,
        data=AgreementIn(
            agreement_no=f"(2024)鲁济明证民字第{2000 + n}号",
            min_price=min_price,
            allocations=allocations,
        ),
    )
    agreeing = [p for p in people if p.role in ("applicant", "creditor", "debtor")]
    for i, p in enumerate(agreeing):
        if target == "settling" and i >= 1:
            return  # the other consents are still being collected
        who = (
            BANK
            if p.org_id and p.name.startswith("济南示范农村")
            else (DEBTOR if p.org_id else NOTARY)
        )
        replay.at(
            rng.uniform(0.5, 2), who, service.consent, case_id=cid, data=PartyRef(party_id=p.id)
        )
    replay.at(
        1, NOTARY, service.notarize_agreement, case_id=cid, data=NoteIn(note="和解协议已公证")
    )
    replay.at(
        rng.randint(3, 6),
        COURT,
        service.approve_sale,
        case_id=cid,
        data=DocumentIn(
            document_no=f"(2024)鲁0102执{1000 + n}号之二", note="同意被执行人在查封状态下自行处置"
        ),
    )
    if target == "sale_approved":
        return
    price = _yuan(appraised * rng.uniform(0.96, 1.04))
    loan = n % 3 == 1
    own = BUYER if n % 2 == 0 else NOTARY
    buyer = PersonIn(
        kind="person",
        name="王明（演示买受人）" if own == BUYER else f"买受人{n}号（演示）",
        id_number=make_resident_id("370100", date(1988, 1 + n % 12, 9), 300 + n),
        account=BUYER if own == BUYER else None,
    )
    replay.at(
        rng.randint(2, 4),
        NOTARY,
        service.set_contract,
        case_id=cid,
        data=ContractIn(
            contract_no=f"JNFW-2024-{n:04d}",
            mandate_no=f"(2024)鲁济明证民字第{3000 + n}号",
            price=price,
            escrow_account="3701 0102 8800 0000 188",
            buyer=buyer,
        ),
    )
    for signer in ("buyer", "seller"):
        who = own if signer == "buyer" else (DEBTOR if n % 3 == 0 else NOTARY)
        replay.at(0.1, who, service.sign, case_id=cid, data=SignIn(signer=signer))
    replay.at(1, NOTARY, service.notarize_contract, case_id=cid, data=NoteIn())
    first = (
        _yuan(float(price) * (0.3 if loan else 1.0))
        if target != "contracted"
        else _yuan(float(price) * 0.3)
    )
    replay.at(
        1,
        own,
        service.deposit,
        case_id=cid,
        data=DepositIn(amount=first, source="own_funds", reference=f"DEP{n:04d}A"),
    )
    if target == "terminated":
        replay.at(
            rng.randint(5, 9),
            NOTARY,
            service.collapse,
            case_id=cid,
            data=ReasonIn(note="买受人按揭贷款未获审批，买卖合同解除"),
        )
        replay.at(
            1,
            NOTARY,
            service.refund,
            case_id=cid,
            data=RefundIn(amount=first, reference=f"REF{n:04d}"),
        )
        replay.at(
            2,
            COURT,
            service.terminate,
            case_id=cid,
            data=NoteIn(note="终结自行处置，恢复司法拍卖程序"),
        )
        return
    if target == "contracted":
        return
    if loan:
        replay.at(
            rng.randint(5, 9),
            NOTARY,
            service.deposit,
            case_id=cid,
            data=DepositIn(amount=price - first, source="mortgage_loan", reference=f"LOAN{n:04d}"),
        )
    replay.at(
        1,
        NOTARY,
        service.certify_escrow,
        case_id=cid,
        data=CertificateIn(certificate_no=f"(2024)鲁济明证提字第{400 + n}号"),
    )
    replay.at(0.2, NOTARY, service.apply_registration, case_id=cid, data=NoteIn())
    replay.at(
        rng.randint(2, 5),
        REGISTRY,
        service.transfer_title,
        case_id=cid,
        data=CertificateIn(certificate_no=f"鲁(2024)济南市不动产权第{520000 + n * 41:07d}号"),
    )
    for i, p in enumerate(sorted(creditors, key=lambda p: (ranks[p.id], p.id))):
        if target == "transferred" and i >= 1:
            return
        replay.at(
            rng.uniform(0.5, 2),
            NOTARY,
            service.payout,
            case_id=cid,
            data=PayoutIn(
                party_id=p.id, amount=Decimal(p.agreed_fen) / 100, reference=f"PAY{n:04d}{i}"
            ),
        )
    if case.escrow_balance_fen:
        replay.at(
            0.3,
            NOTARY,
            service.pay_remainder,
            case_id=cid,
            data=ReferenceIn(reference=f"REM{n:04d}"),
        )
    replay.at(
        0.5, NOTARY, service.report_paid, case_id=cid, data=NoteIn(note="案款已按和解协议支付完毕")
    )
    replay.at(
        rng.randint(2, 5),
        COURT,
        service.lift_seal,
        case_id=cid,
        data=DocumentIn(document_no=f"(2024)鲁0102执{1000 + n}号之三", note="核实债务已清偿完毕"),
    )
    replay.at(1, COURT, service.close, case_id=cid, data=NoteIn(note="执行完毕"))
