"""p01 filings: the export-path decision at filing time, review by the cyberspace
administration, frozen approved versions, revisions, and the approval anchored in the ledger."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.pagination import Page, PageParams
from ftz.core.ledger import service as ledger
from ftz.core.workflow import fire
from ftz.practices.data_export import repository
from ftz.practices.data_export.decision import assess, assessment_expiry, cumulative_counts
from ftz.practices.data_export.models import Filing
from ftz.practices.data_export.permissions import DEPARTMENTS
from ftz.practices.data_export.schemas import FilingIn
from ftz.practices.data_export.workflow import FilingFlow

LOG = ledger.EVIDENCE_LOG
EDITABLE = ("draft",)
# Fields copied into a revision; everything the enterprise declared.
DECLARED = (
    "recipient",
    "country",
    "sector",
    "purpose",
    "purpose_text",
    "scenario",
    "ftz",
    "ciio",
    "important_data",
    "collected_abroad",
    "trade_transport_academic_manufacturing",
    "on_negative_list",
    "inventory",
    "individuals",
    "sensitive_individuals",
    "documents",
)


def org_of(principal: Principal) -> str:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("filings are made by the enterprise that exports the data")
    return principal.org_id


def officer(principal: Principal) -> None:
    if not principal.is_admin and principal.department not in DEPARTMENTS:
        raise forbidden("only the cyberspace administration's officers may do this")


def scenario_of(filing: Filing | FilingIn, individuals: int, sensitive: int) -> dict[str, Any]:
    """The export-path scenario of a filing (decision.py's input shape) with the given counts."""
    personal = individuals > 0 or any(f["personal_info"] for f in _inventory(filing))
    return {
        "exporter": {"ciio": filing.ciio, "ftz": filing.ftz},
        "purpose": filing.purpose,
        "data": {
            "personal_info": personal,
            "important_data": filing.important_data,
            "collected_abroad": filing.collected_abroad,
            "trade_transport_academic_manufacturing": (
                filing.trade_transport_academic_manufacturing
            ),
            "on_negative_list": filing.on_negative_list,
        },
        "individuals_since_jan1": {
            "personal_info": individuals,
            "sensitive_personal_info": sensitive,
        },
    }


def _inventory(filing: Filing | FilingIn) -> list[dict[str, Any]]:
    if isinstance(filing, FilingIn):
        return [field.model_dump() for field in filing.inventory]
    return list(filing.inventory)


def _decide(session: Session, filing: Filing, data: FilingIn) -> None:
    """Decide with the people counted since 1 January: this flow's plus the enterprise's other
    flows filed this year (submitted or approved), as the 2024 provisions count them."""
    others = list(
        session.scalars(
            select(Filing).where(
                Filing.org_id == filing.org_id,
                Filing.status.in_(("submitted", "approved")),
                Filing.number != filing.number,
            )
        )
    )
    year = utcnow().year
    earlier = cumulative_counts(
        ((f.created_at.date(), f.individuals, f.sensitive_individuals) for f in others), year
    )
    individuals = earlier[0] + data.individuals
    sensitive = earlier[1] + data.sensitive_individuals
    scenario = scenario_of(data, individuals, sensitive)
    decided = assess(scenario).to_dict()
    filing.mechanism = decided["mechanism"]
    filing.decision = {
        **decided,
        "scenario": scenario,
        "cumulative": {
            "year": year,
            "other_filings": sorted(f.number for f in others if f.created_at.year == year),
            "personal_info": individuals,
            "sensitive_personal_info": sensitive,
        },
    }


def _apply(session: Session, filing: Filing, data: FilingIn) -> None:
    country = data.country.upper()
    if not country.isalpha():
        raise validation_error("country", "an ISO 3166-1 alpha-2 code such as DE")
    filing.recipient = data.recipient.strip()
    filing.country = country
    filing.sector = data.sector.strip()
    filing.purpose = data.purpose
    filing.purpose_text = data.purpose_text
    filing.scenario = data.scenario
    filing.ftz = data.ftz
    filing.ciio = data.ciio
    filing.important_data = data.important_data
    filing.collected_abroad = data.collected_abroad
    filing.trade_transport_academic_manufacturing = data.trade_transport_academic_manufacturing
    filing.on_negative_list = data.on_negative_list
    filing.inventory = _inventory(data)
    filing.individuals = data.individuals
    filing.sensitive_individuals = data.sensitive_individuals
    filing.documents = [document.model_dump() for document in data.documents]
    _decide(session, filing, data)


def _next_number(session: Session, today: date) -> str:
    prefix = f"DX-{today.year}-"
    count = session.scalar(
        select(func.count(func.distinct(Filing.number))).where(Filing.number.like(f"{prefix}%"))
    )
    return f"{prefix}{int(count or 0) + 1:06d}"


def create_filing(session: Session, *, principal: Principal, data: FilingIn) -> Filing:
    filing = Filing(
        org_id=org_of(principal),
        number=_next_number(session, utcnow().date()),
        version=1,
        status="draft",
    )
    _apply(session, filing, data)
    session.add(filing)
    session.flush()
    return filing


def update_filing(
    session: Session, *, principal: Principal, filing_id: str, data: FilingIn
) -> Filing:
    filing = repository.get_owned(session, principal, Filing, filing_id)
    if filing.org_id != principal.org_id:
        raise forbidden("only the filing enterprise edits its filing")
    if filing.status not in EDITABLE:
        raise conflict(f"a {filing.status} filing cannot be changed; file a revision instead")
    _apply(session, filing, data)
    session.flush()
    return filing


def submit(session: Session, *, principal: Principal, filing_id: str) -> Filing:
    filing = repository.get_owned(session, principal, Filing, filing_id)
    if filing.mechanism != "exempt" and not filing.documents:
        raise validation_error(
            "documents", f"a {filing.mechanism} filing needs its documents (their fingerprints)"
        )
    fire(session, FilingFlow, filing, "submit", principal=principal, owner_org_id=filing.org_id)
    return filing


def withdraw(session: Session, *, principal: Principal, filing_id: str) -> Filing:
    filing = repository.get_owned(session, principal, Filing, filing_id)
    fire(session, FilingFlow, filing, "withdraw", principal=principal, owner_org_id=filing.org_id)
    return filing


def review(
    session: Session, *, principal: Principal, filing_id: str, decision: str, note: str
) -> Filing:
    officer(principal)
    filing = repository.get_owned(session, principal, Filing, filing_id)
    if decision != "approve" and not note.strip():
        raise validation_error("note", "say what must change or why the filing is rejected")
    fire(
        session, FilingFlow, filing, decision, principal=principal,
        owner_org_id=filing.org_id, note=note,
    )  # fmt: skip
    filing.review_note = note
    if decision == "approve":
        _approve(session, principal, filing)
    session.flush()
    return filing


def _approve(session: Session, principal: Principal, filing: Filing) -> None:
    today = utcnow().date()
    filing.approved_on = today
    # Only a security assessment has a fixed term (three years); a standard contract or a
    # certification stays valid while its terms hold.
    if filing.mechanism == "security_assessment":
        filing.valid_until = assessment_expiry(today)
    entry = ledger.canonical(
        {
            "type": "data-export-filing-approved",
            "org": filing.org_id,
            "number": filing.number,
            "version": filing.version,
            "mechanism": filing.mechanism,
            "approved_on": today.isoformat(),
            "documents": sorted(d["sha256"] for d in filing.documents),
        }
    )
    filing.ledger_index = ledger.append(session, LOG, [entry], [f"data_export_filing:{filing.id}"])[
        0
    ]
    if filing.supersedes_id:
        old = session.get(Filing, filing.supersedes_id)
        if old is not None and old.status == "approved":
            fire(
                session, FilingFlow, old, "supersede", principal=principal,
                owner_org_id=old.org_id, note=f"replaced by version {filing.version}",
            )  # fmt: skip


def revise(session: Session, *, principal: Principal, filing_id: str) -> Filing:
    """A new draft version of an approved filing; the approved one stays as it was."""
    old = repository.get_owned(session, principal, Filing, filing_id)
    org_of(principal)
    if old.status != "approved":
        raise conflict("only an approved filing is revised; edit a draft directly")
    pending = session.scalar(
        select(Filing).where(
            Filing.supersedes_id == old.id, Filing.status.in_(("draft", "submitted"))
        )
    )
    if pending is not None:
        raise conflict(f"version {pending.version} of {old.number} is already being revised")
    latest = max(f.version for f in repository.versions(session, principal, old.number))
    new = Filing(
        org_id=old.org_id,
        number=old.number,
        version=latest + 1,
        supersedes_id=old.id,
        status="draft",
        mechanism=old.mechanism,
        decision=dict(old.decision),
        **{name: getattr(old, name) for name in DECLARED},
    )
    session.add(new)
    session.flush()
    return new


def expire_due(session: Session, *, principal: Principal, today: date) -> list[Filing]:
    """Approved filings whose term ended before `today` become expired."""
    due = list(
        session.scalars(
            select(Filing).where(Filing.status == "approved", Filing.valid_until < today)
        )
    )
    for filing in due:
        fire(session, FilingFlow, filing, "expire", principal=principal, owner_org_id=filing.org_id)
    return due


def list_filings(
    session: Session,
    *,
    principal: Principal,
    params: PageParams,
    status: str | None = None,
    text: str | None = None,
) -> Page[Filing]:
    return repository.list_filings(session, principal, params, status=status, text=text)


def get_filing(session: Session, *, principal: Principal, filing_id: str) -> Filing:
    return repository.get_owned(session, principal, Filing, filing_id)
