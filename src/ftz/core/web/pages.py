"""Core pages: home (the practice map), sign in/out, profile with API tokens, audit trail."""

from __future__ import annotations

from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from ftz.core.audit import record_event
from ftz.core.audit.service import list_events
from ftz.core.auth import service as accounts
from ftz.core.auth.deps import (
    SESSION_COOKIE,
    get_db,
    require,
    require_csrf,
    session_cookie_value,
)
from ftz.core.auth.models import User
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.templating import render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only same-site paths, so the login form cannot be used as an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    return urlparse(target).path or "/"


@router.get("/", response_class=HTMLResponse)
def home(request: Request, _: Principal = Depends(require("core.public"))) -> Response:
    return render(request, "home.html")


@router.get("/login", response_class=HTMLResponse)
def login_form(
    request: Request, next: str = "/", _: Principal = Depends(require("core.public"))
) -> Response:
    return render(request, "login.html", {"next": _safe_next(next)})


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    username: str = Form(""),
    password: str = Form(""),
    next: str = Form("/"),
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("core.public")),
    __: None = Depends(require_csrf),
) -> Response:
    user = accounts.authenticate(session, username.strip(), password)
    if user is None:
        return render(
            request,
            "login.html",
            {"next": _safe_next(next), "username": username, "error": "Wrong username or password"},
            status=400,
        )
    record_event(
        session,
        action="auth:login",
        entity_type="core_user",
        entity_id=user.id,
        owner_org_id=user.org_id,
        details={"via": "web"},
    )
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_cookie_value(request, user),
        httponly=True,
        samesite="lax",
        secure=request.app.state.settings.cookie_secure,
        max_age=request.app.state.settings.session_max_age_seconds,
    )
    return response


@router.post("/logout")
def logout(_: Principal = Depends(require("core.profile"))) -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _profile_user(session: Session, principal: Principal) -> User:
    user = session.get(User, principal.user_id)
    if user is None:
        raise FtzError(detail="account no longer exists", status=401)
    return user


@router.get("/profile", response_class=HTMLResponse)
def profile(
    request: Request,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("core.profile")),
) -> Response:
    user = _profile_user(session, principal)
    tokens = accounts.list_tokens(session, user_id=user.id)
    return render(request, "profile.html", {"user": user, "tokens": tokens})


@router.post("/profile/tokens", response_class=HTMLResponse)
def create_token(
    request: Request,
    name: str = Form(""),
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("core.profile")),
) -> Response:
    user = _profile_user(session, principal)
    error = None
    new_token = None
    try:
        with session.begin_nested():
            new_token, _token = accounts.create_api_token(session, user=user, name=name)
    except FtzError as exc:
        error = exc.detail
    tokens = accounts.list_tokens(session, user_id=user.id)
    return render(
        request,
        "profile.html",
        {"user": user, "tokens": tokens, "new_token": new_token, "error": error},
        status=422 if error else 200,
    )


@router.post("/profile/tokens/{token_id}/revoke")
def revoke_token(
    token_id: str,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("core.profile")),
) -> Response:
    accounts.revoke_api_token(session, user=_profile_user(session, principal), token_id=token_id)
    return RedirectResponse("/profile", status_code=303)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    entity_type: str | None = Query(None),
    entity_id: str | None = Query(None),
    params: PageParams = Depends(page_params),
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("core.audit.read")),
) -> Response:
    page = list_events(
        session, principal=principal, entity_type=entity_type, entity_id=entity_id, params=params
    )
    return render(
        request,
        "audit.html",
        {"page": page, "entity_type": entity_type or "", "entity_id": entity_id or ""},
    )
