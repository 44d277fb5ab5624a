"""p20 pilot applications: the enterprise applies and files its goods (each judged by
rules/goods.json), unless a revocation still blocks it (rules/reapply.json); customs assesses the
risk (rules/admission.json) and admits or refuses it; a violation revokes an admitted pilot
(rules/revocation.json, one year). Decisions are anchored in the evidence ledger. Also the
dashboard's metrics, computed from the records. Services flush, never commit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.kit.pagination import PageParams
from ftz.core.workflow import fire
from ftz.practices.two_stage_inspection import repository
from ftz.practices.two_stage_inspection.common import (
    add_years,
    anchor,
    require_officer,
    rules,
    settings,
    working_days,
)
from ftz.practices.two_stage_inspection.models import TsiGood, TsiInstruction, TsiPilot
from ftz.practices.two_stage_inspection.schemas import AssessmentIn, PilotIn, ViolationIn
from ftz.practices.two_stage_inspection.workflow import PilotFlow

ACTIVE = ("applied", "admitted")


def _enterprise(principal: Principal) -> str:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only an enterprise applies for the pilot")
    return principal.org_id


def _past(day: date | None, field: str, not_before: date | None = None) -> date:
    today = date.today()
    chosen = day or today
    if chosen > today:
        raise validation_error(field, "cannot be in the future")
    if not_before is not None and chosen < not_before:
        raise validation_error(field, f"cannot be before {not_before.isoformat()}")
    return chosen


def may_apply(session: Session, org_id: str, today: date | None = None) -> list[dict[str, Any]]:
    """The re-application rows: blocked while a revocation's year runs (rules/reapply.json)."""
    revoked = repository.latest_revocation(session, org_id)
    left = (revoked.blocked_until - (today or date.today())).days if revoked and \
        revoked.blocked_until else 0  # fmt: skip
    found = rules().evaluate("reapply.json", {"revoked": revoked is not None, "days_left": left})
    return [{**row, "blocked_until": str(revoked.blocked_until) if revoked else ""}
            for row in found.explanation()]  # fmt: skip


def _fill(session: Session, pilot: TsiPilot, data: PilotIn) -> None:
    """Write the application's fields and file its goods, each judged by rules/goods.json."""
    keys = [(g.tariff_code, g.name, g.specification) for g in data.goods]
    if len(set(keys)) != len(keys):
        raise validation_error("goods", "a good is filed twice")
    for key, value in data.model_dump(exclude={"goods"}).items():
        setattr(pilot, key, value)
    pilot.goods.clear()
    session.flush()
    for position, good in enumerate(data.goods, start=1):
        found = rules().evaluate("goods.json", {"packing": good.packing})
        pilot.goods.append(
            TsiGood(id=new_id(), org_id=pilot.org_id, position=position,
                    hs_code=good.tariff_code[:6], eligible=bool(found.result["eligible"]),
                    fired=found.explanation(), **good.model_dump())
        )  # fmt: skip


def apply(session: Session, *, principal: Principal, data: PilotIn) -> TsiPilot:
    org_id = _enterprise(principal)
    if repository.latest_pilot(session, org_id, ACTIVE) is not None:
        raise conflict("the enterprise already has an application or an admitted pilot")
    reapply = may_apply(session, org_id)
    if not reapply[0]["outputs"]["allowed"]:
        raise conflict(
            f"{reapply[0]['outputs']['reason_en']} (until {reapply[0]['blocked_until']})"
        )
    pilot = TsiPilot(
        id=new_id(), org_id=org_id, status="applied", reapply_fired=reapply,
        number=repository.next_number(session, TsiPilot, f"TSI-{date.today().year}-"),
    )  # fmt: skip
    _fill(session, pilot, data)
    session.add(pilot)
    session.flush()
    return pilot


def edit(session: Session, *, principal: Principal, pilot_id: str, data: PilotIn) -> TsiPilot:
    """Change an application (contact, goods) before customs assesses it."""
    _enterprise(principal)
    pilot = repository.get_pilot(session, principal, pilot_id, lock=True)
    if pilot.status != "applied":
        raise conflict(f"a {pilot.status} application can no longer be edited")
    _fill(session, pilot, data)
    session.flush()
    return pilot


