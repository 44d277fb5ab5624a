"""p11 HTTP API: declarations and customs' instructions, manifests, gate transactions (the
verdict with every mismatch), hold resolution, CSV export, daily volumes and statistics."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.practices.zone_port_gate import exports, repository, service
from ftz.practices.zone_port_gate.models import Declaration, GateTransaction
from ftz.practices.zone_port_gate.schemas import (
    DeclarationIn,
    DeclarationOut,
    DeclarationPage,
    GateIn,
    GateOut,
    GatePage,
    InstructionIn,
    ManifestIn,
    ManifestOut,
    ManifestPage,
    ResolveIn,
    VolumeIn,
    VolumeOut,
    VolumePage,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("zone_port_gate.read"))
INSTRUCT = Depends(require("zone_port_gate.instruct"))
OPERATE = Depends(require("zone_port_gate.operate"))
STATS = Depends(require("zone_port_gate.stats"))


@router.post("/declarations", response_model=DeclarationOut, status_code=201)
def create_declaration(
    body: DeclarationIn,
    session: Session = DB,
    principal: Principal = Depends(require("zone_port_gate.declare")),
) -> Declaration:
    return service.declare(session, principal=principal, data=body)


@router.get("/declarations", response_model=DeclarationPage)
def list_declarations(
    status: str | None = Query(None, max_length=16),
    direction: str | None = Query(None, pattern="^(export|import)$"),
    q: str | None = Query(None, max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> dict[str, Any]:
    page = repository.list_declarations(
        session, principal, params, status=status, direction=direction, text=q
    )
    return page.__dict__


@router.get("/declarations/{declaration_id}", response_model=DeclarationOut)
def get_declaration(
    declaration_id: str, session: Session = DB, principal: Principal = READ
) -> Declaration:
    return repository.get_owned(session, principal, Declaration, declaration_id)


@router.post("/declarations/{declaration_id}/instruction", response_model=DeclarationOut)
def instruct(
    declaration_id: str, body: InstructionIn, session: Session = DB, principal: Principal = INSTRUCT
) -> Declaration:
    """Customs: release, or select for inspection at the airport or in the zone."""
    return service.instruct(session, principal=principal, declaration_id=declaration_id, data=body)


@router.post("/declarations/{declaration_id}/withdraw", response_model=DeclarationOut)
def withdraw(
    declaration_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("zone_port_gate.declare")),
) -> Declaration:
    return service.withdraw(session, principal=principal, declaration_id=declaration_id)


@router.post("/manifests", response_model=ManifestOut, status_code=201)
def create_manifest(body: ManifestIn, session: Session = DB, principal: Principal = OPERATE) -> Any:
    return service.register_manifest(session, principal=principal, data=body)


@router.get("/manifests", response_model=ManifestPage)
def list_manifests(
    q: str | None = Query(None, max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> dict[str, Any]:
    return paginate_query(session, repository.manifests_query(principal, text=q), params).__dict__


def _csv(body: str, name: str) -> Response:
    return Response(
        content=body,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/manifests.csv", response_class=Response)
def manifests_csv(
    q: str | None = Query(None, max_length=40), session: Session = DB, principal: Principal = READ
) -> Response:
    query = repository.manifests_query(principal, text=q)
    return _csv("".join(exports.manifest_rows(session, query)), "gate-manifests.csv")


@router.post("/transactions", response_model=GateOut, status_code=201)
def pass_gate(body: GateIn, session: Session = DB, principal: Principal = OPERATE) -> Any:
    """One vehicle at the gate: verdict release/hold with every mismatch (row, reason, source)."""
    return service.pass_gate(session, principal=principal, data=body)


def _filters(
    status: str | None = Query(None, max_length=16),
    verdict: str | None = Query(None, pattern="^(release|hold)$"),
    day: date | None = Query(None),
    q: str | None = Query(None, max_length=40),
) -> dict[str, Any]:
    return {"status": status, "verdict": verdict, "day": day, "text": q}


@router.get("/transactions", response_model=GatePage)
def list_transactions(
    filters: dict[str, Any] = Depends(_filters),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> dict[str, Any]:
    query = repository.transactions_query(principal, **filters)
    return paginate_query(session, query, params).__dict__


@router.get("/transactions.csv", response_class=Response)
def transactions_csv(
    filters: dict[str, Any] = Depends(_filters), session: Session = DB, principal: Principal = READ
) -> Response:
    body = "".join(exports.csv_rows(session, repository.transactions_query(principal, **filters)))
    return _csv(body, "gate-transactions.csv")


@router.get("/transactions/{transaction_id}", response_model=GateOut)
def get_transaction(transaction_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    return repository.get_owned(session, principal, GateTransaction, transaction_id)


@router.post("/transactions/{transaction_id}/resolve", response_model=GateOut)
def resolve(
    transaction_id: str, body: ResolveIn, session: Session = DB, principal: Principal = INSTRUCT
) -> Any:
    """Customs: clear a held vehicle after a check (note required) or turn it back."""
    return service.resolve(session, principal=principal, transaction_id=transaction_id, data=body)


@router.put("/volumes/{day}", response_model=VolumeOut)
def record_volume(
    day: date, body: VolumeIn, session: Session = DB, principal: Principal = OPERATE
) -> Any:
    """The airport: the day's whole export and import tonnage (a second report replaces it)."""
    return service.record_volume(session, principal=principal, day=day, data=body)


def _span(
    since: date | None = Query(None, description="First day"),
    until: date | None = Query(None, description="Last day"),
) -> dict[str, date | None]:
    return {"since": since, "until": until}


@router.get("/volumes", response_model=VolumePage)
def list_volumes(
    span: dict[str, date | None] = Depends(_span),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    _: Principal = STATS,
) -> dict[str, Any]:
    return paginate_query(session, repository.volumes_query(**span), params).__dict__


@router.get("/volumes.csv", response_class=Response)
def volumes_csv(
    span: dict[str, date | None] = Depends(_span), session: Session = DB, _: Principal = STATS
) -> Response:
    body = "".join(exports.volume_rows(session, repository.volumes_query(**span)))
    return _csv(body, "airport-daily-volumes.csv")


@router.get("/statistics", response_model=dict[str, Any])
def statistics(
    days: int = Query(30, ge=1, le=366),
    session: Session = DB,
    principal: Principal = STATS,
) -> dict[str, Any]:
    return service.statistics(session, principal=principal, days=days)
