"""CSV of gate transactions, manifests and daily volumes (scoped like their lists), read in
pages so a month stays small."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from ftz.core.kit.csv_export import spreadsheet_safe
from ftz.practices.zone_port_gate.schemas import unit_rows

COLUMNS = (
    "passed_at", "day", "plate", "declaration_number", "direction", "units", "weight_kg",
    "verdict", "status", "route", "mismatches", "resolution_note", "ledger_sha256",
)  # fmt: skip
MANIFEST_COLUMNS = (
    "created_at", "number", "declaration_number", "flight", "units", "kinds", "seals",
    "unit_weights_kg", "weight_kg",
)  # fmt: skip
VOLUME_COLUMNS = ("day", "airport_export_kg", "airport_import_kg", "updated_at")
CHUNK = 500


def _paged(
    session: Session, query: Select[Any], header: tuple[str, ...], row: Callable[[Any], list[Any]]
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    offset = 0
    while True:
        batch = list(session.scalars(query.limit(CHUNK).offset(offset)))
        # Spreadsheet-safe cells (core.kit.csv_export): a note typed as `=...` stays text.
        writer.writerows([spreadsheet_safe(v) for v in row(item)] for item in batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if len(batch) < CHUNK:
            return
        offset += CHUNK


def _transaction(tx: Any) -> list[Any]:
    return [
        tx.passed_at.isoformat(), tx.day.isoformat(), tx.plate, tx.declaration_number,
        tx.direction, " ".join(u["number"] for u in tx.units), tx.weight_kg, tx.verdict,
        tx.status, tx.route, "; ".join(m["row_id"] for m in tx.mismatches),
        tx.resolution_note, tx.ledger_sha256,
    ]  # fmt: skip


def _manifest(m: Any) -> list[Any]:
    units = unit_rows(m.units)
    return [
        m.created_at.isoformat(), m.number, m.declaration_number, m.flight,
        " ".join(u["number"] for u in units), " ".join(u["kind"] for u in units),
        "; ".join(" ".join(u["seals"]) for u in units),
        " ".join(str(u["weight_kg"] or "") for u in units), m.weight_kg,
    ]  # fmt: skip


def _volume(v: Any) -> list[Any]:
    return [v.day.isoformat(), v.airport_export_kg, v.airport_import_kg, v.updated_at.isoformat()]


def csv_rows(session: Session, query: Select[Any]) -> Iterator[str]:
    return _paged(session, query, COLUMNS, _transaction)


def manifest_rows(session: Session, query: Select[Any]) -> Iterator[str]:
    return _paged(session, query, MANIFEST_COLUMNS, _manifest)


def volume_rows(session: Session, query: Select[Any]) -> Iterator[str]:
    return _paged(session, query, VOLUME_COLUMNS, _volume)
