"""p17 HTTP API, part one: the vessel registry (vessels, inspections, safety officers, insurance,
the sailing check, history), licences and reminders. The other parts are included below."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params, paginate_query
from ftz.practices.leisure_fishery import export, licences, reference, repository, sailing, service
from ftz.practices.leisure_fishery.endpoints_catch import router as catch_router
from ftz.practices.leisure_fishery.endpoints_more import router as more_router
from ftz.practices.leisure_fishery.models import (
    Inspection,
    Insurance,
    Licence,
    SafetyOfficer,
    Vessel,
)
from ftz.practices.leisure_fishery.schemas import (
    InspectionIn,
    InsuranceIn,
    LicenceIn,
    LicenceUpdate,
    ReasonIn,
    SafetyOfficerIn,
    VesselIn,
    VesselUpdate,
)
from ftz.practices.leisure_fishery.views import (
    HistoryEntry,
    InspectionOut,
    InsuranceOut,
    LicenceOut,
    SafetyOfficerOut,
    SailingOut,
    VesselDetail,
    VesselOut,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("leisure_fishery.read"))
OPERATE = Depends(require("leisure_fishery.operate"))
SUPERVISE = Depends(require("leisure_fishery.supervise"))
PROBLEM = Query("", pattern="^(inspection_overdue|uninsured|no_safety_officer|unlicensed|)$")
LICENCE_STATUS = Query("", pattern="^(active|expired|revoked|)$")


def vessel_detail(session: Session, vessel: Vessel) -> VesselDetail:
    today = reference.today()
    return VesselDetail(
        vessel=VesselOut.of(vessel),
        sailing=SailingOut(**sailing.sailing_check(session, vessel, today)),
        inspections=[
            InspectionOut.of(x)
            for x in repository.children(
                session, Inspection, vessel.id, Inspection.inspected_on.desc()
            )
        ],
        licences=[
            LicenceOut.of(x, today)
            for x in repository.children(session, Licence, vessel.id, Licence.valid_from.desc())
        ],
        safety_officers=[
            SafetyOfficerOut.of(x)
            for x in repository.children(
                session, SafetyOfficer, vessel.id, SafetyOfficer.valid_to.desc()
            )
        ],
        insurance=[
            InsuranceOut.of(x)
            for x in repository.children(session, Insurance, vessel.id, Insurance.expires_on.desc())
        ],
    )


@router.get("/vessels", response_model=PageOut[VesselOut])
def vessels(
    q: str = Query("", max_length=40),
    area: str = Query("", max_length=6),
    status: str = Query("", max_length=16),
    vessel_class: str = Query("", max_length=8),
    problem: str = PROBLEM,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> PageOut[VesselOut]:
    query = repository.vessels_query(
        principal,
        q=q,
        area=area,
        status=status,
        vessel_class=vessel_class,
        problem=problem,
        on=reference.today(),
    )
    page = paginate_query(session, query, params)
    return PageOut.of(page, [VesselOut.of(v) for v in page.items])


@router.get("/vessels.csv", response_class=Response)
def vessels_csv(
    q: str = Query("", max_length=40),
    area: str = Query("", max_length=6),
    status: str = Query("", max_length=16),
    problem: str = PROBLEM,
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    query = repository.vessels_query(
        principal, q=q, area=area, status=status, problem=problem, on=reference.today()
    )
    return export.csv_response("vessels", export.VESSELS, session.scalars(query), export.plain)


@router.post("/vessels", response_model=VesselOut, status_code=201)
def create_vessel(body: VesselIn, session: Session = DB, principal: Principal = OPERATE) -> Any:
    return VesselOut.of(service.create_vessel(session, principal=principal, data=body))


@router.get("/vessels/{vessel_id}", response_model=VesselDetail)
def vessel(vessel_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    return vessel_detail(session, repository.get(session, principal, Vessel, vessel_id, "vessel"))


@router.patch("/vessels/{vessel_id}", response_model=VesselOut)
def update_vessel(
    vessel_id: str, body: VesselUpdate, session: Session = DB, principal: Principal = OPERATE
) -> Any:
    return VesselOut.of(
        service.update_vessel(session, principal=principal, vessel_id=vessel_id, data=body)
    )


@router.get("/vessels/{vessel_id}/sailing-check", response_model=SailingOut)
def sailing_check(
    vessel_id: str,
    on: date | None = None,
    persons: int | None = Query(None, ge=1, le=500),
    session: Session = DB,
    principal: Principal = READ,
) -> Any:
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel")
    return sailing.sailing_check(session, vessel, on or reference.today(), persons)


@router.get("/vessels/{vessel_id}/history", response_model=list[HistoryEntry])
def vessel_history(vessel_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    events = service.vessel_history(session, principal=principal, vessel_id=vessel_id)
    return [HistoryEntry.model_validate(e, from_attributes=True) for e in events]


@router.post("/vessels/{vessel_id}/inspections", response_model=InspectionOut, status_code=201)
def inspect(
    vessel_id: str, body: InspectionIn, session: Session = DB, principal: Principal = SUPERVISE
) -> Any:
    return InspectionOut.of(
        service.record_inspection(session, principal=principal, vessel_id=vessel_id, data=body)
    )


@router.post(
    "/vessels/{vessel_id}/safety-officers", response_model=SafetyOfficerOut, status_code=201
)
def add_safety_officer(
    vessel_id: str, body: SafetyOfficerIn, session: Session = DB, principal: Principal = OPERATE
) -> Any:
    return SafetyOfficerOut.of(
        service.add_safety_officer(session, principal=principal, vessel_id=vessel_id, data=body)
    )


@router.post("/safety-officers/{officer_id}/end", response_model=SafetyOfficerOut)
def end_safety_officer(
    officer_id: str, session: Session = DB, principal: Principal = OPERATE
) -> Any:
    return SafetyOfficerOut.of(
        service.end_safety_officer(session, principal=principal, officer_id=officer_id)
    )


@router.post("/vessels/{vessel_id}/insurance", response_model=InsuranceOut, status_code=201)
def add_insurance(
    vessel_id: str, body: InsuranceIn, session: Session = DB, principal: Principal = OPERATE
) -> Any:
    return InsuranceOut.of(
        service.add_insurance(session, principal=principal, vessel_id=vessel_id, data=body)
    )


@router.get("/licences", response_model=PageOut[LicenceOut])
def licence_list(
    q: str = Query("", max_length=40),
    status: str = LICENCE_STATUS,
    area: str = Query("", max_length=6),
    expiring_within: int = Query(0, ge=0, le=366),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> PageOut[LicenceOut]:
    today = reference.today()
    query = repository.licences_query(
        principal, q=q, status=status, area=area, on=today, expiring_within=expiring_within
    )
    page = paginate_query(session, query, params)
    return PageOut.of(page, [LicenceOut.of(x, today) for x in page.items])


@router.get("/licences.csv", response_class=Response)
def licences_csv(
    q: str = Query("", max_length=40),
    status: str = LICENCE_STATUS,
    area: str = Query("", max_length=6),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    query = repository.licences_query(
        principal, q=q, status=status, area=area, on=reference.today()
    )
    return export.csv_response("licences", export.LICENCES, session.scalars(query), export.plain)


@router.post("/licences", response_model=LicenceOut, status_code=201)
def issue_licence(body: LicenceIn, session: Session = DB, principal: Principal = SUPERVISE) -> Any:
    return LicenceOut.of(licences.issue(session, principal=principal, data=body), reference.today())


@router.get("/licences/{licence_id}", response_model=LicenceOut)
def licence(licence_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    found = repository.get(session, principal, Licence, licence_id, "licence")
    return LicenceOut.of(found, reference.today())


@router.patch("/licences/{licence_id}", response_model=LicenceOut)
def amend_licence(
    licence_id: str, body: LicenceUpdate, session: Session = DB, principal: Principal = SUPERVISE
) -> Any:
    found = licences.update(session, principal=principal, licence_id=licence_id, data=body)
    return LicenceOut.of(found, reference.today())


@router.post("/licences/{licence_id}/revoke", response_model=LicenceOut)
def revoke_licence(
    licence_id: str, body: ReasonIn, session: Session = DB, principal: Principal = SUPERVISE
) -> Any:
    found = licences.revoke(session, principal=principal, licence_id=licence_id, data=body)
    return LicenceOut.of(found, reference.today())


@router.get("/reminders")
def reminders(session: Session = DB, principal: Principal = READ) -> dict[str, Any]:
    due = licences.reminders(session, principal=principal)
    today = due["on"]
    return {
        "on": today.isoformat(),
        "days": due["days"],
        "licences": [LicenceOut.of(x, today).model_dump(mode="json") for x in due["licences"]],
        "insurance": [InsuranceOut.of(x).model_dump(mode="json") for x in due["insurance"]],
        "safety_officers": [
            SafetyOfficerOut.of(x).model_dump(mode="json") for x in due["safety_officers"]
        ],
        "inspections": [
            {
                "vessel_id": d["vessel"].id,
                "vessel": d["vessel"].name,
                "state": d["state"],
                "next_due": d["next_due"].isoformat() if d["next_due"] else None,
            }
            for d in due["inspections"]
        ],
    }


router.include_router(catch_router)
router.include_router(more_router)
