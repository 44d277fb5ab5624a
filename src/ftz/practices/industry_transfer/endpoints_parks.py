"""p23 API for the parks, the cooperation agreements and the enclave arrangements."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.industry_transfer import partners, repository
from ftz.practices.industry_transfer.access import scope_of
from ftz.practices.industry_transfer.schemas import (
    AgreementIn,
    AgreementOut,
    ArrangementIn,
    ArrangementOut,
    ParkIn,
    ParkOut,
    ParkUpdate,
    TerminateIn,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("industry_transfer.read"))
REGISTER = Depends(require("industry_transfer.register"))
PARKS = Depends(require("industry_transfer.parks"))
ROLE_Q = Query("", pattern="^(sponsor|receiving|)$")
STATUS_Q = Query("", pattern="^(in_force|terminated|)$")


@router.get("/parks", response_model=PageOut[ParkOut])
def list_parks(
    q: str = Query("", max_length=100),
    role: str = ROLE_Q,
    province: str = Query("", pattern=r"^(\d{2}|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[ParkOut]:
    filters = repository.park_filters(q, role, province)
    page = repository.park_page(session, scope_of(session, who), params, *filters)
    return PageOut[ParkOut].of(page, [ParkOut.model_validate(p) for p in page.items])


@router.post("/parks", response_model=ParkOut, status_code=201)
def create_park(body: ParkIn, session: Session = DB, who: Principal = PARKS) -> ParkOut:
    return ParkOut.model_validate(partners.create_park(session, principal=who, data=body))


@router.get("/parks/{park_id}", response_model=ParkOut)
def get_park(park_id: str, session: Session = DB, who: Principal = READ) -> ParkOut:
    found = repository.park_by_id(session, scope_of(session, who), park_id)
    return ParkOut.model_validate(found)


@router.patch("/parks/{park_id}", response_model=ParkOut)
def update_park(
    park_id: str, body: ParkUpdate, session: Session = DB, who: Principal = PARKS
) -> ParkOut:
    made = partners.update_park(session, principal=who, park_id=park_id, data=body)
    return ParkOut.model_validate(made)


@router.get("/agreements", response_model=PageOut[AgreementOut])
def list_agreements(
    q: str = Query("", max_length=100),
    status: str = STATUS_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[AgreementOut]:
    filters = repository.agreement_filters(q, status)
    page = repository.agreement_page(session, scope_of(session, who), params, *filters)
    return PageOut[AgreementOut].of(page, [AgreementOut.model_validate(a) for a in page.items])


@router.post("/agreements", response_model=AgreementOut, status_code=201)
def create_agreement(
    body: AgreementIn, session: Session = DB, who: Principal = REGISTER
) -> AgreementOut:
    made = partners.create_agreement(session, principal=who, data=body)
    return AgreementOut.model_validate(made)


@router.get("/agreements/{agreement_id}", response_model=AgreementOut)
def get_agreement(agreement_id: str, session: Session = DB, who: Principal = READ) -> AgreementOut:
    found = repository.agreement_by_id(session, scope_of(session, who), agreement_id)
    return AgreementOut.model_validate(found)


@router.post("/agreements/{agreement_id}/terminate", response_model=AgreementOut)
def terminate_agreement(
    agreement_id: str, body: TerminateIn, session: Session = DB, who: Principal = REGISTER
) -> AgreementOut:
    made = partners.terminate_agreement(
        session, principal=who, agreement_id=agreement_id, data=body
    )
    return AgreementOut.model_validate(made)


@router.get("/arrangements", response_model=list[ArrangementOut])
def list_arrangements(session: Session = DB, who: Principal = READ) -> list[ArrangementOut]:
    found = repository.visible_arrangements(session, scope_of(session, who))
    return [ArrangementOut.model_validate(a) for a in found]


@router.post("/arrangements", response_model=ArrangementOut, status_code=201)
def create_arrangement(
    body: ArrangementIn, session: Session = DB, who: Principal = REGISTER
) -> ArrangementOut:
    made = partners.create_arrangement(session, principal=who, data=body)
    return ArrangementOut.model_validate(made)


@router.get("/arrangements/{arrangement_id}", response_model=ArrangementOut)
def get_arrangement(
    arrangement_id: str, session: Session = DB, who: Principal = READ
) -> ArrangementOut:
    found = repository.arrangement_in_scope(session, scope_of(session, who), arrangement_id)
    return ArrangementOut.model_validate(found)
