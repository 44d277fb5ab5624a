"""p04 HTTP API: artworks with their digital identity, exhibitions and every step of the
cross-district flow, end-date reminders, statistics and the workflow diagram source."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.workflow import mermaid
from ftz.practices.bonded_art import repository, service, stats
from ftz.practices.bonded_art.models import Artwork, Exhibition
from ftz.practices.bonded_art.schemas import (
    ArtworkIn,
    ArtworkOut,
    ArtworkPage,
    ExhibitionIn,
    ExhibitionOut,
    ExhibitionPage,
    ImageIn,
    SaleIn,
    StepIn,
)
from ftz.practices.bonded_art.workflow import ExhibitionFlow

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("bonded_art.read"))
APPLY = Depends(require("bonded_art.apply"))
SUPERVISE = Depends(require("bonded_art.supervise"))


@router.post("/artworks", response_model=ArtworkOut, status_code=201)
def register_artwork(body: ArtworkIn, session: Session = DB, principal: Principal = APPLY) -> Any:
    return service.register_artwork(session, principal=principal, data=body)


@router.get("/artworks", response_model=ArtworkPage)
def list_artworks(
    params: PageParams = Depends(page_params), session: Session = DB, principal: Principal = READ
) -> dict[str, Any]:
    return repository.list_artworks(session, principal, params).__dict__


@router.get("/artworks/{artwork_id}", response_model=ArtworkOut)
def get_artwork(artwork_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    return repository.get_owned(session, principal, Artwork, artwork_id)


@router.post("/exhibitions", response_model=ExhibitionOut, status_code=201)
def apply(body: ExhibitionIn, session: Session = DB, principal: Principal = APPLY) -> Any:
    """The enterprise applies to its home customs for an exhibition in another district."""
    return service.apply(session, principal=principal, data=body)


@router.get("/exhibitions", response_model=ExhibitionPage)
def list_exhibitions(
    status: str | None = Query(None, max_length=16),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> dict[str, Any]:
    return repository.list_exhibitions(session, principal, params, status=status).__dict__


@router.get("/exhibitions/{exhibition_id}", response_model=ExhibitionOut)
def get_exhibition(exhibition_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    return repository.get_owned(session, principal, Exhibition, exhibition_id)


@router.post("/exhibitions/{exhibition_id}/steps", response_model=ExhibitionOut)
def step(
    exhibition_id: str, body: StepIn, session: Session = DB, principal: Principal = READ
) -> Any:
    """consult/transfer_out/clear (home customs), consent/refuse (destination customs),
    return_home/withdraw (enterprise): role and district are checked on the step."""
    return service.step(session, principal=principal, exhibition_id=exhibition_id,
                        event=body.event, note=body.note)  # fmt: skip


@router.post("/exhibitions/{exhibition_id}/capture", response_model=ExhibitionOut)
def capture(
    exhibition_id: str, body: ImageIn, session: Session = DB, principal: Principal = SUPERVISE
) -> Any:
    """Home customs: approval checked, identity (image pHash + SHA-256, 3D-scan hash) captured."""
    return service.capture(session, principal=principal, exhibition_id=exhibition_id,
                           image=body.image(), scan=body.scan(), note=body.note)  # fmt: skip


@router.post("/exhibitions/{exhibition_id}/guarantee", response_model=ExhibitionOut)
def pay_guarantee(exhibition_id: str, session: Session = DB, principal: Principal = APPLY) -> Any:
    return service.pay_guarantee(session, principal=principal, exhibition_id=exhibition_id)


@router.post("/exhibitions/{exhibition_id}/verify", response_model=ExhibitionOut)
def verify(
    exhibition_id: str, body: ImageIn, session: Session = DB, principal: Principal = SUPERVISE
) -> Any:
    """Home customs: the returned work against its identity; match → re-entry, else held."""
    return service.verify(session, principal=principal, exhibition_id=exhibition_id,
                          image=body.image(), scan=body.scan())  # fmt: skip


@router.post("/exhibitions/{exhibition_id}/sale", response_model=ExhibitionOut)
def declare_sale(
    exhibition_id: str, body: SaleIn, session: Session = DB, principal: Principal = APPLY
) -> Any:
    return service.declare_sale(session, principal=principal, exhibition_id=exhibition_id,
                                data=body)  # fmt: skip


@router.post("/exhibitions/{exhibition_id}/settle", response_model=ExhibitionOut)
def settle(exhibition_id: str, session: Session = DB, principal: Principal = SUPERVISE) -> Any:
    return service.settle(session, principal=principal, exhibition_id=exhibition_id)


@router.get("/reminders", response_model=list[dict[str, Any]])
def reminders(
    on: date | None = Query(None), session: Session = DB, principal: Principal = READ
) -> list[dict[str, Any]]:
    today = on or date.today()
    query = repository.exhibitions_query(principal, status="exhibiting")
    return [{"id": e.id, "number": e.number, "ends_on": e.ends_on,
             **service.reminder(e, today)} for e in session.scalars(query)]  # fmt: skip


@router.get("/statistics", response_model=dict[str, Any])
def statistics(
    session: Session = DB, principal: Principal = Depends(require("bonded_art.stats"))
) -> dict[str, Any]:
    return stats.statistics(session, principal=principal)


@router.get("/workflow", response_model=dict[str, str])
def workflow(_: Principal = READ) -> dict[str, str]:
    return {"mermaid": mermaid(ExhibitionFlow)}
