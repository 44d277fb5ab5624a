"""p04 pages: the exhibitions overview (statistics, reminders, the workflow as a state table) and
one exhibition with the step its viewer may take (image uploads for capture and verification)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.core.workflow import allowed_events
from ftz.practices.bonded_art import apply_pages, repository, service, stats
from ftz.practices.bonded_art.models import Artwork, Exhibition
from ftz.practices.bonded_art.schemas import SaleIn
from ftz.practices.bonded_art.workflow import ExhibitionFlow

router = APIRouter(include_in_schema=False)
router.include_router(apply_pages.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("bonded_art.read"))
T = "bonded_art/"


def transitions() -> list[tuple[str, str, str, str]]:
    """(from, event, to, roles) rows: the state diagram drawn as a table, no JS needed."""
    rows = []
    for state in ExhibitionFlow.states:
        for transition in state.transitions:
            for event in transition.events:
                roles = ", ".join(sorted(ExhibitionFlow.event_roles.get(str(event), ())))
                rows.append((state.id, str(event), transition.target.id, roles))
    return rows


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, principal: Principal = READ) -> Response:
    today = date.today()
    items = list(session.scalars(repository.exhibitions_query(principal).limit(100)))
    reminders = {e.id: service.reminder(e, today) for e in items if e.status == "exhibiting"}
    context = {"items": items, "reminders": reminders, "transitions": transitions(),
               "stats": stats.statistics(session, principal=principal)}  # fmt: skip
    return render(request, T + "overview.html", context)


def _detail(request: Request, session: Session, principal: Principal, exhibition_id: str,
            errors: Any, values: dict[str, str], status: int) -> Response:  # fmt: skip
    exhibition = repository.get_owned(session, principal, Exhibition, exhibition_id)
    artwork = session.get_one(Artwork, exhibition.artwork_id)
    events = allowed_events(ExhibitionFlow, exhibition, principal)
    context = {"e": exhibition, "art": artwork, "events": events, "errors": errors,
               "values": values, "transitions": transitions()}  # fmt: skip
    return render(request, T + "exhibition.html", context, status=status)


@router.get("/exhibitions/{exhibition_id}", response_class=HTMLResponse)
def exhibition(
    request: Request, exhibition_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    return _detail(request, session, principal, exhibition_id, [], {}, 200)


async def _bytes(value: Any) -> bytes | None:
    if isinstance(value, UploadFile):
        data = await value.read()
        return data or None
    return None


@router.post("/exhibitions/{exhibition_id}", response_class=HTMLResponse)
async def act(
    request: Request, exhibition_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    event = values.get("event", "")
    kw: dict[str, Any] = {"principal": principal, "exhibition_id": exhibition_id}
    try:
        with session.begin_nested():
            if event in ("capture", "verify"):
                image = await _bytes(form.get("image")) or b""
                scan = await _bytes(form.get("scan"))
                if event == "capture":
                    service.capture(session, image=image, scan=scan, **kw)
                else:
                    service.verify(session, image=image, scan=scan, **kw)
            elif event == "pay_guarantee":
                service.pay_guarantee(session, **kw)
            elif event == "declare_sale":
                sale = SaleIn.model_validate({"price_cny": values.get("price_cny") or 0,
                                              "buyer": values.get("buyer", "")})  # fmt: skip
                service.declare_sale(session, data=sale, **kw)
            elif event == "settle":
                service.settle(session, **kw)
            else:
                service.step(session, event=event, note=values.get("note", ""), **kw)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, principal, exhibition_id, form_problems(exc), values, 422)
    return RedirectResponse(f"/bonded-art/exhibitions/{exhibition_id}", status_code=303)
