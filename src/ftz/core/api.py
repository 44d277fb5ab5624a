"""Core API: health, the practice map, the caller's identity, the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.core.registry import practices

router = APIRouter()


class Health(BaseModel):
    status: str
    database: str


class PracticeRead(BaseModel):
    id: str
    name: str
    title_zh: str
    title_en: str
    case: int
    domain: str
    status: str


class PracticeList(BaseModel):
    practices: list[PracticeRead]


class Me(BaseModel):
    username: str
    display_name: str
    org_id: str | None
    department: str | None
    roles: list[str]


class AuditEventRead(BaseModel):
    id: int
    occurred_at: datetime
    actor_username: str
    action: str
    entity_type: str
    entity_id: str
    changes: dict[str, Any]


AuditPage = PageOut[AuditEventRead]


@router.get("/healthz", response_model=Health, tags=["core"])
def healthz(
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("core.public")),
) -> Health:
    session.execute(text("SELECT 1"))
    return Health(status="ok", database=session.get_bind().dialect.name)


@router.get("/docs", include_in_schema=False)
def api_docs(_: Principal = Depends(require("core.public"))) -> HTMLResponse:
    """Swagger UI served from the swagger-ui-bundle package, not a CDN."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="FTZ Practice Platform API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/swagger/favicon-32x32.png",
    )


@router.get("/api/practices", response_model=PracticeList, tags=["core"])
def list_practices(_: Principal = Depends(require("core.public"))) -> PracticeList:
    return PracticeList(
        practices=[
            PracticeRead(
                id=p.id,
                name=p.name,
                title_zh=p.title_zh,
                title_en=p.title_en,
                case=p.case,
                domain=p.domain,
                status=p.status,
            )
            for p in practices()
        ]
    )


@router.get("/api/me", response_model=Me, tags=["core"])
def me(principal: Principal = Depends(require("core.profile"))) -> Me:
    return Me(
        username=principal.username,
        display_name=principal.display_name,
        org_id=principal.org_id,
        department=principal.department,
        roles=sorted(principal.roles),
    )


@router.get("/api/audit", response_model=AuditPage, tags=["core"])
def audit(
    entity_type: str | None = Query(None, max_length=100),
    entity_id: str | None = Query(None, max_length=64),
    params: PageParams = Depends(page_params),
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("core.audit.read")),
) -> AuditPage:
    page = list_events(
        session, principal=principal, entity_type=entity_type, entity_id=entity_id, params=params
    )
    return AuditPage.of(
        page, [AuditEventRead.model_validate(e, from_attributes=True) for e in page.items]
    )
