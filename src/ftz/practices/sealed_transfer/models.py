"""p18 tables: the enforcement case with its sealed property, the seals, the parties (applicant,
other creditors, debtor, buyer) with the agreement's priority and amounts and their consents and
signatures, the movements of the notary's escrow account with their double-entry legs, and the
steps, each anchored in the evidence ledger. Money is integer fen (exact sums on both
databases); the database itself refuses a negative escrow balance and a creditor paid more than
agreed, behind the service's own checks."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class TransferCase(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "sealed_transfer_case"
    __table_args__ = (CheckConstraint("escrow_balance_fen >= 0", name="escrow_not_negative"),)
    __audit_owner__ = "court_org_id"

    number: Mapped[str] = mapped_column(String(60), unique=True)  # 案号
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    notary_org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), index=True, default=None
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    registered_on: Mapped[date] = mapped_column()  # the enforcement case's filing date
    judgment_fen: Mapped[int] = mapped_column(BigInteger)  # 执行标的
    # The sealed property (one per case, as the seed's cases are).
    property_kind: Mapped[str] = mapped_column(String(20))
    certificate_no: Mapped[str] = mapped_column(String(60), index=True)  # 不动产权证书号
    address: Mapped[str] = mapped_column(String(200))
    area_m2: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    appraised_fen: Mapped[int] = mapped_column(BigInteger)
    appraised_on: Mapped[date] = mapped_column()
    screening: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    # The notarized settlement (公证和解协议).
    agreement_no: Mapped[str] = mapped_column(String(60), default="")
    min_price_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    agreement_sha256: Mapped[str] = mapped_column(String(64), default="")
    price_check: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    approval_doc_no: Mapped[str] = mapped_column(String(80), default="")  # 法律文书
    # The sale: irrevocable notarized mandate (不可撤销公证委托书) and sale contract.
    contract_no: Mapped[str] = mapped_column(String(60), default="")
    mandate_no: Mapped[str] = mapped_column(String(60), default="")
    price_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    contract_sha256: Mapped[str] = mapped_column(String(64), default="")
    # The notary's escrow account (提存专户); the balance is kept here and proven by `reconcile`
    # to equal the sum of the account's entries.
    escrow_account: Mapped[str] = mapped_column(String(40), default="")
    escrow_balance_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    escrow_certificate_no: Mapped[str] = mapped_column(String(60), default="")  # 提存证明
    new_certificate_no: Mapped[str] = mapped_column(String(60), default="")
    lift_doc_no: Mapped[str] = mapped_column(String(80), default="")  # 解封裁定
    collapse_reason: Mapped[str] = mapped_column(String(500), default="")
    screened_at: Mapped[datetime | None] = mapped_column(default=None)
    transferred_at: Mapped[datetime | None] = mapped_column(default=None)
    unsealed_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    collapsed_at: Mapped[datetime | None] = mapped_column(default=None)
    steps_taken: Mapped[int] = mapped_column(Integer, default=0)


class PropertySeal(Audited, IdMixin, Base):
    """One seal on the property: the first (首封) and any waiting seals (轮候查封)."""

    __tablename__ = "sealed_transfer_seal"
    __table_args__ = (UniqueConstraint("case_id", "rank"),)
    __audit_owner__ = None

    case_id: Mapped[str] = mapped_column(ForeignKey("sealed_transfer_case.id"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    court_name: Mapped[str] = mapped_column(String(100))
    order_no: Mapped[str] = mapped_column(String(80))  # 查封裁定 / 协助执行通知书
    sealed_on: Mapped[date] = mapped_column()
    expires_on: Mapped[date] = mapped_column()
    lifted_at: Mapped[datetime | None] = mapped_column(default=None)


class CaseParty(Audited, IdMixin, Base):
    __tablename__ = "sealed_transfer_party"
    __table_args__ = (
        CheckConstraint("paid_fen >= 0 AND paid_fen <= agreed_fen", name="paid_within_agreed"),
    )
    __audit_owner__ = None

    case_id: Mapped[str] = mapped_column(ForeignKey("sealed_transfer_case.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # applicant / creditor / debtor / buyer
    kind: Mapped[str] = mapped_column(String(16))  # person / organization
    name: Mapped[str] = mapped_column(String(100))
    # A person's identity number is kept as a keyed fingerprint and a masked form only.
    id_fingerprint: Mapped[str] = mapped_column(String(64))
    id_display: Mapped[str] = mapped_column(String(30))
    org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), index=True, default=None
    )
    claim_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    claim_basis: Mapped[str] = mapped_column(String(16), default="none")
    secured_on: Mapped[date | None] = mapped_column(default=None)
    # The agreement: rank (1 is paid first) and amount; what has been paid so far.
    priority: Mapped[int | None] = mapped_column(Integer, default=None)
    agreed_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    paid_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    # Consent binds to the agreement's digest; a changed agreement needs consent again.
    consent_sha256: Mapped[str] = mapped_column(String(64), default="")
    consent_method: Mapped[str] = mapped_column(String(16), default="")
    consented_at: Mapped[datetime | None] = mapped_column(default=None)
    # Buyer and seller (the debtor) sign the mandate and contract of this digest.
    signed_sha256: Mapped[str] = mapped_column(String(64), default="")
    sign_method: Mapped[str] = mapped_column(String(16), default="")
    signed_at: Mapped[datetime | None] = mapped_column(default=None)


class EscrowMovement(Audited, IdMixin, Base):
    """One movement of the escrow account: a deposit, a payout, the remainder, a refund."""

    __tablename__ = "sealed_transfer_movement"
    __table_args__ = (CheckConstraint("amount_fen > 0", name="amount_positive"),)
    __audit_owner__ = None

    case_id: Mapped[str] = mapped_column(ForeignKey("sealed_transfer_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    party_id: Mapped[str | None] = mapped_column(
        ForeignKey("sealed_transfer_party.id"), default=None
    )
    source: Mapped[str] = mapped_column(String(20), default="")  # own funds / mortgage loan
    reference: Mapped[str] = mapped_column(String(80), default="")  # bank slip
    at: Mapped[datetime] = mapped_column()
    step_seq: Mapped[int] = mapped_column(Integer)


class EscrowEntry(IdMixin, Base):
    """One leg of a movement; the legs of one movement sum to zero."""

    __tablename__ = "sealed_transfer_entry"

    movement_id: Mapped[str] = mapped_column(ForeignKey("sealed_transfer_movement.id"), index=True)
    account: Mapped[str] = mapped_column(String(80), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)


class CaseStep(IdMixin, Base):
    """Every step of a case, in order, with its ledger entry (append-only)."""

    __tablename__ = "sealed_transfer_step"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("sealed_transfer_case.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column()
    note: Mapped[str] = mapped_column(String(500), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    entry_sha256: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int] = mapped_column(BigInteger)
