"""p15 API for the surplus-fund pool (projects, contributions, investments, returns, the ledger
and its reconciliation) and for talent records and title evaluations."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.tech_transfer import pool, repository, talent
from ftz.practices.tech_transfer.api_common import DB, MANAGE, READ
from ftz.practices.tech_transfer.common import viewer_for, yuan
from ftz.practices.tech_transfer.models import (
    Evaluation,
    Pool,
    PoolTxn,
    Project,
    Researcher,
    TalentRecord,
)
from ftz.practices.tech_transfer.schemas_more import (
    ContributionIn,
    EvaluationIn,
    EvaluationResultIn,
    MovementIn,
    ProjectCloseIn,
    ProjectIn,
    TalentRecordIn,
)
from ftz.practices.tech_transfer.schemas_out import (
    EvaluationOut,
    PoolTxnOut,
    ProjectOut,
    TalentRecordOut,
)

router = APIRouter()


@router.get("/projects", response_model=PageOut[ProjectOut])
def list_projects(
    status: str = Query("", pattern="^(open|closed|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[ProjectOut]:
    filters = [Project.status == status] if status else []
    found = repository.page(
        session,
        viewer_for(session, who),
        Project,
        params,
        *filters,
        order=(Project.created_at.desc(),),
    )
    return PageOut[ProjectOut].of(found, [ProjectOut.model_validate(p) for p in found.items])


@router.post("/projects", response_model=ProjectOut, status_code=201)
def add_project(body: ProjectIn, session: Session = DB, who: Principal = MANAGE) -> ProjectOut:
    return ProjectOut.model_validate(pool.create_project(session, principal=who, data=body))


@router.post("/projects/{project_id}/close", response_model=ProjectOut)
def close_project(
    project_id: str, body: ProjectCloseIn, session: Session = DB, who: Principal = MANAGE
) -> ProjectOut:
    made = pool.close_project(session, principal=who, project_id=project_id, data=body)
    return ProjectOut.model_validate(made)


@router.get("/pool", response_model=dict[str, Any])
def get_pool(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    """The pools the caller may see (its unit's, or all for the province) and their balances."""
    found = repository.rows(session, viewer_for(session, who), Pool)
    return {"pools": [{"org_id": p.org_id, "balance": yuan(p.balance_fen)} for p in found]}


@router.get("/pool/transactions", response_model=PageOut[PoolTxnOut])
def list_pool_txns(
    kind: str = Query("", pattern="^(contribution|investment|return|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[PoolTxnOut]:
    filters = [PoolTxn.kind == kind] if kind else []
    found = repository.page(
        session,
        viewer_for(session, who),
        PoolTxn,
        params,
        *filters,
        order=(PoolTxn.created_at.desc(),),
    )
    return PageOut[PoolTxnOut].of(found, [PoolTxnOut.model_validate(t) for t in found.items])


@router.post("/pool/contributions", response_model=PoolTxnOut, status_code=201)
def contribute(body: ContributionIn, session: Session = DB, who: Principal = MANAGE) -> PoolTxnOut:
    return PoolTxnOut.model_validate(pool.contribute(session, principal=who, data=body))


@router.post("/pool/investments", response_model=PoolTxnOut, status_code=201)
def invest(body: MovementIn, session: Session = DB, who: Principal = MANAGE) -> PoolTxnOut:
    return PoolTxnOut.model_validate(pool.invest(session, principal=who, data=body))


@router.post("/pool/returns", response_model=PoolTxnOut, status_code=201)
def give_back(body: MovementIn, session: Session = DB, who: Principal = MANAGE) -> PoolTxnOut:
    return PoolTxnOut.model_validate(pool.give_back(session, principal=who, data=body))


@router.get("/pool/reconcile", response_model=dict[str, Any])
def reconcile(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return pool.reconcile(session, principal=who)


@router.get("/researchers/{researcher_id}/records", response_model=list[TalentRecordOut])
def list_records(
    researcher_id: str, session: Session = DB, who: Principal = READ
) -> list[TalentRecordOut]:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Researcher, researcher_id, "researcher")
    rows = repository.rows(
        session,
        viewer,
        TalentRecord,
        TalentRecord.researcher_id == found.id,
        order=(TalentRecord.done_on.desc(),),
    )
    return [TalentRecordOut.model_validate(r) for r in rows]


@router.post(
    "/researchers/{researcher_id}/records", response_model=TalentRecordOut, status_code=201
)
def add_record(
    researcher_id: str, body: TalentRecordIn, session: Session = DB, who: Principal = MANAGE
) -> TalentRecordOut:
    made = talent.add_record(session, principal=who, researcher_id=researcher_id, data=body)
    return TalentRecordOut.model_validate(made)


@router.get("/evaluations", response_model=PageOut[EvaluationOut])
def list_evaluations(
    status: str = Query("", pattern="^(assessed|promoted|declined|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[EvaluationOut]:
    filters = [Evaluation.status == status] if status else []
    found = repository.page(
        session,
        viewer_for(session, who),
        Evaluation,
        params,
        *filters,
        order=(Evaluation.created_at.desc(),),
    )
    return PageOut[EvaluationOut].of(found, [EvaluationOut.model_validate(e) for e in found.items])


@router.post(
    "/researchers/{researcher_id}/evaluations", response_model=EvaluationOut, status_code=201
)
def evaluate(
    researcher_id: str, body: EvaluationIn, session: Session = DB, who: Principal = MANAGE
) -> EvaluationOut:
    made = talent.evaluate(session, principal=who, researcher_id=researcher_id, data=body)
    return EvaluationOut.model_validate(made)


@router.post("/evaluations/{evaluation_id}/result", response_model=EvaluationOut)
def evaluation_result(
    evaluation_id: str, body: EvaluationResultIn, session: Session = DB, who: Principal = MANAGE
) -> EvaluationOut:
    made = talent.decide(session, principal=who, evaluation_id=evaluation_id, data=body)
    return EvaluationOut.model_validate(made)
