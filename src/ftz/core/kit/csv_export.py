"""CSV downloads that open cleanly in spreadsheet programs: a UTF-8 BOM (so Excel reads the
Chinese names), and typed text that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) written
with a leading apostrophe so it is shown, never run (CSV injection; OWASP). Plain numbers such
as `-3.5` are left as they are."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fastapi.responses import Response

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def spreadsheet_safe(value: Any) -> Any:
    """A cell value: None as empty, formula-like text quoted, everything else as it is."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_START and not _number(value):
        return "'" + value
    return value


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows([spreadsheet_safe(v) for v in row] for row in rows)
    return buffer.getvalue()


def csv_response(columns: Sequence[str], rows: Iterable[Sequence[Any]], filename: str) -> Response:
    return Response(
        "\ufeff" + csv_text(columns, rows),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


def records_csv(
    columns: Sequence[str], records: Iterable[Mapping[str, Any]], filename: str
) -> Response:
    """Rows given as mappings, one column per key of `columns` (a missing key is empty)."""
    return csv_response(columns, ([r.get(c) for c in columns] for r in records), filename)
