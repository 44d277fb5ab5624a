"""Rendering for the p24 pages (times shown in China Standard Time, the yard's clock) and the
small helpers the page modules share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.web.templating import render
from ftz.practices.china_vietnam_transport.permissions import CUSTOMS, TRANSPORT
from ftz.practices.china_vietnam_transport.reference import local_zone, routes

BASE = "/china-vietnam-transport"


def show(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    return render(
        request,
        template,
        {"tz": local_zone(), "routes": routes(), "base": BASE, **context},
        status=status,
    )


def officer_of(who: Principal, department: str) -> bool:
    review = allows(who, "china_vietnam_transport.review")
    return who.is_admin or (review and who.department == department)


def is_customs(who: Principal) -> bool:
    return officer_of(who, CUSTOMS)


def is_transport(who: Principal) -> bool:
    return officer_of(who, TRANSPORT)


def is_carrier(who: Principal) -> bool:
    return who.is_enterprise and allows(who, "china_vietnam_transport.operate")


def checkbox(values: dict[str, str], name: str) -> bool:
    return values.get(name, "") in ("on", "true", "1")


def local_input(values: dict[str, str], name: str) -> str | None:
    """A datetime-local field read in the yard's time zone (ISO 8601 with offset)."""
    text = values.get(name, "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text  # pydantic reports the field
    return (moment if moment.tzinfo else moment.replace(tzinfo=local_zone())).isoformat()
