"""p15 pages of the separate register: the list (search by title, number, IP number, college or
inventor; filters; pages; CSV), the disclosure form (the office may register at once), an
achievement's page (inventors and shares, the separate-listing basis with its source, its
transfers, the history) with the office's register / withdraw / edit actions."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv as csv_response
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.tech_transfer import forms, registry, repository
from ftz.practices.tech_transfer.api_common import (
    BASE,
    DB,
    DISCLOSE,
    MANAGE,
    READ,
    history,
    query_string,
)
from ftz.practices.tech_transfer.common import Viewer, viewer_for
from ftz.practices.tech_transfer.models import Achievement, Researcher
from ftz.practices.tech_transfer.schemas import (
    AchievementEventIn,
    AchievementIn,
    AchievementUpdate,
)

router = APIRouter(include_in_schema=False)
T = "tech_transfer/"
KINDS = ("patent", "software", "know_how")
STATUSES = ("disclosed", "registered", "transferred", "withdrawn")
FIELDS = ("title", "kind", "ip_number", "college", "field", "completed_on", "description")
CSV_COLUMNS = (
    "number",
    "title",
    "kind",
    "ip_number",
    "patent_type",
    "college",
    "field",
    "completed_on",
    "status",
    "registered_on",
    "inventors",
    "id",
)


def _filters(q: str, kind: str, status: str, college: str, year: str) -> list[Any]:
    return repository.achievement_filters(
        q, kind, status, college, int(year) if year.isdigit() else None
    )


YEAR_Q = Query("", pattern=r"^(\d{4}|)$")
KIND_Q = Query("", pattern="^(patent|software|know_how|)$")
STATUS_Q = Query("", pattern="^(disclosed|registered|transferred|withdrawn|)$")


@router.get("/achievements", response_class=HTMLResponse)
def achievements(
    request: Request,
    q: str = Query("", max_length=100),
    kind: str = KIND_Q,
    status: str = STATUS_Q,
    college: str = Query("", max_length=100),
    year: str = YEAR_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.page(
        session,
        viewer,
        Achievement,
        params,
        *_filters(q, kind, status, college, year),
        order=(Achievement.created_at.desc(),),
    )
    wanted = {"q": q, "kind": kind, "status": status, "college": college, "year": year}
    context = {
        "page": found,
        "rows": registry.views(session, found.items),
        "filters": wanted,
        "query": query_string(wanted),
        "kinds": KINDS,
        "statuses": STATUSES,
        "viewer": viewer,
        "can_disclose": viewer.office or viewer.researcher_id is not None,
        "names": repository.org_names(session, {a.org_id for a in found.items}),
    }
    return render(request, T + "achievements.html", context)


@router.get("/achievements.csv")
def achievements_csv(
    q: str = Query("", max_length=100),
    kind: str = KIND_Q,
    status: str = STATUS_Q,
    college: str = Query("", max_length=100),
    year: str = YEAR_Q,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.rows(
        session,
        viewer,
        Achievement,
        *_filters(q, kind, status, college, year),
        order=(Achievement.number,),
    )
    rows = [
        {**row, "inventors": "; ".join(f"{i['name']} {i['share_pct']}%" for i in row["inventors"])}
        for row in registry.views(session, found)
    ]
    return csv_response(CSV_COLUMNS, rows, "tech-transfer-achievements.csv")


def unit_researchers(session: Session, viewer: Viewer) -> list[Researcher]:
    """The unit's researchers, offered as inventors (colleagues' names are not confidential)."""
    if viewer.org_id is None:
        return []
    query = select(Researcher).where(Researcher.org_id == viewer.org_id)
    return list(session.scalars(query.order_by(Researcher.college, Researcher.name)))


def _form(
    request: Request,
    session: Session,
    viewer: Viewer,
    errors: list[FieldProblem],
    values: dict[str, str],
    achievement: Achievement | None = None,
) -> Response:
    if achievement is not None and not values:
        values = {
            k: str(v or "")
            for k, v in registry.view(session, achievement).items()
            if isinstance(v, str)
        }
        for n, inventor in enumerate(registry.view(session, achievement)["inventors"], 1):
            values[f"inventor_{n}"] = inventor["researcher_id"]
            values[f"share_{n}"] = str(inventor["share_pct"])
    context = {
        "errors": errors,
        "values": values,
        "kinds": KINDS,
        "viewer": viewer,
        "researchers": unit_researchers(session, viewer),
        "rows": forms.INVENTOR_ROWS,
        "achievement": achievement,
    }
    return render(request, T + "achievement_form.html", context, status=422 if errors else 200)


@router.get("/achievements/new", response_class=HTMLResponse)
def new_achievement(request: Request, session: Session = DB, who: Principal = DISCLOSE) -> Response:
    viewer = viewer_for(session, who)
    values = {"inventor_1": viewer.researcher_id or "", "share_1": "100"}
    return _form(request, session, viewer, [], values if viewer.researcher_id else {})


@router.post("/achievements", response_class=HTMLResponse)
async def disclose(request: Request, session: Session = DB, who: Principal = DISCLOSE) -> Response:
    values = await form_values(request)
    viewer = viewer_for(session, who)
    try:
        typed = {k: v for k, v in forms.without_blanks(values).items() if k in FIELDS}
        data = AchievementIn.model_validate({**typed, "inventors": forms.inventors(values)})
        with session.begin_nested():
            made = registry.disclose(
                session, principal=who, data=data, register=values.get("register") == "yes"
            )
    except (FtzError, ValidationError) as exc:
        return _form(request, session, viewer, forms.shown_again(exc), values)
    return RedirectResponse(f"{BASE}/achievements/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    achievement_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Achievement, achievement_id, "achievement")
    context = {
        "a": registry.view(session, found),
        "viewer": viewer,
        "errors": errors,
        "values": values,
        "transfers": repository.transfers_of(session, viewer, found.id),
        "history": history(session, who, found.id),
        "unit": repository.org_names(session, {found.org_id}).get(found.org_id),
    }
    return render(request, T + "achievement.html", context, status=422 if errors else 200)


@router.get("/achievements/{achievement_id}", response_class=HTMLResponse)
def achievement(
    request: Request, achievement_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, achievement_id, [], {})


@router.post("/achievements/{achievement_id}/events", response_class=HTMLResponse)
async def achievement_event(
    request: Request, achievement_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values = await form_values(request)
    try:
        data = AchievementEventIn.model_validate(values)
        with session.begin_nested():
            registry.act(session, principal=who, achievement_id=achievement_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, achievement_id, forms.shown_again(exc), values)
    return RedirectResponse(f"{BASE}/achievements/{achievement_id}", status_code=303)


@router.get("/achievements/{achievement_id}/edit", response_class=HTMLResponse)
def edit_form(
    request: Request, achievement_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.get_for_office(session, viewer, Achievement, achievement_id, "achievement")
    return _form(request, session, viewer, [], {}, found)


@router.post("/achievements/{achievement_id}/edit", response_class=HTMLResponse)
async def edit(
    request: Request, achievement_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values = await form_values(request)
    viewer = viewer_for(session, who)
    found = repository.get_for_office(session, viewer, Achievement, achievement_id, "achievement")
    fields = ("title", "ip_number", "college", "field", "description")
    body: dict[str, Any] = {k: values.get(k, "") for k in fields}
    typed = forms.inventors(values)
    if not _same_inventors(typed, registry.view(session, found)["inventors"]):
        body["inventors"] = typed  # unchanged shares are not sent: they freeze after a decision
    try:
        data = AchievementUpdate.model_validate(body)
        with session.begin_nested():
            registry.update(session, principal=who, achievement_id=achievement_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, session, viewer, forms.shown_again(exc), values, found)
    return RedirectResponse(f"{BASE}/achievements/{achievement_id}", status_code=303)


def _same_inventors(typed: list[dict[str, str]], current: list[dict[str, Any]]) -> bool:
    try:
        mine = [(r["researcher_id"], Decimal(r["share_pct"])) for r in typed]
    except InvalidOperation:
        return False
    return mine == [(i["researcher_id"], Decimal(str(i["share_pct"]))) for i in current]
