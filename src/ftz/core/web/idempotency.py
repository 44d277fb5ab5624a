"""Idempotency keys for API writes (header `Idempotency-Key`). The reply is stored in the same
transaction as the effect, so a retry after a timeout gets the first answer (with
`Idempotent-Replay: true`) and a crash leaves neither. A key is kept per user with the route it
was used on: the same key on another route, or with another body, is a 422; a concurrent
duplicate that loses the unique index is a 409. Routes are named by the caller
(`<practice>/<path>`), so keys of different practices never answer for each other."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import rfc8785
from fastapi import Header
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.web.idempotency_models import IdempotentReply

HEADER = "Idempotency-Key"
# Declare it on a route as `key: str | None = idempotency.KEY`.
KEY: Any = Header(None, alias=HEADER)
MAX_KEY = 200


def digest(route: str, body: Any) -> str:
    """SHA-256 of the route and body as RFC 8785 canonical JSON (key order does not matter)."""
    return hashlib.sha256(bytes(rfc8785.dumps({"route": route, "body": body}))).hexdigest()


def run(
    session: Session, principal: Principal, key: str | None, route: str, body: Any,
    status: int, action: Callable[[], dict[str, Any]],
) -> JSONResponse:  # fmt: skip
    """Answer `action()` as JSON with `status`, or the stored first answer for a known key."""
    if key is None:
        return JSONResponse(action(), status_code=status)
    if len(key) > MAX_KEY:
        raise validation_error(HEADER, f"at most {MAX_KEY} characters")
    user = principal.user_id or principal.username
    sha = digest(route, body)
    found = session.scalar(
        select(IdempotentReply).where(IdempotentReply.user_id == user, IdempotentReply.key == key)
    )
    if found is not None:
        return _replay(found, route, sha)
    result = action()
    try:
        with session.begin_nested():
            session.add(IdempotentReply(user_id=user, key=key, route=route, request_sha256=sha,
                                        status=status, body=result, at=utcnow()))  # fmt: skip
    except IntegrityError as exc:
        raise conflict(f"a request with this {HEADER} is in progress") from exc
    return JSONResponse(result, status_code=status)


def _replay(found: IdempotentReply, route: str, sha: str) -> JSONResponse:
    if found.route != route:
        raise validation_error(HEADER, "this key was used on another route")
    if found.request_sha256 != sha:
        raise validation_error(HEADER, "this key was used with another request")
    return JSONResponse(found.body, status_code=found.status, headers={"Idempotent-Replay": "true"})
