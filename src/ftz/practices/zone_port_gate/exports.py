"""CSV of gate transactions (scoped like the list), streamed in pages so a month stays small."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

COLUMNS = (
    "passed_at", "day", "plate", "declaration_number", "direction", "units", "weight_kg",
    "verdict", "status", "route", "mismatches", "resolution_note", "ledger_sha256",
)  # fmt: skip
CHUNK = 500


def csv_rows(session: Session, query: Select[Any]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    offset = 0
    while True:
        batch = list(session.scalars(query.limit(CHUNK).offset(offset)))
        for tx in batch:
            writer.writerow([
                tx.passed_at.isoformat(), tx.day.isoformat(), tx.plate, tx.declaration_number,
                tx.direction, " ".join(u["number"] for u in tx.units), tx.weight_kg, tx.verdict,
                tx.status, tx.route, "; ".join(m["row_id"] for m in tx.mismatches),
                tx.resolution_note, tx.ledger_sha256,
            ])  # fmt: skip
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if len(batch) < CHUNK:
            return
        offset += CHUNK
