"""Readers: one file or one database becomes named tables, read whole or as a sample.

Sample mode never reads a file whole: CSV and JSON lines are read in 1 MiB chunks until
N+1 lines are in hand; Parquet, Excel and SQL push the row limit down to the reader."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from .errors import (
    BadEncodingError,
    EmptyTableError,
    RaggedRowsError,
    ScanError,
    UnknownFormatError,
)

CHUNK = 1 << 20
FORMATS = {
    ".csv": "csv", ".tsv": "csv", ".txt": "csv",
    ".parquet": "parquet", ".pq": "parquet",
    ".xlsx": "excel", ".xlsm": "excel",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
}  # fmt: skip


class Source(Protocol):
    def tables(self) -> list[str]: ...
    def read(self, table: str) -> pl.DataFrame: ...


def display_name(source: str | Path) -> str:
    """The source as shown in results: database URLs without their password."""
    text = str(source)
    if "://" in text:
        from sqlalchemy.engine import make_url

        try:
            return make_url(text).render_as_string(hide_password=True)
        except Exception:
            return text.split("://", 1)[0] + "://…"
    return text


@contextmanager
def open_source(
    source: str | Path, *, sample: int | None, random_sample: bool = False, encoding: str = "utf-8"
) -> Iterator[Source]:
    if isinstance(source, str) and "://" in source:
        from .sql import SqlSource

        sql = SqlSource(source, sample, random_sample)
        try:
            yield sql
        finally:
            sql.close()
        return
    path = Path(source)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UnknownFormatError(detail=f"{path.name}: unknown format {path.suffix or '(none)'!r}")
    if not path.is_file():
        raise ScanError(detail=f"{path}: no such file")
    yield FileSource(path, fmt, sample, random_sample, encoding)


def _head_bytes(path: Path, lines: int | None) -> tuple[bytes, bool]:
    """The first `lines` complete lines (all when None) and whether the file ended."""
    with path.open("rb") as fh:
        if lines is None:
            return fh.read(), True
        buf = bytearray()
        while buf.count(b"\n") < lines:
            chunk = fh.read(CHUNK)
            if not chunk:
                return bytes(buf), True
            buf += chunk
    cut = -1
    for _ in range(lines):
        cut = buf.index(b"\n", cut + 1)
    return bytes(buf[: cut + 1]), False


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BadEncodingError(
            detail=f"{name}: not valid {encoding} at byte offset {exc.start} (line {line}); "
            "if the file is GBK, pass --encoding gbk"
        ) from exc
    except LookupError as exc:
        raise ScanError(detail=f"unknown encoding {encoding!r}") from exc
    return text.removeprefix("\ufeff")


def _separator(header: str) -> str:
    return max((",", "\t", ";", "|"), key=header.count)


def _check_ragged(text: str, sep: str, name: str) -> None:
    """Every record must have the header's field count (polars would pad short rows)."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    width = None
    for record in reader:
        if not record:
            continue
        if width is None:
            width = len(record)
        elif len(record) != width:
            raise RaggedRowsError(
                detail=f"{name}: line {reader.line_num} has {len(record)} fields, "
                f"the header has {width}"
            )


class FileSource:
    def __init__(self, path: Path, fmt: str, sample: int | None, rnd: bool, encoding: str):
        self.path, self.fmt, self.sample, self.rnd, self.encoding = path, fmt, sample, rnd, encoding

    def tables(self) -> list[str]:
        if self.fmt == "excel":
            import fastexcel

            try:
                return list(fastexcel.read_excel(self.path).sheet_names)
            except Exception as exc:
                raise ScanError(
                    detail=f"{self.path.name}: not a readable .xlsx file ({exc})"
                ) from exc
        return [self.path.stem]

    def read(self, table: str) -> pl.DataFrame:
        if self.path.stat().st_size == 0:
            raise EmptyTableError(detail=f"{self.path.name}: empty file")
        try:
            df: pl.DataFrame = getattr(self, f"_read_{self.fmt}")(table)
        except ScanError:
            raise
        except (pl.exceptions.PolarsError, OSError, ValueError) as exc:
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ScanError(detail=f"{self.path.name}: cannot read {self.fmt}: {msg}") from exc
        if self.sample is not None and df.height > self.sample:
            df = df.sample(self.sample, seed=0) if self.rnd else df.head(self.sample)
        return df

    def _text(self, extra_lines: int) -> str:
        lines = None if self.sample is None or self.rnd else self.sample + extra_lines
        data, _ = _head_bytes(self.path, lines)
        return _decode(data, self.encoding, self.path.name)

    def _read_csv(self, _table: str) -> pl.DataFrame:
        text = self._text(1)
        sep = _separator(text.split("\n", 1)[0])
        _check_ragged(text, sep, self.path.name)
        return pl.read_csv(io.BytesIO(text.encode()), separator=sep, infer_schema=False)

    def _read_jsonl(self, _table: str) -> pl.DataFrame:
        text = self._text(0)
        if text.lstrip().startswith("["):
            return pl.read_json(io.BytesIO(text.encode()))
        try:
            return pl.read_ndjson(io.BytesIO(text.encode()), infer_schema_length=None)
        except pl.exceptions.PolarsError as exc:
            for number, line in enumerate(text.splitlines(), 1):
                try:
                    json.loads(line) if line.strip() else None
                except ValueError:
                    raise ScanError(detail=f"{self.path.name}: line {number} is not JSON") from exc
            raise

    def _read_parquet(self, _table: str) -> pl.DataFrame:
        lazy = pl.scan_parquet(self.path)
        if self.sample is None:
            return lazy.collect()
        if not self.rnd:
            return lazy.head(self.sample).collect()
        total = int(lazy.select(pl.len()).collect().item())
        picks = sorted(random.Random(0).sample(range(total), min(self.sample, total)))
        rows = lazy.with_row_index("__row").filter(pl.col("__row").is_in(picks))
        return rows.drop("__row").collect()

    def _read_excel(self, table: str) -> pl.DataFrame:
        import fastexcel

        # Cells as text: mobiles and IDs typed as numbers in Excel keep their digits.
        options: dict[str, Any] = {"dtypes": "string"}
        if self.sample is not None and not self.rnd:
            options["n_rows"] = self.sample
        try:
            sheet = fastexcel.read_excel(self.path).load_sheet(table, **options)
        except Exception as exc:
            raise ScanError(
                detail=f"{self.path.name}: cannot read sheet {table!r} ({exc})"
            ) from exc
        frame: pl.DataFrame = sheet.to_polars()
        return frame
