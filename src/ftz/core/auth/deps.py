"""FastAPI dependencies: the request's transaction, who is calling, and the permission check."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import Depends, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from ftz.core.auth import service
from ftz.core.auth.models import User
from ftz.core.auth.permissions import allows, get_permission
from ftz.core.auth.principal import ANONYMOUS, Principal, current_principal
from ftz.core.kit.errors import FtzError, forbidden, unauthenticated

SESSION_COOKIE = "ftz_session"
SID_COOKIE = "ftz_sid"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def get_db(request: Request) -> Iterator[Session]:
    """One transaction per request, committed here at the edge; any error rolls it all back.

    Routes must use it as `Depends(get_db, scope="function")`: the commit then runs before the
    response is sent, so a failed commit can never be acknowledged to the client.
    """
    session: Session = request.app.state.sessionmaker()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(request.app.state.secret_key, salt="ftz-session")


def session_cookie_value(request: Request, user: User) -> str:
    return str(_serializer(request).dumps({"u": user.id, "v": user.session_version}))


def csrf_token_for(request: Request) -> str:
    sid = getattr(request.state, "sid", "") or request.cookies.get(SID_COOKIE, "")
    key = request.app.state.secret_key.encode("utf-8")
    return hmac.new(key, f"csrf:{sid}".encode(), hashlib.sha256).hexdigest()


async def _check_csrf(request: Request) -> None:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent, csrf_token_for(request)):
        raise FtzError(
            detail="missing or invalid CSRF token; reload the page and try again",
            status=403,
            title="CSRF check failed",
            type_slug="csrf",
        )


def _user_from_cookie(request: Request, session: Session) -> User | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    max_age = request.app.state.settings.session_max_age_seconds
    try:
        data: dict[str, Any] = _serializer(request).loads(raw, max_age=max_age)
    except BadSignature:
        return None
    user = session.get(User, data.get("u"))
    if user is None or not user.is_active or user.session_version != data.get("v"):
        return None
    return user


async def get_principal(
    request: Request, session: Session = Depends(get_db, scope="function")
) -> Principal:
    principal = ANONYMOUS
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        user = service.user_for_token(session, authorization[7:].strip())
        if user is None:
            raise unauthenticated("invalid or revoked API token")
        principal = service.principal_for(user, "token")
    else:
        if request.method in UNSAFE_METHODS and request.cookies:
            # Cookies are ambient credentials a forged cross-site post could carry; a bearer
            # token or a cookie-less client cannot be forged that way.
            await _check_csrf(request)
        user = _user_from_cookie(request, session)
        if user is not None:
            principal = service.principal_for(user, "session")
    current_principal.set(principal)
    request.state.principal = principal
    return principal


async def require_csrf(request: Request) -> None:
    """For forms that must never be posted cross-site even without cookies (sign-in)."""
    await _check_csrf(request)


def require(permission: str) -> Callable[..., Any]:
    """Dependency factory: the route answers only to principals holding `permission`."""
    get_permission(permission)  # fail at import time on a typo

    async def dependency(principal: Principal = Depends(get_principal)) -> Principal:
        if not allows(principal, permission):
            if not principal.is_authenticated:
                raise unauthenticated()
            raise forbidden()
        return principal

    dependency.__name__ = f"require_{permission.replace('.', '_')}"
    return dependency
