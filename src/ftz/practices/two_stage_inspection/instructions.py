"""p20 control instructions (布控指令). The port customs issues an instruction that hits a
declared good; rules/routing.json decides whether it is two-stage (a filed good of an admitted
pilot enterprise) or executed whole at the port. A two-stage instruction waits for the port's
external check (rules/external_check.json): no anomaly routes the rest of the instruction to the
destination customs automatically, remarked "pilot good"; an anomaly escalates it to a full port
inspection. The destination check or the port inspection closes it. Every step is anchored in
the evidence ledger. Services flush, never commit."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.auth.service import get_org_by_code
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.workflow import fire
from ftz.practices.two_stage_inspection import repository
from ftz.practices.two_stage_inspection.common import anchor, office_org, require_office, rules
from ftz.practices.two_stage_inspection.models import TsiCheck, TsiInstruction
from ftz.practices.two_stage_inspection.schemas import ExternalCheckIn, InstructionIn, ResultIn
from ftz.practices.two_stage_inspection.workflow import InstructionFlow

REMARK = "试点货物：口岸外观查验无异常，按原查验要求在目的地海关检查 (pilot good)"


def _routing(session: Session, org_id: str, hs_code: str) -> tuple[Any, Any, list[dict[str, Any]]]:
    """The admitted pilot of the enterprise, its filed good of this HS subheading, and the rows
    of rules/routing.json that decide where the instruction is executed."""
    pilot = repository.latest_pilot(session, org_id, ("admitted",))
    latest = pilot or repository.latest_pilot(session, org_id, ("applied", "refused", "revoked"))
    good = next((g for g in pilot.goods if g.hs_code == hs_code and g.eligible), None) \
        if pilot else None  # fmt: skip
    facts = {"pilot": latest.status if latest else "none", "good_filed": good is not None}
    return pilot, good, rules().evaluate("routing.json", facts).explanation()


def _day(day: date | None, instruction: TsiInstruction) -> date:
    chosen = day or date.today()
    if chosen > date.today():
        raise validation_error("checked_on", "cannot be in the future")
    if chosen < instruction.arrived_on:
        raise validation_error("checked_on", "cannot be before the goods arrived")
    return chosen


def issue(session: Session, *, principal: Principal, data: InstructionIn) -> TsiInstruction:
    port = office_org(session, data.port_office, "port", "port_office")
    destination = office_org(session, data.destination_office, "destination",
                             "destination_office")  # fmt: skip
    require_office(principal, port.id, "port customs office")
    enterprise = get_org_by_code(session, data.enterprise)
    if enterprise is None or enterprise.kind != OrgKind.ENTERPRISE:
        raise validation_error("enterprise", f"no enterprise with code {data.enterprise}")
    if data.arrived_on > date.today():
        raise validation_error("arrived_on", "cannot be in the future")
    hs_code = data.tariff_code[:6]
    pilot, good, fired = _routing(session, enterprise.id, hs_code)
    mode = str(fired[0]["outputs"]["mode"])
    instruction = TsiInstruction(
        id=new_id(), org_id=enterprise.id, entry_no=data.entry_no, hs_code=hs_code,
        number=repository.next_number(session, TsiInstruction, f"BK-{data.arrived_on.year}-"),
        goods_name=data.goods_name, quantity=data.quantity, unit=data.unit,
        value_usd=data.value_usd, requirements=data.requirements, arrived_on=data.arrived_on,
        port_office_org_id=port.id, destination_office_org_id=destination.id,
        pilot_id=pilot.id if pilot else None, good_id=good.id if good else None, mode=mode,
        routing_fired=fired, status="issued",
    )  # fmt: skip
    instruction.ledger_index = anchor(session, {
        "type": "two_stage_inspection.instruction", "number": instruction.number,
        "entry_no": data.entry_no, "hs_code": hs_code, "enterprise": data.enterprise,
        "mode": mode, "rows": [r["row_id"] for r in fired], "officer": principal.username,
    }, f"tsi-instruction:{instruction.id}")  # fmt: skip
    session.add(instruction)
    session.flush()
    if mode != "two_stage":
        reason = str(fired[0]["outputs"]["reason_zh"])
        fire(session, InstructionFlow, instruction, "escalate", principal=principal,
             owner_org_id=instruction.org_id, note=reason)  # fmt: skip
    return instruction


def _record(
    session: Session, principal: Principal, instruction: TsiInstruction, kind: str,
    checked_on: date, answers: dict[str, Any], passed: bool, fired: list[dict[str, Any]],
    note: str,
) -> TsiCheck:  # fmt: skip
    check_id = new_id()
    index = anchor(session, {
        "type": f"two_stage_inspection.{kind}", "instruction": instruction.number,
        "entry_no": instruction.entry_no, "hs_code": instruction.hs_code,
        "on": checked_on.isoformat(), "passed": passed, "rows": [r["row_id"] for r in fired],
        "officer": principal.username, **answers,
    }, f"tsi-{kind}:{check_id}")  # fmt: skip
    check = TsiCheck(
        id=check_id, org_id=instruction.org_id, instruction_id=instruction.id, kind=kind,
        office_org_id=principal.org_id or instruction.port_office_org_id,
        officer=principal.username, checked_on=checked_on, answers=answers, passed=passed,
        fired=fired, note=note, ledger_index=index,
    )  # fmt: skip
    session.add(check)
    session.flush()
    return check


def external_check(
    session: Session, *, principal: Principal, instruction_id: str, data: ExternalCheckIn
) -> TsiCheck:
    instruction = repository.get_instruction(session, principal, instruction_id, lock=True)
    require_office(principal, instruction.port_office_org_id, "port customs office")
    if instruction.status != "issued":
        raise conflict(f"cannot record an external check on a {instruction.status} instruction")
    on = _day(data.checked_on, instruction)
    answers = data.model_dump(exclude={"checked_on", "note"})
    fired = rules().evaluate("external_check.json", answers).explanation()
    # The pilot may have been revoked since the instruction was issued: routed only if it holds.
    _, _, routing = _routing(session, instruction.org_id, instruction.hs_code)
    still = routing[0]["outputs"]["mode"] == "two_stage"
    route = still and all(row["outputs"]["next"] == "route" for row in fired)
    shown = fired if still else [*fired, *routing]
    check = _record(session, principal, instruction, "external", on, answers, route, shown,
                    data.note)  # fmt: skip
    if route:
        instruction.released_on = on
        instruction.remark = REMARK
    else:  # the pilot no longer applies: the port executes the whole instruction
        instruction.mode = "port"
    reasons = "; ".join(str(r["outputs"]["reason_zh"]) for r in shown)
    fire(session, InstructionFlow, instruction, "route" if route else "escalate",
         principal=principal, owner_org_id=instruction.org_id,
         note=f"{reasons}. {data.note}".strip())  # fmt: skip
    session.flush()
    return check


def destination_check(
    session: Session, *, principal: Principal, instruction_id: str, data: ResultIn
) -> TsiCheck:
    instruction = repository.get_instruction(session, principal, instruction_id, lock=True)
    require_office(principal, instruction.destination_office_org_id, "destination customs office")
    if instruction.status != "routed":
        raise conflict(f"cannot record a destination check on a {instruction.status} instruction")
    on = _day(data.checked_on, instruction)
    check = _record(session, principal, instruction, "destination", on,
                    {"conform": data.conform}, data.conform, [], data.note)  # fmt: skip
    instruction.closed_on = on
    instruction.outcome = "conform" if data.conform else "discrepancy"
    fire(session, InstructionFlow, instruction, "destination_check", principal=principal,
         owner_org_id=instruction.org_id, note=data.note)  # fmt: skip
    session.flush()
    return check


def port_inspection(
    session: Session, *, principal: Principal, instruction_id: str, data: ResultIn
) -> TsiCheck:
    instruction = repository.get_instruction(session, principal, instruction_id, lock=True)
    require_office(principal, instruction.port_office_org_id, "port customs office")
    if instruction.status != "port_inspection":
        raise conflict(f"cannot record a port inspection on a {instruction.status} instruction")
    on = _day(data.checked_on, instruction)
    check = _record(session, principal, instruction, "port", on, {"conform": data.conform},
                    data.conform, [], data.note)  # fmt: skip
    instruction.released_on = instruction.closed_on = on
    instruction.outcome = "conform" if data.conform else "discrepancy"
    fire(session, InstructionFlow, instruction, "port_check", principal=principal,
         owner_org_id=instruction.org_id, note=data.note)  # fmt: skip
    session.flush()
    return check
