"""The grain green channel's online pre-review (案例7 主要做法(三)). Before arrival the ship or
its agent files the call and uploads the document of authorization, the loading manual, the
stability data, the loading plan and the loading condition; the condition is checked at once
against the International Grain Code (`ftz.domain.vessels.stability`). Maritime officers
pre-review online (checklist, comments, approval or sending back); the terminal and the
shipping company named on the call read the same papers. On approval the trimming check is
decided by rules/trimming.json: a remote photo check for ships and agents with good records,
an on-board check otherwise. Every step is anchored in the evidence ledger."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.workflow import fire
from ftz.domain.vessels import repository as vessels
from ftz.domain.vessels.stability import GrainCondition, check_grain_stability
from ftz.practices.ship_selection import documents, repository
from ftz.practices.ship_selection.common import anchor, checklist, is_msa, require_msa, rules
from ftz.practices.ship_selection.models import GrainCall, GrainComment
from ftz.practices.ship_selection.profile import invalid
from ftz.practices.ship_selection.schemas import GrainCallIn, GrainEventIn
from ftz.practices.ship_selection.workflow import GrainCallFlow


def _org(session: Session, code: str | None, field: str) -> str | None:
    if not code:
        return None
    org = accounts.get_org_by_code(session, code)
    if org is None or org.kind != OrgKind.ENTERPRISE:
        raise validation_error(field, f"no enterprise with code {code!r}")
    return org.id


def _number(session: Session, eta: datetime) -> str:
    prefix = f"GC-{eta.year}-"
    count = session.scalar(select(func.count()).where(GrainCall.number.like(f"{prefix}%"))) or 0
    return f"{prefix}{count + 1:05d}"


def file_call(session: Session, *, principal: Principal, data: GrainCallIn) -> GrainCall:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("grain calls are filed by the ship's or agent's enterprise account")
    ship = vessels.ship_by_imo(session, data.imo_number)
    if ship is None:
        raise validation_error("imo_number", f"no ship with IMO {data.imo_number} on record")
    call = GrainCall(
        id=new_id(), number=_number(session, data.eta), org_id=principal.org_id, ship_id=ship.id,
        terminal_org_id=_org(session, data.terminal_org, "terminal_org"),
        company_org_id=_org(session, data.company_org, "company_org"), port=data.port,
        eta=data.eta, cargo_name=data.cargo_name, quantity_t=data.quantity_t, status="draft",
        checklist={}, trimming_fired=[],
    )  # fmt: skip
    session.add(call)
    session.flush()
    return call


def upload(
    session: Session, *, principal: Principal, data_dir: Path, call_id: str, kind: str,
    filename: str, content_type: str, content: bytes,
) -> GrainCall:  # fmt: skip
    """Store one paper; a loading condition (kind "condition", JSON) is checked at once."""
    call = repository.get_call(session, principal, call_id, lock=True)
    if kind == "condition":
        try:
            condition = GrainCondition.model_validate_json(content)
        except ValidationError as exc:
            raise invalid(exc, "loading condition") from exc
        content = json.dumps(condition.model_dump(mode="json"), ensure_ascii=False).encode()
        filename, content_type = filename or "condition.json", "application/json"
    documents.store(session, principal=principal, data_dir=data_dir, call=call, kind=kind,
                    filename=filename, content_type=content_type, content=content)  # fmt: skip
    if kind == "condition":
        result = check_grain_stability(condition).model_dump(mode="json", by_alias=True)
        call.condition, call.stability, call.stability_pass = (
            condition.model_dump(mode="json"),
            result,
            bool(result["pass"]),
        )
        entry = {"type": "ship_selection.stability", "call": call.number, "pass": result["pass"],
                 "heel_angle_deg": result["heel_angle_deg"], "gm_m": result["gm_m"],
                 "residual_area_mrad": result["residual_area_mrad"]}  # fmt: skip
        call.ledger_index = anchor(session, entry, f"ss-stability:{call.id}:{new_id()}")
    session.flush()
    return call


def missing_papers(session: Session, call: GrainCall) -> list[str]:
    have = {d.kind for d in repository.documents(session, call.id)}
    return [k for k, v in documents.kinds().items() if v.get("required") and k not in have]


def comment(session: Session, *, principal: Principal, call_id: str, body: str) -> GrainComment:
    call = repository.get_call(session, principal, call_id)
    if principal.org_id != call.org_id and not is_msa(principal):
        raise forbidden("officers and the filer comment; the terminal and company read")
    org = principal.display_name
    found = accounts.get_user_by_username(session, principal.username)
    if found is not None:
        org = found.organization.name_zh
    made = GrainComment(call_id=call.id, org_id=call.org_id, author=principal.username,
                        author_org=org, body=body.strip())  # fmt: skip
    session.add(made)
    session.flush()
    return made


def trimming_decision(session: Session, call: GrainCall) -> dict[str, Any]:
    latest = repository.latest_rating(session, call.ship_id)
    facts = {
        "stability_pass": bool(call.stability_pass),
        "rating": latest.rating if latest else "none",
        "ship_completed_calls": repository.completed_calls(session, ship_id=call.ship_id),
        "agent_completed_calls": repository.completed_calls(session, org_id=call.org_id),
    }
    decision = rules().evaluate("trimming.json", facts)
    return {"check": decision.result["check"], "facts": facts, "fired": decision.explanation()}


def _guard(session: Session, call: GrainCall, principal: Principal, data: GrainEventIn) -> None:
    if data.event in ("submit", "finish_loading") and principal.org_id != call.org_id:
        raise forbidden("only the filer submits the papers or reports the end of loading")
    if data.event in ("approve", "send_back", "clear"):
        require_msa(principal, "pre-review grain calls")
    if data.event == "submit" and (missing := missing_papers(session, call)):
        raise validation_error("documents", "missing: " + ", ".join(missing))
    if data.event == "approve":
        unticked = [i["id"] for i in checklist() if not data.checklist.get(i["id"])]
        if unticked:
            raise validation_error("checklist", "not confirmed: " + ", ".join(unticked))
        if not call.stability_pass:
            raise conflict("the loading condition fails the Grain Code criteria: send it back")
    if data.event == "send_back" and not data.comment.strip():
        raise validation_error("comment", "say what the filer must correct")
    photos = [d for d in repository.documents(session, call.id) if d.kind == "trimming_photo"]
    if data.event == "finish_loading" and call.trimming_check == "remote_photo" and not photos:
        raise validation_error("documents", "upload the trimming photographs first")


def act(session: Session, *, principal: Principal, call_id: str, data: GrainEventIn) -> GrainCall:
    call = repository.get_call(session, principal, call_id, lock=True)
    _guard(session, call, principal, data)
    fire(session, GrainCallFlow, call, data.event, principal=principal,
         owner_org_id=call.org_id, note=data.comment)  # fmt: skip
    if data.comment.strip():
        comment(session, principal=principal, call_id=call.id, body=data.comment)
    entry: dict[str, Any] = {"type": f"ship_selection.grain_{data.event}", "call": call.number,
                             "by": principal.username}  # fmt: skip
    if data.event == "approve":
        decided = trimming_decision(session, call)
        call.checklist = {i["id"]: True for i in checklist()}
        call.trimming_check, call.trimming_fired = decided["check"], decided["fired"]
        call.reviewed_by = principal.username
        entry |= {"checklist": sorted(call.checklist), "trimming_check": decided["check"],
                  "rows": [r["row_id"] for r in decided["fired"]]}  # fmt: skip
    call.ledger_index = anchor(session, entry, f"ss-grain-{data.event}:{call.id}:{new_id()}")
    session.flush()
    return call


def stability_only(raw: Any) -> dict[str, Any]:
    """The Grain Code check of a condition alone (CLI, API), nothing stored."""
    try:
        condition = GrainCondition.model_validate(raw)
    except ValidationError as exc:
        raise invalid(exc, "CONDITION.json") from exc
    return check_grain_stability(condition).model_dump(mode="json", by_alias=True)
