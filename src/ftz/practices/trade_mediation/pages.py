"""p19 pages: the centre's overview and statistics, filing, the case file with each role's
actions, and the public signing page for a party without an account."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import SYSTEM, Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.trade_mediation import service
from ftz.practices.trade_mediation.schemas import AgreementIn, CaseIn, EvidenceIn, SessionIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
BASE = "/trade-mediation"


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request,
    session: Session = DB,
    _: Principal = Depends(require("trade_mediation.stats")),
) -> Response:
    return render(
        request,
        "trade_mediation/overview.html",
        {"stats": service.statistics(session, principal=SYSTEM)},
    )


@router.get("/cases", response_class=HTMLResponse)
def cases(
    request: Request,
    status: str = Query("", max_length=32),
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.read")),
) -> Response:
    page = service.list_cases(
        session, principal=principal, params=params, status=status or None, text=q or None
    )
    return render(
        request,
        "trade_mediation/cases.html",
        {
            "page": page,
            "status": status,
            "q": q,
            "can_file": allows(principal, "trade_mediation.file"),
        },
    )


@router.get("/cases/new", response_class=HTMLResponse)
def new_case(request: Request, _: Principal = Depends(require("trade_mediation.file"))) -> Response:
    return render(request, "trade_mediation/new.html", {"errors": [], "values": {}})


@router.post("/cases/new", response_class=HTMLResponse)
async def file_case(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.file")),
) -> Response:
    form = await request.form()
    values = {k: str(v) for k, v in form.items()}
    try:
        data = CaseIn.model_validate(
            {
                "dispute_type": values.get("dispute_type"),
                "summary": values.get("summary", ""),
                "amount_cny": values.get("amount_cny") or None,
                "province": values.get("province", ""),
                "arbitration_clause": values.get("arbitration_clause") == "on",
                "respondent": {
                    "name": values.get("respondent_name", ""),
                    "country": values.get("respondent_country", ""),
                    "representative": values.get("respondent_representative", ""),
                },
            }
        )
        with session.begin_nested():
            case = service.file_case(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        return render(
            request,
            "trade_mediation/new.html",
            {"errors": form_problems(exc), "values": values},
            status=422,
        )
    return RedirectResponse(f"{BASE}/cases/{case.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    principal: Principal,
    case_id: str,
    errors: list[FieldProblem],
    status: int = 200,
    extra: dict[str, Any] | None = None,
) -> Response:
    case = service.get_case(session, principal=principal, case_id=case_id)
    return render(
        request,
        "trade_mediation/case.html",
        {
            "case": case,
            "errors": errors,
            **(extra or {}),
            "can_mediate": allows(principal, "trade_mediation.mediate")
            and (principal.is_admin or principal.department == service.MEDIATION_DEPARTMENT),
            "can_notarize": allows(principal, "trade_mediation.notarize"),
            "is_applicant": principal.is_enterprise and case.org_id == principal.org_id,
        },
        status=status,
    )


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(
    request: Request,
    case_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.read")),
) -> Response:
    return _detail(request, session, principal, case_id, [])


@router.post("/cases/{case_id}", response_class=HTMLResponse)
async def case_action(
    request: Request,
    case_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.read")),
) -> Response:
    """Every role's buttons post here; each action is one service call, checked there."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    action = form.get("action", "")
    extra: dict[str, Any] = {}
    try:
        with session.begin_nested():
            if action == "accept":
                service.accept(session, principal=principal, case_id=case_id)
            elif action == "evidence":
                service.add_evidence(
                    session,
                    principal=principal,
                    case_id=case_id,
                    data=EvidenceIn.model_validate(
                        {
                            "party_role": form.get("party_role", "applicant"),
                            "kind": form.get("kind"),
                            "title": form.get("title", ""),
                            "sha256": form.get("sha256", ""),
                        }
                    ),
                )
            elif action == "session":
                service.hold_session(
                    session,
                    principal=principal,
                    case_id=case_id,
                    data=SessionIn.model_validate(
                        {
                            "scheduled_at": form.get("scheduled_at")
                            or datetime.now().astimezone().isoformat(),
                            "language": form.get("language", "zh"),
                            "interpreter": form.get("interpreter") == "on",
                        }
                    ),
                )
            elif action == "agreement":
                service.draft_agreement(
                    session,
                    principal=principal,
                    case_id=case_id,
                    data=AgreementIn.model_validate(
                        {
                            "terms": form.get("terms", ""),
                            "payment_cny": form.get("payment_cny") or 0,
                            "enforcement_consent": form.get("enforcement_consent") == "on",
                        }
                    ),
                )
            elif action == "code":
                extra["signing_code"] = service.signing_code(
                    session, principal=principal, case_id=case_id
                )
            elif action == "sign":
                service.sign(
                    session, principal=principal, case_id=case_id, name=form.get("name", "")
                )
            elif action == "notarize":
                service.notarize(session, principal=principal, case_id=case_id)
            elif action in ("fail", "refer"):
                service.close_without_settlement(
                    session,
                    principal=principal,
                    case_id=case_id,
                    refer=action == "refer",
                    note=form.get("note", ""),
                )
            elif action == "withdraw":
                service.withdraw(session, principal=principal, case_id=case_id)
            else:
                raise FtzError(detail=f"unknown action {action!r}", status=422)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, principal, case_id, form_problems(exc), status=422)
    if extra:
        return _detail(request, session, principal, case_id, [], extra=extra)
    return RedirectResponse(f"{BASE}/cases/{case_id}", status_code=303)


@router.get("/sign/{case_id}", response_class=HTMLResponse)
def sign_form(
    request: Request,
    case_id: str,
    session: Session = DB,
    _: Principal = Depends(require("trade_mediation.sign")),
) -> Response:
    return render(request, "trade_mediation/sign.html", {"case_id": case_id, "errors": []})


@router.post("/sign/{case_id}", response_class=HTMLResponse)
async def sign(
    request: Request,
    case_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_mediation.sign")),
) -> Response:
    form = await request.form()
    name, code = str(form.get("name") or ""), str(form.get("code") or "")
    try:
        with session.begin_nested():
            if form.get("confirm") != "on":  # first read the terms, then confirm
                terms = service.terms_for_code(session, case_id=case_id, code=code)
                return render(
                    request,
                    "trade_mediation/sign.html",
                    {"case_id": case_id, "errors": [], "terms": terms, "name": name, "code": code},
                )
            agreement = service.sign(
                session, principal=principal, case_id=case_id, name=name, code=code
            )
    except FtzError as exc:
        return render(
            request,
            "trade_mediation/sign.html",
            {"case_id": case_id, "errors": form_problems(exc)},
            status=422,
        )
    return render(
        request,
        "trade_mediation/sign.html",
        {"case_id": case_id, "errors": [], "signed": agreement},
    )
