"""p05 pages, shipper side and registry: the lookup (name or UN number), a cargo with the
conditions in force on a date, what to provide and why, the moisture check form and its
verdict with the rows that fired; the registry list with filters and CSV; officers add cargoes
and record new versions of their conditions; statistics beside the seed's figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.cargo_rules import cargoes, lookup, reference, reports, repository
from ftz.practices.cargo_rules.assessment_pages import router as assessment_router
from ftz.practices.cargo_rules.models import Cargo
from ftz.practices.cargo_rules.page_common import (
    BASE,
    DB,
    LOOKUP,
    MANAGE,
    TEXT_FIELDS,
    T,
    conditions_from,
    query_string,
    shown_again,
    split_list,
)
from ftz.practices.cargo_rules.proposal_pages import router as proposal_router
from ftz.practices.cargo_rules.schemas import CargoIn, CargoUpdate, CheckIn

router = APIRouter(include_in_schema=False)
TEXT = Query("", max_length=100)
CHECK_FIELDS = (
    "cargo",
    "moisture_pct",
    "tml_pct",
    "tml_tested_on",
    "moisture_sampled_on",
    "loading_on",
)


@router.get("", response_class=HTMLResponse)
def find(request: Request, q: str = TEXT, session: Session = DB, _: Principal = LOOKUP) -> Response:
    found = lookup.find(session, q) if q.strip() else None
    return render(request, T + "lookup.html", {"q": q, "found": found})


@router.get("/cargoes", response_class=HTMLResponse)
def registry(
    request: Request,
    regime: str = Query("", pattern="^(imsbc|imdg|general|)$"),
    imsbc_group: str = Query("", pattern="^(A|B|C|AB|)$"),
    status: str = Query("", pattern="^(listed|assessed|proposed|adopted|)$"),
    q: str = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = LOOKUP,
) -> Response:
    filters = {"regime": regime, "imsbc_group": imsbc_group, "status": status, "q": q}
    context = {
        "page": repository.cargo_page(session, filters, params),
        "filters": filters,
        "query": query_string(filters),
        "can_manage": allows(principal, "cargo_rules.manage"),
    }
    return render(request, T + "cargoes.html", context)


def _form_context(values: dict[str, str], errors: Any) -> dict[str, Any]:
    return {"values": values, "errors": errors, "amendments": reference.amendments()}


@router.get("/cargoes/new", response_class=HTMLResponse)
def new_cargo(request: Request, _: Principal = MANAGE) -> Response:
    return render(request, T + "cargo_new.html", _form_context({}, []))


def _cargo_data(values: dict[str, str], *, new: bool) -> CargoIn | CargoUpdate:
    body: dict[str, Any] = {
        **conditions_from(values),
        "name_zh": values.get("name_zh", ""),
        "name_en": values.get("name_en", ""),
        "source": values.get("source", ""),
        "synonyms": split_list(values.get("synonyms", "")),
        "version_label": values.get("version_label", ""),
        "note": values.get("note", ""),
    }
    if new:
        return CargoIn.model_validate({**body, "code": values.get("code", "").strip().upper()})
    return CargoUpdate.model_validate(body)


@router.post("/cargoes", response_class=HTMLResponse)
async def add_cargo(request: Request, session: Session = DB, who: Principal = MANAGE) -> Response:
    values = await form_values(request)
    try:
        data = _cargo_data(values, new=True)
        with session.begin_nested():
            made = cargoes.create(session, principal=who, data=data)  # type: ignore[arg-type]
    except (FtzError, ValidationError) as exc:
        context = _form_context(values, shown_again(exc))
        return render(request, T + "cargo_new.html", context, status=422)
    return RedirectResponse(f"{BASE}/cargoes/{made.code}", status_code=303)


def _edit_values(cargo: Cargo) -> dict[str, str]:
    """The edit form starts from the cargo as it stands."""
    values = {name: str(getattr(cargo, name) or "") for name in TEXT_FIELDS}
    values.update(
        name_zh=cargo.name_zh,
        name_en=cargo.name_en,
        source=cargo.source,
        synonyms=", ".join(cargo.synonyms),
        mhb="on" if cargo.mhb else "",
        special_provisions=", ".join(cargo.special_provisions),
    )
    return values


def _cargo_page(
    request: Request,
    session: Session,
    who: Principal,
    key: str,
    on: date | None,
    extra: dict[str, Any],
    status: int = 200,
) -> Response:
    cargo = repository.cargo(session, key)
    context = {
        "cargo": lookup.cargo_view(session, who, cargo, on),
        "can_manage": allows(who, "cargo_rules.manage") and repository.is_officer(who),
        "check": {},
        "check_errors": [],
        **_form_context(_edit_values(cargo), []),
        **extra,
    }
    return render(request, T + "cargo.html", context, status=status)


@router.get("/cargoes/{key}", response_class=HTMLResponse)
def one_cargo(
    request: Request,
    key: str,
    on: date | None = Query(None),
    session: Session = DB,
    who: Principal = LOOKUP,
) -> Response:
    return _cargo_page(request, session, who, key, on, {})


@router.post("/cargoes/{key}", response_class=HTMLResponse)
async def change_cargo(
    request: Request, key: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values = await form_values(request)
    try:
        data = _cargo_data(values, new=False)
        with session.begin_nested():
            cargo = cargoes.update(session, principal=who, key=key, data=data)  # type: ignore[arg-type]
    except (FtzError, ValidationError) as exc:
        extra = {"values": values, "errors": shown_again(exc)}
        return _cargo_page(request, session, who, key, None, extra, 422)
    return RedirectResponse(f"{BASE}/cargoes/{cargo.code}", status_code=303)


@router.get("/check", response_class=HTMLResponse)
def moisture_check(request: Request, session: Session = DB, who: Principal = LOOKUP) -> Response:
    """A GET form: the check changes nothing, so its link can be shared and bookmarked."""
    values = {k: request.query_params.get(k, "").strip() for k in CHECK_FIELDS}
    if not values["cargo"]:
        errors = [FieldProblem("cargo", "look the cargo up first, then run its check")]
        return render(
            request, T + "lookup.html", {"q": "", "found": None, "errors": errors}, status=422
        )
    key = repository.cargo(session, values["cargo"]).code  # an unknown cargo answers 404
    try:
        data = CheckIn.model_validate({k: v for k, v in values.items() if v != ""})
        result = lookup.check(session, data=data)
    except (FtzError, ValidationError) as exc:
        extra = {"check": values, "check_errors": shown_again(exc)}
        return _cargo_page(request, session, who, key, None, extra, 422)
    return _cargo_page(
        request, session, who, key, data.loading_on, {"check": values, "result": result}
    )


@router.get("/statistics", response_class=HTMLResponse)
def statistics(request: Request, session: Session = DB, who: Principal = LOOKUP) -> Response:
    return render(request, T + "statistics.html", {"data": reports.statistics(session, who)})


router.include_router(proposal_router)
router.include_router(assessment_router)
