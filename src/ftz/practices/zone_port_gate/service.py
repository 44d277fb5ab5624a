"""p11 service: declarations, customs' instructions, manifests, the gate's verdicts (anchored in
the evidence ledger), hold resolution and daily statistics. Flushes, never commits."""

from __future__ import annotations

import hashlib
import time
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.core.workflow import fire
from ftz.practices.zone_port_gate import repository
from ftz.practices.zone_port_gate.decision import decide, route
from ftz.practices.zone_port_gate.models import DailyVolume, Declaration, GateTransaction, Manifest
from ftz.practices.zone_port_gate.permissions import AIRPORT, CUSTOMS
from ftz.practices.zone_port_gate.schemas import (
    DeclarationIn,
    GateIn,
    InstructionIn,
    ManifestIn,
    ResolveIn,
    VolumeIn,
)
from ftz.practices.zone_port_gate.workflow import DeclarationFlow, GateFlow

LOCAL = ZoneInfo("Asia/Shanghai")
PASSED = ("released", "cleared")  # goods that went through the gate
MAX_VEHICLE_KG = 80_000  # the gate scale's range, as in the API shapes


def require_department(principal: Principal, *departments: str) -> None:
    if not principal.is_admin and principal.department not in departments:
        raise forbidden(f"only officers of {' or '.join(departments)} may do this")


def _anchor(session: Session, kind: str, ref: str, body: dict[str, Any]) -> str:
    """Queue the entry in the evidence log with this transaction; the integrator appends it."""
    entry = ledger.canonical({"type": f"zone-port-gate-{kind}", **body})
    ledger.enqueue(session, ledger.EVIDENCE_LOG, entry, ref)
    return hashlib.sha256(entry).hexdigest()


def declare(session: Session, *, principal: Principal, data: DeclarationIn) -> Declaration:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only an enterprise declares its shipments")
    if repository.declaration_by_number(session, data.number) is not None:
        raise conflict(f"declaration {data.number} already exists")
    if data.direction == "import" and data.screened:
        raise validation_error("screened", "only export pallets are pre-screened in the zone")
    declaration = Declaration(
        org_id=principal.org_id,
        status="declared",
        **data.model_dump(exclude={"units"}),
        units=[u.model_dump() for u in data.units],
    )
    session.add(declaration)
    session.flush()
    return declaration


def withdraw(session: Session, *, principal: Principal, declaration_id: str) -> Declaration:
    declaration = repository.get_owned(session, principal, Declaration, declaration_id)
    fire(session, DeclarationFlow, declaration, "withdraw", principal=principal,
         owner_org_id=declaration.org_id)  # fmt: skip
    return declaration


def instruct(
    session: Session, *, principal: Principal, declaration_id: str, data: InstructionIn
) -> Declaration:
    """Customs releases the shipment or selects it for inspection at the airport or the zone."""
    require_department(principal, CUSTOMS)
    declaration = repository.get_owned(session, principal, Declaration, declaration_id)
    if data.action == "select":
        if data.site is None:
            raise validation_error("site", "choose the inspection site: airport or zone")
        declaration.inspection_site = data.site
    fire(session, DeclarationFlow, declaration, data.action, principal=principal,
         owner_org_id=declaration.org_id, note=data.note)  # fmt: skip
    declaration.instruction_note = data.note
    declaration.instructed_at = utcnow()
    session.flush()
    return declaration


def register_manifest(session: Session, *, principal: Principal, data: ManifestIn) -> Manifest:
    """The airport (or customs) files the manifest of one vehicle's load: units with their
    seals and weights; the gross weight is the units' sum when each carries its weight."""
    require_department(principal, AIRPORT, CUSTOMS)
    numbers = [u.number for u in data.units]
    if len(set(numbers)) != len(numbers):
        raise validation_error("units", "a unit is listed twice")
    weights = [u.weight_kg for u in data.units if u.weight_kg is not None]
    if weights and len(weights) != len(data.units):
        raise validation_error("units", "give every unit's weight, or none")
    total = sum(weights) if weights else data.weight_kg
    if total is None:
        raise validation_error("weight_kg", "give the manifest's weight or each unit's weight")
    if weights and data.weight_kg is not None and data.weight_kg != total:
        raise validation_error("weight_kg", f"{data.weight_kg} differs from the units' sum {total}")
    if total > MAX_VEHICLE_KG:
        raise validation_error("weight_kg", f"{total} kg is over {MAX_VEHICLE_KG} kg")
    if session.scalar(select(Manifest.id).where(Manifest.number == data.number)):
        raise conflict(f"manifest {data.number} already exists")
    declaration = repository.declaration_by_number(session, data.declaration_number)
    manifest = Manifest(
        org_id=declaration.org_id if declaration else None,
        number=data.number,
        declaration_number=data.declaration_number,
        flight=data.flight,
        units=[u.model_dump() for u in data.units],
        weight_kg=total,
    )
    session.add(manifest)
    session.flush()
    return manifest


