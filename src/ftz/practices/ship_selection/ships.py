"""The ship records as p07 uses them: maritime officers keep them (by hand or by import), every
signed-in user reads them (PSC records are public in the MoU databases too). The writing itself
is `ftz.domain.vessels.service`; this module adds who may do it and the CSV export."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_text as kit_csv_text
from ftz.domain.vessels import importer, repository, service
from ftz.domain.vessels.models import Ship, Watch
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
from ftz.practices.ship_selection.common import require_msa

RECORD_KINDS = ("certificates", "manning", "inspections", "accidents", "penalties", "watches")
RecordIn = CertificateIn | ManningIn | InspectionIn | AccidentIn | PenaltyIn | WatchIn
SAVERS: dict[str, Any] = {
    "certificates": service.save_certificate,
    "manning": service.save_manning,
    "inspections": service.save_inspection,
    "accidents": service.save_accident,
    "penalties": service.save_penalty,
    "watches": service.save_watch,
}
# The importer's columns, so an exported file imports back unchanged.
CSV_COLUMNS = importer.CSV_COLUMNS


def create(session: Session, *, principal: Principal, data: ShipIn) -> Ship:
    require_msa(principal, "record ships")
    return service.create_ship(session, data)


def update(session: Session, *, principal: Principal, ship_id: str, data: ShipIn) -> Ship:
    require_msa(principal, "edit ships")
    return service.update_ship(session, repository.get_ship(session, ship_id), data)


def save_company(session: Session, *, principal: Principal, data: CompanyIn) -> Any:
    require_msa(principal, "record management companies")
    return service.save_company(session, data)[0]


def add_record(
    session: Session, *, principal: Principal, ship_id: str, kind: str, data: RecordIn
) -> Any:
    """Certificates, manning checks, inspections, accidents, penalties or watches."""
    require_msa(principal, "record a ship's certificates, inspections and penalties")
    ship = repository.get_ship(session, ship_id)
    return SAVERS[kind](session, ship, data)[0]


def close_watch(
    session: Session, *, principal: Principal, ship_id: str, watch_id: str, data: WatchClose
) -> Watch:
    require_msa(principal, "close a watch")
    return service.close_watch(session, repository.get_watch(session, ship_id, watch_id), data)


def import_fleet(
    session: Session, *, principal: Principal, content: bytes | str, fmt: str
) -> dict[str, Any]:
    require_msa(principal, "import ship records")
    fleet = importer.parse_csv(content) if fmt == "csv" else importer.parse_json(content)
    return importer.import_fleet(session, fleet)


def records(session: Session, ship_id: str) -> dict[str, list[Any]]:
    return {
        "certificates": repository.certificates(session, ship_id),
        "manning": repository.manning(session, ship_id),
        "inspections": repository.inspections(session, ship_id),
        "accidents": repository.accidents(session, ship_id),
        "penalties": repository.penalties(session, ship_id),
        "watches": repository.watches(session, ship_id),
    }


def csv_text(session: Session, filters: repository.ShipFilter) -> str:
    rows = []
    for ship in repository.all_ships(session, filters):
        values = {"company_imo": ship.company.imo_company_number if ship.company else None}
        rows.append([values[c] if c in values else getattr(ship, c) for c in CSV_COLUMNS])
    return kit_csv_text(CSV_COLUMNS, rows)
