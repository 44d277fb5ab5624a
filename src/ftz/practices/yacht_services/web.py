"""Rendering for the p16 pages: every template gets the Sanya time zone (`tz`), since stored
times are UTC and people read local time."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from ftz.core.web.templating import render
from ftz.practices.yacht_services.common import local_zone


def show(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    return render(request, template, {"tz": local_zone(), **context}, status=status)
