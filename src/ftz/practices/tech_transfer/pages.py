"""p15 pages: the overview (what waits for the office, an inventor's own achievements and
rewards, the province's totals), the statistics beside the seed's figures, and the pilot units
(the province admits them). The register, transfers, pool and talent pages are mounted here."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.tech_transfer import (
    forms,
    pages_funds,
    pages_registry,
    pages_rewards,
    pages_talent,
    pages_transfers,
    repository,
    stats,
    units,
)
from ftz.practices.tech_transfer.api_common import BASE, DB, OVERSEE, READ
from ftz.practices.tech_transfer.common import Viewer, settings, viewer_for, yuan
from ftz.practices.tech_transfer.models import (
    Achievement,
    Evaluation,
    PilotUnit,
    Pool,
    RewardLine,
    Transfer,
)
from ftz.practices.tech_transfer.schemas_more import PilotUnitIn

router = APIRouter(include_in_schema=False)
# Literal paths first, so /achievements/new is not read as an achievement id.
for module in (pages_registry, pages_transfers, pages_rewards, pages_funds, pages_talent):
    router.include_router(module.router)
T = "tech_transfer/"


def _count(session: Session, viewer: Viewer, model: Any, *filters: Any) -> int:
    query = repository.visible(select(func.count()).select_from(model), model, viewer)
    return int(session.scalar(query.where(*filters)) or 0)


def _waiting(session: Session, viewer: Viewer) -> dict[str, Any]:
    mine = repository.visible(select(func.sum(RewardLine.amount_fen)), RewardLine, viewer)
    pools = repository.rows(session, viewer, Pool)
    return {
        "disclosed": _count(session, viewer, Achievement, Achievement.status == "disclosed"),
        "publicity": _count(session, viewer, Transfer, Transfer.status == "publicity"),
        "decided": _count(session, viewer, Transfer, Transfer.status == "decided"),
        "proposed": _count(session, viewer, Transfer, Transfer.status == "proposed"),
        "assessed": _count(session, viewer, Evaluation, Evaluation.status == "assessed"),
        "achievements": _count(session, viewer, Achievement),
        "rewards": yuan(int(session.scalar(mine) or 0)),
        "pool": yuan(sum(p.balance_fen for p in pools)),
    }


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    viewer = viewer_for(session, who)
    unit = repository.unit_of(session, viewer.org_id) if viewer.org_id else None
    names = repository.org_names(session, {unit.org_id}) if unit else {}
    context = {
        "viewer": viewer,
        "waiting": _waiting(session, viewer),
        "unit": unit,
        "unit_org": names.get(unit.org_id) if unit else None,
        "seed": settings()["seed"],
        "policies": settings()["reward_policies"],
    }
    return render(request, T + "overview.html", context)


@router.get("/statistics", response_class=HTMLResponse)
def statistics(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    data = stats.statistics(session, principal=who)
    widest = max((u["registered"] for u in data["units"]), default=1) or 1
    context = {"data": data, "widest": widest, "kinds": settings()["unit_kinds"]}
    return render(request, T + "statistics.html", context)


def _units(
    request: Request,
    session: Session,
    who: Principal,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.rows(session, viewer, PilotUnit, order=(PilotUnit.joined_on,))
    context = {
        "units": found,
        "names": repository.org_names(session, {u.org_id for u in found}),
        "kinds": settings()["unit_kinds"],
        "policies": settings()["reward_policies"],
        "errors": errors,
        "values": values,
        "viewer": viewer,
    }
    return render(request, T + "units.html", context, status=422 if errors else 200)


@router.get("/units", response_class=HTMLResponse)
def unit_list(request: Request, session: Session = DB, who: Principal = OVERSEE) -> Response:
    return _units(request, session, who, [], {})


@router.post("/units", response_class=HTMLResponse)
async def admit(request: Request, session: Session = DB, who: Principal = OVERSEE) -> Response:
    values = await form_values(request)
    try:
        data = PilotUnitIn.model_validate(forms.without_blanks(values))
        with session.begin_nested():
            units.admit_unit(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _units(request, session, who, forms.shown_again(exc), values)
    return RedirectResponse(f"{BASE}/units", status_code=303)
