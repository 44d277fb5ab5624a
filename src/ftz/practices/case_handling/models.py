"""p26 tables: court cases involving FTZ enterprises with their parties, the three mandatory
searches saved with their query and top results, the parties' and lawyers' own search reports
with the judge's answers, the case report, the guide checklists, the supervisors' reading and
approval (阅核) and quality-review findings, the court's own judgments (the similar-case
corpus) and the litigation-service satisfaction surveys."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue, UTCDateTime


class CourtRecord(Audited):
    """Owned by the court's organization (its audit trail), not by a party."""

    __audit_owner__ = "court_org_id"


class CourtMember(CourtRecord, IdMixin, TimestampMixin, Base):
    """A court user's position: judges handle cases; presidents, division chiefs and quality
    reviewers supervise (阅核, 评查)."""

    __tablename__ = "case_handling_member"

    user_id: Mapped[str] = mapped_column(ForeignKey("core_user.id"), unique=True)
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    position: Mapped[str] = mapped_column(String(24))  # judge / division_chief / president / …
    division: Mapped[str] = mapped_column(String(100), default="")


class CourtCase(CourtRecord, IdMixin, TimestampMixin, Base):
    __tablename__ = "case_handling_case"

    number: Mapped[str] = mapped_column(String(60), unique=True)
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    court: Mapped[str] = mapped_column(String(100))
    cause: Mapped[str] = mapped_column(String(100))  # 案由
    case_type: Mapped[str] = mapped_column(String(32), index=True)
    procedure: Mapped[str] = mapped_column(String(24), default="first_instance")
    ftz_enterprise: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    claims: Mapped[str] = mapped_column(Text)
    subject_matter: Mapped[str] = mapped_column(String(300), default="")
    amount_cny: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    filed_on: Mapped[date] = mapped_column(Date, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    outcome: Mapped[str | None] = mapped_column(
        String(16), default=None
    )  # judgment / mediated / withdrawn
    judge_user_id: Mapped[str | None] = mapped_column(ForeignKey("core_user.id"), default=None)
    judge_name: Mapped[str] = mapped_column(String(100), default="")
    linked_numbers: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)  # triage inputs
    track: Mapped[str] = mapped_column(String(8), index=True)  # fast / full
    procedure_hint: Mapped[str] = mapped_column(String(24), default="")
    triage: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    review_requirement: Mapped[str] = mapped_column(String(24))  # reading_approval / filing
    review_rule: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class CaseParty(CourtRecord, IdMixin, TimestampMixin, Base):
    __tablename__ = "case_handling_party"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_handling_case.id"), index=True)
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    role: Mapped[str] = mapped_column(String(16))  # plaintiff / defendant / third_party
    name: Mapped[str] = mapped_column(String(200), index=True)
    uscc: Mapped[str] = mapped_column(String(18), default="")
    ftz_enterprise: Mapped[bool] = mapped_column(Boolean, default=False)
    org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), default=None, index=True
    )
    counsel: Mapped[str] = mapped_column(String(200), default="")
    counsel_org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), default=None, index=True
    )


class CaseSearch(CourtRecord, IdMixin, TimestampMixin, Base):
    """One of the three mandatory searches, as run: query, filters, mode and the top results
    (a snapshot, so the report shows what the judge saw even after the corpus changes)."""

    __tablename__ = "case_handling_search"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_handling_case.id"), index=True)
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    kind: Mapped[str] = mapped_column(String(16))  # legal_basis / similar_cases / related_cases
    query: Mapped[str] = mapped_column(Text)
    filters: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    mode: Mapped[str] = mapped_column(String(8), default="bm25")
    results: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    searched: Mapped[int] = mapped_column(Integer, default=0)
    run_by: Mapped[str] = mapped_column(String(100))
    conclusion: Mapped[str] = mapped_column(Text, default="")


