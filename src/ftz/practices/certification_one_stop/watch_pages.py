"""p28 standards-watch pages: partner-country standards (list, filters, the standards centre's
form for a new standard), one standard with its versions and each version's clause-level diff
(and the form for the next version, or withdrawal), and the enterprise's watch: subscriptions by
HS code or product keyword and the notices received."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.certification_one_stop import repository, standards
from ftz.practices.certification_one_stop.common import in_department
from ftz.practices.certification_one_stop.models import PartnerStandard
from ftz.practices.certification_one_stop.page_common import (
    APPLY,
    BASE,
    DB,
    PUBLISH,
    READ,
    query_string,
    shown_again,
    split_list,
    without_blanks,
)
from ftz.practices.certification_one_stop.permissions import STANDARDS
from ftz.practices.certification_one_stop.schemas_watch import (
    NewStandardIn,
    SubscriptionIn,
    VersionIn,
)

router = APIRouter(include_in_schema=False)
COUNTRY_Q = Query("", pattern="^([A-Z]{2}|)$")
VERSION_FIELDS = ("version", "title", "effective_on", "summary", "text")


def _publisher(who: Principal) -> bool:
    return allows(who, "certification_one_stop.publish") and in_department(who, STANDARDS)


def _version_data(values: dict[str, str]) -> dict[str, Any]:
    fields = without_blanks({k: values.get(k, "") for k in VERSION_FIELDS})
    return {
        **fields,
        "hs_codes": split_list(values.get("hs_codes", "")),
        "products": split_list(values.get("products", "")),
    }


def _list(
    request: Request,
    session: Session,
    who: Principal,
    params: PageParams,
    filters: dict[str, str],
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    page = repository.standards(session, params, country=filters["country"], q=filters["q"])
    context = {
        "page": page,
        "latest": repository.latest_versions(session, [s.id for s in page.items]),
        "filters": filters,
        "query": query_string(filters),
        "publisher": _publisher(who),
        "errors": errors,
        "values": values,
    }
    return render(
        request, "certification_one_stop/standards.html", context, status=422 if errors else 200
    )


@router.get("/standards", response_class=HTMLResponse)
def standard_list(
    request: Request,
    country: str = COUNTRY_Q,
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _list(request, session, who, params, {"country": country, "q": q}, [], {})


@router.post("/standards", response_class=HTMLResponse)
async def create_standard(
    request: Request, session: Session = DB, who: Principal = PUBLISH
) -> Response:
    values = await form_values(request)
    try:
        fields = without_blanks({k: values.get(k, "") for k in ("number", "country", "body")})
        data = NewStandardIn.model_validate(
            {
                **fields,
                "mandatory": values.get("mandatory") == "yes",
                "first": _version_data(values),
            }
        )
        with session.begin_nested():
            version, _ = standards.create_standard(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        filters = {"country": "", "q": ""}
        return _list(request, session, who, PageParams(), filters, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/standards/{version.standard_id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    standard_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    standard = repository.get_public(session, PartnerStandard, standard_id)
    context = {
        "standard": standard,
        "versions": repository.versions(session, standard.id),
        "publisher": _publisher(who),
        "errors": errors,
        "values": values,
    }
    return render(
        request, "certification_one_stop/standard.html", context, status=422 if errors else 200
    )


@router.get("/standards/{standard_id}", response_class=HTMLResponse)
def standard_page(
    request: Request, standard_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, standard_id, [], {})


@router.post("/standards/{standard_id}/versions", response_class=HTMLResponse)
async def publish(
    request: Request, standard_id: str, session: Session = DB, who: Principal = PUBLISH
) -> Response:
    values = await form_values(request)
    try:
        data = VersionIn.model_validate(_version_data(values))
        with session.begin_nested():
            standards.publish(session, principal=who, standard_id=standard_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, standard_id, shown_again(exc), values)
    return RedirectResponse(f"{BASE}/standards/{standard_id}", status_code=303)


@router.post("/standards/{standard_id}/withdraw", response_class=HTMLResponse)
async def withdraw(
    request: Request, standard_id: str, session: Session = DB, who: Principal = PUBLISH
) -> Response:
    try:
        with session.begin_nested():
            standards.withdraw(session, principal=who, standard_id=standard_id)
    except FtzError as exc:
        return _detail(request, session, who, standard_id, shown_again(exc), {})
    return RedirectResponse(f"{BASE}/standards/{standard_id}", status_code=303)


def _watch(
    request: Request,
    session: Session,
    who: Principal,
    params: PageParams,
    unread: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    page = repository.notifications(session, who, params, unread=bool(unread))
    versions = {n.version_id: repository.version(session, n.version_id) for n in page.items}
    standards_of = {
        v.id: repository.get_public(session, PartnerStandard, v.standard_id)
        for v in versions.values()
    }
    context = {
        "subscriptions": [s for s in repository.subscriptions(session, who) if s.active],
        "page": page,
        "versions": versions,
        "standards": standards_of,
        "names": repository.org_names(session, {n.org_id for n in page.items}),
        "unread": unread,
        "can_subscribe": allows(who, "certification_one_stop.apply") and who.is_enterprise,
        "errors": errors,
        "values": values,
    }
    return render(
        request, "certification_one_stop/watch.html", context, status=422 if errors else 200
    )


@router.get("/watch", response_class=HTMLResponse)
def watch(
    request: Request,
    unread: str = Query("", pattern="^(1|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _watch(request, session, who, params, unread, [], {})


@router.post("/watch/subscriptions", response_class=HTMLResponse)
async def subscribe(request: Request, session: Session = DB, who: Principal = APPLY) -> Response:
    values = await form_values(request)
    try:
        data = SubscriptionIn.model_validate(without_blanks(values))
        with session.begin_nested():
            standards.subscribe(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _watch(request, session, who, PageParams(), "", shown_again(exc), values)
    return RedirectResponse(f"{BASE}/watch", status_code=303)


@router.post("/watch/subscriptions/{subscription_id}/remove", response_class=HTMLResponse)
def unsubscribe(subscription_id: str, session: Session = DB, who: Principal = APPLY) -> Response:
    standards.unsubscribe(session, principal=who, subscription_id=subscription_id)
    return RedirectResponse(f"{BASE}/watch", status_code=303)


@router.post("/watch/notifications/{notification_id}/read", response_class=HTMLResponse)
def mark_read(notification_id: str, session: Session = DB, who: Principal = APPLY) -> Response:
    standards.mark_read(session, principal=who, notification_id=notification_id)
    return RedirectResponse(f"{BASE}/watch#n-{notification_id}", status_code=303)
