"""Step 2, in the domestic laboratory: each test the scheme requires for the product's category
is recorded with its standard, verdict, findings and the report's fingerprint (anchored); the
laboratory then concludes: every required test passed → tested (the file goes to the partner
body), any failed → failed (the file closes, and counts against the success rate)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.kit.pagination import PageParams
from ftz.core.workflow import fire
from ftz.practices.certification_one_stop import repository, sla
from ftz.practices.certification_one_stop.applications import missing_documents
from ftz.practices.certification_one_stop.common import anchor, require_department
from ftz.practices.certification_one_stop.models import ExportApplication, LabTestResult
from ftz.practices.certification_one_stop.permissions import LAB
from ftz.practices.certification_one_stop.schemas import TestIn
from ftz.practices.certification_one_stop.workflow import ApplicationFlow


def record(
    session: Session,
    *,
    principal: Principal,
    application_id: str,
    data: TestIn,
    today: date | None = None,
) -> LabTestResult:
    require_department(principal, LAB, "record test results")
    day = today or date.today()
    application = repository.get_owned(
        session, principal, ExportApplication, application_id, lock=True
    )
    if application.status != "testing":
        raise conflict(
            f"tests are recorded while the file is in testing (it is {application.status})"
        )
    required = {t["code"]: t for t in application.required_tests}
    if data.test_code not in required:
        raise validation_error("test_code", "one of the required tests: " + ", ".join(required))
    tested_on = data.tested_on or day
    if application.submitted_on and not application.submitted_on <= tested_on <= day:
        raise validation_error("tested_on", "between the submission and today")
    entry = {
        "type": "certification_one_stop.test",
        "application": application.number,
        "test": data.test_code,
        "passed": data.passed,
        "report_sha256": data.report_sha256,
        "tested_on": tested_on.isoformat(),
        "by": principal.username,
    }
    index = anchor(session, entry, f"cos-test:{application.id}:{data.test_code}")
    result = repository.test_result(session, application.id, data.test_code)
    if result is None:
        result = LabTestResult(
            org_id=application.org_id, application_id=application.id, test_code=data.test_code
        )
        session.add(result)
    # A re-test replaces the verdict; the audit trail and the ledger keep the earlier one.
    result.standard = required[data.test_code]["standard"]
    result.passed, result.findings = data.passed, data.findings.strip()
    result.report_sha256, result.tested_on = data.report_sha256, tested_on
    result.recorded_by, result.ledger_index = principal.username, index
    session.flush()
    return result


def conclude(
    session: Session,
    *,
    principal: Principal,
    application_id: str,
    note: str = "",
    today: date | None = None,
) -> ExportApplication:
    require_department(principal, LAB, "conclude testing")
    day = today or date.today()
    application = repository.get_owned(
        session, principal, ExportApplication, application_id, lock=True
    )
    results = {r.test_code: r for r in repository.tests(session, application.id)}
    missing = [t["code"] for t in application.required_tests if t["code"] not in results]
    if application.status == "testing" and missing:
        raise conflict("tests not yet recorded: " + ", ".join(missing))
    failed = [code for code, r in results.items() if not r.passed]
    event = "fail_tests" if failed else "pass_tests"
    fire(
        session,
        ApplicationFlow,
        application,
        event,
        principal=principal,
        owner_org_id=application.org_id,
        note=note,
    )
    if failed:
        application.closed_on = day
        application.note = note or "failed: " + ", ".join(failed)
    entry = {
        "type": "certification_one_stop.testing",
        "application": application.number,
        "results": {c: r.report_sha256 for c, r in sorted(results.items())},
        "failed": failed,
        "on": day.isoformat(),
        "by": principal.username,
    }
    anchor(session, entry, f"cos-testing:{application.id}")
    session.flush()
    return application


def detail(
    session: Session, application: ExportApplication, today: date | None = None
) -> dict[str, Any]:
    """Everything the detail page and API show beside the application itself."""
    return {
        "documents": repository.documents(session, application.id),
        "missing_documents": missing_documents(session, application),
        "tests": repository.tests(session, application.id),
        "certificate": repository.certificate_of(session, application.id),
        "sla": sla.status(application, today or date.today()),
    }


def history(session: Session, *, principal: Principal, entity_ids: list[str]) -> list[AuditEvent]:
    """The audit trail of a file (the application, its documents and tests), newest first."""
    found = list_events(
        session, principal=principal, entity_ids=entity_ids, params=PageParams(page=1, size=200)
    )
    return list(found.items)
