"""p07 pages of the ship selection assistant: the ratings a carrier asked for or a shipper
received, the carrier's request form, and the advice as the shipper reads it: the rating, the
reasons in plain words, each dimension with the rule row that decided it, the MoU reference
profiles, and the shipper's choice."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.domain.vessels import repository as vessels
from ftz.practices.ship_selection import exports, ratings, repository
from ftz.practices.ship_selection.schemas import DecisionIn, RatingRequest
from ftz.practices.ship_selection.web import (
    BASE,
    DB,
    DECIDE,
    READ,
    REQUEST,
    T,
    filled,
    form_with_files,
)

router = APIRouter(include_in_schema=False)
RATINGS = ("recommended", "caution", "not_recommended", "incomplete")
STATUSES = ("delivered", "chartered", "declined")


@router.get("/ratings", response_class=HTMLResponse)
def list_ratings(
    request: Request,
    rating: str = Query("", pattern="^(recommended|caution|not_recommended|incomplete|)$"),
    status: str = Query("", pattern="^(delivered|chartered|declined|)$"),
    q: str = Query("", max_length=100),
    page: int = Query(1, ge=1),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    found = repository.ratings(
        session,
        who,
        PageParams(page=page, size=25),
        rating=rating or None,
        status=status or None,
        text=q or None,
    )
    filters = {"rating": rating, "status": status, "q": q}
    context = {
        "page": found,
        "filters": filters,
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        "ships": vessels.ships_by_id(session, {r.ship_id for r in found.items}),
        "orgs": repository.org_names(
            session, {r.shipper_org_id for r in found.items} | {r.org_id for r in found.items}
        ),
        "ratings": RATINGS,
        "statuses": STATUSES,
        "can_request": allows(who, "ship_selection.request") and who.is_enterprise,
    }
    return render(request, T + "ratings.html", context)


@router.get("/ratings.csv", response_class=Response)
def ratings_csv(
    rating: str = Query("", pattern="^(recommended|caution|not_recommended|incomplete|)$"),
    status: str = Query("", pattern="^(delivered|chartered|declined|)$"),
    q: str = Query("", max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    text = exports.ratings_csv(
        session, who, rating=rating or None, status=status or None, text=q or None
    )
    return exports.csv_response(text, "ship-ratings.csv")


def _form(
    request: Request,
    session: Session,
    who: Principal,
    values: dict[str, Any],
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    context = {
        "values": values,
        "errors": errors,
        "shippers": repository.enterprises(session, exclude=who.org_id),
    }
    return render(request, T + "rating_form.html", context, status=status)


@router.get("/ratings/new", response_class=HTMLResponse)
def new_rating(
    request: Request,
    imo: str = Query("", max_length=7),
    session: Session = DB,
    who: Principal = REQUEST,
) -> Response:
    return _form(request, session, who, {"imo_number": imo, "cargo_name": "玉米"}, [])


@router.post("/ratings/new", response_class=HTMLResponse)
async def request_rating(
    request: Request, session: Session = DB, who: Principal = REQUEST
) -> Response:
    values, _ = await form_with_files(request)
    try:
        data = RatingRequest.model_validate(filled(values))
        with session.begin_nested():
            made = ratings.request_rating(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, session, who, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/ratings/{made.id}", status_code=303)


def _advice(
    request: Request,
    session: Session,
    who: Principal,
    rating_id: str,
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    rating = repository.get_rating(session, who, rating_id)
    lang = getattr(request.state, "lang", "zh")
    out = ratings.as_out(rating)
    ship = vessels.get_ship(session, rating.ship_id)
    context = {
        "r": rating,
        "ship": ship,
        "mou": ratings.reference_profiles(ship, rating),
        "reasons": out.reasons_zh if lang == "zh" else out.reasons_en,
        "orgs": repository.org_names(session, {rating.org_id, rating.shipper_org_id}),
        "can_decide": rating.status == "delivered"
        and who.org_id == rating.shipper_org_id
        and allows(who, "ship_selection.decide"),
        "errors": errors,
    }
    return render(request, T + "rating.html", context, status=status)


@router.get("/ratings/{rating_id}", response_class=HTMLResponse)
def rating_detail(
    request: Request, rating_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _advice(request, session, who, rating_id, [])


@router.post("/ratings/{rating_id}/decision", response_class=HTMLResponse)
async def decide(
    request: Request, rating_id: str, session: Session = DB, who: Principal = DECIDE
) -> Response:
    values, _ = await form_with_files(request)
    try:
        data = DecisionIn.model_validate(filled(values))
        with session.begin_nested():
            ratings.decide(session, principal=who, rating_id=rating_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _advice(request, session, who, rating_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/ratings/{rating_id}", status_code=303)
