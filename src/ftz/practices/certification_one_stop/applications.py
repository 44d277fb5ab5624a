"""The three steps of one-stop certification. Step 1: the enterprise applies for a scheme (the
HS code checked against HS 2022 and the scheme's scope; the product category, the documents the
scheme needs and the SLA decided by rules) and submits once every document's fingerprint is
attached; the SLA clock starts. Step 2: the domestic laboratory accepts the file, records each
required test with its report's fingerprint and concludes (all passed → tested, any failed →
failed). Step 3: the partner body's desk issues the certificate in China, with a verification
code, or refuses it with a reason. Every step is anchored in the evidence ledger."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.practices.certification_one_stop import certificates, hs_codes, reference, repository, sla
from ftz.practices.certification_one_stop.common import (
    anchor,
    in_department,
    own_org,
    require_department,
    rules,
)
from ftz.practices.certification_one_stop.models import (
    ApplicationDocument,
    ExportApplication,
)
from ftz.practices.certification_one_stop.permissions import LAB, PARTNER
from ftz.practices.certification_one_stop.schemas import ApplicationIn, DocumentIn, EventIn
from ftz.practices.certification_one_stop.workflow import ApplicationFlow

EDITABLE = ("draft", "submitted")


def _today(today: date | None) -> date:
    return today or date.today()


def assess(scheme_code: str, hs_code: str, trade_value: Any) -> dict[str, Any]:
    """What the rules decide for a product under a scheme, before anything is saved: category,
    documents, tests, fee and SLA, with every row that fired (also used by the CLI's `quote`)."""
    scheme = reference.scheme(scheme_code)
    code = hs_codes.check(hs_code)
    if not scheme.covers(code):
        scope = ", ".join(item.hs for item in scheme.product_scope)
        raise validation_error("hs_code", f"{scheme.code} covers HS {scope}, not {code}")
    category = rules().evaluate(
        "category.json", {"heading": int(code[:4].ljust(4, "0")), "chapter": int(code[:2])}
    )
    docs = rules().evaluate(
        "documents.json", {"scheme": scheme.code, "category": category.result["category"]}
    )
    limit, sla_rows = sla.limit(scheme.code)
    tests = scheme.tests_for(category.result["category"])
    return {
        "scheme": scheme.code,
        "hs_code": code,
        "category": category.result["category"],
        "documents": list(dict.fromkeys(row["document"] for row in docs.result)),
        "tests": [t.model_dump() for t in tests],
        "fee": scheme.fee(trade_value, len(tests)),
        "sla": limit,
        "fired": category.explanation() + docs.explanation() + sla_rows,
    }


def _decided(data: ApplicationIn) -> dict[str, Any]:
    """The columns an application takes from the enterprise's answers and the rules."""
    found = assess(data.scheme, data.hs_code, data.trade_value_cny)
    return {
        "scheme": found["scheme"],
        "product": data.product.strip(),
        "model": data.model.strip(),
        "hs_code": found["hs_code"],
        "category": found["category"],
        "trade_value_cny": data.trade_value_cny,
        "fee_cny": found["fee"]["total"],
        "required_documents": found["documents"],
        "required_tests": found["tests"],
        "fired": found["fired"],
        "sla_days": int(found["sla"]["sla_days"]),
        "day_kind": str(found["sla"]["day_kind"]),
    }


def create(
    session: Session, *, principal: Principal, data: ApplicationIn, today: date | None = None
) -> ExportApplication:
    org_id = own_org(principal)
    decided = _decided(data)
    year = _today(today).year
    number = repository.next_number(
        session, f"COS-{year}-", ExportApplication, ExportApplication.number
    )
    application = ExportApplication(org_id=org_id, number=number, status="draft", **decided)
    session.add(application)
    session.flush()
    return application


def update(
    session: Session, *, principal: Principal, application_id: str, data: ApplicationIn
) -> ExportApplication:
    """Correct a draft: the rules decide again (documents, tests, fee, SLA may change; documents
    already attached stay and count if still required). Submitted files are fixed."""
    own_org(principal)
    application = repository.get_owned(
        session, principal, ExportApplication, application_id, lock=True
    )
    if application.status != "draft":
        raise conflict(f"only a draft can be edited (application is {application.status})")
    for column, value in _decided(data).items():
        setattr(application, column, value)
    session.flush()
    return application


def attach(
    session: Session, *, principal: Principal, application_id: str, data: DocumentIn
) -> ApplicationDocument:
    """Attach (or replace) one document's fingerprint while the file is still the enterprise's."""
    own_org(principal)
    application = repository.get_owned(
        session, principal, ExportApplication, application_id, lock=True
    )
    if application.status not in EDITABLE:
        raise conflict(
            f"documents are fixed once testing starts (application is {application.status})"
        )
    if data.kind not in application.required_documents:
        allowed = ", ".join(application.required_documents)
        raise validation_error("kind", f"one of the documents this file needs: {allowed}")
    entry = {
        "type": "certification_one_stop.document",
        "application": application.number,
        "kind": data.kind,
        "sha256": data.sha256,
    }
    index = anchor(session, entry, f"cos-doc:{application.id}:{data.kind}")
    existing = repository.document(session, application.id, data.kind)
    if existing is not None:
        existing.filename, existing.sha256, existing.ledger_index = (
            data.filename,
            data.sha256,
            index,
        )
        session.flush()
        return existing
    made = ApplicationDocument(
        org_id=application.org_id,
        application_id=application.id,
        kind=data.kind,
        filename=data.filename,
        sha256=data.sha256,
        ledger_index=index,
    )
    session.add(made)
    session.flush()
    return made


def missing_documents(session: Session, application: ExportApplication) -> list[str]:
    have = {d.kind for d in repository.documents(session, application.id)}
    return [kind for kind in application.required_documents if kind not in have]


def _submit(session: Session, application: ExportApplication, today: date) -> None:
    missing = missing_documents(session, application)
    if missing:
        raise conflict("documents missing before submission: " + ", ".join(missing))
    application.submitted_on = today
    application.due_on = sla.due_date(today, application.sla_days, application.day_kind)
    docs = {d.kind: d.sha256 for d in repository.documents(session, application.id)}
    entry = {
        "type": "certification_one_stop.application",
        "number": application.number,
        "org_id": application.org_id,
        "scheme": application.scheme,
        "hs_code": application.hs_code,
        "product": application.product,
        "model": application.model,
        "submitted_on": today.isoformat(),
        "due_on": application.due_on.isoformat(),
        "documents": docs,
    }
    application.ledger_index = anchor(session, entry, f"cos-application:{application.id}")


def _require_partner_of(
    session: Session, principal: Principal, application: ExportApplication
) -> None:
    require_department(principal, PARTNER, "issue or refuse certificates")
    if principal.is_admin:
        return
    org = repository.org_by_id(session, principal.org_id)
    partner = reference.scheme(application.scheme).partner_body
    if org is None or org.code != partner:
        raise forbidden(f"only the desk of {application.scheme}'s partner body decides this file")


def event(
    session: Session,
    *,
    principal: Principal,
    application_id: str,
    data: EventIn,
    today: date | None = None,
) -> ExportApplication:
    day = _today(today)
    application = repository.get_owned(
        session, principal, ExportApplication, application_id, lock=True
    )
    if data.event in ("submit", "withdraw"):
        own_org(principal)
    if data.event == "accept":
        require_department(principal, LAB, "accept files for testing")
    if data.event in ("issue", "refuse"):
        _require_partner_of(session, principal, application)
    if data.event == "refuse" and len(data.note.strip()) < 2:
        raise validation_error("note", "give the reason for the refusal")
    fire(
        session,
        ApplicationFlow,
        application,
        data.event,
        principal=principal,
        owner_org_id=application.org_id,
        note=data.note,
    )
    if data.note:
        application.note = data.note
    if data.event == "submit":
        _submit(session, application, day)
    elif data.event == "accept":
        application.lab_org_id = principal.org_id
    elif data.event == "issue":
        certificates.issue(session, principal, application, day)
    if data.event in ("withdraw", "refuse", "issue"):
        application.closed_on = day
    if data.event in ("withdraw", "refuse"):
        entry = {
            "type": f"certification_one_stop.{data.event}",
            "number": application.number,
            "by": principal.username,
            "note": data.note,
            "on": day.isoformat(),
        }
        anchor(session, entry, f"cos-{data.event}:{application.id}")
    session.flush()
    return application


def can_certify(principal: Principal) -> dict[str, bool]:
    return {"lab": in_department(principal, LAB), "partner": in_department(principal, PARTNER)}
