"""`/api/hs`: the nomenclature over HTTP, the same answers as `ftz hs search|show --json`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from ftz.core.auth.deps import require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found, validation_error
from ftz.domain.hs import permissions  # noqa: F401  (declares hs.read)
from ftz.domain.hs.nomenclature import HsCodeError, described

router = APIRouter()
MAX_K = 50  # ftz.domain.hs.search.MAX_K, without importing the search stack at start-up


class HsResult(BaseModel):
    code: str
    description_zh: str
    description_en: str
    score: float


class HsResults(BaseModel):
    results: list[HsResult]


def search_hits(q: str, top: int) -> list[dict[str, Any]]:
    """The search as the API and the pages call it: bad text or an unknown code prefix is a
    problem on field `q`."""
    from ftz.domain.hs.search import search

    try:
        return [hit.as_dict() for hit in search(q, top)]
    except HsCodeError as exc:
        raise validation_error("q", str(exc)) from exc


def code_or_problem(code: str) -> dict[str, Any]:
    """A code in full; a malformed code is 422 on field `code`, a well-formed one that HS 2022
    does not have is 404."""
    try:
        return described(code)
    except HsCodeError as exc:
        if exc.unknown:
            raise not_found(f"HS code {code}") from exc
        raise validation_error("code", str(exc)) from exc


@router.get("/search", response_model=HsResults)
def search_endpoint(
    q: str = Query(..., min_length=1, max_length=500, description="Product text or code prefix"),
    top: int = Query(10, ge=1, le=MAX_K),
    _: Principal = Depends(require("hs.read")),
) -> dict[str, Any]:
    """The best 6-digit subheadings for a product text (中文 or English), best first; a code
    prefix lists the subheadings under it."""
    return {"results": search_hits(q, top)}


@router.get("/codes/{code}")
def code_endpoint(code: str, _: Principal = Depends(require("hs.read"))) -> dict[str, Any]:
    """One code (`8507.60`, `850760`, `8507600000`, `85`, `XVI`) with its path and children."""
    return code_or_problem(code)
