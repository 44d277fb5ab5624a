"""p05 HTTP API, registry side: lookup, the registry (list, CSV, detail on a date, add, change),
the moisture check, the rule tables themselves and the statistics. Proposals and assessments
are in `case_endpoints.py`, included here."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.cargo_rules import cargoes, decisions, lookup, reports, repository
from ftz.practices.cargo_rules.case_endpoints import router as case_router
from ftz.practices.cargo_rules.schemas import CargoIn, CargoUpdate, CheckIn

router = APIRouter()
DB = Depends(get_db, scope="function")
LOOKUP = Depends(require("cargo_rules.lookup"))
MANAGE = Depends(require("cargo_rules.manage"))
REGIME = Query("", pattern="^(imsbc|imdg|general|)$")
GROUP = Query("", pattern="^(A|B|C|AB|)$")
STATUS = Query("", pattern="^(listed|assessed|proposed|adopted|)$")
TEXT = Query("", max_length=100)
TABLES = ("moisture_check", "shipper_requirements", "imsbc_group")


def _filters(regime: str, group: str, status: str, klass: str, q: str) -> dict[str, str]:
    return {"regime": regime, "imsbc_group": group, "status": status, "imdg_class": klass, "q": q}


@router.get("/lookup")
def find(
    q: str = Query(..., max_length=100, description="name (中文/English), synonym or UN number"),
    session: Session = DB,
    _: Principal = LOOKUP,
) -> dict[str, Any]:
    return lookup.find(session, q)


@router.get("/cargoes")
def list_cargoes(
    regime: str = REGIME,
    imsbc_group: str = GROUP,
    status: str = STATUS,
    imdg_class: str = Query("", max_length=4),
    q: str = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    _: Principal = LOOKUP,
) -> PageOut[dict[str, Any]]:
    filters = _filters(regime, imsbc_group, status, imdg_class, q)
    page = repository.cargo_page(session, filters, params)
    return PageOut[dict[str, Any]].of(page, [lookup.summary(c) for c in page.items])


@router.get("/cargoes.csv", response_class=Response)
def export_cargoes(
    regime: str = REGIME,
    imsbc_group: str = GROUP,
    status: str = STATUS,
    imdg_class: str = Query("", max_length=4),
    q: str = TEXT,
    session: Session = DB,
    _: Principal = LOOKUP,
) -> Response:
    rows = repository.cargo_rows(session, _filters(regime, imsbc_group, status, imdg_class, q))
    return reports.csv_response(reports.CARGO_COLUMNS, reports.cargo_rows(rows), "cargoes.csv")


@router.get("/cargoes/{key}")
def one_cargo(
    key: str,
    on: date | None = Query(None, description="conditions in force on this date"),
    session: Session = DB,
    principal: Principal = LOOKUP,
) -> dict[str, Any]:
    return lookup.cargo_view(session, principal, repository.cargo(session, key), on)


@router.post("/cargoes", status_code=201)
def add_cargo(
    body: CargoIn, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    cargo = cargoes.create(session, principal=principal, data=body)
    return lookup.cargo_view(session, principal, cargo)


@router.put("/cargoes/{key}")
def change_cargo(
    key: str, body: CargoUpdate, session: Session = DB, principal: Principal = MANAGE
) -> dict[str, Any]:
    cargo = cargoes.update(session, principal=principal, key=key, data=body)
    return lookup.cargo_view(session, principal, cargo)


@router.post("/check")
def moisture_check(body: CheckIn, session: Session = DB, _: Principal = LOOKUP) -> dict[str, Any]:
    return lookup.check(session, data=body)


@router.get("/rules/{table}")
def rule_table(table: str, _: Principal = LOOKUP) -> list[dict[str, Any]]:
    if table not in TABLES:
        raise not_found("rule table")
    return decisions.table_rows(f"{table}.json")


@router.get("/statistics")
def statistics(session: Session = DB, principal: Principal = LOOKUP) -> dict[str, Any]:
    return reports.statistics(session, principal)


router.include_router(case_router)
