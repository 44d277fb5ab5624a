"""Idempotency keys (header `Idempotency-Key`): the reply is stored in the same transaction as
the effect, so a replay returns the first answer and a crash leaves neither. Same key with a
different body → 422; a concurrent duplicate that loses the unique index → 409."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.ledger.service import canonical
from ftz.practices.cbec_returns.models import IdempotentReply


def run(
    session: Session, principal: Principal, key: str | None, route: str, body: Any,
    status: int, action: Callable[[], dict[str, Any]],
) -> JSONResponse:  # fmt: skip
    if key is None:
        return JSONResponse(action(), status_code=status)
    if len(key) > 200:
        raise validation_error("Idempotency-Key", "at most 200 characters")
    user = principal.user_id or principal.username
    digest = hashlib.sha256(canonical({"route": route, "body": body})).hexdigest()
    query = select(IdempotentReply).where(IdempotentReply.user_id == user,
                                          IdempotentReply.key == key)  # fmt: skip
    found = session.scalar(query)
    if found is not None:
        if found.request_sha256 != digest:
            raise validation_error("Idempotency-Key", "this key was used with another request")
        return JSONResponse(
            found.body, status_code=found.status, headers={"Idempotent-Replay": "true"}
        )
    result = action()
    try:
        with session.begin_nested():
            session.add(IdempotentReply(user_id=user, key=key, request_sha256=digest,
                                        status=status, body=result, at=utcnow()))  # fmt: skip
    except IntegrityError as exc:
        raise conflict("a request with this Idempotency-Key is in progress") from exc
    return JSONResponse(result, status_code=status)