def pass_gate(session: Session, *, principal: Principal, data: GateIn) -> GateTransaction:
    """One vehicle at the gate: compare, decide, record, anchor."""
    require_department(principal, AIRPORT, CUSTOMS)
    started = time.perf_counter()
    declaration = repository.declaration_by_number(session, data.declaration_number)
    manifest = repository.manifest_for(session, data.declaration_number)
    verdict = decide(data, declaration, manifest)
    passed_at = data.passed_at or utcnow()
    if passed_at.tzinfo is None:
        raise validation_error("passed_at", "give a time zone, e.g. +08:00")
    tx = GateTransaction(
        org_id=declaration.org_id if declaration else None,
        declaration_id=declaration.id if declaration else None,
        declaration_number=data.declaration_number,
        direction=verdict.facts["direction"],
        plate=data.plate,
        units=[u.model_dump() for u in data.units],
        weight_kg=data.weight_kg,
        passed_at=passed_at,
        day=passed_at.astimezone(LOCAL).date(),
        status="released" if verdict.verdict == "release" else "held",
        verdict=verdict.verdict,
        route=verdict.route,
        mismatches=verdict.mismatches,
        facts={**verdict.facts, "why": verdict.why},
        ledger_sha256="",  # set below, once the id exists
    )
    session.add(tx)
    session.flush()
    tx.ledger_sha256 = _anchor(session, "verdict", f"zone_port_gate_transaction:{tx.id}", {
        "id": tx.id, "declaration": tx.declaration_number, "plate": tx.plate,
        "units": sorted(u["number"] for u in tx.units), "weight_kg": tx.weight_kg,
        "verdict": tx.verdict, "route": tx.route, "at": passed_at.isoformat(),
        "rows": [m["row_id"] for m in tx.mismatches],
    })  # fmt: skip
    tx.decision_ms = round((time.perf_counter() - started) * 1000, 3)
    session.flush()
    return tx


def resolve(
    session: Session, *, principal: Principal, transaction_id: str, data: ResolveIn
) -> GateTransaction:
    """A customs officer checks a held vehicle: clears it (with a note) or turns it back."""
    require_department(principal, CUSTOMS)
    tx = repository.get_owned(session, principal, GateTransaction, transaction_id)
    fire(session, GateFlow, tx, data.action, principal=principal, owner_org_id=tx.org_id,
         note=data.note)  # fmt: skip
    tx.resolution_note = data.note
    if data.action == "clear":
        tx.route, why = route("release", tx.direction, str(tx.facts.get("release", "released")))
        tx.facts = {**tx.facts, "why": list(tx.facts.get("why", [])) + why}
    tx.ledger_sha256 = _anchor(session, "resolution", f"zone_port_gate_transaction:{tx.id}", {
        "id": tx.id, "previous": tx.ledger_sha256, "action": data.action, "route": tx.route,
        "note_sha256": hashlib.sha256(data.note.encode()).hexdigest(),
    })  # fmt: skip
    session.flush()
    return tx


def record_volume(
    session: Session, *, principal: Principal, day: date, data: VolumeIn
) -> DailyVolume:
    require_department(principal, AIRPORT)
    if day > datetime.now(LOCAL).date():
        raise validation_error("day", "is in the future")
    volume = session.scalar(select(DailyVolume).where(DailyVolume.day == day))
    if volume is None:
        volume = DailyVolume(day=day, **data.model_dump())
        session.add(volume)
    else:
        volume.airport_export_kg = data.airport_export_kg
        volume.airport_import_kg = data.airport_import_kg
    session.flush()
    return volume


def statistics(session: Session, *, principal: Principal, days: int = 30) -> dict[str, Any]:
    """Per local day: vehicles, holds, tonnage through the gate and its share of the airport's
    export tonnage (the seed's figure: 13.69万吨, about 19.21%)."""
    since = datetime.now(LOCAL).date() - timedelta(days=days - 1)
    tx = repository.scoped(select(GateTransaction), GateTransaction, principal).subquery()
    passed = tx.c.status.in_(PASSED)

    def tonnes(direction: str) -> Any:
        hit = passed & (tx.c.direction == direction)
        return func.coalesce(func.sum(case((hit, tx.c.weight_kg), else_=0)), 0)

    rows = session.execute(
        select(
            tx.c.day,
            func.count(),
            func.sum(case((tx.c.verdict == "hold", 1), else_=0)),
            tonnes("export"),
            tonnes("import"),
        )
        .where(tx.c.day >= since)
        .group_by(tx.c.day)
        .order_by(tx.c.day.desc())
    ).all()
    volumes = {
        v.day: v for v in session.scalars(select(DailyVolume).where(DailyVolume.day >= since))
    }
    out = []
    # A day the airport reported without any gate traffic still counts: 0 t, a 0% share.
    quiet = [(day, 0, 0, 0, 0) for day in volumes.keys() - {row[0] for row in rows}]
    for day, vehicles, holds, export_kg, import_kg in sorted(
        [*rows, *quiet], key=lambda row: row[0], reverse=True
    ):
        airport = volumes.get(day)
        exported = int(export_kg)  # PostgreSQL sums to Decimal
        share = (
            exported / airport.airport_export_kg if airport and airport.airport_export_kg else None
        )
        out.append({"day": day, "vehicles": int(vehicles), "holds": int(holds or 0),
                    "export_kg": exported, "import_kg": int(import_kg),
                    "airport_export_kg": airport.airport_export_kg if airport else None,
                    "export_share": share})  # fmt: skip
    # The share counts only days for which the airport reported its total.
    reported = [r for r in out if r["export_share"] is not None]
    airport_total = sum(r["airport_export_kg"] for r in reported)
    return {
        "days": out,
        "vehicles": sum(r["vehicles"] for r in out),
        "holds": sum(r["holds"] for r in out),
        "export_kg": sum(r["export_kg"] for r in out),
        "import_kg": sum(r["import_kg"] for r in out),
        "export_share": (
            sum(r["export_kg"] for r in reported) / airport_total if airport_total else None
        ),
    }
