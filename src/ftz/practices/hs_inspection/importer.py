"""Importers of the four sources: a CSV (UTF-8, header row) or JSON file (a list of objects, or
`{"records": [...]}`) is validated whole before anything is written: one bad row refuses the
file, naming the row and field. Records already known (same source and reference) and repeats
within the file are skipped, so importing a file again changes nothing. New records go in as one
bulk insert; the import itself is audited and anchored in the evidence ledger (file digest and
counts)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from typing import Any

from pydantic import ValidationError
from sqlalchemy import insert
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db.base import utcnow
from ftz.core.kit.errors import FieldProblem, FtzError, forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.practices.hs_inspection import repository
from ftz.practices.hs_inspection.common import anchor, sources
from ftz.practices.hs_inspection.models import HsImport, HsRiskRecord
from ftz.practices.hs_inspection.schemas import SOURCES, RecordIn

MAX_ROWS = 100_000
FIELDS = set(RecordIn.model_fields)


def parse(source: str, filename: str, content: bytes) -> list[dict[str, Any]]:
    """The rows of a file as dicts, the source's reference column read as `ref`."""
    if source not in SOURCES:
        raise validation_error("source", f"one of {', '.join(SOURCES)}, not {source!r}")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise validation_error("file", f"not UTF-8 text ({exc.reason})") from exc
    if filename.lower().endswith(".json") or text.lstrip().startswith(("[", "{")):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise validation_error("file", f"not JSON ({exc.msg}, line {exc.lineno})") from exc
        rows = loaded.get("records") if isinstance(loaded, dict) else loaded
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise validation_error("file", "JSON must be a list of objects or {records: [...]}")
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames:
            raise validation_error("file", "empty CSV: a header row is required")
        rows = [{k: v for k, v in row.items() if k is not None} for row in reader]
    if not rows:
        raise validation_error("file", "no records in the file")
    if len(rows) > MAX_ROWS:
        raise validation_error("file", f"at most {MAX_ROWS} records per file")
    ref_column = sources()[source]["ref"]
    return [_shape(row, ref_column) for row in rows]


def _shape(row: dict[str, Any], ref_column: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    details = dict(row.get("details") or {}) if isinstance(row.get("details"), dict) else {}
    for key, value in row.items():
        key = key.strip()
        if key == ref_column:
            out["ref"] = value
        elif key in FIELDS and key != "details":
            out[key] = None if key == "severity" and value in ("", None) else value
        elif key != "details" and value not in ("", None):
            details[key] = value
    out["details"] = details
    return out


def validate(source: str, rows: list[dict[str, Any]]) -> list[RecordIn]:
    """Every row checked; the first problems (up to 20) refuse the file."""
    problems: list[FieldProblem] = []
    valid: list[RecordIn] = []
    ref_column = sources()[source]["ref"]
    for number, row in enumerate(rows, start=1):
        try:
            record = RecordIn.model_validate(row)
        except ValidationError as exc:
            for err in exc.errors()[:3]:
                reason = str(err["msg"]).removeprefix("Value error, ")
                loc = ".".join(str(p) for p in err["loc"])
                if not loc:  # a model check names its field first: "hs_code: …"
                    loc, _, reason = reason.partition(": ")
                loc = ref_column if loc == "ref" else loc
                problems.append(FieldProblem(f"row {number}: {loc}", reason))
            continue
        problems.extend(_source_rules(source, number, record))
        valid.append(record)
        if len(problems) >= 20:
            break
    if problems:
        raise FtzError(
            detail=f"{problems[0].field}: {problems[0].reason}",
            status=422,
            title="Invalid input",
            type_slug="validation",
            errors=problems[:20],
        )
    return valid


def _source_rules(source: str, number: int, record: RecordIn) -> list[FieldProblem]:
    """What each source's system must carry (overseas notifications: the Safety Gate fields)."""
    needed = {
        "nonconformity": ("defect",),
        "overseas_notification": ("country", "defect", "measures"),
        "export_return": ("country", "defect"),
        "used_machinery": ("result",),
    }[source]
    problems = [
        FieldProblem(f"row {number}: {name}", "required for this source")
        for name in needed
        if not getattr(record, name)
    ]
    if source == "used_machinery" and record.result not in ("", "conforming", "nonconforming"):
        problems.append(FieldProblem(f"row {number}: result", "conforming or nonconforming"))
    return problems


def row_values(source: str, record: RecordIn, import_id: str | None) -> dict[str, Any]:
    now = utcnow()
    return {
        "id": new_id(), "created_at": now, "updated_at": now, "source": source,
        "import_id": import_id, "batch_id": None, **record.model_dump(),
    }  # fmt: skip


def import_records(
    session: Session, *, principal: Principal, source: str, filename: str, content: bytes
) -> HsImport:
    if not principal.is_admin:
        raise forbidden("only administrators import risk records")
    records = validate(source, parse(source, filename, content))
    known = repository.existing_refs(session, source, [r.ref for r in records])
    fresh: dict[str, RecordIn] = {}
    for record in records:
        if record.ref not in known and record.ref not in fresh:
            fresh[record.ref] = record
    digest = hashlib.sha256(content).hexdigest()
    made = HsImport(
        id=new_id(), source=source, filename=filename[:200], sha256=digest,
        rows_total=len(records), inserted=len(fresh), skipped=len(records) - len(fresh),
        imported_by=principal.username,
    )  # fmt: skip
    session.add(made)
    session.flush()
    if fresh:
        rows = [row_values(source, r, made.id) for r in fresh.values()]
        session.execute(insert(HsRiskRecord), rows)
    made.ledger_index = anchor(
        session,
        {
            "type": "hs_inspection.import",
            "id": made.id,
            "source": source,
            "sha256": digest,
            "rows": made.rows_total,
            "inserted": made.inserted,
        },
        f"hs_inspection/import/{made.id}",
    )
    session.flush()
    return made
