"""Per-browser id (for CSRF tokens before sign-in) and the chosen UI language."""

from __future__ import annotations

import secrets

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from ftz.core.auth.deps import SID_COOKIE
from ftz.core.web.i18n import LANG_COOKIE, LANGUAGES, normalize


class BrowserStateMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        sid = request.cookies.get(SID_COOKIE)
        fresh_sid = not sid or len(sid) < 32
        if fresh_sid:
            sid = secrets.token_urlsafe(32)
        request.state.sid = sid
        query_lang = request.query_params.get("lang")
        request.state.lang = normalize(query_lang or request.cookies.get(LANG_COOKIE))
        response = await call_next(request)
        secure = request.app.state.settings.cookie_secure
        # Only pages need the browser id (their forms carry CSRF tokens); API clients get no
        # cookie, so they never turn into cookie-carrying clients that must send CSRF tokens.
        if fresh_sid and response.headers.get("content-type", "").startswith("text/html"):
            response.set_cookie(SID_COOKIE, str(sid), httponly=True, samesite="lax", secure=secure)
        if query_lang in LANGUAGES:
            response.set_cookie(
                LANG_COOKIE, str(query_lang), samesite="lax", secure=secure, max_age=365 * 24 * 3600
            )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
