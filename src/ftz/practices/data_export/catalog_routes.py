"""Catalogs over HTTP and on the web: browse what is in effect (and on any date), match a field
against a zone's negative list, and let administrators save new versions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError, not_found, validation_error
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.data_export import catalog_store
from ftz.practices.data_export.catalogs import FTZ_IDS, CatalogError

api = APIRouter()
pages = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
ON = Query(None, description="The date the catalogs are read for (default today)")


class VersionIn(BaseModel):
    content: str = Field(min_length=1, max_length=2_000_000, description="The whole YAML document")


def _catalogs(session: Session, on: dt.date | None) -> Any:
    try:
        return catalog_store.effective(session, on)
    except CatalogError as exc:
        raise validation_error("on", str(exc)) from exc


@api.get("/catalogs", response_model=dict[str, Any])
def list_catalogs(
    on: dt.date | None = ON,
    session: Session = DB,
    _: Principal = Depends(require("data_export.catalog")),
) -> dict[str, Any]:
    catalogs = _catalogs(session, on)
    versions = [
        {k: v for k, v in vars(s).items() if k != "text"} for s in catalog_store.sources(session)
    ]
    return {"on": str(catalogs.on), "in_effect": catalogs.versions, "versions": versions}


@api.get("/catalogs/negative-match", response_model=dict[str, Any])
def negative_match(
    ftz: str = Query(..., max_length=24),
    field: str = Query(..., min_length=1, max_length=200),
    session: Session = DB,
    _: Principal = Depends(require("data_export.catalog")),
) -> dict[str, Any]:
    if ftz not in FTZ_IDS:
        raise validation_error("ftz", f"one of {', '.join(sorted(FTZ_IDS))}")
    entry = _catalogs(session, None).negative_match(ftz, field)
    return {"on_negative_list": entry is not None, "entry": entry.model_dump() if entry else None}


@api.get("/catalogs/{name}", response_model=dict[str, Any])
def get_catalog(
    name: str,
    on: dt.date | None = ON,
    session: Session = DB,
    _: Principal = Depends(require("data_export.catalog")),
) -> dict[str, Any]:
    source = catalog_store.source_in_effect(session, name, on)
    return {k: v for k, v in vars(source).items()}


@api.post("/catalogs/{name}/versions", response_model=dict[str, Any], status_code=201)
def save_catalog_version(
    name: str,
    body: VersionIn,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.catalog_edit")),
) -> dict[str, Any]:
    row = catalog_store.save_version(session, principal=principal, name=name, text=body.content)
    return {
        "catalog": row.catalog,
        "version": row.version,
        "effective_from": str(row.effective_from),
    }


@pages.get("/catalogs", response_class=HTMLResponse)
def catalogs_page(
    request: Request,
    on: dt.date | None = ON,
    session: Session = DB,
    _: Principal = Depends(require("data_export.catalog")),
) -> Response:
    context = {"catalogs": _catalogs(session, on), "sources": catalog_store.sources(session)}
    return render(request, "data_export/catalogs.html", context)


@pages.get("/catalogs/{name}", response_class=HTMLResponse)
def catalog_page(
    request: Request,
    name: str,
    on: dt.date | None = ON,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.catalog")),
) -> Response:
    source = catalog_store.source_in_effect(session, name, on)
    context = {
        "source": source,
        "can_edit": allows(principal, "data_export.catalog_edit"),
        "errors": [],
        "content": source.text,
    }
    return render(request, "data_export/catalog.html", context)


@pages.post("/catalogs/{name}", response_class=HTMLResponse)
async def save_catalog_page(
    request: Request,
    name: str,
    session: Session = DB,
    principal: Principal = Depends(require("data_export.catalog_edit")),
) -> Response:
    content = str((await request.form()).get("content") or "")
    try:
        with session.begin_nested():
            catalog_store.save_version(session, principal=principal, name=name, text=content)
    except FtzError as exc:
        if exc.status == 404:
            raise not_found(f"catalog {name}") from exc
        source = catalog_store.source_in_effect(session, name)
        context = {
            "source": source,
            "can_edit": True,
            "errors": form_problems(exc),
            "content": content,
        }
        return render(request, "data_export/catalog.html", context, status=422)
    return RedirectResponse(f"/data-export/catalogs/{name}", status_code=303)
