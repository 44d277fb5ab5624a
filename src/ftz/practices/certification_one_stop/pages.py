"""p28 pages: the overview (three steps against ten, what waits for the user, the figures), the
schemes and their rules, statistics, and the public certificate check. Applications, the
standards watch and cooperation projects have their own page modules, mounted here."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams
from ftz.core.web.templating import render
from ftz.practices.certification_one_stop import (
    application_pages,
    applications,
    certificates,
    project_pages,
    reference,
    repository,
    statistics,
    watch_pages,
)
from ftz.practices.certification_one_stop.common import rules, table_rows
from ftz.practices.certification_one_stop.models import ExportApplication
from ftz.practices.certification_one_stop.page_common import DB, READ, VERIFY, shown_again

router = APIRouter(include_in_schema=False)
router.include_router(application_pages.router)
router.include_router(watch_pages.router)
router.include_router(project_pages.router)
# What each party works on next: the enterprise its drafts, the lab new files and files in
# testing, the partner body tested files.
WAITING = {"enterprise": ("draft",), "lab": ("submitted", "testing"), "partner": ("tested",)}


def _waiting(session: Session, who: Principal) -> dict[str, Any]:
    roles = applications.can_certify(who)
    wanted = [
        k
        for k, yes in (
            ("enterprise", who.is_enterprise),
            ("lab", roles["lab"]),
            ("partner", roles["partner"]),
        )
        if yes
    ]
    params = PageParams(page=1, size=10)
    found = {}
    for party in wanted:
        filters = [ExportApplication.status.in_(WAITING[party])]
        found[party] = repository.applications(session, who, params, *filters)
    overdue = repository.application_filters(overdue_on=date.today())
    found["overdue"] = repository.applications(session, who, params, *overdue)
    return found


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    context = {
        "paths": reference.paths(),
        "stats": statistics.overview(session, principal=who),
        "waiting": _waiting(session, who),
        "unread": repository.unread_count(session, who) if who.is_enterprise else 0,
    }
    return render(request, "certification_one_stop/overview.html", context)


@router.get("/schemes", response_class=HTMLResponse)
def schemes(request: Request, who: Principal = READ) -> Response:
    tables = {key: table_rows(key) for key in rules().keys}
    context = {
        "schemes": reference.schemes(),
        "tables": tables,
        "paths": reference.paths(),
        "version": reference.catalog().version,
    }
    return render(request, "certification_one_stop/schemes.html", context)


@router.get("/statistics", response_class=HTMLResponse)
def stats(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    context = {"stats": statistics.overview(session, principal=who), "schemes": reference.schemes()}
    return render(request, "certification_one_stop/statistics.html", context)


@router.get("/verify", response_class=HTMLResponse)
def verify(
    request: Request,
    code: str = Query("", max_length=20),
    session: Session = DB,
    who: Principal = VERIFY,
) -> Response:
    """Anyone may check a certificate's verification code."""
    result, errors = None, []
    if code:
        try:
            result = certificates.verify(session, code)
        except (FtzError, ValidationError) as exc:
            errors = shown_again(exc)
    context = {"code": code, "result": result, "errors": errors}
    return render(
        request, "certification_one_stop/verify.html", context, status=422 if errors else 200
    )
