"""The ledger over HTTP: the same operations as `ftz ledger`."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found, validation_error
from ftz.core.ledger import permissions as _permissions  # noqa: F401  (declares them first)
from ftz.core.ledger import service, store
from ftz.core.ledger.receipts import verify_receipt
from ftz.core.ledger.tsa_protocol import MAX_REQUEST_BYTES, QUERY_TYPE, REPLY_TYPE, respond

router = APIRouter()
LOG = Query(..., min_length=1, max_length=200, description="Log origin, e.g. ftz.local/evidence")


class EntryIn(BaseModel):
    data_base64: str = Field(min_length=1, max_length=1_400_000)


class Appended(BaseModel):
    leaf_index: int
    leaf_hash: str


class CheckpointOut(BaseModel):
    tree_size: int
    root_hash: str
    note: str
    timestamp_token: str | None


class InclusionOut(BaseModel):
    leaf_index: int
    tree_size: int
    audit_path: list[str]


class ConsistencyOut(BaseModel):
    old_size: int
    new_size: int
    proof: list[str]


class LogOut(BaseModel):
    origin: str
    tree_size: int
    root_hash: str


class KeysOut(BaseModel):
    verifier_keys: list[str]
    active: str
    tsa_certificate: str
    sm2_key: str | None = None


class VerifyIn(BaseModel):
    receipt: dict[str, Any]
    key: str | None = Field(None, max_length=300)


def _signing(request: Request) -> service.Signing:
    return service.signing(request.app.state.settings)


def _checkpoint_out(made: Any) -> CheckpointOut:
    token = base64.b64encode(made.timestamp_token).decode() if made.timestamp_token else None
    return CheckpointOut(
        tree_size=made.tree_size,
        root_hash=bytes(made.root_hash).hex(),
        note=made.note,
        timestamp_token=token,
    )


@router.get("/logs", response_model=list[LogOut])
def list_logs(
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("ledger.read")),
) -> list[LogOut]:
    return [
        LogOut(origin=log.origin, tree_size=log.tree_size, root_hash=bytes(log.root_hash).hex())
        for log in service.logs(session)
    ]


@router.get("/keys", response_model=KeysOut)
def keys(request: Request, _: Principal = Depends(require("ledger.read"))) -> KeysOut:
    signer = _signing(request)
    active = str(signer.keyring.active().verifier)
    return KeysOut(
        verifier_keys=[str(v) for v in signer.keyring.verifiers()],
        active=active,
        tsa_certificate=signer.tsa.certificate_pem.decode(),
        sm2_key=str(signer.sm2.verifier) if signer.sm2 is not None else None,
    )


@router.post("/entries", response_model=Appended, status_code=201)
def append_entry(
    body: EntryIn,
    log: str = LOG,
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("ledger.append")),
) -> Appended:
    try:
        entry = base64.b64decode(body.data_base64, validate=True)
    except binascii.Error as exc:
        raise validation_error("data_base64", "not valid base64") from exc
    first, hashed = store.append_acknowledged(session, log, entry)
    return Appended(leaf_index=first, leaf_hash=hashed.hex())


@router.post("/checkpoints", response_model=CheckpointOut, status_code=201)
def make_checkpoint(
    request: Request,
    log: str = LOG,
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("ledger.append")),
) -> CheckpointOut:
    return _checkpoint_out(service.make_checkpoint(session, log, _signing(request)))


@router.get("/checkpoint", response_model=CheckpointOut)
def get_checkpoint(
    log: str = LOG,
    size: int | None = Query(None, ge=0),
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("ledger.read")),
) -> CheckpointOut:
    found = (
        service.checkpoint_at(session, log, size)
        if size is not None
        else service.latest_checkpoint(session, log)
    )
    if found is None:
        raise not_found(f"checkpoint of {log}")
    return _checkpoint_out(found)


@router.get("/proof", response_model=InclusionOut)
def inclusion(
    log: str = LOG,
    index: int = Query(..., ge=0),
    size: int = Query(..., ge=1),
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("ledger.read")),
) -> InclusionOut:
    path = store.inclusion_proof(session, log, index, size)
    return InclusionOut(leaf_index=index, tree_size=size, audit_path=[h.hex() for h in path])


@router.get("/consistency", response_model=ConsistencyOut)
def consistency(
    log: str = LOG,
    old: int = Query(..., ge=1),
    new: int = Query(..., ge=1),
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("ledger.read")),
) -> ConsistencyOut:
    proof = store.consistency_proof(session, log, old, new)
    return ConsistencyOut(old_size=old, new_size=new, proof=[h.hex() for h in proof])


@router.get("/receipt", response_model=dict[str, Any])
def receipt(
    request: Request,
    log: str = LOG,
    index: int = Query(..., ge=0),
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("ledger.read")),
) -> dict[str, Any]:
    return service.receipt(session, log, index, _signing(request))


@router.get("/search", response_model=dict[str, int])
def search(
    log: str = LOG,
    leaf_hash: str = Query(..., pattern="^[0-9a-fA-F]{64}$"),
    session: Session = Depends(get_db, scope="function"),
    _: Principal = Depends(require("ledger.read")),
) -> dict[str, int]:
    index = store.find_leaf(session, log, bytes.fromhex(leaf_hash))
    if index is None:
        raise not_found(f"leaf {leaf_hash} in {log}")
    return {"leaf_index": index}


@router.post("/verify", response_model=dict[str, Any])
def verify(body: VerifyIn, _: Principal = Depends(require("ledger.read"))) -> dict[str, Any]:
    """Checks a receipt exactly as `ftz ledger verify` does (nothing is looked up)."""
    return verify_receipt(body.receipt, body.key).as_dict()


@router.post(
    "/tsa",
    response_class=Response,
    responses={200: {"content": {REPLY_TYPE: {}}, "description": "An RFC 3161 TimeStampResp"}},
)
async def time_stamp(
    request: Request, _: Principal = Depends(require("ledger.timestamp"))
) -> Response:
    """The built-in time-stamping authority over HTTP (RFC 3161 3.4), e.g. for
    `openssl ts -query -data FILE -sha256 -cert | curl --data-binary @- …`."""
    authority = service.builtin_tsa(request.app.state.settings)
    if authority is None:
        raise not_found("built-in TSA (this platform is configured with an external TSA)")
    if request.headers.get("content-type", "").split(";")[0].strip() != QUERY_TYPE:
        raise validation_error("content-type", f"must be {QUERY_TYPE}")
    body = await request.body()
    if not body or len(body) > MAX_REQUEST_BYTES:
        raise validation_error("body", f"a TimeStampReq of 1 to {MAX_REQUEST_BYTES} bytes")
    return Response(respond(authority, body), media_type=REPLY_TYPE)
