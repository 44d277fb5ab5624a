"""Typed errors carrying an HTTP status, rendered as RFC 9457 problem details by the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldProblem:
    field: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "reason": self.reason}


@dataclass
class FtzError(Exception):
    """Base of every error a service raises on purpose; the edge turns it into a response."""

    detail: str
    status: int = 400
    title: str = "Bad request"
    type_slug: str = "bad-request"
    errors: list[FieldProblem] = field(default_factory=list)

    def __str__(self) -> str:
        return self.detail

    def problem(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": f"/problems/{self.type_slug}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if instance:
            body["instance"] = instance
        if self.errors:
            body["errors"] = [e.as_dict() for e in self.errors]
        return body


def validation_error(field_name: str, reason: str) -> FtzError:
    return FtzError(
        detail=f"{field_name}: {reason}",
        status=422,
        title="Invalid input",
        type_slug="validation",
        errors=[FieldProblem(field_name, reason)],
    )


def not_found(what: str) -> FtzError:
    return FtzError(
        detail=f"{what} not found", status=404, title="Not found", type_slug="not-found"
    )


def forbidden(detail: str = "You do not have permission for this action") -> FtzError:
    return FtzError(detail=detail, status=403, title="Forbidden", type_slug="forbidden")


def unauthenticated(detail: str = "Sign in or send a bearer token") -> FtzError:
    return FtzError(detail=detail, status=401, title="Unauthenticated", type_slug="unauthenticated")


def conflict(detail: str) -> FtzError:
    return FtzError(detail=detail, status=409, title="Conflict", type_slug="conflict")
