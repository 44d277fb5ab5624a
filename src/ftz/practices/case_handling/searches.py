"""The three mandatory searches of a case (案例26 主要做法(一)一): (1) legal basis over the law
corpus, (2) similar cases over the court's judgments, (3) related cases — the same parties,
the same subject matter, linked case numbers — over the court's cases and judgments. Each run
is saved with its query, filters and top results, so the case report embeds what the judge saw."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.domain.legal.search import LawFilter, search_laws
from ftz.practices.case_handling import judgments, repository
from ftz.practices.case_handling.models import CaseSearch, CourtCase, CourtJudgment
from ftz.practices.case_handling.schemas import SearchIn
from ftz.practices.case_handling.service import require_handler, require_open

SNIPPET = 300


def default_query(case: CourtCase, kind: str) -> str:
    if kind == "related_cases":
        return case.number
    return " ".join(x for x in (case.cause, case.subject_matter, case.claims) if x)[:500]


def legal_basis(session: Session, data: SearchIn, query: str) -> dict[str, Any]:
    filters = LawFilter(law=data.law, article=data.article, on=data.on)
    found = search_laws(session, query, filters=filters, k=data.k, mode=data.mode)
    results = []
    for hit in found.hits:
        row = hit.as_dict()
        row["text"] = hit.text[:SNIPPET]
        row["effective_date"] = hit.effective_date.isoformat() if hit.effective_date else None
        row["citation"] = f"《{hit.law_short}》{hit.article_no}"
        results.append(row)
    return {"searched": found.searched, "results": results, "took_ms": found.took_ms}


def similar_cases(
    session: Session, case: CourtCase | None, data: SearchIn, query: str
) -> dict[str, Any]:
    return judgments.search(
        session,
        query,
        k=data.k,
        mode=data.mode,
        court=data.court,
        case_type=data.case_type,
        decided_from=data.decided_from,
        decided_to=data.decided_to,
        exclude_numbers=(case.number,) if case else (),
    )


def related_cases(session: Session, case: CourtCase, k: int) -> dict[str, Any]:
    """Cases and judgments sharing a party name, the subject matter, or a linked number (either
    direction). Each result says which relations it has."""
    names = {p.name for p in repository.parties(session, [case.id])[case.id]}
    relations: dict[str, dict[str, Any]] = {}

    def note(number: str, relation: str, detail: str, row: dict[str, Any]) -> None:
        entry = relations.setdefault(number, {**row, "number": number, "relations": []})
        if {"relation": relation, "detail": detail} not in entry["relations"]:
            entry["relations"].append({"relation": relation, "detail": detail})

    others = list(
        session.scalars(
            select(CourtCase).where(
                CourtCase.id != case.id, CourtCase.court_org_id == case.court_org_id
            )
        )
    )
    other_parties = repository.parties(session, [c.id for c in others])
    for other in others:
        row = {
            "case_id": other.id,
            "court": other.court,
            "cause": other.cause,
            "status": other.status,
            "date": other.filed_on.isoformat(),
            "source": "case",
        }
        for party in other_parties[other.id]:
            if party.name in names:
                note(other.number, "same_party", party.name, row)
        if case.subject_matter and other.subject_matter == case.subject_matter:
            note(other.number, "same_subject", case.subject_matter, row)
        if other.number in case.linked_numbers or case.number in other.linked_numbers:
            note(other.number, "linked", other.number, row)
    for judgment in session.scalars(select(CourtJudgment)):
        row = {
            "judgment_id": judgment.id,
            "court": judgment.court,
            "cause": judgment.cause,
            "status": "decided",
            "date": judgment.decided_on.isoformat(),
            "source": "judgment",
        }
        for name in set(judgment.parties) & names:
            note(judgment.number, "same_party", name, row)
        if judgment.number in case.linked_numbers:
            note(judgment.number, "linked", judgment.number, row)
    for number in case.linked_numbers:
        if number not in relations:  # a linked number the platform does not hold (another court)
            note(
                number,
                "linked",
                number,
                {"source": "external", "court": "", "cause": "", "status": "", "date": ""},
            )
    weight = {"linked": 0, "same_subject": 1, "same_party": 2}
    ordered = sorted(
        relations.values(),
        key=lambda r: (
            min(weight[x["relation"]] for x in r["relations"]),
            -len(r["relations"]),
            r["number"],
        ),
    )
    results = [{"rank": n, **r} for n, r in enumerate(ordered[:k], start=1)]
    return {"searched": len(others), "results": results, "took_ms": 0.0}


def run(session: Session, *, principal: Principal, case_id: str, data: SearchIn) -> CaseSearch:
    """Run one of the three searches for a case and save it into the case's report."""
    case = repository.get_case(session, principal, case_id)
    require_handler(session, principal, case)
    require_open(case)
    query = data.query.strip() or default_query(case, data.kind)
    if data.kind == "legal_basis":
        found = legal_basis(session, data, query)
        filters = {
            "law": data.law,
            "article": data.article,
            "on": data.on.isoformat() if data.on else None,
        }
    elif data.kind == "similar_cases":
        found = similar_cases(session, case, data, query)
        filters = {
            "court": data.court,
            "case_type": data.case_type,
            "decided_from": data.decided_from.isoformat() if data.decided_from else None,
            "decided_to": data.decided_to.isoformat() if data.decided_to else None,
        }
    else:
        found = related_cases(session, case, data.k)
        filters = {}
    saved = CaseSearch(
        case_id=case.id,
        court_org_id=case.court_org_id,
        kind=data.kind,
        query=query,
        filters={k: v for k, v in filters.items() if v is not None},
        mode=data.mode if data.kind != "related_cases" else "exact",
        results=found["results"],
        searched=found["searched"],
        run_by=principal.display_name,
        conclusion=data.conclusion,
    )
    session.add(saved)
    session.flush()
    return saved


def conclude(
    session: Session, *, principal: Principal, case_id: str, search_id: str, conclusion: str
) -> CaseSearch:
    """The judge's conclusion on a search: what is adopted and why (part of the report)."""
    case = repository.get_case(session, principal, case_id)
    require_handler(session, principal, case)
    require_open(case)
    saved = repository.get_search(session, case.id, search_id)
    saved.conclusion = conclusion
    session.flush()
    return saved
