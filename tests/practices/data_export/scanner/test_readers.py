"""Every input format, sample versus full reads, and malformed inputs as typed errors."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import openpyxl
import polars as pl
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from ftz.core.db.engine import with_driver
from ftz.practices.data_export.scanner import (
    BadEncodingError,
    EmptyTableError,
    RaggedRowsError,
    SourceUnreachableError,
    TableNotFoundError,
    UnknownFormatError,
    scan_source,
)
from ftz.practices.data_export.scanner.readers import open_source

from .helpers import resident_id, write_table

ROWS = {
    "姓名": ["张伟", "李娜", "王芳"],
    "身份证号": [resident_id(seq=f"{i:03d}") for i in range(3)],
    "mobile": ["13812345678", "13912345678", "13712345678"],
    "amount": ["12.50", "8.00", "99.90"],
}
EXPECTED = {
    "姓名": "PERSON_NAME",
    "身份证号": "CN_RESIDENT_ID",
    "mobile": "CN_MOBILE",
    "amount": None,
}


def entities(result_dict: dict[str, object]) -> dict[str, object]:
    return {c["name"]: c["entity"] for c in result_dict["columns"]}  # type: ignore[attr-defined,index]


def test_csv_parquet_jsonl(tmp_path: Path) -> None:
    df = pl.DataFrame(ROWS)
    df.write_csv(tmp_path / "a.csv")
    df.write_parquet(tmp_path / "a.parquet")
    df.write_ndjson(tmp_path / "a.jsonl")
    (tmp_path / "a.tsv").write_text(df.write_csv(separator="\t"), encoding="utf-8")
    for name in ("a.csv", "a.parquet", "a.jsonl", "a.tsv"):
        assert entities(scan_source(tmp_path / name).to_dict()) == EXPECTED, name


def test_xlsx_sheets_and_numeric_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "客户"
    ws.append(list(ROWS))
    for row in zip(*ROWS.values(), strict=True):
        ws.append([*row[:2], int(row[2]), float(row[3])])  # mobile typed as a number
    other = wb.create_sheet("日志")
    other.append(["ip"])
    other.append(["10.1.2.3"])
    wb.save(tmp_path / "a.xlsx")
    result = scan_source(tmp_path / "a.xlsx").to_dict()
    assert [t["name"] for t in result["tables"]] == ["客户", "日志"]
    assert entities(result) == {**EXPECTED, "ip": "IP_ADDRESS"}
    only = scan_source(tmp_path / "a.xlsx", tables=["日志"])
    assert [t.name for t in only.tables] == ["日志"]


def test_sqlite_two_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    write_table(url, "customers", dict(ROWS))  # type: ignore[arg-type]
    write_table(url, "contacts", {"email": ["a@example.com", "b@example.org"], "n": [1, 2]})
    result = scan_source(url).to_dict()
    assert sorted(t["name"] for t in result["tables"]) == ["contacts", "customers"]
    assert {c["table"] for c in result["columns"]} == {"contacts", "customers"}
    assert entities(result)["email"] == "EMAIL"
    with pytest.raises(TableNotFoundError):
        scan_source(url, tables=["nope"])


def test_unreachable_database() -> None:
    with pytest.raises(SourceUnreachableError, match="cannot connect"):
        scan_source("postgresql+psycopg://u:secret@127.0.0.1:1/x?connect_timeout=2")


def test_sample_reads_only_n_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    lines = ["mobile"] + [f"13{i:09d}" for i in range(5000)]
    # A bad byte far past the sample: sample mode must never reach it.
    path.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe\n")
    assert scan_source(path, sample=100).tables[0].rows_scanned == 100
    with pytest.raises(BadEncodingError):
        scan_source(path, sample=None)
    with open_source(path, sample=10) as src:
        assert src.read("big").height == 10


def test_random_sample(tmp_path: Path) -> None:
    pl.DataFrame({"x": [str(i) for i in range(1000)]}).write_parquet(tmp_path / "r.parquet")
    with open_source(tmp_path / "r.parquet", sample=50, random_sample=True) as src:
        rows = src.read("r")["x"].cast(pl.Int64)
    assert rows.len() == 50 and rows.max() > 100  # type: ignore[operator]


def test_bad_encoding_names_offset_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("姓名,手机\n".encode() + "张伟,13812345678\n".encode("gbk"))
    with pytest.raises(BadEncodingError, match=r"byte offset 14 \(line 2\)"):
        scan_source(path)
    result = scan_source(path, encoding="gbk")  # wrong for line 1 (UTF-8), but decodable
    assert result.tables[0].rows_scanned == 1


def test_ragged_rows(tmp_path: Path) -> None:
    path = tmp_path / "rag.csv"
    path.write_text("a,b,c\n1,2,3\n4,5\n", encoding="utf-8")
    with pytest.raises(RaggedRowsError, match="line 3 has 2 fields"):
        scan_source(path)
    path.write_text('a,b\n"x, quoted",2\n', encoding="utf-8")  # quoted separators are fine
    assert scan_source(path).tables[0].rows_scanned == 1


@pytest.mark.parametrize("content", ["", "a,b\n"])
def test_empty(tmp_path: Path, content: str) -> None:
    path = tmp_path / "e.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EmptyTableError):
        scan_source(path)


def test_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"PK")
    with pytest.raises(UnknownFormatError, match="unknown format"):
        scan_source(path)


def test_postgresql_table(tmp_path: Path) -> None:
    """The same scan over a PostgreSQL database (CI sets FTZ_TEST_POSTGRES_URL)."""
    base = os.environ.get("FTZ_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("FTZ_TEST_POSTGRES_URL is not set")
    name = f"ftz_scan_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(
        base.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    # A plain postgresql:// URL, as users write it.
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        write_table(with_driver(url), "customers", dict(ROWS))  # type: ignore[arg-type]
        assert entities(scan_source(url, tables=["customers"]).to_dict()) == EXPECTED
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


MYSQL_URL = os.environ.get("FTZ_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/test")


def test_mysql_table() -> None:
    """The same scan over MySQL/MariaDB (the machine's MariaDB; skipped where there is none)."""
    try:
        sa.create_engine(MYSQL_URL).connect().close()
    except sa.exc.OperationalError:
        pytest.skip(f"no MySQL/MariaDB at {MYSQL_URL}")
    table = f"ftz_scan_{uuid.uuid4().hex[:10]}"
    write_table(MYSQL_URL, table, dict(ROWS))  # type: ignore[arg-type]
    try:
        assert entities(scan_source(MYSQL_URL, tables=[table]).to_dict()) == EXPECTED
    finally:
        engine = sa.create_engine(MYSQL_URL)
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {table}"))
        engine.dispose()
