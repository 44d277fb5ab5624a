"""p15 HTTP API: the separate register of achievements (search, detail, history, disclosure,
registration, edits), researchers, pilot units and office members, the title criteria and the
statistics. Transfers and rewards (`endpoints_transfers`), the pool and the talent evaluations
(`endpoints_funds`) are mounted here."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.tech_transfer import (
    endpoints_funds,
    endpoints_transfers,
    registry,
    repository,
    talent,
    units,
)
from ftz.practices.tech_transfer import stats as statistics_service
from ftz.practices.tech_transfer.api_common import DB, DISCLOSE, MANAGE, OVERSEE, READ, history
from ftz.practices.tech_transfer.common import viewer_for
from ftz.practices.tech_transfer.models import Achievement, PilotUnit, Researcher
from ftz.practices.tech_transfer.schemas import (
    AchievementEventIn,
    AchievementIn,
    AchievementUpdate,
)
from ftz.practices.tech_transfer.schemas_more import (
    MemberIn,
    PilotUnitIn,
    ResearcherIn,
    ResearcherUpdate,
)
from ftz.practices.tech_transfer.schemas_out import AchievementOut, PilotUnitOut, ResearcherOut

router = APIRouter()
router.include_router(endpoints_transfers.router)
router.include_router(endpoints_funds.router)
KIND = Query("", pattern="^(patent|software|know_how|)$")
STATUS = Query("", pattern="^(disclosed|registered|transferred|withdrawn|)$")


@router.get("/achievements", response_model=PageOut[AchievementOut])
def list_achievements(
    q: str = Query("", max_length=100),
    kind: str = KIND,
    status: str = STATUS,
    college: str = Query("", max_length=100),
    year: int | None = Query(None, ge=1990, le=2100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[AchievementOut]:
    filters = repository.achievement_filters(q, kind, status, college, year)
    viewer = viewer_for(session, who)
    found = repository.page(
        session, viewer, Achievement, params, *filters, order=(Achievement.created_at.desc(),)
    )
    items = [AchievementOut.model_validate(v) for v in registry.views(session, found.items)]
    return PageOut[AchievementOut].of(found, items)


@router.post("/achievements", response_model=AchievementOut, status_code=201)
def disclose(
    body: AchievementIn,
    register: bool = Query(False, description="office: register at once"),
    session: Session = DB,
    who: Principal = DISCLOSE,
) -> AchievementOut:
    made = registry.disclose(session, principal=who, data=body, register=register)
    return AchievementOut.model_validate(registry.view(session, made))


@router.get("/achievements/{achievement_id}", response_model=AchievementOut)
def get_achievement(
    achievement_id: str, session: Session = DB, who: Principal = READ
) -> AchievementOut:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Achievement, achievement_id, "achievement")
    return AchievementOut.model_validate(registry.view(session, found))


@router.patch("/achievements/{achievement_id}", response_model=AchievementOut)
def edit_achievement(
    achievement_id: str, body: AchievementUpdate, session: Session = DB, who: Principal = MANAGE
) -> AchievementOut:
    made = registry.update(session, principal=who, achievement_id=achievement_id, data=body)
    return AchievementOut.model_validate(registry.view(session, made))


@router.post("/achievements/{achievement_id}/events", response_model=AchievementOut)
def achievement_event(
    achievement_id: str, body: AchievementEventIn, session: Session = DB, who: Principal = MANAGE
) -> AchievementOut:
    """`register` (into the separate register) or `withdraw` (a reason is required)."""
    made = registry.act(session, principal=who, achievement_id=achievement_id, data=body)
    return AchievementOut.model_validate(registry.view(session, made))


@router.get("/achievements/{achievement_id}/history", response_model=list[dict[str, Any]])
def achievement_history(
    achievement_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Achievement, achievement_id, "achievement")
    return [
        {"at": e.occurred_at, "who": e.actor_username, "action": e.action, "changes": e.changes}
        for e in history(session, who, found.id)
    ]


@router.get("/researchers", response_model=PageOut[ResearcherOut])
def list_researchers(
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[ResearcherOut]:
    filters = [Researcher.name.like(f"%{q}%") | Researcher.staff_no.like(f"%{q}%")] if q else []
    found = repository.page(
        session, viewer_for(session, who), Researcher, params, *filters, order=(Researcher.name,)
    )
    return PageOut[ResearcherOut].of(found, [ResearcherOut.model_validate(r) for r in found.items])


@router.post("/researchers", response_model=ResearcherOut, status_code=201)
def add_researcher(
    body: ResearcherIn, session: Session = DB, who: Principal = MANAGE
) -> ResearcherOut:
    return ResearcherOut.model_validate(talent.add_researcher(session, principal=who, data=body))


@router.get("/researchers/{researcher_id}", response_model=ResearcherOut)
def get_researcher(
    researcher_id: str, session: Session = DB, who: Principal = READ
) -> ResearcherOut:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Researcher, researcher_id, "researcher")
    return ResearcherOut.model_validate(found)


@router.patch("/researchers/{researcher_id}", response_model=ResearcherOut)
def edit_researcher(
    researcher_id: str, body: ResearcherUpdate, session: Session = DB, who: Principal = MANAGE
) -> ResearcherOut:
    made = talent.update_researcher(session, principal=who, researcher_id=researcher_id, data=body)
    return ResearcherOut.model_validate(made)


@router.get("/units", response_model=list[PilotUnitOut])
def list_units(session: Session = DB, who: Principal = READ) -> list[PilotUnitOut]:
    found = repository.rows(
        session, viewer_for(session, who), PilotUnit, order=(PilotUnit.joined_on,)
    )
    return [PilotUnitOut.model_validate(u) for u in found]


@router.post("/units", response_model=PilotUnitOut, status_code=201)
def admit_unit(body: PilotUnitIn, session: Session = DB, who: Principal = OVERSEE) -> PilotUnitOut:
    return PilotUnitOut.model_validate(units.admit_unit(session, principal=who, data=body))


@router.post("/office-members", response_model=dict[str, str], status_code=201)
def add_member(body: MemberIn, session: Session = DB, who: Principal = MANAGE) -> dict[str, str]:
    made = units.add_member(session, principal=who, data=body)
    return {"id": made.id, "org_id": made.org_id, "user_id": made.user_id}


@router.get("/criteria", response_model=list[dict[str, Any]])
def criteria(who: Principal = READ) -> list[dict[str, Any]]:
    """The title-evaluation criteria per path and level, each with its source."""
    return talent.criteria_table()


@router.get("/statistics", response_model=dict[str, Any])
def get_statistics(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return statistics_service.statistics(session, principal=who)
