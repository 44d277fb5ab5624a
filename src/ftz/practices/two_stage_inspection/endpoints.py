"""p20 HTTP API: pilot applications (enterprise), their risk assessment and revocation (customs),
control instructions with the external check (port), the destination check and the full port
inspection, the rule tables and the dashboard."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.two_stage_inspection import exports, instructions, repository, service
from ftz.practices.two_stage_inspection.common import rules, table_rows
from ftz.practices.two_stage_inspection.models import TsiInstruction, TsiPilot
from ftz.practices.two_stage_inspection.schemas import (
    AssessmentIn,
    CheckOut,
    ExternalCheckIn,
    InstructionIn,
    InstructionOut,
    PilotIn,
    PilotOut,
    ResultIn,
    ViolationIn,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("two_stage_inspection.read"))
APPLY = Depends(require("two_stage_inspection.apply"))
ASSESS = Depends(require("two_stage_inspection.assess"))
INSPECT = Depends(require("two_stage_inspection.inspect"))
PILOT_Q = Query(None, pattern="^(applied|admitted|refused|revoked)$")
INSTRUCTION_Q = Query(None, pattern="^(issued|routed|port_inspection|closed)$")
TEXT_Q = Query(None, max_length=100)


def _history(session: Session, who: Principal, entity_id: str) -> list[dict[str, Any]]:
    return [
        {"at": e.occurred_at.isoformat(), "who": e.actor_username, "action": e.action,
         "changes": e.changes}
        for e in service.history(session, principal=who, entity_id=entity_id)
    ]  # fmt: skip


def pilot_filters(status: str | None, q: str | None) -> list[Any]:
    filters: list[Any] = [TsiPilot.status == status] if status else []
    return [*filters, repository.pilot_search(q)] if q else filters


def instruction_filters(status: str | None, q: str | None) -> list[Any]:
    filters: list[Any] = [TsiInstruction.status == status] if status else []
    return [*filters, repository.instruction_search(q)] if q else filters


@router.get("/dashboard", response_model=dict[str, Any])
def dashboard(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return service.dashboard(session, principal=who)


@router.get("/rules", response_model=dict[str, list[dict[str, Any]]])
def rule_tables(who: Principal = READ) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, with its reasons and source."""
    return {key: table_rows(key) for key in rules().keys}


@router.get("/pilots", response_model=PageOut[PilotOut])
def list_pilots(
    status: str | None = PILOT_Q,
    q: str | None = TEXT_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[PilotOut]:
    found = repository.pilot_page(session, who, params, *pilot_filters(status, q))
    return PageOut.of(found, [PilotOut.model_validate(p) for p in found.items])


@router.get("/pilots.csv", response_class=Response)
def export_pilots(
    status: str | None = PILOT_Q, q: str | None = TEXT_Q, session: Session = DB,
    who: Principal = READ,
) -> Response:  # fmt: skip
    return exports.pilots_csv(session, who, *pilot_filters(status, q))


@router.post("/pilots", response_model=PilotOut, status_code=201)
def apply(body: PilotIn, session: Session = DB, who: Principal = APPLY) -> PilotOut:
    return PilotOut.model_validate(service.apply(session, principal=who, data=body))


@router.get("/pilots/{pilot_id}", response_model=PilotOut)
def get_pilot(pilot_id: str, session: Session = DB, who: Principal = READ) -> PilotOut:
    return PilotOut.model_validate(repository.get_pilot(session, who, pilot_id))


@router.put("/pilots/{pilot_id}", response_model=PilotOut)
def edit_pilot(
    pilot_id: str, body: PilotIn, session: Session = DB, who: Principal = APPLY
) -> PilotOut:
    return PilotOut.model_validate(
        service.edit(session, principal=who, pilot_id=pilot_id, data=body)
    )


@router.get("/pilots/{pilot_id}/history", response_model=list[dict[str, Any]])
def pilot_history(
    pilot_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    return _history(session, who, repository.get_pilot(session, who, pilot_id).id)


@router.post("/pilots/{pilot_id}/assessment", response_model=PilotOut)
def assess(
    pilot_id: str, body: AssessmentIn, session: Session = DB, who: Principal = ASSESS
) -> PilotOut:
    made = service.assess(session, principal=who, pilot_id=pilot_id, data=body)
    return PilotOut.model_validate(made)


@router.post("/pilots/{pilot_id}/revocation", response_model=PilotOut)
def revoke(
    pilot_id: str, body: ViolationIn, session: Session = DB, who: Principal = ASSESS
) -> PilotOut:
    made = service.revoke(session, principal=who, pilot_id=pilot_id, data=body)
    return PilotOut.model_validate(made)


@router.get("/instructions", response_model=PageOut[InstructionOut])
def list_instructions(
    status: str | None = INSTRUCTION_Q,
    q: str | None = TEXT_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[InstructionOut]:
    found = repository.instruction_page(session, who, params, *instruction_filters(status, q))
    return PageOut.of(found, [InstructionOut.model_validate(i) for i in found.items])


@router.get("/instructions.csv", response_class=Response)
def export_instructions(
    status: str | None = INSTRUCTION_Q, q: str | None = TEXT_Q, session: Session = DB,
    who: Principal = READ,
) -> Response:  # fmt: skip
    return exports.instructions_csv(session, who, *instruction_filters(status, q))


@router.post("/instructions", response_model=InstructionOut, status_code=201)
def issue(body: InstructionIn, session: Session = DB, who: Principal = INSPECT) -> InstructionOut:
    return InstructionOut.model_validate(instructions.issue(session, principal=who, data=body))


@router.get("/instructions/{instruction_id}", response_model=InstructionOut)
def get_instruction(
    instruction_id: str, session: Session = DB, who: Principal = READ
) -> InstructionOut:
    return InstructionOut.model_validate(repository.get_instruction(session, who, instruction_id))


@router.get("/instructions/{instruction_id}/checks", response_model=list[CheckOut])
def list_checks(
    instruction_id: str, session: Session = DB, who: Principal = READ
) -> list[CheckOut]:
    found = repository.get_instruction(session, who, instruction_id)
    return [CheckOut.model_validate(c) for c in repository.checks(session, found.id)]


@router.get("/instructions/{instruction_id}/history", response_model=list[dict[str, Any]])
def instruction_history(
    instruction_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    return _history(session, who, repository.get_instruction(session, who, instruction_id).id)


@router.post("/instructions/{instruction_id}/external-check", response_model=CheckOut,
             status_code=201)  # fmt: skip
def external_check(
    instruction_id: str, body: ExternalCheckIn, session: Session = DB, who: Principal = INSPECT
) -> CheckOut:
    made = instructions.external_check(session, principal=who, instruction_id=instruction_id,
                                       data=body)  # fmt: skip
    return CheckOut.model_validate(made)


@router.post("/instructions/{instruction_id}/destination-check", response_model=CheckOut,
             status_code=201)  # fmt: skip
def destination_check(
    instruction_id: str, body: ResultIn, session: Session = DB, who: Principal = INSPECT
) -> CheckOut:
    made = instructions.destination_check(session, principal=who, instruction_id=instruction_id,
                                          data=body)  # fmt: skip
    return CheckOut.model_validate(made)


@router.post("/instructions/{instruction_id}/port-inspection", response_model=CheckOut,
             status_code=201)  # fmt: skip
def port_inspection(
    instruction_id: str, body: ResultIn, session: Session = DB, who: Principal = INSPECT
) -> CheckOut:
    made = instructions.port_inspection(session, principal=who, instruction_id=instruction_id,
                                        data=body)  # fmt: skip
    return CheckOut.model_validate(made)
