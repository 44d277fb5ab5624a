"""Writing ships and their records. Every write is an upsert on the record's natural key (IMO
number, certificate kind and number, inspection date and port, penalty case number, …) that
changes only what differs, so the same data entered twice, by hand or by an importer, leaves
one record and one audit entry. Services flush, never commit; who may call them is decided by
the practice."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.kit.errors import conflict, validation_error
from ftz.domain.vessels import repository
from ftz.domain.vessels.identifiers import check_imo, check_mmsi
from ftz.domain.vessels.models import (
    Accident,
    Certificate,
    Company,
    Deficiency,
    Inspection,
    Manning,
    Penalty,
    Ship,
    Watch,
)
from ftz.domain.vessels.schemas import (
    AccidentIn,
    CertificateIn,
    CompanyIn,
    InspectionIn,
    ManningIn,
    PenaltyIn,
    ShipIn,
    WatchClose,
    WatchIn,
)

Outcome = Literal["created", "updated", "unchanged"]


@dataclass
class Tally:
    """Counts of what a batch of upserts did, by record kind; warnings to show the user."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, kind: str, outcome: Outcome) -> None:
        slot = self.counts.setdefault(kind, {"created": 0, "updated": 0, "unchanged": 0})
        slot[outcome] += 1

    def as_dict(self) -> dict[str, Any]:
        return {"counts": self.counts, "warnings": self.warnings}


