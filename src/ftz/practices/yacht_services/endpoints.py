"""p16 HTTP API: the registry, the night-navigation zones, dispatch, berths and statistics;
transfers and sailings live in their own modules and are mounted here."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.yacht_services import (
    endpoints_sailings,
    endpoints_transfers,
    export,
    monitoring,
    repository,
    yachts,
    zones,
)
from ftz.practices.yacht_services.api_common import DB, READ, REVIEW
from ftz.practices.yacht_services.common import marinas
from ftz.practices.yacht_services.models import Yacht
from ftz.practices.yacht_services.schemas import YachtIn, YachtOut, YachtPage, YachtUpdate, ZoneIn
from ftz.practices.yacht_services.transfers import today

router = APIRouter()
router.include_router(endpoints_transfers.router)
router.include_router(endpoints_sailings.router)
USAGE = Query(None, pattern="^(private|rental)$")


@router.get("/marinas", response_model=list[dict[str, Any]])
def list_marinas(who: Principal = READ) -> list[dict[str, Any]]:
    return list(marinas().values())


@router.get("/zones", response_model=dict[str, Any])
def zones_in_force(
    on: date | None = None, session: Session = DB, who: Principal = READ
) -> dict[str, Any]:
    """The night-navigation zones in force on a day (default today) as one FeatureCollection:
    each zone's polygon with its version, the marinas it serves and its source."""
    found = zones.in_force(session, on or today())
    features = []
    for zone in found:
        feature = zone.zone.feature()
        feature["properties"].update(version=zone.version, area_m2=round(zone.zone.area_m2),
                                     marinas=list(zone.marinas))  # fmt: skip
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


@router.post("/zones", response_model=dict[str, Any], status_code=201)
def publish_zone(body: ZoneIn, session: Session = DB, who: Principal = REVIEW) -> dict[str, Any]:
    """A new version of a zone (maritime officers): a FeatureCollection whose features share one
    code — polygons, and access lines with `width_m` — plus `properties.marinas`."""
    row = zones.publish(session, principal=who, geojson=body.geojson,
                        effective_from=body.effective_from)  # fmt: skip
    return {"code": row.code, "version": row.version, "effective_from": row.effective_from}


@router.get("/yachts", response_model=YachtPage)
def list_yachts(
    q: str | None = Query(None, max_length=100),
    usage: str | None = USAGE,
    home_port: str | None = Query(None, max_length=16),
    status: str | None = Query(None, pattern="^(registered|in_transfer)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> YachtPage:
    query = repository.yacht_query(who, text=q, usage=usage, home_port=home_port, status=status)
    found = repository.page(session, query, params)
    items = [YachtOut.model_validate(y) for y in found.items]
    return YachtPage(items=items, total=found.total, page=found.page, size=found.size)


@router.get("/yachts.csv", response_class=Response)
def yachts_csv(
    q: str | None = Query(None, max_length=100),
    usage: str | None = USAGE,
    home_port: str | None = Query(None, max_length=16),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    query = repository.yacht_query(who, text=q, usage=usage, home_port=home_port)
    return export.csv_response(repository.rows(session, query), export.YACHT_COLUMNS,
                               "p16-yachts.csv")  # fmt: skip


@router.post("/yachts", response_model=YachtOut, status_code=201)
def register_yacht(body: YachtIn, session: Session = DB, who: Principal = REVIEW) -> YachtOut:
    return YachtOut.model_validate(yachts.register(session, principal=who, data=body))


@router.get("/yachts/{yacht_id}", response_model=YachtOut)
def get_yacht(yacht_id: str, session: Session = DB, who: Principal = READ) -> YachtOut:
    return YachtOut.model_validate(repository.get(session, who, Yacht, yacht_id))


@router.patch("/yachts/{yacht_id}", response_model=YachtOut)
def update_yacht(
    yacht_id: str, body: YachtUpdate, session: Session = DB, who: Principal = REVIEW
) -> YachtOut:
    made = yachts.update(session, principal=who, yacht_id=yacht_id, data=body)
    return YachtOut.model_validate(made)


@router.get("/yachts/{yacht_id}/history", response_model=list[dict[str, Any]])
def yacht_history(yacht_id: str, session: Session = DB, who: Principal = READ) -> list[Any]:
    repository.get(session, who, Yacht, yacht_id)
    return monitoring.history(session, principal=who, entity_id=yacht_id)


@router.get("/dispatch", response_model=dict[str, Any])
def dispatch(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    """Yachts out now with their return alert, departures in the next 24 h, flagged reports
    awaiting an officer."""
    found = monitoring.dispatch(session, principal=who)

    def brief(entry: dict[str, Any]) -> dict[str, Any]:
        sailing, yacht = entry["sailing"], entry["yacht"]
        alert = entry.get("alert") or {}
        return {"sailing_id": sailing.id, "number": sailing.number, "yacht": yacht.name_zh,
                "marina": sailing.marina, "depart_at": sailing.depart_at,
                "return_at": sailing.return_at, "period": sailing.period,
                "flags": sailing.flags,
                "alert": {k: alert[k] for k in ("alert", "level", "minutes_overdue")} if alert
                else None}  # fmt: skip

    return {key: [brief(e) for e in found[key]] for key in ("out", "upcoming", "flagged")}


@router.get("/berths", response_model=list[dict[str, Any]])
def berths(session: Session = DB, who: Principal = READ) -> list[dict[str, Any]]:
    return monitoring.berths(session, principal=who)


@router.get("/statistics", response_model=dict[str, Any])
def statistics(
    year: int = Query(2024, ge=2000, le=2100), session: Session = DB, who: Principal = READ
) -> dict[str, Any]:
    return monitoring.statistics(session, principal=who, year=year)
