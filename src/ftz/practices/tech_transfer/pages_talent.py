"""p15 talent pages: researchers (search, pages; the office adds them), a researcher's page with
the records of their transfer work and their evaluations (the office records work and starts an
evaluation on the researcher's path), an evaluation's page with every criterion met or not, its
reason and source, and the committee's result; the criteria table per path and level."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.tech_transfer import forms, repository, talent
from ftz.practices.tech_transfer.api_common import BASE, DB, MANAGE, READ, history, query_string
from ftz.practices.tech_transfer.common import viewer_for
from ftz.practices.tech_transfer.models import Evaluation, Researcher, TalentRecord, Transfer
from ftz.practices.tech_transfer.schemas_more import (
    EvaluationIn,
    EvaluationResultIn,
    ResearcherIn,
    TalentRecordIn,
)

router = APIRouter(include_in_schema=False)
T = "tech_transfer/"
RECORD_KINDS = ("proof_of_concept", "pilot", "industrialisation", "transfer_service")


def _list(
    request: Request,
    session: Session,
    who: Principal,
    q: str,
    params: PageParams,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    viewer = viewer_for(session, who)
    filters = [Researcher.name.like(f"%{q}%") | Researcher.college.like(f"%{q}%")] if q else []
    found = repository.page(
        session, viewer, Researcher, params, *filters, order=(Researcher.college, Researcher.name)
    )
    context = {
        "page": found,
        "q": q,
        "query": query_string({"q": q}),
        "viewer": viewer,
        "errors": errors,
        "values": values,
    }
    return render(request, T + "researchers.html", context, status=422 if errors else 200)


@router.get("/researchers", response_class=HTMLResponse)
def researchers(
    request: Request,
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _list(request, session, who, q, params, [], {})


@router.post("/researchers", response_class=HTMLResponse)
async def add_researcher(
    request: Request, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values = await form_values(request)
    try:
        body = {
            **forms.without_blanks(values),
            "manager_certified": values.get("manager_certified") == "yes",
        }
        with session.begin_nested():
            made = talent.add_researcher(
                session, principal=who, data=ResearcherIn.model_validate(body)
            )
    except (FtzError, ValidationError) as exc:
        return _list(request, session, who, "", PageParams(), forms.shown_again(exc), values)
    return RedirectResponse(f"{BASE}/researchers/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    researcher_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str = "",
) -> Response:
    viewer = viewer_for(session, who)
    person = repository.get_visible(session, viewer, Researcher, researcher_id, "researcher")
    records = repository.rows(
        session,
        viewer,
        TalentRecord,
        TalentRecord.researcher_id == person.id,
        order=(TalentRecord.done_on.desc(),),
    )
    evaluations = repository.rows(
        session,
        viewer,
        Evaluation,
        Evaluation.researcher_id == person.id,
        order=(Evaluation.created_at.desc(),),
    )
    contracted = (
        repository.rows(
            session,
            viewer,
            Transfer,
            Transfer.status == "contracted",
            order=(Transfer.signed_on.desc(),),
            limit=100,
        )
        if viewer.office
        else []
    )
    context = {
        "r": person,
        "records": records,
        "evaluations": evaluations,
        "viewer": viewer,
        "record_kinds": RECORD_KINDS,
        "transfers": contracted,
        "errors": errors,
        "values": values,
        "form": form,
        "history": history(session, who, person.id),
    }
    return render(request, T + "researcher.html", context, status=422 if errors else 200)


@router.get("/researchers/{researcher_id}", response_class=HTMLResponse)
def researcher(
    request: Request, researcher_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, researcher_id, [], {})


Do = Callable[[Session, Principal, str, dict[str, Any]], Any]


async def _post(
    request: Request, session: Session, who: Principal, researcher_id: str, form: str, do: Do
) -> Response:
    values = await form_values(request)
    try:
        with session.begin_nested():
            made = do(session, who, researcher_id, forms.without_blanks(values))
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, researcher_id, forms.shown_again(exc), values, form)
    target = (
        f"evaluations/{made.id}" if isinstance(made, Evaluation) else f"researchers/{researcher_id}"
    )
    return RedirectResponse(f"{BASE}/{target}", status_code=303)


@router.post("/researchers/{researcher_id}/records", response_class=HTMLResponse)
async def add_record(
    request: Request, researcher_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    return await _post(
        request,
        session,
        who,
        researcher_id,
        "record",
        lambda s, p, i, v: talent.add_record(
            s, principal=p, researcher_id=i, data=TalentRecordIn.model_validate(v)
        ),
    )


@router.post("/researchers/{researcher_id}/evaluations", response_class=HTMLResponse)
async def evaluate(
    request: Request, researcher_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    return await _post(
        request,
        session,
        who,
        researcher_id,
        "evaluation",
        lambda s, p, i, v: talent.evaluate(
            s, principal=p, researcher_id=i, data=EvaluationIn.model_validate(v)
        ),
    )


def _evaluation(
    request: Request,
    session: Session,
    who: Principal,
    evaluation_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Evaluation, evaluation_id, "evaluation")
    person = session.get(Researcher, found.researcher_id)
    context = {
        "e": found,
        "r": person,
        "viewer": viewer,
        "errors": errors,
        "values": values,
        "history": history(session, who, found.id),
    }
    return render(request, T + "evaluation.html", context, status=422 if errors else 200)


@router.get("/evaluations/{evaluation_id}", response_class=HTMLResponse)
def evaluation(
    request: Request, evaluation_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _evaluation(request, session, who, evaluation_id, [], {})


@router.post("/evaluations/{evaluation_id}/result", response_class=HTMLResponse)
async def evaluation_result(
    request: Request, evaluation_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values = await form_values(request)
    try:
        data = EvaluationResultIn.model_validate(forms.without_blanks(values))
        with session.begin_nested():
            talent.decide(session, principal=who, evaluation_id=evaluation_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _evaluation(request, session, who, evaluation_id, forms.shown_again(exc), values)
    return RedirectResponse(f"{BASE}/evaluations/{evaluation_id}", status_code=303)


@router.get("/criteria", response_class=HTMLResponse)
def criteria(request: Request, who: Principal = READ) -> Response:
    return render(request, T + "criteria.html", {"rows": talent.criteria_table()})
