"""Declaration lines from CSV (web upload and CLI): a header row with English or Chinese
column names, one line per row. Refused files name the row and the column."""

from __future__ import annotations

import csv
import io
from typing import Any

from pydantic import ValidationError

from ftz.core.kit.errors import validation_error
from ftz.practices.cbec_key_items.schemas import MAX_LINES, LineIn

COLUMNS = {
    "item_name": ("item_name", "商品名称", "品名"),
    "spec": ("spec", "规格型号", "规格"),
    "hs_code": ("hs_code", "商品编码", "hs"),
    "quantity": ("quantity", "数量"),
    "unit": ("unit", "单位"),
    "weight_kg": ("weight_kg", "重量", "毛重", "重量(千克)"),
    "value_cny": ("value_cny", "价值", "总价", "价值(元)"),
}
REQUIRED = ("item_name", "hs_code", "quantity", "weight_kg", "value_cny")
TEMPLATE = "item_name,spec,hs_code,quantity,unit,weight_kg,value_cny\n"


def read_lines(text: str, field: str = "file") -> list[LineIn]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if len(rows) < 2:
        raise validation_error(field, "a header row and at least one line are needed")
    header = [cell.strip().lower() for cell in rows[0]]
    where: dict[str, int] = {}
    for name, aliases in COLUMNS.items():
        for alias in aliases:
            if alias.lower() in header:
                where[name] = header.index(alias.lower())
                break
    missing = [c for c in REQUIRED if c not in where]
    if missing:
        raise validation_error(field, f"missing column(s): {', '.join(missing)}")
    if len(rows) - 1 > MAX_LINES:
        raise validation_error(field, f"at most {MAX_LINES} lines per declaration")
    lines = []
    for number, row in enumerate(rows[1:], start=2):
        values: dict[str, Any] = {
            name: row[index].strip() for name, index in where.items() if index < len(row)
        }
        if not values.get("unit"):
            values.pop("unit", None)
        try:
            lines.append(LineIn.model_validate(values))
        except ValidationError as exc:
            error = exc.errors()[0]
            column = ".".join(str(p) for p in error["loc"])
            raise validation_error(field, f"row {number}, {column}: {error['msg']}") from exc
    return lines
