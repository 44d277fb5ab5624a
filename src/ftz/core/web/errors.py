"""Errors at the edge: RFC 9457 problem details for the API, a readable page for browsers."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.templating import render

log = logging.getLogger("ftz.errors")
PROBLEM_JSON = "application/problem+json"


def _wants_json(request: Request) -> bool:
    if request.url.path.startswith(("/api/", "/healthz")):
        return True
    return "text/html" not in request.headers.get("accept", "")


def _respond(request: Request, error: FtzError) -> Response:
    if _wants_json(request):
        return JSONResponse(
            error.problem(instance=request.url.path),
            status_code=error.status,
            media_type=PROBLEM_JSON,
        )
    if error.status == 401 and request.method == "GET":
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return render(request, "error.html", {"error": error}, status=error.status)


def _field_name(location: tuple[object, ...] | list[object]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "form")]
    return ".".join(parts) or "body"


def install(app: FastAPI) -> None:
    @app.exception_handler(FtzError)
    async def ftz_error(request: Request, exc: FtzError) -> Response:
        return _respond(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            FieldProblem(_field_name(e.get("loc", ())), str(e.get("msg", "invalid")))
            for e in exc.errors()
        ]
        summary = "; ".join(f"{p.field}: {p.reason}" for p in problems[:5])
        error = FtzError(
            detail=summary or "invalid request",
            status=422,
            title="Invalid input",
            type_slug="validation",
            errors=problems,
        )
        return _respond(request, error)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        error = FtzError(
            detail=str(exc.detail),
            status=exc.status_code,
            title=str(exc.detail),
            type_slug=f"http-{exc.status_code}",
        )
        return _respond(request, error)

    @app.exception_handler(IntegrityError)
    async def integrity(request: Request, exc: IntegrityError) -> Response:
        # Two requests raced for the same unique key; the loser's transaction was rolled back.
        error = FtzError(
            detail="a concurrent change conflicts with this one; nothing was saved, try again",
            status=409,
            title="Conflict",
            type_slug="conflict",
        )
        return _respond(request, error)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        error = FtzError(
            detail="an internal error occurred; nothing was saved",
            status=500,
            title="Internal error",
            type_slug="internal",
        )
        return _respond(request, error)
