"""Scan a frame, or every table of a source, into column verdicts and head-counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from .detectors import Detection, IdMode, detect
from .errors import EmptyTableError, TableNotFoundError
from .headcount import count_heads, dataset_heads
from .readers import open_source
from .scoring import ColumnResult, NegativeMatch, classify
from .state import ScanState

# progress(table, columns_done, columns_total)
Progress = Callable[[str, int, int], None]


@dataclass
class TableResult:
    name: str
    rows_scanned: int
    columns: list[ColumnResult]
    individuals: int
    sensitive_individuals: int
    identifier: str | None = None
    # Hashed identifier values, in memory only (never serialized): for dataset head-counts.
    keys: pl.Series | None = field(default=None, repr=False, compare=False)
    sensitive_keys: pl.Series | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "rows_scanned": self.rows_scanned,
            "columns": [c.to_dict() for c in self.columns],
            "identifier": self.identifier,
            "individuals": self.individuals,
            "sensitive_individuals": self.sensitive_individuals,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableResult:
        return cls(
            name=data["name"],
            rows_scanned=int(data["rows_scanned"]),
            columns=[ColumnResult.from_dict(c) for c in data["columns"]],
            individuals=int(data["individuals"]),
            sensitive_individuals=int(data["sensitive_individuals"]),
            identifier=data.get("identifier"),
        )


@dataclass
class ScanResult:
    source: str
    sample: int | None
    tables: list[TableResult]
    individuals: int
    sensitive_individuals: int

    def to_dict(self) -> dict[str, Any]:
        tables = [t.to_dict() for t in self.tables]
        flat = [{"table": t["name"], **c} for t in tables for c in t["columns"]]
        return {
            "source": self.source,
            "sample": self.sample,
            "tables": tables,
            "columns": flat,
            "individuals": self.individuals,
            "sensitive_individuals": self.sensitive_individuals,
        }


def scan_frame(
    df: pl.DataFrame,
    name: str,
    *,
    negative_match: NegativeMatch | None = None,
    id_mode: IdMode = "checksum",
    progress: Progress | None = None,
) -> TableResult:
    """Classify every column of an in-memory table and count the individuals in it."""
    if df.height == 0 or df.width == 0:
        raise EmptyTableError(detail=f"table {name!r} is empty: no rows to scan")
    found: dict[str, Detection] = {}
    columns: list[ColumnResult] = []
    for i, col in enumerate(df.columns):
        if progress:
            progress(name, i, df.width)
        found[col] = detect(df[col], col, id_mode=id_mode)
        columns.append(classify(found[col].counts, negative_match))
    if progress:
        progress(name, df.width, df.width)
    heads = count_heads(df, columns, found)
    return TableResult(
        name=name,
        rows_scanned=df.height,
        columns=columns,
        individuals=heads.individuals,
        sensitive_individuals=heads.sensitive_individuals,
        identifier=heads.kind,
        keys=heads.keys,
        sensitive_keys=heads.sensitive_keys,
    )


def scan_source(
    source: str | Path,
    *,
    tables: list[str] | None = None,
    sample: int | None = 10_000,
    negative_match: NegativeMatch | None = None,
    progress: Progress | None = None,
    random_sample: bool = False,
    id_mode: IdMode = "checksum",
    encoding: str = "utf-8",
    state_path: Path | None = None,
    resume: bool = False,
) -> ScanResult:
    """Scan a file (CSV, Parquet, xlsx, JSON lines) or a SQLAlchemy URL, table by table.

    sample=N reads at most N rows per table (the first N, or N at random); None reads all.
    With state_path, each finished table is saved atomically; resume skips saved tables."""
    label = str(source)
    state = ScanState.open(state_path, label, sample, resume) if state_path else None
    with open_source(source, sample=sample, random_sample=random_sample, encoding=encoding) as src:
        available = src.tables()
        wanted = tables or available
        missing = [t for t in wanted if t not in available]
        if missing:
            raise TableNotFoundError(detail=f"no table {missing[0]!r} in {label}")
        results: list[TableResult] = []
        for table in wanted:
            done = state.done(table) if state else None
            if done is not None:
                results.append(TableResult.from_dict(done))
                continue
            result = scan_frame(
                src.read(table),
                table,
                negative_match=negative_match,
                id_mode=id_mode,
                progress=progress,
            )
            if state:
                state.save(result.to_dict())
            results.append(result)
    total, sensitive = dataset_heads(
        [
            (t.identifier, t.keys, t.sensitive_keys, t.individuals, t.sensitive_individuals)
            for t in results
        ]
    )
    return ScanResult(label, sample, results, total, sensitive)