class CaseSubmission(Audited, IdMixin, TimestampMixin, Base):
    """A party's or lawyer's own search report; the judge must answer each one."""

    __tablename__ = "case_handling_submission"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_handling_case.id"), index=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("case_handling_party.id"))
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    submitted_by: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    query: Mapped[str] = mapped_column(Text)
    cited: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    argument: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), index=True)  # pending / answered
    position: Mapped[str] = mapped_column(String(16), default="")  # adopted / partly / not_adopted
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(timezone=True), default=None)


class CaseReport(CourtRecord, IdMixin, TimestampMixin, Base):
    """The case report (审理报告) the three searches are embedded in; finalized once."""

    __tablename__ = "case_handling_report"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_handling_case.id"), unique=True)
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    analysis: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12))  # draft / final
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    finalized_by: Mapped[str] = mapped_column(String(100), default="")
    finalized_at: Mapped[datetime | None] = mapped_column(UTCDateTime(timezone=True), default=None)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class ChecklistAnswer(CourtRecord, IdMixin, TimestampMixin, Base):
    __tablename__ = "case_handling_checklist"
    __table_args__ = (
        UniqueConstraint("case_id", "item_id", name="uq_case_handling_checklist_item"),
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("case_handling_case.id"), index=True)
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    guide: Mapped[str] = mapped_column(String(16))  # evidence / law_application
    item_id: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(16))  # done / not_applicable
    note: Mapped[str] = mapped_column(Text, default="")


class CaseReview(CourtRecord, IdMixin, TimestampMixin, Base):
    """A supervisor's reading and approval (阅核) or a quality review (评查) of a case."""

    __tablename__ = "case_handling_review"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_handling_case.id"), index=True)
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    kind: Mapped[str] = mapped_column(String(16))  # reading_approval / quality_review
    outcome: Mapped[str] = mapped_column(String(16))  # approved / returned / passed / findings
    reviewer: Mapped[str] = mapped_column(String(100))
    position: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class CaseFinding(CourtRecord, IdMixin, TimestampMixin, Base):
    __tablename__ = "case_handling_finding"

    review_id: Mapped[str] = mapped_column(ForeignKey("case_handling_review.id"), index=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_handling_case.id"), index=True)
    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    category: Mapped[str] = mapped_column(String(24))
    severity: Mapped[str] = mapped_column(String(8))  # minor / major
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open / rectified
    rectification: Mapped[str] = mapped_column(Text, default="")


class CourtJudgment(Audited, IdMixin, TimestampMixin, Base):
    """A judgment of the court: the similar-case corpus. Public court documents, no owner."""

    __tablename__ = "case_handling_judgment"
    __audit_owner__ = None

    number: Mapped[str] = mapped_column(String(60), unique=True)
    court: Mapped[str] = mapped_column(String(100), index=True)
    cause: Mapped[str] = mapped_column(String(100))
    case_type: Mapped[str] = mapped_column(String(32), index=True)
    decided_on: Mapped[date] = mapped_column(Date, index=True)
    judge: Mapped[str] = mapped_column(String(100), default="")
    parties: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    amount_cny: Mapped[Decimal] = mapped_column(Numeric(16, 2), default=Decimal(0))
    facts: Mapped[str] = mapped_column(Text)
    reasoning: Mapped[str] = mapped_column(Text)
    holding: Mapped[str] = mapped_column(Text, default="")  # 裁判要旨
    result: Mapped[str] = mapped_column(Text)
    laws_cited: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    source: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64))


class SatisfactionSurvey(CourtRecord, IdMixin, TimestampMixin, Base):
    """A litigation-service satisfaction survey of FTZ-enterprise parties for one year."""

    __tablename__ = "case_handling_survey"
    __table_args__ = (
        UniqueConstraint("court_org_id", "year", "label", name="uq_case_handling_survey"),
    )

    court_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    label: Mapped[str] = mapped_column(String(100))
    respondents: Mapped[int] = mapped_column(Integer)
    satisfied: Mapped[int] = mapped_column(Integer)
