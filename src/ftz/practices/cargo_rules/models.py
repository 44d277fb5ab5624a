"""p05 tables: the cargo registry (one row per cargo with the conditions in force, a version per
code amendment or agreement, the status history), the proposals to IMO / the UN sub-committee
with their documents, and the assessments of unlisted goods with the three administrations'
sign-offs. Cargoes and proposals belong to no enterprise (the registry is public); an
assessment belongs to the enterprise that asked for it, or to no one when an officer opened it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class ConditionColumns:
    """The transport conditions of a cargo, shared by the registry row and its versions' JSON."""

    regime: Mapped[str] = mapped_column(String(8), index=True)  # imsbc | imdg | general
    imsbc_group: Mapped[str] = mapped_column(String(2), default="", index=True)  # A B C AB
    mhb: Mapped[bool] = mapped_column(Boolean, default=False)
    imdg_class: Mapped[str] = mapped_column(String(4), default="", index=True)
    un_number: Mapped[str] = mapped_column(String(4), default="", index=True)
    packing_group: Mapped[str] = mapped_column(String(3), default="")
    tml_test: Mapped[str] = mapped_column(String(200), default="")
    stowage_category: Mapped[str] = mapped_column(String(1), default="")
    segregation: Mapped[str] = mapped_column(String(500), default="")
    special_provisions: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    conditions_zh: Mapped[str] = mapped_column(Text, default="")
    conditions_en: Mapped[str] = mapped_column(Text, default="")


class Cargo(Audited, ConditionColumns, IdMixin, TimestampMixin, Base):
    __tablename__ = "cargo_rules_cargo"
    __audit_owner__ = None

    code: Mapped[str] = mapped_column(String(60), unique=True)
    name_zh: Mapped[str] = mapped_column(String(120), index=True)
    name_en: Mapped[str] = mapped_column(String(200), index=True)
    synonyms: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(10), index=True)  # listed assessed proposed adopted
    # True while the cargo has an entry in the Code in force (listed, or adopted by amendment);
    # a rejected proposal sends the cargo back to "listed" or "assessed" by this flag.
    in_code: Mapped[bool] = mapped_column(Boolean, default=False)
    amendment: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    # Tokens of every name, synonym and UN number (current and former), space-delimited with a
    # leading and trailing space, so "token or token prefix" is a LIKE on both databases.
    search_text: Mapped[str] = mapped_column(Text, default="")


class CargoVersion(Audited, IdMixin, Base):
    """The conditions a cargo had from `effective_from` on, under one amendment or agreement."""

    __tablename__ = "cargo_rules_cargo_version"
    __audit_owner__ = None
    __table_args__ = (UniqueConstraint("cargo_id", "label"),)

    cargo_id: Mapped[str] = mapped_column(ForeignKey("cargo_rules_cargo.id"), index=True)
    label: Mapped[str] = mapped_column(String(60))  # "IMSBC 07-23", "tripartite LN-2023-0012"
    effective_from: Mapped[date] = mapped_column()
    conditions: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    note: Mapped[str] = mapped_column(String(500), default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column()


class StatusChange(IdMixin, Base):
    """The cargo's status history as the registry shows it (the audit trail has it too)."""

    __tablename__ = "cargo_rules_status_change"

    cargo_id: Mapped[str] = mapped_column(ForeignKey("cargo_rules_cargo.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(10), default="")
    to_status: Mapped[str] = mapped_column(String(10))
    reference: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    actor: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column()


class Proposal(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "cargo_rules_proposal"
    __audit_owner__ = None

    number: Mapped[str] = mapped_column(String(30), unique=True)
    title_zh: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    instrument: Mapped[str] = mapped_column(String(10), index=True)  # IMSBC | IMDG | UNMR
    change: Mapped[str] = mapped_column(String(20))  # new_entry | reclassification | ...
    proposer: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(String(40))  # "IMO CCC", "UN SCETDG"
    session: Mapped[str] = mapped_column(String(40), default="")  # "CCC 8"
    target_amendment: Mapped[str] = mapped_column(String(40), default="")
    cargo_id: Mapped[str | None] = mapped_column(
        ForeignKey("cargo_rules_cargo.id"), default=None, index=True
    )
    # The conditions the cargo takes when the proposal is adopted (validated like a cargo's).
    proposed: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    status: Mapped[str] = mapped_column(String(20), index=True)
    submitted_on: Mapped[date | None] = mapped_column(default=None)
    decided_on: Mapped[date | None] = mapped_column(default=None)
    decision_note: Mapped[str] = mapped_column(String(500), default="")
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")


class ProposalDocument(Audited, IdMixin, Base):
    __tablename__ = "cargo_rules_proposal_document"
    __audit_owner__ = None
    __table_args__ = (UniqueConstraint("proposal_id", "symbol"),)

    proposal_id: Mapped[str] = mapped_column(ForeignKey("cargo_rules_proposal.id"), index=True)
    symbol: Mapped[str] = mapped_column(String(60))  # "CCC 8/3/4"
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(12))  # proposal comment report decision
    dated: Mapped[date] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64), default="")


class Assessment(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "cargo_rules_assessment"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), default=None, index=True
    )
    goods_zh: Mapped[str] = mapped_column(String(120))
    goods_en: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    mode: Mapped[str] = mapped_column(String(8))  # bulk | packaged
    loading_port: Mapped[str] = mapped_column(String(60))
    discharge_port: Mapped[str] = mapped_column(String(60))
    flag_state: Mapped[str] = mapped_column(String(60))
    authority: Mapped[str] = mapped_column(String(120), default="")  # the assessing MSA
    status: Mapped[str] = mapped_column(String(12), index=True)
    # The officer's findings and the conditions that follow from them (validated like a cargo).
    findings: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    conditions: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    cargo_id: Mapped[str | None] = mapped_column(
        ForeignKey("cargo_rules_cargo.id"), default=None, index=True
    )
    decided_on: Mapped[date | None] = mapped_column(default=None)
    decision_note: Mapped[str] = mapped_column(String(500), default="")
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")


class SignOff(Audited, IdMixin, Base):
    """One administration's agreement to an assessment's conditions (IMSBC 1.3). Withdrawn
    signatures are deleted, which the audit trail records."""

    __tablename__ = "cargo_rules_sign_off"
    __audit_owner__ = None
    __table_args__ = (UniqueConstraint("assessment_id", "role"),)

    assessment_id: Mapped[str] = mapped_column(ForeignKey("cargo_rules_assessment.id"), index=True)
    role: Mapped[str] = mapped_column(String(10))  # loading | flag | discharge
    authority: Mapped[str] = mapped_column(String(120))
    reference: Mapped[str] = mapped_column(String(80))
    signed_on: Mapped[date] = mapped_column()
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
