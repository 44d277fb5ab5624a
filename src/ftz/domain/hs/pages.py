"""`/hs`: search the nomenclature by product text or code, and browse it from the sections
down to the subheadings."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ftz.core.auth.deps import require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.web.templating import render
from ftz.domain.hs.endpoints import MAX_K, code_or_problem, search_hits
from ftz.domain.hs.nomenclature import brief, nomenclature

router = APIRouter(include_in_schema=False)


@router.get("", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = Query("", max_length=500),
    top: int = Query(10, ge=1, le=MAX_K),
    _: Principal = Depends(require("hs.read")),
) -> Response:
    results, error = [], None
    if q.strip():
        try:
            results = search_hits(q, top)
        except FtzError as exc:
            error = exc.errors[0].reason if exc.errors else exc.detail
    sections = [brief(e) for e in nomenclature().level("section")]
    context = {"q": q, "top": top, "results": results, "error": error, "sections": sections}
    return render(request, "hs/search.html", context, status=422 if error else 200)


@router.get("/codes/{code}", response_class=HTMLResponse)
def code_page(request: Request, code: str, _: Principal = Depends(require("hs.read"))) -> Response:
    return render(request, "hs/code.html", {"item": code_or_problem(code)})
