"""p03 pages: the dashboard (officers: everything, with what waits for them; an enterprise: its
own records and its admission's state) and the checklist. Admissions, batches and the waste
ledger have their own page modules, mounted here."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.web.templating import render
from ftz.practices.bonded_repair import (
    admission_pages,
    batch_pages,
    repository,
    service,
    waste_pages,
)
from ftz.practices.bonded_repair.common import checklist, is_reviewer
from ftz.practices.bonded_repair.models import Admission, Batch
from ftz.practices.bonded_repair.page_common import DB, READ

router = APIRouter(include_in_schema=False)
router.include_router(admission_pages.router)
router.include_router(batch_pages.router)
router.include_router(waste_pages.router)


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    data = service.dashboard(session, principal=who)
    context = {
        "data": data,
        "watch": [b for b in repository.listing(session, who, Batch) if b.verdict != "ok"],
        "admissions": repository.listing(session, who, Admission),
        "mine": repository.latest_admission(session, who) if who.is_enterprise else None,
        "reviewer": is_reviewer(who),
        "waiting": {
            "admissions": data["admissions"].get("submitted", 0),
            "exits": data["admissions"].get("exiting", 0),
            "flagged": data["batch_status"].get("flagged", 0),
        },
    }
    return render(request, "bonded_repair/overview.html", context)


@router.get("/checklist", response_class=HTMLResponse)
def show_checklist(request: Request, who: Principal = READ) -> Response:
    return render(request, "bonded_repair/checklist.html", {"data": checklist()})
