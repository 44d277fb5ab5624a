"""p13 inspections. The origin office inspects at the packing site on the checklist
(rules/checklist.json): all items met certifies the box (集装箱海运安全适运证书) and anchors the
recognized result in the evidence ledger; otherwise the box goes back to the shipper. The
transit port's office checks the arrival without opening: the box is loaded as recognized
unless a rule of rules/transit.json fires (seal broken or different, damage, leak, placards
lost), and only then is it reopened and inspected there. Services flush, never commit."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.workflow import fire
from ftz.practices.nev_containers import repository
from ftz.practices.nev_containers.common import anchor, require_office, rules
from ftz.practices.nev_containers.models import Declaration, Inspection
from ftz.practices.nev_containers.schemas import (
    FUEL,
    LITHIUM,
    ArrivalIn,
    InspectionIn,
    ReinspectionIn,
)
from ftz.practices.nev_containers.workflow import DeclarationFlow


def _record(
    session: Session,
    principal: Principal,
    declaration: Declaration,
    kind: str,
    facts: dict[str, Any],
    passed: bool,
    fired: list[dict[str, Any]],
    extra: dict[str, Any],
) -> Inspection:
    inspection_id = new_id()
    entry = {
        "type": f"nev_containers.{kind}",
        "declaration": declaration.number,
        "container": declaration.container_no,
        "vins": [v.vin for v in declaration.vehicles],
        "un_numbers": declaration.un_numbers,
        "edition": declaration.edition,
        "officer": principal.username,
        "passed": passed,
        "rows": [r["row_id"] for r in fired],
        **facts,
        **extra,
    }
    index = anchor(session, entry, f"nev-{kind}:{inspection_id}")
    inspection = Inspection(
        id=inspection_id, org_id=declaration.org_id, declaration_id=declaration.id, kind=kind,
        office_org_id=principal.org_id or declaration.origin_office_org_id,
        officer=principal.username, answers=facts, passed=passed, fired=fired,
        ledger_index=index, **extra,
    )  # fmt: skip
    session.add(inspection)
    session.flush()
    return inspection


def inspect(
    session: Session, *, principal: Principal, declaration_id: str, data: InspectionIn
) -> Inspection:
    declaration = repository.get_declaration(session, principal, declaration_id, lock=True)
    require_office(principal, declaration.origin_office_org_id, "origin maritime office")
    if declaration.status != "declared":
        raise conflict(f"cannot inspect a {declaration.status} declaration")
    sources = {v.power_source for v in declaration.vehicles}
    answers = data.model_dump(exclude={"seal_no", "photo_sha256", "note"})
    facts = {
        **answers,
        "photos": len(data.photo_sha256),
        "lithium": bool(sources & set(LITHIUM)),
        "fuel": bool(sources & set(FUEL)),
    }
    found = rules().evaluate("checklist.json", facts)
    fired = found.explanation()
    passed = not fired
    if passed and not data.seal_no:
        raise validation_error("seal_no", "record the seal applied after the inspection")
    extra = {"seal_no": data.seal_no, "photo_sha256": data.photo_sha256, "note": data.note}
    inspection = _record(session, principal, declaration, "packing_site", answers, passed,
                         fired, extra)  # fmt: skip
    if passed:
        fire(session, DeclarationFlow, declaration, "certify", principal=principal,
             owner_org_id=declaration.org_id, note=data.note)  # fmt: skip
        declaration.seal_no = data.seal_no
        declaration.certificate_no = f"SC-{declaration.number}"
        declaration.ledger_index = inspection.ledger_index  # the recognized result
    else:
        failed = ", ".join(str(r["outputs"].get("item")) for r in fired)
        fire(session, DeclarationFlow, declaration, "send_back", principal=principal,
             owner_org_id=declaration.org_id, note=f"{failed}. {data.note}".strip())  # fmt: skip
    session.flush()
    return inspection


def arrival(
    session: Session, *, principal: Principal, declaration_id: str, data: ArrivalIn
) -> Inspection:
    declaration = repository.get_declaration(session, principal, declaration_id, lock=True)
    require_office(principal, declaration.transit_office_org_id, "transit port maritime office")
    if declaration.status != "certified":
        raise conflict(f"cannot check the arrival of a {declaration.status} declaration")
    facts = {**data.model_dump(exclude={"seal_no", "note"}),
             "seal_matches": data.seal_no == declaration.seal_no}  # fmt: skip
    fired = rules().evaluate("transit.json", facts).explanation()
    extra = {"seal_no": data.seal_no, "note": data.note}
    recognized = {"origin_ledger_index": declaration.ledger_index}
    inspection = _record(session, principal, declaration, "arrival", {**facts, **recognized},
                         not fired, fired, extra)  # fmt: skip
    # No rule fired: the origin's result stands and the box is loaded unopened. The officer has
    # no "reopen" of their own; only a fired rule sends the box to be opened.
    step = "reopen" if fired else "recognize"
    fire(session, DeclarationFlow, declaration, step, principal=principal,
         owner_org_id=declaration.org_id, note=data.note)  # fmt: skip
    session.flush()
    return inspection


def reinspect(
    session: Session, *, principal: Principal, declaration_id: str, data: ReinspectionIn
) -> Inspection:
    declaration = repository.get_declaration(session, principal, declaration_id, lock=True)
    require_office(principal, declaration.transit_office_org_id, "transit port maritime office")
    if declaration.status != "reopened":
        raise conflict("only a box reopened by a transit rule is inspected at the port")
    extra = {"photo_sha256": data.photo_sha256, "note": data.note}
    inspection = _record(session, principal, declaration, "reinspection",
                         {"passed": data.passed}, data.passed, [], extra)  # fmt: skip
    fire(session, DeclarationFlow, declaration, "clear" if data.passed else "hold",
         principal=principal, owner_org_id=declaration.org_id, note=data.note)  # fmt: skip
    session.flush()
    return inspection
