"""p26 search API open to every signed-in user (诉讼引导: enterprises get the searches too):
the law corpus (legal-basis search, laws, articles) and the court's judgments."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.domain.legal.search import LawFilter, get_article, list_laws, search_laws
from ftz.practices.case_handling import judgments, repository

router = APIRouter()
DB = Depends(get_db, scope="function")
SEARCH = Depends(require("case_handling.search"))


@router.get("/laws/search")
def laws_search(
    q: str = Query("", max_length=500),
    law: str | None = Query(None, max_length=100),
    article: int | None = Query(None, ge=1, le=2000),
    on: date | None = None,
    mode: Literal["bm25", "hybrid"] = "bm25",
    k: int = Query(10, ge=1, le=50),
    session: Session = DB,
    _: Principal = SEARCH,
) -> dict[str, Any]:
    found = search_laws(
        session, q, filters=LawFilter(law=law, article=article, on=on), k=k, mode=mode
    )
    return {
        "query": found.query,
        "mode": found.mode,
        "filters": found.filters,
        "searched": found.searched,
        "took_ms": found.took_ms,
        "hits": [h.as_dict() for h in found.hits],
    }


@router.get("/laws")
def laws(
    q: str = Query("", max_length=100),
    all_versions: bool = False,
    session: Session = DB,
    _: Principal = SEARCH,
) -> list[dict[str, Any]]:
    return list_laws(session, q=q, current_only=not all_versions)


@router.get("/laws/articles/{article_id}")
def article(article_id: str, session: Session = DB, _: Principal = SEARCH) -> dict[str, Any]:
    found, law = get_article(session, article_id)
    return {
        "id": found.id,
        "law": law.name,
        "law_short": law.short_name,
        "status": law.status,
        "effective_date": law.effective_date,
        "article_no": found.article_no,
        "number": found.number,
        "chapter": found.chapter,
        "section": found.section,
        "text": found.text,
    }


def judgment_out(j: Any, full: bool = False) -> dict[str, Any]:
    out = {
        "id": j.id,
        "number": j.number,
        "court": j.court,
        "cause": j.cause,
        "case_type": j.case_type,
        "decided_on": j.decided_on,
        "judge": j.judge,
        "holding": j.holding,
        "result": j.result,
        "laws_cited": j.laws_cited,
    }
    if full:
        out.update(
            parties=j.parties,
            amount_cny=str(j.amount_cny),
            facts=j.facts,
            reasoning=j.reasoning,
            source=j.source,
        )
    return out


@router.get("/judgments")
def list_judgments(
    q: str = Query("", max_length=100),
    court: str = Query("", max_length=100),
    case_type: str = Query("", max_length=32),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    _: Principal = SEARCH,
) -> PageOut[dict[str, Any]]:
    page = repository.judgment_page(session, params, q=q, court=court, case_type=case_type)
    return PageOut[dict[str, Any]].of(page, [judgment_out(j) for j in page.items])


@router.get("/judgments/search")
def judgments_search(
    q: str = Query(..., max_length=500),
    court: str | None = Query(None, max_length=100),
    case_type: str | None = Query(None, max_length=32),
    decided_from: date | None = None,
    decided_to: date | None = None,
    mode: Literal["bm25", "hybrid"] = "bm25",
    k: int = Query(10, ge=1, le=20),
    session: Session = DB,
    _: Principal = SEARCH,
) -> dict[str, Any]:
    return judgments.search(
        session,
        q,
        k=k,
        mode=mode,
        court=court,
        case_type=case_type,
        decided_from=decided_from,
        decided_to=decided_to,
    )


@router.get("/judgments/{judgment_id}")
def get_judgment(judgment_id: str, session: Session = DB, _: Principal = SEARCH) -> dict[str, Any]:
    return judgment_out(repository.get_judgment(session, judgment_id), full=True)
