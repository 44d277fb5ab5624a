"""p07 pages over the ship records: the searchable list with CSV export, a ship with all its
records, its MoU risk profiles and ten dimensions, its history; maritime officers add and edit
ships, add records, close watches and import fleet files."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError, not_found
from ftz.core.kit.pagination import PageParams
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.domain.vessels import repository
from ftz.domain.vessels.reference import certificate_kinds
from ftz.domain.vessels.schemas import (
    SHIP_TYPES,
    AccidentIn,
    CertificateIn,
    InspectionIn,
    ManningIn,
    PenaltyIn,
    ShipIn,
    WatchClose,
    WatchIn,
)
from ftz.practices.ship_selection import ships
from ftz.practices.ship_selection.profile import report_for_ship
from ftz.practices.ship_selection.web import BASE, DB, MANAGE, READ, T, filled, form_with_files

router = APIRouter(include_in_schema=False)
RECORD_FORMS: dict[str, type[BaseModel]] = {
    "certificates": CertificateIn,
    "manning": ManningIn,
    "inspections": InspectionIn,
    "accidents": AccidentIn,
    "penalties": PenaltyIn,
    "watches": WatchIn,
}


@router.get("/ships", response_class=HTMLResponse)
def list_ships(
    request: Request,
    q: str = Query("", max_length=100),
    ship_type: str = Query("", max_length=32),
    flag: str = Query("", max_length=2),
    watch: str = Query("", pattern="^(key_tracking|assistance_investigation|)$"),
    page: int = Query(1, ge=1),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    filters = {"q": q, "ship_type": ship_type, "flag": flag, "watch": watch}
    found = repository.search_ships(
        session,
        repository.ShipFilter(
            text=q or None, ship_type=ship_type or None, flag=flag or None, watch=watch or None
        ),
        PageParams(page=page, size=25),
    )
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    context = {
        "page": found,
        "filters": filters,
        "query": query,
        "types": SHIP_TYPES,
        "counts": repository.counts(session),
        "can_manage": allows(who, "ship_selection.ships"),
    }
    return render(request, T + "ships.html", context)


@router.get("/ships.csv", response_class=Response)
def ships_csv(
    q: str = Query("", max_length=100),
    ship_type: str = Query("", max_length=32),
    flag: str = Query("", max_length=2),
    watch: str = Query("", pattern="^(key_tracking|assistance_investigation|)$"),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    text = ships.csv_text(
        session,
        repository.ShipFilter(
            text=q or None, ship_type=ship_type or None, flag=flag or None, watch=watch or None
        ),
    )
    return Response(
        "\ufeff" + text,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="ships.csv"'},
    )


def _ship_form(
    request: Request,
    session: Session,
    values: dict[str, Any],
    errors: list[FieldProblem],
    ship_id: str | None,
    status: int = 200,
) -> Response:
    context = {
        "values": values,
        "errors": errors,
        "types": SHIP_TYPES,
        "ship_id": ship_id,
        "companies": repository.companies(session),
    }
    return render(request, T + "ship_form.html", context, status=status)


@router.get("/ships/new", response_class=HTMLResponse)
def new_ship(request: Request, session: Session = DB, who: Principal = MANAGE) -> Response:
    return _ship_form(request, session, {"ship_type": "bulk_carrier", "flag": "CN"}, [], None)


@router.post("/ships/new", response_class=HTMLResponse)
async def create_ship(request: Request, session: Session = DB, who: Principal = MANAGE) -> Response:
    values, _ = await form_with_files(request)
    try:
        data = ShipIn.model_validate(filled(values))
        with session.begin_nested():
            made = ships.create(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _ship_form(request, session, values, form_problems(exc), None, 422)
    return RedirectResponse(f"{BASE}/ships/{made.id}", status_code=303)


@router.get("/ships/import", response_class=HTMLResponse)
def import_page(request: Request, who: Principal = MANAGE) -> Response:
    return render(request, T + "import.html", {"errors": [], "result": None})


@router.post("/ships/import", response_class=HTMLResponse)
async def import_file(request: Request, session: Session = DB, who: Principal = MANAGE) -> Response:
    _, files = await form_with_files(request)
    upload = files.get("file")
    try:
        if upload is None or not upload.filename:
            raise FtzError(
                detail="choose a JSON or CSV file",
                status=422,
                errors=[FieldProblem("file", "choose a JSON or CSV file")],
            )
        content = await upload.read()
        fmt = "csv" if upload.filename.lower().endswith(".csv") else "json"
        with session.begin_nested():
            result = ships.import_fleet(session, principal=who, content=content, fmt=fmt)
    except FtzError as exc:
        return render(
            request, T + "import.html", {"errors": form_problems(exc), "result": None}, status=422
        )
    return render(request, T + "import.html", {"errors": [], "result": result})


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    ship_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    open_form: str = "",
    status: int = 200,
) -> Response:
    ship = repository.get_ship(session, ship_id)
    history = list_events(session, principal=who, entity_id=ship.id, params=PageParams(size=50))
    context = {
        "ship": ship,
        "records": ships.records(session, ship.id),
        "report": report_for_ship(session, ship, date.today()),
        "history": history.items,
        "errors": errors,
        "values": values,
        "open_form": open_form,
        "can_manage": allows(who, "ship_selection.ships"),
        "certificate_kinds": certificate_kinds(),
        "today": date.today(),
    }
    return render(request, T + "ship.html", context, status=status)


@router.get("/ships/{ship_id}", response_class=HTMLResponse)
def ship_detail(
    request: Request, ship_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, ship_id, [], {})


@router.get("/ships/{ship_id}/edit", response_class=HTMLResponse)
def edit_ship(
    request: Request, ship_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    ship = repository.get_ship(session, ship_id)
    values = {k: getattr(ship, k) for k in ShipIn.model_fields if hasattr(ship, k)}
    values["company_imo"] = ship.company.imo_company_number if ship.company else ""
    return _ship_form(request, session, values, [], ship.id)


@router.post("/ships/{ship_id}/edit", response_class=HTMLResponse)
async def update_ship(
    request: Request, ship_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values, _ = await form_with_files(request)
    repository.get_ship(session, ship_id)
    try:
        data = ShipIn.model_validate(filled(values))
        with session.begin_nested():
            ships.update(session, principal=who, ship_id=ship_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _ship_form(request, session, values, form_problems(exc), ship_id, 422)
    return RedirectResponse(f"{BASE}/ships/{ship_id}", status_code=303)


def deficiency_lines(text: str) -> list[dict[str, Any]]:
    """One deficiency a line: `code | area | flags`, flags among "detainable", "rectified"."""
    found = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        parts = [p.strip() for p in line.split("|")]
        flags = " ".join(parts[2:]).lower()
        area = parts[1] if len(parts) > 1 else ""
        found.append(
            {
                "code": parts[0],
                "area": area[:64],
                "description": area,
                "detainable": "detainable" in flags,
                "rectified": "rectified" in flags,
            }
        )
    return found


def _record_body(kind: str, values: dict[str, str]) -> dict[str, Any]:
    body = filled(values)
    for flag in ("detained",):
        body[flag] = values.get(flag) == "on"
    if kind == "inspections":
        body["deficiencies"] = deficiency_lines(values.get("deficiencies", ""))
    return body


@router.post("/ships/{ship_id}/records/{kind}", response_class=HTMLResponse)
async def add_record(
    request: Request, ship_id: str, kind: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    if kind not in RECORD_FORMS:
        raise not_found("record kind")
    values, _ = await form_with_files(request)
    try:
        data = RECORD_FORMS[kind].model_validate(_record_body(kind, values))
        with session.begin_nested():
            ships.add_record(session, principal=who, ship_id=ship_id, kind=kind, data=data)  # type: ignore[arg-type]
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _detail(request, session, who, ship_id, form_problems(exc), values, kind, 422)
    return RedirectResponse(f"{BASE}/ships/{ship_id}#{kind}", status_code=303)


@router.post("/ships/{ship_id}/watches/{watch_id}/close", response_class=HTMLResponse)
async def close_watch(
    request: Request, ship_id: str, watch_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values, _ = await form_with_files(request)
    try:
        data = WatchClose.model_validate(filled(values))
        with session.begin_nested():
            ships.close_watch(session, principal=who, ship_id=ship_id, watch_id=watch_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _detail(request, session, who, ship_id, form_problems(exc), values, "watches", 422)
    return RedirectResponse(f"{BASE}/ships/{ship_id}#watches", status_code=303)