def assess(
    session: Session, *, principal: Principal, pilot_id: str, data: AssessmentIn
) -> TsiPilot:
    """Customs' risk assessment: every factor fires one row; admitted when every row passes and
    at least one filed good has the special packing the pilot is for."""
    require_officer(principal)
    pilot = repository.get_pilot(session, principal, pilot_id, lock=True)
    if pilot.status != "applied":
        raise conflict(f"cannot assess a {pilot.status} application")
    facts = data.model_dump(exclude={"assessed_on", "note"})
    fired = rules().evaluate("admission.json", facts).explanation()
    eligible = [g for g in pilot.goods if g.eligible]
    admitted = all(row["outputs"]["pass"] for row in fired) and bool(eligible)
    for key, value in facts.items():
        setattr(pilot, key, value)
    pilot.assessed_by = principal.username
    pilot.assessed_on = _past(data.assessed_on, "assessed_on")
    pilot.fired = fired
    pilot.ledger_index = anchor(session, {
        "type": "two_stage_inspection.assessment", "pilot": pilot.number, **facts,
        "admitted": admitted, "rows": [r["row_id"] for r in fired],
        "goods": [[g.hs_code, g.packing, g.eligible] for g in pilot.goods],
        "officer": principal.username, "on": pilot.assessed_on.isoformat(),
    }, f"tsi-assessment:{pilot.id}")  # fmt: skip
    note = data.note if eligible else f"no filed good has special packing. {data.note}".strip()
    fire(session, PilotFlow, pilot, "admit" if admitted else "refuse", principal=principal,
         owner_org_id=pilot.org_id, note=note)  # fmt: skip
    session.flush()
    return pilot


def revoke(session: Session, *, principal: Principal, pilot_id: str, data: ViolationIn) -> TsiPilot:
    """A violation revokes the pilot; the blocking period comes from rules/revocation.json."""
    require_officer(principal)
    pilot = repository.get_pilot(session, principal, pilot_id, lock=True)
    if pilot.status != "admitted":
        raise conflict(f"only an admitted pilot is revoked, not a {pilot.status} one")
    found = rules().evaluate("revocation.json", {"violation": data.violation})
    on = _past(data.found_on, "found_on", pilot.assessed_on)
    pilot.violation, pilot.violation_note, pilot.revoked_on = data.violation, data.note, on
    pilot.blocked_until = add_years(on, int(found.result["block_years"]))
    pilot.revocation_fired = found.explanation()
    pilot.revocation_ledger_index = anchor(session, {
        "type": "two_stage_inspection.revocation", "pilot": pilot.number,
        "violation": data.violation, "on": on.isoformat(),
        "blocked_until": pilot.blocked_until.isoformat(),
        "rows": [r["row_id"] for r in pilot.revocation_fired], "officer": principal.username,
    }, f"tsi-revocation:{pilot.id}")  # fmt: skip
    fire(session, PilotFlow, pilot, "revoke", principal=principal, owner_org_id=pilot.org_id,
         note=data.note)  # fmt: skip
    session.flush()
    return pilot


def history(session: Session, *, principal: Principal, entity_id: str) -> list[AuditEvent]:
    """The audit trail of one record, newest first (already fetched, so visible)."""
    found = list_events(session, principal=principal, entity_ids=[entity_id],
                        params=PageParams(page=1, size=200))  # fmt: skip
    return list(found.items)


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def dashboard(session: Session, *, principal: Principal) -> dict[str, Any]:
    """Counts and the two metrics computed from the records: working days at the port per
    two-stage batch against the seed's baseline (days saved), and the goods value covered."""
    seed = settings()["seed"]
    baseline = int(seed["baseline_port_days"])
    admitted = repository.visible(session, principal, TsiPilot, TsiPilot.status == "admitted")
    filed = [g for p in admitted for g in p.goods if g.eligible]
    released = repository.visible(session, principal, TsiInstruction,
                                  TsiInstruction.released_on.is_not(None))  # fmt: skip
    batches = []
    for item in released:
        assert item.released_on is not None
        days = working_days(item.arrived_on, item.released_on)
        batches.append({"number": item.number, "mode": item.mode, "port_days": days,
                        "days_saved": max(0, baseline - days) if item.mode == "two_stage" else 0,
                        "value_usd": _money(item.value_usd)})  # fmt: skip
    two_stage = [b for b in batches if b["mode"] == "two_stage"]
    port = [b for b in batches if b["mode"] == "port"]
    saved = sum(b["days_saved"] for b in two_stage)
    return {
        "pilots": repository.counts(session, principal, TsiPilot, TsiPilot.status),
        "instructions": repository.counts(
            session, principal, TsiInstruction, TsiInstruction.status
        ),
        "enterprises_admitted": len({p.org_id for p in admitted}),
        "goods_filed": len(filed),
        "filed_annual_value_usd": _money(sum((g.annual_value_usd for g in filed), Decimal(0))),
        "two_stage_batches": len(two_stage),
        "days_saved_total": saved,
        "days_saved_per_batch": round(saved / len(two_stage), 2) if two_stage else None,
        "port_days_two_stage": round(sum(b["port_days"] for b in two_stage) / len(two_stage), 2)
        if two_stage
        else None,
        "port_days_full": round(sum(b["port_days"] for b in port) / len(port), 2) if port else None,
        "value_covered_usd": _money(sum((Decimal(b["value_usd"]) for b in two_stage), Decimal(0))),
        "batches": sorted(batches, key=lambda b: str(b["number"])),
        "seed": seed,
    }
