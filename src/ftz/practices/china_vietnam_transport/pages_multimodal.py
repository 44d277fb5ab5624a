"""p24 pages: the rail–road multimodal applications (list, file, detail with the one
inspection, delivery)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.practices.china_vietnam_transport import multimodal, repository
from ftz.practices.china_vietnam_transport.api_common import history
from ftz.practices.china_vietnam_transport.models import Multimodal
from ftz.practices.china_vietnam_transport.pages_more import DB, OPERATE, READ, REVIEW, attempt
from ftz.practices.china_vietnam_transport.schemas import (
    InspectionIn,
    MultimodalEventIn,
    MultimodalIn,
)
from ftz.practices.china_vietnam_transport.web import BASE, checkbox, is_carrier, is_customs, show

router = APIRouter(include_in_schema=False)


def _multimodal_list(
    request: Request,
    session: Session,
    who: Principal,
    values: dict[str, str],
    errors: list[FieldProblem],
    params: PageParams,
    status: int = 200,
) -> Response:
    context = {
        "page": repository.page(session, repository.multimodal_query(who), params),
        "values": values,
        "errors": errors,
        "can_file": is_carrier(who),
    }
    return show(request, "china_vietnam_transport/multimodals.html", context, status=status)


@router.get("/multimodal", response_class=HTMLResponse)
def list_multimodal(
    request: Request,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _multimodal_list(request, session, who, {}, [], params)


@router.post("/multimodal", response_class=HTMLResponse)
async def file_multimodal(
    request: Request, session: Session = DB, who: Principal = OPERATE
) -> Response:
    values = await form_values(request)
    body = {
        **values,
        "rail_operator": checkbox(values, "rail_operator"),
        "declared_at_origin": checkbox(values, "declared_at_origin"),
    }
    return attempt(
        lambda: multimodal.file(session, principal=who, data=MultimodalIn.model_validate(body)),
        lambda m: f"{BASE}/multimodal/{m.id}",
        lambda e: _multimodal_list(
            request, session, who, values, e, PageParams(page=1, size=20), 422
        ),
        session,
    )


def _multimodal(
    request: Request,
    session: Session,
    who: Principal,
    multimodal_id: str,
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    made = repository.get(session, who, Multimodal, multimodal_id)
    context = {
        "m": made,
        "errors": errors,
        "can_inspect": is_customs(who),
        "is_owner": who.is_enterprise and who.org_id == made.org_id,
        "history": history(session, principal=who, entity_id=made.id),
    }
    return show(request, "china_vietnam_transport/multimodal.html", context, status=status)


@router.get("/multimodal/{multimodal_id}", response_class=HTMLResponse)
def multimodal_page(
    request: Request, multimodal_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _multimodal(request, session, who, multimodal_id, [])


@router.post("/multimodal/{multimodal_id}/inspection", response_class=HTMLResponse)
async def inspection(
    request: Request, multimodal_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    return attempt(
        lambda: multimodal.inspect(
            session,
            principal=who,
            multimodal_id=multimodal_id,
            data=InspectionIn.model_validate(values),
        ),
        lambda m: f"{BASE}/multimodal/{m.id}",
        lambda e: _multimodal(request, session, who, multimodal_id, e, 422),
        session,
    )


@router.post("/multimodal/{multimodal_id}/events", response_class=HTMLResponse)
async def multimodal_event(
    request: Request, multimodal_id: str, session: Session = DB, who: Principal = OPERATE
) -> Response:
    values = await form_values(request)
    return attempt(
        lambda: multimodal.act(
            session,
            principal=who,
            multimodal_id=multimodal_id,
            data=MultimodalEventIn.model_validate(values),
        ),
        lambda m: f"{BASE}/multimodal/{m.id}",
        lambda e: _multimodal(request, session, who, multimodal_id, e, 422),
        session,
    )
