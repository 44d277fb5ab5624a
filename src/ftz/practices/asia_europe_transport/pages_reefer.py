"""p14 reefer planning pages: boxes on hand and wanted per depot → the min-cost repositioning
plan beside the naive return-to-origin plan, with the saving and the parameters' sources."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.domain.network.network import network
from ftz.practices.asia_europe_transport import forms, periods, plans, reefer, repository
from ftz.practices.asia_europe_transport.common import reefer_data
from ftz.practices.asia_europe_transport.schemas import ReeferIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
REEFER = Depends(require("asia_europe_transport.reefer"))
T = "asia_europe_transport"


def _form(
    request: Request, session: Session, who: Principal, params: PageParams,
    values: dict[str, str], errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    depots = [{**d, "name_zh": network().nodes[n].name_zh, "name_en": network().nodes[n].name,
               "overseas_return": reefer.overseas_return(d)[0]}
              for n, d in reefer.depots().items()]  # fmt: skip
    found = repository.page(session, repository.plan_query(who), params)
    context = {"depots": depots, "values": values, "errors": errors, "page": found,
               "data": reefer_data()}  # fmt: skip
    return render(request, f"{T}/reefer.html", context, status=status)


@router.get("/reefer", response_class=HTMLResponse)
def reefer_form(
    request: Request, params: PageParams = Depends(page_params), session: Session = DB,
    who: Principal = REEFER,
) -> Response:  # fmt: skip
    scenario = reefer_data()["scenario"]
    values = {"horizon_days": str(scenario["horizon_days"]),
              **{f"stock_{k}": str(v) for k, v in scenario["stock"].items()},
              **{f"demand_{k}": str(v) for k, v in scenario["demand"].items()}}  # fmt: skip
    return _form(request, session, who, params, values, [])


@router.post("/reefer", response_class=HTMLResponse)
async def reefer_plan(request: Request, session: Session = DB, who: Principal = REEFER) -> Response:
    values = await form_values(request)
    try:
        data = ReeferIn.model_validate({
            "horizon_days": values.get("horizon_days", ""),
            "stock": forms.amounts(values, "stock_"), "demand": forms.amounts(values, "demand_"),
        })  # fmt: skip
        with session.begin_nested():
            made = plans.save(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, session, who, PageParams(), values, form_problems(exc), 422)
    return RedirectResponse(f"/asia-europe-transport/reefer/{made.id}", status_code=303)


def _periods_form(
    request: Request, who: Principal, count: int, values: dict[str, str],
    errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    depots = [{**d, "name_zh": network().nodes[n].name_zh, "name_en": network().nodes[n].name,
               "overseas_return": reefer.overseas_return(d)[0]}
              for n, d in reefer.depots().items()]  # fmt: skip
    context = {"depots": depots, "values": values, "errors": errors, "count": count,
               "data": reefer_data(), "max_periods": periods.MAX_PERIODS}  # fmt: skip
    return render(request, f"{T}/reefer_periods.html", context, status=status)


@router.get("/reefer/periods", response_class=HTMLResponse)
def reefer_periods_form(
    request: Request, n: int = Query(0, ge=0, le=periods.MAX_PERIODS), who: Principal = REEFER
) -> Response:
    """The multi-period form, filled with the demo's weeks (n periods: more are blank)."""
    scenario = reefer_data()["scenario_periods"]
    count = n or len(scenario["periods"])
    values = {"period_days": str(scenario["period_days"]), "count": str(count)}
    for t, row in enumerate(scenario["periods"][:count]):
        for field in ("stock", "demand"):
            values.update({f"p{t}_{field}_{k}": str(v) for k, v in row.get(field, {}).items()})
    return _periods_form(request, who, count, values, [])


@router.post("/reefer/periods", response_class=HTMLResponse)
async def reefer_periods_plan(
    request: Request, session: Session = DB, who: Principal = REEFER
) -> Response:
    values = await form_values(request)
    text = values.get("count", "").strip()
    count = int(text) if text.isdigit() and 1 <= int(text) <= periods.MAX_PERIODS else 1
    try:
        rows = [
            {"stock": forms.amounts(values, f"p{t}_stock_"),
             "demand": forms.amounts(values, f"p{t}_demand_")}
            for t in range(count)
        ]  # fmt: skip
        data = ReeferIn.model_validate(
            {"period_days": values.get("period_days", "") or None, "periods": rows}
        )
        with session.begin_nested():
            made = plans.save(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _periods_form(request, who, count, values, form_problems(exc), 422)
    return RedirectResponse(f"/asia-europe-transport/reefer/{made.id}", status_code=303)


@router.get("/reefer/{plan_id}", response_class=HTMLResponse)
def reefer_detail(
    request: Request, plan_id: str, session: Session = DB, who: Principal = REEFER
) -> Response:
    made = repository.plan(session, who, plan_id)
    names = {n: {"zh": d.name_zh, "en": d.name} for n, d in network().nodes.items()
             if n in reefer.depots()}  # fmt: skip
    context = {"plan": made, "names": names, "data": reefer_data()}
    return render(request, f"{T}/reefer_plan.html", context)
