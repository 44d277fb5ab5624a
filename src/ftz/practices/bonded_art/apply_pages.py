"""p04 pages for the enterprise's side before customs act: its artworks (list and registration)
and the application to exhibit one of them in another customs district."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.bonded_art import repository, service
from ftz.practices.bonded_art.permissions import CUSTOMS
from ftz.practices.bonded_art.schemas import ArtworkIn, ExhibitionIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
APPLY = Depends(require("bonded_art.apply"))
T = "bonded_art/"
ARTWORK_FIELDS = ("number", "title", "artist", "category", "dimensions", "materials",
                  "approval_doc", "value_cny")  # fmt: skip
EXHIBITION_FIELDS = ("number", "artwork_id", "home_customs", "destination_customs", "venue",
                     "starts_on", "ends_on")  # fmt: skip


async def _values(request: Request, fields: tuple[str, ...]) -> dict[str, str]:
    form = await request.form()
    return {name: str(form.get(name) or "").strip() for name in fields}


def _artworks_page(
    request: Request, session: Session, principal: Principal, params: PageParams,
    values: dict[str, str], errors: list[Any], status: int = 200,
) -> Response:  # fmt: skip
    page = repository.list_artworks(session, principal, params)
    context = {"page": page, "values": values, "errors": errors}
    return render(request, T + "artworks.html", context, status=status)


@router.get("/artworks", response_class=HTMLResponse)
def artworks(
    request: Request,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = APPLY,
) -> Response:
    return _artworks_page(request, session, principal, params, {"category": "painting"}, [])


@router.post("/artworks", response_class=HTMLResponse)
async def register(
    request: Request, session: Session = DB, principal: Principal = APPLY
) -> Response:
    values = await _values(request, ARTWORK_FIELDS)
    try:
        data = ArtworkIn.model_validate({**values, "value_cny": values["value_cny"] or 0})
        with session.begin_nested():
            service.register_artwork(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        params = PageParams(page=1, size=20)
        return _artworks_page(request, session, principal, params, values, form_problems(exc), 422)
    return RedirectResponse("/bonded-art/artworks", status_code=303)


def _customs_districts(session: Session) -> list[Organization]:
    query = select(Organization).where(Organization.department == CUSTOMS)
    return list(session.scalars(query.order_by(Organization.code)))


def _apply_page(
    request: Request, session: Session, principal: Principal, values: dict[str, str],
    errors: list[Any], status: int = 200,
) -> Response:  # fmt: skip
    context = {
        "artworks": repository.list_artworks(session, principal, PageParams(page=1, size=100)),
        "districts": _customs_districts(session),
        "values": values,
        "errors": errors,
    }
    return render(request, T + "apply.html", context, status=status)


@router.get("/exhibitions/new", response_class=HTMLResponse)
def apply_form(request: Request, session: Session = DB, principal: Principal = APPLY) -> Response:
    return _apply_page(request, session, principal, {}, [])


@router.post("/exhibitions/new", response_class=HTMLResponse)
async def apply(request: Request, session: Session = DB, principal: Principal = APPLY) -> Response:
    values = await _values(request, EXHIBITION_FIELDS)
    try:
        data = ExhibitionIn.model_validate(values)
        with session.begin_nested():
            exhibition = service.apply(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        return _apply_page(request, session, principal, values, form_problems(exc), 422)
    return RedirectResponse(f"/bonded-art/exhibitions/{exhibition.id}", status_code=303)
