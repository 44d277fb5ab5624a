"""Grain papers as files: stored once under FTZ_DATA_DIR by their SHA-256 (content-addressed,
so the same file uploaded twice takes the space once), recorded with their fingerprint and
anchored in the evidence ledger. Reading a paper checks the file against its fingerprint: a file
altered on disk is refused rather than served. The terminal and the shipping company named on a
call read the same files instead of receiving copies (seed: 避免重复提交材料)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError, forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.practices.ship_selection import repository
from ftz.practices.ship_selection.common import anchor, settings
from ftz.practices.ship_selection.models import GrainCall, GrainDocument

SAFE_NAME = re.compile(r"[^\w.\-\u4e00-\u9fff]+")
# Which kinds the filer may upload in which state of the call.
OPEN_FOR = {
    "draft": "papers",
    "returned": "papers",
    "approved": "trimming_photo",
}


def storage_path(data_dir: Path, sha256: str) -> Path:
    return data_dir / "ship_selection" / "grain" / sha256[:2] / sha256


def kinds() -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = settings()["document_kinds"]
    return found


def _check_upload(call: GrainCall, principal: Principal, kind: str, content: bytes) -> None:
    if principal.org_id != call.org_id:
        raise forbidden("only the ship or agent that filed the call uploads its papers")
    if kind not in kinds():
        raise validation_error("kind", f"one of {', '.join(kinds())}")
    allowed = OPEN_FOR.get(call.status)
    if allowed is None or (allowed == "trimming_photo") != (kind == "trimming_photo"):
        when = (
            "after approval"
            if kind == "trimming_photo"
            else "while the call is a draft or returned"
        )
        raise FtzError(detail=f"{kind} papers are uploaded {when}; the call is {call.status}",
                       status=409, title="Conflict", type_slug="conflict")  # fmt: skip
    if not content:
        raise validation_error("file", "the file is empty")
    if len(content) > int(settings()["max_upload_bytes"]):
        raise validation_error("file", "larger than 20 MB")


def store(
    session: Session,
    *,
    principal: Principal,
    data_dir: Path,
    call: GrainCall,
    kind: str,
    filename: str,
    content_type: str,
    content: bytes,
) -> GrainDocument:
    _check_upload(call, principal, kind, content)
    digest = hashlib.sha256(content).hexdigest()
    path = storage_path(data_dir, digest)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{new_id()}.part")
        temporary.write_bytes(content)
        temporary.replace(path)  # atomic: a reader never sees half a file
    name = SAFE_NAME.sub("_", Path(filename or "document").name)[:200] or "document"
    document_id = new_id()
    entry = {"type": "ship_selection.document", "call": call.number, "kind": kind,
             "sha256": digest, "size": len(content), "by": principal.username}  # fmt: skip
    document = GrainDocument(
        id=document_id, call_id=call.id, org_id=call.org_id, kind=kind, filename=name,
        content_type=(content_type or "application/octet-stream")[:100],
        size_bytes=len(content), sha256=digest, uploaded_by=principal.username,
        ledger_index=anchor(session, entry, f"ss-document:{document_id}"),
    )  # fmt: skip
    session.add(document)
    session.flush()
    return document


def read(
    session: Session, *, principal: Principal, data_dir: Path, call_id: str, document_id: str
) -> tuple[GrainDocument, bytes]:
    """The paper and its bytes, for anyone who may read the call."""
    repository.get_call(session, principal, call_id)
    document = repository.get_document(session, call_id, document_id)
    path = storage_path(data_dir, document.sha256)
    if not path.exists():
        raise FtzError(detail="the stored file is missing", status=410, title="Gone",
                       type_slug="gone")  # fmt: skip
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != document.sha256:
        raise FtzError(detail="the stored file does not match its fingerprint", status=409,
                       title="Conflict", type_slug="conflict")  # fmt: skip
    return document, content
