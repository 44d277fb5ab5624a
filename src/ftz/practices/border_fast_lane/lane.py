"""The lane: a device posts what it read, the JDM tables decide pass or manual check with the
rows that fired, the officer resolves the exceptions, and each verdict and resolution is anchored
in the evidence ledger. Statistics are computed from the transactions' own timestamps."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from statistics import mean, median
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet
from ftz.core.workflow import fire
from ftz.practices.border_fast_lane import repository
from ftz.practices.border_fast_lane.models import LaneTransaction
from ftz.practices.border_fast_lane.permissions import DEPARTMENTS, DEVICE_DEPARTMENT
from ftz.practices.border_fast_lane.registration import document_hash
from ftz.practices.border_fast_lane.schemas import LaneReadIn, ResolveIn
from ftz.practices.border_fast_lane.workflow import LaneFlow

HERE = Path(__file__).parent
PORT_TIME = ZoneInfo("Asia/Shanghai")  # a lane day is a day at Youyiguan


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "data" / "lane.yaml").read_text("utf-8"))
    return loaded


def _days_left(until: date, day: date) -> int:
    return (until - day).days


def evaluate(session: Session, data: LaneReadIn) -> tuple[dict[str, Any], dict[str, Any]]:
    """The facts the tables see (read from the registrations) and their decision."""
    day = data.started_at.astimezone(PORT_TIME).date()
    vehicle = repository.vehicle_by(session, etag=data.etag, plate=data.plate_read)
    driver = None
    for kind in ("exit_entry_permit", "passport", "border_pass"):
        driver = repository.driver_by_hash(session, document_hash(kind, data.document_number))
        if driver:
            break
    record = None
    if vehicle and driver:
        record = repository.border_record_for(session, vehicle.id, driver.id, data.direction, day)
    window = timedelta(seconds=settings()["attempt_window_seconds"])
    earlier = repository.attempts_since(
        session, data.plate_read, data.started_at - window, data.started_at
    )
    facts: dict[str, Any] = {
        "vehicle_registered": vehicle is not None,
        "plate_match": vehicle is not None and vehicle.plate == data.plate_read,
        "vehicle_active": vehicle is not None and vehicle.active,
        "permit_days_left": _days_left(vehicle.permit_valid_until, day) if vehicle else 0,
        "driver_registered": driver is not None,
        "driver_active": driver is not None and driver.active,
        "document_days_left": _days_left(driver.document_valid_until, day) if driver else 0,
        "fingerprint_score": data.fingerprint_score,
        "face_score": data.face_score,
        "under_vehicle": data.under_vehicle,
        "attempts_in_window": earlier + 1,
        "declared": record is not None,
    }
    checks = rules().evaluate("lane_checks.json", facts)
    flags = [row["flag"] for row in checks.result]
    verdict = rules().evaluate("verdict.json", {"flag_count": len(flags)})
    decided = {
        "verdict": verdict.result["verdict"],
        "flags": flags,
        "fired": checks.explanation() + verdict.explanation(),
        "vehicle": vehicle,
        "driver": driver,
        "record": record,
    }
    return facts, decided


def record_transaction(
    session: Session, *, principal: Principal, data: LaneReadIn
) -> LaneTransaction:
    if not principal.is_admin and principal.department != DEVICE_DEPARTMENT:
        raise forbidden("only lane devices post lane transactions")
    if data.lane not in settings()["lanes"]:
        raise validation_error("lane", f"this port has lanes {settings()['lanes']}")
    facts, decided = evaluate(session, data)
    vehicle, driver, record = decided["vehicle"], decided["driver"], decided["record"]
    digest = driver.document_hash if driver else document_hash("unknown", data.document_number)
    entry = {
        "type": "border_fast_lane.verdict",
        "lane": data.lane,
        "device": principal.username,
        "plate": data.plate_read,
        "document_sha256_hmac": digest,
        "started_at": data.started_at.isoformat(),
        "facts": facts,
        "verdict": decided["verdict"],
        "rows": [row["row_id"] for row in decided["fired"]],
    }
    tx_id = new_id()
    [index] = ledger.append(
        session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [f"bfl-verdict:{tx_id}"]
    )
    tx = LaneTransaction(
        id=tx_id,
        org_id=vehicle.org_id if vehicle else None,
        lane=data.lane,
        device=principal.username,
        direction=data.direction,
        vehicle_id=vehicle.id if vehicle else None,
        driver_id=driver.id if driver else None,
        border_record_id=record.id if record else None,
        plate_read=data.plate_read,
        document_hash=digest,
        fingerprint_score=data.fingerprint_score,
        face_score=data.face_score,
        under_vehicle=data.under_vehicle,
        started_at=data.started_at,
        finished_at=data.finished_at,
        verdict=decided["verdict"],
        status="at_lane",
        flags=decided["flags"],
        fired=decided["fired"],
        ledger_index=index,
    )
    session.add(tx)
    session.flush()
    event = "auto_pass" if decided["verdict"] == "pass" else "hold"
    fire(session, LaneFlow, tx, event, principal=principal, owner_org_id=tx.org_id)
    return tx


def resolve(
    session: Session, *, principal: Principal, tx_id: str, data: ResolveIn
) -> LaneTransaction:
    if not principal.is_admin and principal.department not in DEPARTMENTS:
        raise forbidden("only border-check officers resolve manual checks")
    tx = repository.get_owned(session, principal, LaneTransaction, tx_id)
    fire(
        session,
        LaneFlow,
        tx,
        data.decision,
        principal=principal,
        owner_org_id=tx.org_id,
        note=data.note,
    )
    tx.resolution_note = data.note
    tx.resolved_by = principal.username
    tx.resolved_at = utcnow()
    entry = {
        "type": "border_fast_lane.resolution",
        "transaction": tx.id,
        "verdict_index": tx.ledger_index,
        "decision": data.decision,
        "officer": principal.username,
        "at": tx.resolved_at.isoformat(),
    }
    [tx.resolution_ledger_index] = ledger.append(
        session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [f"bfl-resolution:{tx.id}"]
    )
    session.flush()
    return tx


def day_rows(session: Session, *, principal: Principal, day: date) -> list[LaneTransaction]:
    start = datetime.combine(day, datetime.min.time(), PORT_TIME)
    return repository.between(session, principal, start, start + timedelta(days=1))


def statistics(
    session: Session, *, principal: Principal, day: date | None = None
) -> dict[str, Any]:
    """One lane day (the latest with traffic unless given), from the transactions' timestamps:
    seconds per vehicle is the fast lane's read-to-verdict time of vehicles the rules passed."""
    if day is None:
        latest = repository.latest_start(session, principal)
        day = (latest or utcnow()).astimezone(PORT_TIME).date()
    rows = day_rows(session, principal=principal, day=day)
    passed = [(t.finished_at - t.started_at).total_seconds() for t in rows if t.verdict == "pass"]
    manual = [t for t in rows if t.verdict == "manual_check"]
    baseline = float(settings()["baseline_seconds_per_vehicle"])
    average = round(mean(passed), 1) if passed else None
    flags: dict[str, int] = {}
    for t in manual:
        for flag in t.flags:
            flags[flag] = flags.get(flag, 0) + 1
    return {
        "day": day.isoformat(),
        "vehicles": len(rows),
        "passed": len(passed),
        "manual_checks": len(manual),
        "open": sum(1 for t in manual if t.status == "manual_check"),
        "released": sum(1 for t in manual if t.status == "released"),
        "refused": sum(1 for t in manual if t.status == "refused"),
        "exception_rate": round(len(manual) / len(rows), 4) if rows else 0.0,
        "seconds_per_vehicle": average,
        "median_seconds": round(median(passed), 1) if passed else None,
        "baseline_seconds": baseline,
        "faster_by": round(1 - average / baseline, 3) if average is not None else None,
        "per_lane": {lane: sum(1 for t in rows if t.lane == lane) for lane in settings()["lanes"]},
        "flags": dict(sorted(flags.items(), key=lambda kv: -kv[1])),
        "seed": {k: v for k, v in settings().items() if k.startswith("seed_")},
    }
