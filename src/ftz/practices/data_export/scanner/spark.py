"""The same detectors on a Spark DataFrame (extra `[spark]`): each Arrow batch becomes a polars
frame, `detect` tallies it, and per-column partial counts are summed on the driver.

    from ftz.practices.data_export.scanner.spark import scan_spark
    table = scan_spark(spark_df, "customers")   # -> TableResult

pyspark is imported lazily, so this module loads without it."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from functools import partial
from typing import Any

import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]  # no stubs; pyproject is not ours

from .detectors import ColumnCounts, IdMode, detect
from .headcount import IDENTIFIER_MIN_SHARE, IDENTIFIER_ORDER
from .scoring import ColumnResult, NegativeMatch, classify

OUT_SCHEMA = "column string, entity string, nonempty long, hits long, hot long, samples string"
_ARROW_SCHEMA = pa.schema(
    [
        ("column", pa.string()),
        ("entity", pa.string()),
        ("nonempty", pa.int64()),
        ("hits", pa.int64()),
        ("hot", pa.int64()),
        ("samples", pa.string()),
    ]
)
ROWS = "__rows__"  # the pseudo-column carrying the partition's row count


def partition_counts(
    batches: Iterator[pa.RecordBatch], id_mode: IdMode
) -> Iterator[pa.RecordBatch]:
    """Runs on executors: one output row per (column, entity), plus one per column (entity
    null) carrying its non-empty count, plus the row count; only masked samples leave."""
    merged: dict[str, ColumnCounts] = {}
    rows = 0
    for batch in batches:
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        rows += frame.height
        for col in frame.columns:
            counts = detect(frame[col], col, id_mode=id_mode).counts
            merged[col] = merged[col].merge(counts) if col in merged else counts
    out: list[dict[str, Any]] = [
        {"column": ROWS, "entity": None, "nonempty": rows, "hits": 0, "hot": 0, "samples": "[]"}
    ]
    for col, counts in merged.items():
        out.append(
            {"column": col, "entity": None, "nonempty": counts.nonempty, "hits": 0, "hot": 0,
             "samples": "[]"}
        )  # fmt: skip
        for entity, hits in counts.hits.items():
            out.append(
                {"column": col, "entity": entity, "nonempty": 0, "hits": hits,
                 "hot": counts.hot.get(entity, 0),
                 "samples": json.dumps(counts.samples.get(entity, []), ensure_ascii=False)}
            )  # fmt: skip
    yield pa.RecordBatch.from_pylist(out, schema=_ARROW_SCHEMA)


def reduce_counts(rows: list[dict[str, Any]], columns: list[str]) -> tuple[int, list[ColumnCounts]]:
    """Driver side: sum the partial counts of every partition."""
    totals = {c: ColumnCounts(c) for c in columns}
    n_rows = 0
    for row in rows:
        if row["column"] == ROWS:
            n_rows += int(row["nonempty"])
            continue
        part = ColumnCounts(row["column"], int(row["nonempty"]))
        if row["entity"] is not None:
            part.hits[row["entity"]] = int(row["hits"])
            part.hot[row["entity"]] = int(row["hot"])
            part.samples[row["entity"]] = list(json.loads(row["samples"]))
        totals[row["column"]] = totals[row["column"]].merge(part)
    return n_rows, [totals[c] for c in columns]


def _heads(sdf: Any, columns: list[ColumnResult]) -> tuple[str | None, int, int]:
    """Distinct values of the best identifier column; sensitive = rows where a sensitive column
    is non-empty (Spark sees raw cells here, not the per-row validation of scan_frame)."""
    fn = importlib.import_module("pyspark.sql.functions")
    for entity in IDENTIFIER_ORDER:
        found = [c for c in columns if c.entity == entity and c.share >= IDENTIFIER_MIN_SHARE]
        if not found:
            continue
        key = fn.upper(fn.trim(fn.col(found[0].name).cast("string")))
        present = sdf.filter(key.isNotNull() & (key != ""))
        total = present.select(fn.countDistinct(key)).first()[0]
        sensitive_cols = [c.name for c in columns if c.sensitive]
        if not sensitive_cols:
            return entity, int(total), 0
        cond = None
        for name in sensitive_cols:
            cell = fn.trim(fn.col(name).cast("string"))
            test = cell.isNotNull() & (cell != "")
            cond = test if cond is None else cond | test
        sens = present.filter(cond).select(fn.countDistinct(key)).first()[0]
        return entity, int(total), int(sens)
    return None, 0, 0


def scan_spark(
    sdf: Any,
    name: str,
    *,
    negative_match: NegativeMatch | None = None,
    id_mode: IdMode = "checksum",
) -> Any:
    """Classify every column of a Spark DataFrame; returns a TableResult."""
    from .errors import EmptyTableError
    from .scan import TableResult

    rows = [
        r.asDict()
        for r in sdf.mapInArrow(partial(partition_counts, id_mode=id_mode), OUT_SCHEMA).collect()
    ]
    n_rows, counts = reduce_counts(rows, list(sdf.columns))
    if n_rows == 0:
        raise EmptyTableError(detail=f"table {name!r} is empty: no rows to scan")
    columns = [classify(c, negative_match) for c in counts]
    kind, total, sensitive = _heads(sdf, columns)
    return TableResult(name, n_rows, columns, total, sensitive, identifier=kind)
