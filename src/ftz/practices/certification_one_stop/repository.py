"""Every p28 query. Applications, documents, tests, certificates, subscriptions and notifications
belong to an enterprise: it sees its own, the laboratory, the partner desks and the standards
centre see all, other agencies none; another organization's record answers 404. Standards,
their versions and cooperation projects are public to every signed-in user."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.certification_one_stop.common import PREFIX
from ftz.practices.certification_one_stop.models import (
    ApplicationDocument,
    CooperationEvent,
    CooperationProject,
    ExportApplication,
    LabTestResult,
    PartnerCertificate,
    PartnerStandard,
    StandardVersion,
    WatchNotification,
    WatchSubscription,
)
from ftz.practices.certification_one_stop.permissions import DEPARTMENTS

Owned = TypeVar(
    "Owned", ExportApplication, PartnerCertificate, WatchSubscription, WatchNotification
)
Public = TypeVar("Public", PartnerStandard, CooperationProject)
EXPORT_LIMIT = 50_000
OPEN = ("submitted", "testing", "tested")


def scoped(query: Select[Any], model: Any, principal: Principal) -> Select[Any]:
    return scoping.scoped(query, model, principal, DEPARTMENTS)


def get_owned(
    session: Session, principal: Principal, model: type[Owned], id_: str, *, lock: bool = False
) -> Owned:
    what = model.__tablename__.removeprefix(PREFIX)
    return scoping.get_owned(session, principal, model, id_, DEPARTMENTS, what=what, lock=lock)


def get_public(session: Session, model: type[Public], id_: str) -> Public:
    found = session.get(model, id_)
    if found is None:
        raise not_found(model.__tablename__.removeprefix(PREFIX))
    return found


def _ordered(principal: Principal, filters: tuple[Any, ...]) -> Select[Any]:
    query = scoped(select(ExportApplication), ExportApplication, principal).where(*filters)
    return query.order_by(ExportApplication.created_at.desc(), ExportApplication.id.desc())


def applications(
    session: Session, principal: Principal, params: PageParams, *filters: Any
) -> Page[ExportApplication]:
    return paginate_query(session, _ordered(principal, filters), params)


def export_applications(
    session: Session, principal: Principal, *filters: Any
) -> list[ExportApplication]:
    return list(session.scalars(_ordered(principal, filters).limit(EXPORT_LIMIT)))


def application_filters(
    *, status: str = "", scheme: str = "", q: str = "", overdue_on: date | None = None
) -> list[Any]:
    """The list filters shared by the API, the pages and the CSV export."""
    filters: list[Any] = []
    if status:
        filters.append(ExportApplication.status == status)
    if scheme:
        filters.append(ExportApplication.scheme == scheme)
    if q:
        like = f"%{q}%"
        orgs = select(Organization.id).where(
            or_(Organization.name_zh.like(like), Organization.name_en.like(like))
        )
        filters.append(
            or_(
                ExportApplication.number.like(like),
                ExportApplication.product.like(like),
                ExportApplication.hs_code.like(f"{q}%"),
                ExportApplication.org_id.in_(orgs),
            )
        )
    if overdue_on is not None:
        filters.append(ExportApplication.status.in_(OPEN))
        filters.append(ExportApplication.due_on < overdue_on)
    return filters


def org_names(session: Session, org_ids: set[str]) -> dict[str, Organization]:
    if not org_ids:
        return {}
    query = select(Organization).where(Organization.id.in_(org_ids))
    return {org.id: org for org in session.scalars(query)}


def org_by_id(session: Session, org_id: str | None) -> Organization | None:
    return session.get(Organization, org_id) if org_id else None


def next_number(session: Session, prefix: str, model: Any, column: Any) -> str:
    """The next serial after the highest number with `prefix` (numbers are unique; a race ends
    in 409 for the loser)."""
    last = session.scalar(select(func.max(column)).where(column.like(f"{prefix}%")))
    serial = int(str(last)[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{serial:06d}"


def documents(session: Session, application_id: str) -> list[ApplicationDocument]:
    query = select(ApplicationDocument).where(ApplicationDocument.application_id == application_id)
    return list(session.scalars(query.order_by(ApplicationDocument.created_at)))


def document(session: Session, application_id: str, kind: str) -> ApplicationDocument | None:
    query = select(ApplicationDocument).where(
        ApplicationDocument.application_id == application_id, ApplicationDocument.kind == kind
    )
    return session.scalar(query)


def tests(session: Session, application_id: str) -> list[LabTestResult]:
    query = select(LabTestResult).where(LabTestResult.application_id == application_id)
    return list(session.scalars(query.order_by(LabTestResult.created_at)))


def test_result(session: Session, application_id: str, code: str) -> LabTestResult | None:
    query = select(LabTestResult).where(
        LabTestResult.application_id == application_id, LabTestResult.test_code == code
    )
    return session.scalar(query)


def certificate_of(session: Session, application_id: str) -> PartnerCertificate | None:
    query = select(PartnerCertificate).where(PartnerCertificate.application_id == application_id)
    return session.scalar(query)


def certificate_by_code(session: Session, code: str) -> PartnerCertificate | None:
    return session.scalar(
        select(PartnerCertificate).where(PartnerCertificate.verification_code == code)
    )


def application_stats_rows(session: Session, principal: Principal) -> list[ExportApplication]:
    """Every visible application past the draft (statistics are computed from these rows)."""
    query = scoped(select(ExportApplication), ExportApplication, principal).where(
        ExportApplication.status.not_in(("draft",))
    )
    return list(session.scalars(query))


def standards(
    session: Session, params: PageParams, *, country: str = "", q: str = ""
) -> Page[PartnerStandard]:
    query = select(PartnerStandard)
    if country:
        query = query.where(PartnerStandard.country == country)
    if q:
        titles = select(StandardVersion.standard_id).where(StandardVersion.title.like(f"%{q}%"))
        query = query.where(
            or_(PartnerStandard.number.like(f"%{q}%"), PartnerStandard.id.in_(titles))
        )
    return paginate_query(
        session, query.order_by(PartnerStandard.country, PartnerStandard.number), params
    )


def standard_by_number(session: Session, number: str) -> PartnerStandard | None:
    return session.scalar(select(PartnerStandard).where(PartnerStandard.number == number))


def versions(session: Session, standard_id: str) -> list[StandardVersion]:
    """Newest first."""
    query = select(StandardVersion).where(StandardVersion.standard_id == standard_id)
    return list(session.scalars(query.order_by(StandardVersion.published_at.desc())))


def latest_versions(session: Session, standard_ids: list[str]) -> dict[str, StandardVersion]:
    if not standard_ids:
        return {}
    query = select(StandardVersion).where(StandardVersion.standard_id.in_(standard_ids))
    latest: dict[str, StandardVersion] = {}
    for version in session.scalars(query.order_by(StandardVersion.published_at)):
        latest[version.standard_id] = version
    return latest


def active_subscriptions(session: Session) -> list[WatchSubscription]:
    return list(
        session.scalars(select(WatchSubscription).where(WatchSubscription.active.is_(True)))
    )


def subscription(session: Session, org_id: str, kind: str, value: str) -> WatchSubscription | None:
    query = select(WatchSubscription).where(
        WatchSubscription.org_id == org_id,
        WatchSubscription.kind == kind,
        WatchSubscription.value == value,
    )
    return session.scalar(query)


def subscriptions(session: Session, principal: Principal) -> list[WatchSubscription]:
    query = scoped(select(WatchSubscription), WatchSubscription, principal)
    return list(session.scalars(query.order_by(WatchSubscription.created_at.desc())))


def notifications(
    session: Session, principal: Principal, params: PageParams, *, unread: bool = False
) -> Page[WatchNotification]:
    query = scoped(select(WatchNotification), WatchNotification, principal)
    if unread:
        query = query.where(WatchNotification.read_at.is_(None))
    query = query.order_by(WatchNotification.created_at.desc(), WatchNotification.id.desc())
    return paginate_query(session, query, params)


def unread_count(session: Session, principal: Principal) -> int:
    query = scoped(select(func.count(WatchNotification.id)), WatchNotification, principal)
    return int(session.scalar(query.where(WatchNotification.read_at.is_(None))) or 0)


def version(session: Session, version_id: str) -> StandardVersion:
    found = session.get(StandardVersion, version_id)
    if found is None:
        raise not_found("standard_version")
    return found


def projects(session: Session, params: PageParams, *, stage: str = "") -> Page[CooperationProject]:
    query = select(CooperationProject)
    if stage:
        query = query.where(CooperationProject.stage == stage)
    return paginate_query(session, query.order_by(CooperationProject.started_on.desc()), params)


def project_by_code(session: Session, code: str) -> CooperationProject | None:
    return session.scalar(select(CooperationProject).where(CooperationProject.code == code))


def project_events(session: Session, project_id: str) -> list[CooperationEvent]:
    query = select(CooperationEvent).where(CooperationEvent.project_id == project_id)
    return list(session.scalars(query.order_by(CooperationEvent.on, CooperationEvent.created_at)))
