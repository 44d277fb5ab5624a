"""p28 HTTP API, standards watch and cooperation: standards and their versions (publishing one
notifies the matching subscribers), the enterprise's subscriptions and notices, and the
standard-cooperation projects with their events and stages."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.certification_one_stop import cooperation, repository, standards, views
from ftz.practices.certification_one_stop.models import CooperationProject, PartnerStandard
from ftz.practices.certification_one_stop.schemas_watch import (
    NewStandardIn,
    NotificationOut,
    ProjectDetail,
    ProjectEventIn,
    ProjectEventOut,
    ProjectIn,
    ProjectOut,
    PublishedOut,
    StageIn,
    StandardDetail,
    StandardOut,
    SubscriptionIn,
    SubscriptionOut,
    VersionIn,
    VersionOut,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("certification_one_stop.read"))
APPLY = Depends(require("certification_one_stop.apply"))
PUBLISH = Depends(require("certification_one_stop.publish"))
PAGE = Depends(page_params)
COUNTRY_Q = Query("", pattern="^([A-Z]{2}|)$")
STAGE_Q = Query("", pattern="^(proposed|working_group|drafting|signed|adopted|abandoned|)$")


@router.get("/standards", response_model=PageOut[StandardOut])
def list_standards(
    country: str = COUNTRY_Q,
    q: str = Query("", max_length=100),
    params: PageParams = PAGE,
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[StandardOut]:
    page = repository.standards(session, params, country=country, q=q)
    return PageOut.of(page, [StandardOut.model_validate(s) for s in page.items])


@router.post("/standards", response_model=PublishedOut, status_code=201)
def create_standard(
    body: NewStandardIn, session: Session = DB, who: Principal = PUBLISH
) -> PublishedOut:
    version, notified = standards.create_standard(session, principal=who, data=body)
    return PublishedOut(version=VersionOut.model_validate(version), notified=notified)


@router.get("/standards/{standard_id}", response_model=StandardDetail)
def get_standard(standard_id: str, session: Session = DB, who: Principal = READ) -> StandardDetail:
    return views.standard_detail(
        session, repository.get_public(session, PartnerStandard, standard_id)
    )


@router.post("/standards/{standard_id}/versions", response_model=PublishedOut, status_code=201)
def publish_version(
    standard_id: str, body: VersionIn, session: Session = DB, who: Principal = PUBLISH
) -> PublishedOut:
    """A new version: compared clause by clause with the latest, notified to subscribers."""
    version, notified = standards.publish(
        session, principal=who, standard_id=standard_id, data=body
    )
    return PublishedOut(version=VersionOut.model_validate(version), notified=notified)


@router.post("/standards/{standard_id}/withdraw", response_model=dict[str, int])
def withdraw_standard(
    standard_id: str, session: Session = DB, who: Principal = PUBLISH
) -> dict[str, int]:
    return {"notified": standards.withdraw(session, principal=who, standard_id=standard_id)}


@router.get("/subscriptions", response_model=list[SubscriptionOut])
def list_subscriptions(session: Session = DB, who: Principal = READ) -> list[SubscriptionOut]:
    return [SubscriptionOut.model_validate(s) for s in repository.subscriptions(session, who)]


@router.post("/subscriptions", response_model=SubscriptionOut, status_code=201)
def subscribe(
    body: SubscriptionIn, session: Session = DB, who: Principal = APPLY
) -> SubscriptionOut:
    """By HS code (a valid HS 2022 code or prefix) or by product keyword."""
    return SubscriptionOut.model_validate(standards.subscribe(session, principal=who, data=body))


@router.delete("/subscriptions/{subscription_id}", response_model=SubscriptionOut)
def unsubscribe(
    subscription_id: str, session: Session = DB, who: Principal = APPLY
) -> SubscriptionOut:
    made = standards.unsubscribe(session, principal=who, subscription_id=subscription_id)
    return SubscriptionOut.model_validate(made)


@router.get("/notifications", response_model=PageOut[NotificationOut])
def list_notifications(
    unread: bool = False, params: PageParams = PAGE, session: Session = DB, who: Principal = READ
) -> PageOut[NotificationOut]:
    page = repository.notifications(session, who, params, unread=unread)
    return PageOut.of(page, [NotificationOut.model_validate(n) for n in page.items])


@router.post("/notifications/{notification_id}/read", response_model=NotificationOut)
def mark_read(
    notification_id: str, session: Session = DB, who: Principal = APPLY
) -> NotificationOut:
    made = standards.mark_read(session, principal=who, notification_id=notification_id)
    return NotificationOut.model_validate(made)


@router.get("/projects", response_model=PageOut[ProjectOut])
def list_projects(
    stage: str = STAGE_Q, params: PageParams = PAGE, session: Session = DB, who: Principal = READ
) -> PageOut[ProjectOut]:
    page = repository.projects(session, params, stage=stage)
    return PageOut.of(page, [ProjectOut.model_validate(p) for p in page.items])


@router.post("/projects", response_model=ProjectOut, status_code=201)
def create_project(body: ProjectIn, session: Session = DB, who: Principal = PUBLISH) -> ProjectOut:
    return ProjectOut.model_validate(cooperation.create(session, principal=who, data=body))


@router.get("/projects/{project_id}", response_model=ProjectDetail)
def get_project(project_id: str, session: Session = DB, who: Principal = READ) -> ProjectDetail:
    found = repository.get_public(session, CooperationProject, project_id)
    return views.project_detail(session, found)


@router.post("/projects/{project_id}/events", response_model=ProjectEventOut, status_code=201)
def add_event(
    project_id: str, body: ProjectEventIn, session: Session = DB, who: Principal = PUBLISH
) -> ProjectEventOut:
    made = cooperation.add_event(session, principal=who, project_id=project_id, data=body)
    return ProjectEventOut.model_validate(made)


@router.post("/projects/{project_id}/stage", response_model=ProjectOut)
def move_stage(
    project_id: str, body: StageIn, session: Session = DB, who: Principal = PUBLISH
) -> ProjectOut:
    made = cooperation.move(session, principal=who, project_id=project_id, data=body)
    return ProjectOut.model_validate(made)
