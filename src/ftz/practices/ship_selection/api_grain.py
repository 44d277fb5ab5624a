"""p07 API of the grain green channel: filing a call, uploading papers (multipart) and the
loading condition (checked at once against the Grain Code), comments, the officers' pre-review
and the trimming check; the Grain Code check of a condition on its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.ship_selection import documents, exports, grain, repository
from ftz.practices.ship_selection.schemas import (
    CommentIn,
    CommentOut,
    DocumentOut,
    GrainCallDetail,
    GrainCallIn,
    GrainCallOut,
    GrainCallPage,
    GrainEventIn,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("ship_selection.read"))
FILE = Depends(require("ship_selection.file"))
STATUS = Query(None, pattern="^(draft|submitted|returned|approved|loaded|cleared)$")


def data_dir(request: Request) -> Path:
    return Path(request.app.state.settings.data_dir)


def detail(session: Session, call: Any) -> GrainCallDetail:
    out = GrainCallDetail.model_validate(call)
    out.documents = [DocumentOut.model_validate(d) for d in repository.documents(session, call.id)]
    out.comments = [CommentOut.model_validate(c) for c in repository.comments(session, call.id)]
    return out


@router.post("/grain-stability", response_model=dict[str, Any])
def grain_stability(body: dict[str, Any], who: Principal = READ) -> dict[str, Any]:
    """International Grain Code (MSC.23(59) A 7) check of one loading condition."""
    return grain.stability_only(body)


@router.post("/grain-calls", response_model=GrainCallOut, status_code=201)
def file_call(body: GrainCallIn, session: Session = DB, who: Principal = FILE) -> GrainCallOut:
    return GrainCallOut.model_validate(grain.file_call(session, principal=who, data=body))


@router.get("/grain-calls", response_model=GrainCallPage)
def list_calls(
    status: str | None = STATUS,
    port: str | None = Query(None, max_length=64),
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> GrainCallPage:
    page = repository.calls(session, who, params, status=status, port=port, text=q)
    return GrainCallPage.of(page, [GrainCallOut.model_validate(c) for c in page.items])


@router.get("/grain-calls.csv", response_class=Response)
def export_calls(
    status: str | None = STATUS,
    port: str | None = Query(None, max_length=64),
    q: str | None = Query(None, max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    text = exports.calls_csv(session, who, status=status, port=port, text=q)
    return exports.csv_response(text, "grain-calls.csv")


@router.get("/grain-calls/{call_id}", response_model=GrainCallDetail)
def get_call(call_id: str, session: Session = DB, who: Principal = READ) -> GrainCallDetail:
    return detail(session, repository.get_call(session, who, call_id))


@router.post("/grain-calls/{call_id}/documents", response_model=GrainCallDetail, status_code=201)
async def upload(
    request: Request,
    call_id: str,
    kind: str = Form(...),
    file: UploadFile = File(...),
    session: Session = DB,
    who: Principal = FILE,
) -> GrainCallDetail:
    """One paper (multipart: kind, file). kind=condition takes the loading condition as JSON
    and runs the stability check."""
    content = await file.read()
    made = grain.upload(
        session,
        principal=who,
        data_dir=data_dir(request),
        call_id=call_id,
        kind=kind,
        filename=file.filename or "",
        content_type=file.content_type or "",
        content=content,
    )
    return detail(session, made)


@router.post("/grain-calls/{call_id}/condition", response_model=GrainCallDetail, status_code=201)
def upload_condition(
    request: Request,
    call_id: str,
    body: dict[str, Any],
    session: Session = DB,
    who: Principal = FILE,
) -> GrainCallDetail:
    """The loading condition as a JSON body (same as a kind=condition upload)."""
    made = grain.upload(
        session,
        principal=who,
        data_dir=data_dir(request),
        call_id=call_id,
        kind="condition",
        filename="condition.json",
        content_type="application/json",
        content=json.dumps(body).encode(),
    )
    return detail(session, made)


@router.get("/grain-calls/{call_id}/documents/{document_id}", response_class=Response)
def download(
    request: Request, call_id: str, document_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    """The stored file, checked against its SHA-256 (the terminal and company read it here)."""
    document, content = documents.read(
        session, principal=who, data_dir=data_dir(request), call_id=call_id, document_id=document_id
    )
    headers = {
        "content-disposition": f"inline; filename*=UTF-8''{quote(document.filename)}",
        "x-content-sha256": document.sha256,
    }
    return Response(content, media_type=document.content_type, headers=headers)


@router.post("/grain-calls/{call_id}/comments", response_model=CommentOut, status_code=201)
def add_comment(
    call_id: str, body: CommentIn, session: Session = DB, who: Principal = READ
) -> CommentOut:
    made = grain.comment(session, principal=who, call_id=call_id, body=body.body)
    return CommentOut.model_validate(made)


@router.post("/grain-calls/{call_id}/events", response_model=GrainCallDetail)
def call_event(
    call_id: str, body: GrainEventIn, session: Session = DB, who: Principal = READ
) -> GrainCallDetail:
    """submit, finish_loading (the filer); approve with the checklist, send_back with a
    comment, clear (maritime officers). Roles are checked per event."""
    return detail(session, grain.act(session, principal=who, call_id=call_id, data=body))
