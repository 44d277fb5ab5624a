"""Reading a submitted form, and turning a rejected one into the field problems its page shows
again."""

from __future__ import annotations

from fastapi import Request
from pydantic import ValidationError

from ftz.core.auth.deps import CSRF_FIELD
from ftz.core.kit.errors import FieldProblem, FtzError


def form_problems(exc: FtzError | ValidationError) -> list[FieldProblem]:
    if isinstance(exc, ValidationError):
        return [FieldProblem(".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
    return exc.errors or [FieldProblem("form", exc.detail)]


async def form_values(request: Request) -> dict[str, str]:
    """The submitted fields as text, without the CSRF token (checked already, never echoed)."""
    form = await request.form()
    return {key: str(value) for key, value in form.items() if key != CSRF_FIELD}
