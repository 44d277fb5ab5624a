"""p07 API of the ship selection assistant: the carrier asks for a rating, the carrier and the
shipper read it (with the reasons and the rows that fired), the shipper records its choice."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.ship_selection import exports, ratings, repository
from ftz.practices.ship_selection.schemas import DecisionIn, RatingOut, RatingPage, RatingRequest

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("ship_selection.read"))
RATING = Query(None, pattern="^(recommended|caution|not_recommended|incomplete)$")
STATUS = Query(None, pattern="^(delivered|chartered|declined)$")


@router.post("/ratings", response_model=RatingOut, status_code=201)
def request_rating(
    body: RatingRequest,
    session: Session = DB,
    who: Principal = Depends(require("ship_selection.request")),
) -> RatingOut:
    """The carrier's request; the rating is computed at once from the ship's records."""
    return ratings.as_out(ratings.request_rating(session, principal=who, data=body))


@router.get("/ratings", response_model=RatingPage)
def list_ratings(
    rating: str | None = RATING,
    status: str | None = STATUS,
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> RatingPage:
    page = repository.ratings(session, who, params, rating=rating, status=status, text=q)
    return RatingPage.of(page, [ratings.as_out(r) for r in page.items])


@router.get("/ratings.csv", response_class=Response)
def export_ratings(
    rating: str | None = RATING,
    status: str | None = STATUS,
    q: str | None = Query(None, max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    text = exports.ratings_csv(session, who, rating=rating, status=status, text=q)
    return exports.csv_response(text, "ship-ratings.csv")


@router.get("/ratings/{rating_id}", response_model=RatingOut)
def get_rating(rating_id: str, session: Session = DB, who: Principal = READ) -> RatingOut:
    return ratings.as_out(repository.get_rating(session, who, rating_id))


@router.post("/ratings/{rating_id}/decision", response_model=RatingOut)
def decide(
    rating_id: str,
    body: DecisionIn,
    session: Session = DB,
    who: Principal = Depends(require("ship_selection.decide")),
) -> RatingOut:
    """The shipper's choice: charter or decline the ship."""
    made = ratings.decide(session, principal=who, rating_id=rating_id, data=body)
    return ratings.as_out(made)
