"""p23 statistics pages: a region's report (every project with a park in the region, in full,
each figure with the sides and rule rows that count it and the quarterly reports it adds up)
and the roll-up of the nation or a province (the child regions' reports, their sum, the
dual-accounting overlap and the total counting each project once), both with CSV."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.web.templating import render
from ftz.practices.industry_transfer import exports, repository, statistics
from ftz.practices.industry_transfer.access import scope_of
from ftz.practices.industry_transfer.page_common import DB, READ, query_string
from ftz.practices.industry_transfer.reference import province_name

router = APIRouter(include_in_schema=False)
REGION_Q = Query("", max_length=80)
PERIOD_FROM = Query("", alias="from", max_length=7)
PERIOD_TO = Query("", alias="to", max_length=7)


def _regions(session: Session, who: Principal) -> list[tuple[str, str]]:
    """The regions that hold a park within reach (the form's suggestions)."""
    found: dict[str, str] = {"CN": "全国 Nation"}
    for park in repository.parks(session, scope_of(session, who)):
        found[park.province_code] = province_name(park.province_code)
        found[f"{park.province_code}/{park.city}"] = (
            f"{province_name(park.province_code)} {park.city}"
        )
    return sorted(found.items())


def _page(
    request: Request,
    session: Session,
    who: Principal,
    template: str,
    wanted: dict[str, str],
    build: Any,
) -> Response:
    data, errors = None, []
    if wanted.get("region") or wanted.get("scope"):
        try:
            data = build()
        except FtzError as exc:
            if exc.status != 422:
                raise
            errors = exc.errors
    context = {"data": data, "filters": wanted, "query": query_string(wanted),
               "regions": _regions(session, who), "errors": errors}  # fmt: skip
    return render(request, template, context, status=422 if errors else 200)


@router.get("/statistics/region", response_class=HTMLResponse)
def region(
    request: Request,
    region: str = REGION_Q,
    first: str = PERIOD_FROM,
    last: str = PERIOD_TO,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    wanted = {"region": region, "from": first, "to": last}
    return _page(request, session, who, "industry_transfer/region.html", wanted,
                 lambda: statistics.region_report(session, principal=who, region=region,
                                                  first=first, last=last))  # fmt: skip


@router.get("/statistics/region.csv")
def region_csv(
    region: str = Query(..., max_length=80),
    first: str = PERIOD_FROM,
    last: str = PERIOD_TO,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    data = statistics.region_report(session, principal=who, region=region, first=first, last=last)
    return exports.region_csv(data)


@router.get("/statistics/rollup", response_class=HTMLResponse)
def rollup(
    request: Request,
    scope: str = Query("CN", max_length=40),
    first: str = PERIOD_FROM,
    last: str = PERIOD_TO,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    wanted = {"scope": scope, "from": first, "to": last}
    return _page(request, session, who, "industry_transfer/rollup.html", wanted,
                 lambda: statistics.rollup(session, principal=who, scope_region=scope,
                                           first=first, last=last))  # fmt: skip


@router.get("/statistics/rollup.csv")
def rollup_csv(
    scope: str = Query("CN", max_length=40),
    first: str = PERIOD_FROM,
    last: str = PERIOD_TO,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    data = statistics.rollup(session, principal=who, scope_region=scope, first=first, last=last)
    return exports.rollup_csv(data)
