"""Step 3's record: the certificate issued in China by the partner body's desk (number per
scheme and year, validity from the scheme, SHA-256 of its canonical content anchored in the
evidence ledger) and the verification code printed on it, which anyone can check."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.core.ledger.service import canonical
from ftz.practices.certification_one_stop import reference, repository
from ftz.practices.certification_one_stop.common import anchor
from ftz.practices.certification_one_stop.models import ExportApplication, PartnerCertificate

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def _verification_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - one of the four always exists


def issue(
    session: Session, principal: Principal, application: ExportApplication, day: date
) -> None:
    scheme = reference.scheme(application.scheme)
    prefix = f"{scheme.code.split('-')[1]}-CN-{day.year}-"
    number = repository.next_number(session, prefix, PartnerCertificate, PartnerCertificate.number)
    content = {
        "number": number,
        "scheme": scheme.code,
        "application": application.number,
        "holder_org_id": application.org_id,
        "product": application.product,
        "model": application.model,
        "hs_code": application.hs_code,
        "issued_on": day.isoformat(),
        "valid_until": _add_months(day, scheme.validity_months).isoformat(),
    }
    digest = hashlib.sha256(canonical(content)).hexdigest()
    entry = {"type": "certification_one_stop.certificate", "sha256": digest, **content}
    certificate = PartnerCertificate(
        org_id=application.org_id,
        application_id=application.id,
        number=number,
        verification_code=_verification_code(),
        issued_on=day,
        valid_until=date.fromisoformat(content["valid_until"]),
        issued_by=principal.username,
        sha256=digest,
        ledger_index=anchor(session, entry, f"cos-certificate:{number}"),
    )
    session.add(certificate)


def verify(session: Session, code: str, today: date | None = None) -> dict[str, Any]:
    """What a verification code proves: the certificate, its holder and product, whether it is
    in force today, and its ledger entry. No fees, no documents."""
    normalized = code.strip().upper().replace(" ", "")
    if len(normalized) == 12 and "-" not in normalized:
        normalized = f"{normalized[:4]}-{normalized[4:8]}-{normalized[8:]}"
    found = repository.certificate_by_code(session, normalized)
    if found is None:
        raise validation_error("code", "no certificate carries this verification code")
    application = session.get(ExportApplication, found.application_id)
    assert application is not None  # the foreign key guarantees it
    holder = repository.org_by_id(session, found.org_id)
    in_force = found.status == "valid" and found.valid_until >= (today or date.today())
    return {
        "valid": in_force,
        "status": found.status if in_force else "expired",
        "number": found.number,
        "scheme": application.scheme,
        "holder": holder.name_zh if holder else "",
        "product": application.product,
        "model": application.model,
        "hs_code": application.hs_code,
        "issued_on": found.issued_on,
        "valid_until": found.valid_until,
        "sha256": found.sha256,
        "ledger_index": found.ledger_index,
    }