def _apply(obj: Any, values: dict[str, Any]) -> bool:
    """Set the attributes that differ; True when anything changed."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


Row = TypeVar("Row")


def _upsert(
    session: Session, found: Row | None, make: type[Row], values: dict[str, Any]
) -> tuple[Row, Outcome]:
    if found is None:
        obj = make(**values)
        session.add(obj)
        session.flush()
        return obj, "created"
    outcome: Outcome = "updated" if _apply(found, values) else "unchanged"
    session.flush()
    return found, outcome


def save_company(session: Session, data: CompanyIn) -> tuple[Company, Outcome]:
    found = repository.company_by_imo(session, data.imo_company_number)
    return _upsert(session, found, Company, data.model_dump())


def _ship_values(session: Session, data: ShipIn) -> dict[str, Any]:
    values = data.model_dump(exclude={"company_imo"})
    values["imo_checksum_ok"] = check_imo(data.imo_number).checksum_ok
    values["mmsi_country"] = check_mmsi(data.mmsi).mid.country if data.mmsi else None
    values["company_id"] = None
    if data.company_imo:
        company = repository.company_by_imo(session, data.company_imo)
        if company is None:
            raise validation_error("company_imo", f"no management company {data.company_imo}")
        values["company_id"] = company.id
    return values


def _check_mmsi_free(session: Session, mmsi: str | None, ship_id: str | None) -> None:
    holder = repository.ship_by_mmsi(session, mmsi) if mmsi else None
    if holder is not None and holder.id != ship_id:
        raise conflict(f"MMSI {mmsi} belongs to {holder.name} (IMO {holder.imo_number})")


def create_ship(session: Session, data: ShipIn) -> Ship:
    if repository.ship_by_imo(session, data.imo_number) is not None:
        raise conflict(f"IMO {data.imo_number} is already recorded")
    _check_mmsi_free(session, data.mmsi, None)
    ship = Ship(**_ship_values(session, data))
    session.add(ship)
    session.flush()
    return ship


def update_ship(session: Session, ship: Ship, data: ShipIn) -> Ship:
    other = repository.ship_by_imo(session, data.imo_number)
    if other is not None and other.id != ship.id:
        raise conflict(f"IMO {data.imo_number} is recorded for another ship")
    _check_mmsi_free(session, data.mmsi, ship.id)
    _apply(ship, _ship_values(session, data))
    session.flush()
    return ship


def save_ship(session: Session, data: ShipIn) -> tuple[Ship, Outcome]:
    found = repository.ship_by_imo(session, data.imo_number)
    _check_mmsi_free(session, data.mmsi, found.id if found else None)
    return _upsert(session, found, Ship, _ship_values(session, data))


def save_certificate(
    session: Session, ship: Ship, data: CertificateIn
) -> tuple[Certificate, Outcome]:
    found = session.scalar(
        select(Certificate).where(
            Certificate.ship_id == ship.id,
            Certificate.kind == data.kind,
            Certificate.number == data.number,
        )
    )
    values = {"ship_id": ship.id, **data.model_dump()}
    return _upsert(session, found, Certificate, values)


def save_manning(session: Session, ship: Ship, data: ManningIn) -> tuple[Manning, Outcome]:
    found = session.scalar(
        select(Manning).where(Manning.ship_id == ship.id, Manning.checked_on == data.checked_on)
    )
    values = {"ship_id": ship.id, **data.model_dump()}
    return _upsert(session, found, Manning, values)


def _same_deficiencies(found: Inspection, data: InspectionIn) -> bool:
    have = sorted(
        (d.code, d.area, d.description, d.detainable, d.rectified) for d in found.deficiencies
    )
    want = sorted(
        (d.code, d.area, d.description, d.detainable, d.rectified) for d in data.deficiencies
    )
    return have == want


def save_inspection(session: Session, ship: Ship, data: InspectionIn) -> tuple[Inspection, Outcome]:
    found = session.scalar(
        select(Inspection).where(
            Inspection.ship_id == ship.id,
            Inspection.inspected_on == data.inspected_on,
            Inspection.port == data.port,
        )
    )
    values = {"ship_id": ship.id, **data.model_dump(exclude={"deficiencies"})}
    inspection, outcome = _upsert(session, found, Inspection, values)
    if outcome == "created" or not _same_deficiencies(inspection, data):
        inspection.deficiencies = [Deficiency(**d.model_dump()) for d in data.deficiencies]
        session.flush()
        if outcome == "unchanged":
            outcome = "updated"
    return inspection, outcome


def save_accident(session: Session, ship: Ship, data: AccidentIn) -> tuple[Accident, Outcome]:
    found = session.scalar(
        select(Accident).where(
            Accident.ship_id == ship.id,
            Accident.occurred_on == data.occurred_on,
            Accident.kind == data.kind,
        )
    )
    values = {"ship_id": ship.id, **data.model_dump()}
    return _upsert(session, found, Accident, values)


def save_penalty(session: Session, ship: Ship, data: PenaltyIn) -> tuple[Penalty, Outcome]:
    found = session.scalar(select(Penalty).where(Penalty.case_number == data.case_number))
    if found is not None and found.ship_id != ship.id:
        raise conflict(f"penalty case {data.case_number} is recorded for another ship")
    values = {"ship_id": ship.id, **data.model_dump()}
    return _upsert(session, found, Penalty, values)


def save_watch(session: Session, ship: Ship, data: WatchIn) -> tuple[Watch, Outcome]:
    found = session.scalar(
        select(Watch).where(
            Watch.ship_id == ship.id, Watch.kind == data.kind, Watch.opened_on == data.opened_on
        )
    )
    if found is None and data.closed_on is None:
        already = session.scalar(
            select(Watch).where(
                Watch.ship_id == ship.id, Watch.kind == data.kind, Watch.closed_on.is_(None)
            )
        )
        if already is not None:
            raise conflict(f"the ship already has an open {data.kind.replace('_', ' ')} watch")
    values = {"ship_id": ship.id, **data.model_dump()}
    return _upsert(session, found, Watch, values)


def close_watch(session: Session, watch: Watch, data: WatchClose) -> Watch:
    if watch.closed_on is not None:
        raise conflict("the watch is already closed")
    if data.closed_on < watch.opened_on:
        raise validation_error("closed_on", "cannot come before the watch was opened")
    watch.closed_on, watch.closing_note = data.closed_on, data.closing_note
    session.flush()
    return watch
