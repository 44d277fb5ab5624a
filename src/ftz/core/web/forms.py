"""Turning a rejected form submission into the field problems its page shows again."""

from __future__ import annotations

from pydantic import ValidationError

from ftz.core.kit.errors import FieldProblem, FtzError


def form_problems(exc: FtzError | ValidationError) -> list[FieldProblem]:
    if isinstance(exc, ValidationError):
        return [FieldProblem(".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
    return exc.errors or [FieldProblem("form", exc.detail)]
