"""Thin HTML routes over the same service (Jinja2 + HTMX)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from ftz.core.auth.deps import require
from ftz.core.auth.principal import Principal
from ftz.core.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("", response_class=HTMLResponse)
def overview(request: Request, _: Principal = Depends(require("_template.read"))) -> Response:
    return render(request, "_template/overview.html")
