"""Turning records into API shapes (shared by the endpoints and the CLI)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ftz.practices.certification_one_stop import cooperation, repository, testing
from ftz.practices.certification_one_stop.models import (
    CooperationProject,
    ExportApplication,
    PartnerStandard,
)
from ftz.practices.certification_one_stop.schemas import (
    ApplicationDetail,
    ApplicationOut,
    CertificateOut,
    DocumentOut,
    TestOut,
)
from ftz.practices.certification_one_stop.schemas_watch import (
    ProjectDetail,
    ProjectEventOut,
    ProjectOut,
    StandardDetail,
    StandardOut,
    VersionOut,
)


def application_detail(
    session: Session, application: ExportApplication, today: date | None = None
) -> ApplicationDetail:
    extra = testing.detail(session, application, today)
    certificate = extra["certificate"]
    return ApplicationDetail(
        **ApplicationOut.model_validate(application).model_dump(),
        documents=[DocumentOut.model_validate(d) for d in extra["documents"]],
        missing_documents=extra["missing_documents"],
        tests=[TestOut.model_validate(t) for t in extra["tests"]],
        certificate=CertificateOut.model_validate(certificate) if certificate else None,
        sla=extra["sla"],
    )


def standard_detail(session: Session, standard: PartnerStandard) -> StandardDetail:
    return StandardDetail(
        **StandardOut.model_validate(standard).model_dump(),
        versions=[VersionOut.model_validate(v) for v in repository.versions(session, standard.id)],
    )


def project_detail(session: Session, project: CooperationProject) -> ProjectDetail:
    events = repository.project_events(session, project.id)
    return ProjectDetail(
        **ProjectOut.model_validate(project).model_dump(),
        events=[ProjectEventOut.model_validate(e) for e in events],
        event_counts=cooperation.event_counts(session, project.id),
    )
