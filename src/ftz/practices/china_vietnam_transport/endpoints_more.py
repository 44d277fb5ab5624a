"""p24 API: two-way loaded matching (preview and apply) and the rail–road multimodal
applications."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.china_vietnam_transport import matching, multimodal, repository
from ftz.practices.china_vietnam_transport.api_common import DB, OPERATE, READ, REVIEW
from ftz.practices.china_vietnam_transport.models import Multimodal
from ftz.practices.china_vietnam_transport.schemas import (
    AppliedOut,
    InspectionIn,
    MatchOut,
    MultimodalEventIn,
    MultimodalIn,
    MultimodalOut,
    MultimodalPage,
    TripOut,
)

router = APIRouter()


@router.get("/match", response_model=MatchOut)
def preview_match(session: Session = DB, who: Principal = READ) -> MatchOut:
    """Return loads for loaded trucks: each pair with its rule row, each load left over with
    its cause and every candidate truck's row."""
    return matching.match(session, principal=who)


@router.post("/match/apply", response_model=AppliedOut, status_code=201)
def apply_match(session: Session = DB, who: Principal = OPERATE) -> AppliedOut:
    made = matching.apply(session, principal=who)
    return AppliedOut(trips=[TripOut.model_validate(t) for t in made])


@router.get("/multimodal", response_model=MultimodalPage)
def list_multimodal(
    status: str | None = Query(None, pattern="^(submitted|released|delivered|rejected)$"),
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> MultimodalPage:
    found = repository.page(
        session, repository.multimodal_query(who, status=status, text=q), params
    )
    return PageOut.of(found, [MultimodalOut.model_validate(m) for m in found.items])


@router.post("/multimodal", response_model=MultimodalOut, status_code=201)
def file_multimodal(
    body: MultimodalIn, session: Session = DB, who: Principal = OPERATE
) -> MultimodalOut:
    return MultimodalOut.model_validate(multimodal.file(session, principal=who, data=body))


@router.get("/multimodal/{multimodal_id}", response_model=MultimodalOut)
def get_multimodal(
    multimodal_id: str, session: Session = DB, who: Principal = READ
) -> MultimodalOut:
    return MultimodalOut.model_validate(repository.get(session, who, Multimodal, multimodal_id))


@router.post("/multimodal/{multimodal_id}/inspection", response_model=MultimodalOut)
def inspection(
    multimodal_id: str, body: InspectionIn, session: Session = DB, who: Principal = REVIEW
) -> MultimodalOut:
    made = multimodal.inspect(session, principal=who, multimodal_id=multimodal_id, data=body)
    return MultimodalOut.model_validate(made)


@router.post("/multimodal/{multimodal_id}/events", response_model=MultimodalOut)
def multimodal_event(
    multimodal_id: str, body: MultimodalEventIn, session: Session = DB, who: Principal = OPERATE
) -> MultimodalOut:
    made = multimodal.act(session, principal=who, multimodal_id=multimodal_id, data=body)
    return MultimodalOut.model_validate(made)
