"""p26 search pages for every signed-in user: legal-basis search over the law corpus (filters by
law, article number, the date whose versions apply, BM25 or hybrid), an article, and the
court's judgments (list, similar-case search with court, type and date filters, one judgment)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.templating import render
from ftz.domain.legal.search import LawFilter, get_article, search_laws
from ftz.practices.case_handling import judgments, repository
from ftz.practices.case_handling.page_common import CASE_TYPES, DB, SEARCH, query_string

router = APIRouter(include_in_schema=False)
MODE = Query("bm25", pattern="^(bm25|hybrid)$")


def _date(value: str, field: str, errors: list[FieldProblem]) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        errors.append(FieldProblem(field, "a date as YYYY-MM-DD"))
        return None


@router.get("/laws", response_class=HTMLResponse)
def laws(
    request: Request,
    q: str = Query("", max_length=500),
    law: str = Query("", max_length=100),
    article: str = Query("", max_length=6),
    on: str = Query("", max_length=10),
    mode: str = MODE,
    session: Session = DB,
    who: Principal = SEARCH,
) -> Response:
    values = {"q": q, "law": law, "article": article, "on": on, "mode": mode}
    errors: list[FieldProblem] = []
    number = int(article) if article.isdigit() else None
    if article and number is None:
        errors.append(FieldProblem("article", "an article number such as 60"))
    day = _date(on, "on", errors)
    found = None
    if (q or number) and not errors:
        try:
            found = search_laws(
                session,
                q,
                filters=LawFilter(law=law or None, article=number, on=day),
                mode="hybrid" if mode == "hybrid" else "bm25",
            )
        except FtzError as exc:
            errors = exc.errors or [FieldProblem("q", exc.detail)]
    context = {"values": values, "found": found, "errors": errors}
    return render(request, "case_handling/laws.html", context, status=422 if errors else 200)


@router.get("/laws/articles/{article_id}", response_class=HTMLResponse)
def article(
    request: Request, article_id: str, session: Session = DB, who: Principal = SEARCH
) -> Response:
    found, law = get_article(session, article_id)
    return render(request, "case_handling/article.html", {"article": found, "law": law})


@router.get("/judgments", response_class=HTMLResponse)
def judgment_list(
    request: Request,
    q: str = Query("", max_length=500),
    court: str = Query("", max_length=100),
    case_type: str = Query("", max_length=32),
    decided_from: str = Query("", max_length=10),
    decided_to: str = Query("", max_length=10),
    mode: str = MODE,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = SEARCH,
) -> Response:
    values: dict[str, Any] = {
        "q": q,
        "court": court,
        "case_type": case_type,
        "decided_from": decided_from,
        "decided_to": decided_to,
        "mode": mode,
    }
    errors: list[FieldProblem] = []
    first, last = (
        _date(decided_from, "decided_from", errors),
        _date(decided_to, "decided_to", errors),
    )
    found, page = None, None
    if q and not errors:
        found = judgments.search(
            session,
            q,
            mode="hybrid" if mode == "hybrid" else "bm25",
            court=court or None,
            case_type=case_type or None,
            decided_from=first,
            decided_to=last,
        )
    else:
        page = repository.judgment_page(session, params, court=court, case_type=case_type)
    context = {
        "values": values,
        "found": found,
        "page": page,
        "errors": errors,
        "case_types": CASE_TYPES,
        "query": query_string(values),
    }
    return render(request, "case_handling/judgments.html", context, status=422 if errors else 200)


@router.get("/judgments/{judgment_id}", response_class=HTMLResponse)
def judgment(
    request: Request, judgment_id: str, session: Session = DB, who: Principal = SEARCH
) -> Response:
    found = repository.get_judgment(session, judgment_id)
    return render(request, "case_handling/judgment.html", {"j": found})
