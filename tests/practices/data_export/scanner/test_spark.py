"""Spark local mode: mapInArrow partial counts reduce to the same verdicts as scan_frame."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from ftz.practices.data_export.scanner import scan_frame
from ftz.practices.data_export.scanner.spark import partition_counts, reduce_counts

from .helpers import luhn, resident_id

DATA = {
    "身份证号": [resident_id(seq=f"{i % 40:03d}") for i in range(200)],
    "手机": [f"138{i:08d}" for i in range(200)],
    "card": [luhn("62220212345678901") if i % 2 else "" for i in range(200)],
    "note": ["请联系13812345678谢谢" if i % 4 == 0 else "无" for i in range(200)],
    "qty": [str(i) for i in range(200)],
}


def test_partition_counts_merge_like_one_frame() -> None:
    """Without Spark: two Arrow batches, reduced, equal the verdicts on the whole frame."""
    df = pl.DataFrame(DATA)
    halves = iter([df.head(120).to_arrow().to_batches()[0], df.tail(80).to_arrow().to_batches()[0]])
    out: Iterator[Any] = partition_counts(halves, "checksum")
    rows = pa.Table.from_batches(list(out)).to_pylist()
    n_rows, counts = reduce_counts(rows, df.columns)
    whole = {c.name: c for c in scan_frame(df, "t").columns}
    assert n_rows == 200
    for c in counts:
        assert c.hits == {k: v for k, v in _hits(df, c.name).items()}
        assert c.nonempty == whole[c.name].nonempty


def _hits(df: pl.DataFrame, col: str) -> dict[str, int]:
    from ftz.practices.data_export.scanner.detectors import detect

    return detect(df[col], col).counts.hits


def test_spark_local_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark")
    # Python workers must run this interpreter (the one with ftz installed), not `python3`.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from ftz.practices.data_export.scanner.spark import scan_spark

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("ftz-scan-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        rows = list(zip(*DATA.values(), strict=True))
        sdf = spark.createDataFrame(rows, schema=list(DATA)).repartition(3)
        table = scan_spark(sdf, "t")
    finally:
        spark.stop()
    expected = scan_frame(pl.DataFrame(DATA), "t")
    assert table.rows_scanned == 200
    got = {c.name: (c.entity, c.share) for c in table.columns}
    assert got == {c.name: (c.entity, c.share) for c in expected.columns}
    assert table.identifier == "CN_RESIDENT_ID" and table.individuals == 40
