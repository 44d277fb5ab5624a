"""Statistics and CSV export, counted from the container records the principal may see."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_text
from ftz.practices.linked_unloading import reference, repository
from ftz.practices.linked_unloading.repository import ContainerFilter, ShipmentFilter

CSV_COLUMNS = (
    "container", "size_ft", "shipment", "bill_of_lading", "direction", "port", "status",
    "selected", "inspection_site", "filed_at", "barge_departed_at", "barge_arrived_at",
    "transit_hours", "delay", "completed_at",
)  # fmt: skip


SHIPMENT_COLUMNS = (
    "shipment", "direction", "port", "consignee", "bill_of_lading", "vessel",
    "declared_in_advance", "teu", "containers", "cancelled", "statuses", "fast_track",
    "fast_track_eligible", "saved_cny_vs_transshipment", "filed_at",
)  # fmt: skip


def statistics(session: Session, *, principal: Principal) -> dict[str, Any]:
    rows = repository.stats_rows(session, principal)
    by_port: Counter[str] = Counter()
    by_direction: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    legs: dict[tuple[str, str], list[float]] = defaultdict(list)
    teu = 0
    for port, direction, status, filed_at, transit_hours, size_ft in rows:
        by_port[port] += 1
        by_direction[direction] += 1
        by_month[f"{filed_at:%Y-%m}"] += 1
        by_status[status] += 1
        teu += 2 if size_ft == 40 else 1
        if transit_hours is not None:
            legs[(port, direction)].append(float(transit_hours))
    ref = reference.reference()
    transit = []
    for port in ref.ports:
        for direction in reference.DIRECTIONS:
            hours = legs.get((port.code, direction))
            if hours:
                transit.append(
                    {
                        "port": port.code,
                        "direction": direction,
                        "legs": len(hours),
                        "average_hours": round(sum(hours) / len(hours), 1),
                        "expected_hours": round(reference.barge_hours(port), 1),
                    }
                )
    return {
        "containers": len(rows),
        "teu": teu,
        "ports": len(by_port),
        "by_port": dict(sorted(by_port.items(), key=lambda kv: -kv[1])),
        "by_direction": dict(by_direction),
        "by_month": dict(sorted(by_month.items())),
        "by_status": dict(by_status),
        "transit": transit,
    }


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def _container_row(c: Any) -> list[Any]:
    return [
        c.number, c.size_ft, c.shipment.number, c.shipment.bill_of_lading, c.direction,
        c.port_code, c.status, "yes" if c.selected else "no",
        c.inspection.get("site", ""), _iso(c.filed_at), _iso(c.barge_departed_at),
        _iso(c.barge_arrived_at), "" if c.transit_hours is None else c.transit_hours,
        c.delay.get("verdict", ""), _iso(c.completed_at),
    ]  # fmt: skip


def _shipment_row(s: Any) -> list[Any]:
    statuses = Counter(c.status for c in s.containers)
    return [
        s.number, s.direction, s.port_code, s.consignee, s.bill_of_lading, s.vessel,
        "yes" if s.declared_in_advance else "no", s.teu,
        len(s.containers) - statuses["cancelled"], statuses["cancelled"],
        " ".join(f"{k}:{v}" for k, v in sorted(statuses.items())),
        s.fast_track.get("measure", ""), "yes" if s.fast_track.get("eligible") else "no",
        s.comparison.get("saved_cny_vs_transshipment", ""), s.created_at.isoformat(),
    ]  # fmt: skip


# Spreadsheet-safe cells (core.kit.csv_export): a consignee or vessel typed as `=...` is
# written quoted, never as a live formula.
def containers_csv(session: Session, *, principal: Principal, where: ContainerFilter) -> str:
    rows = repository.all_containers(session, principal, where)
    return csv_text(CSV_COLUMNS, map(_container_row, rows))


def shipments_csv(session: Session, *, principal: Principal, where: ShipmentFilter) -> str:
    rows = repository.all_shipments(session, principal, where)
    return csv_text(SHIPMENT_COLUMNS, map(_shipment_row, rows))
