"""The CLI contract: one JSON object on stdout, one `error:` line on stderr, HTML report."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from ftz.practices.data_export.scanner.cli import app

from .helpers import resident_id

runner = CliRunner()


def test_json_contract(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    pl.DataFrame(
        {"身份证号": [resident_id(seq=f"{i:03d}") for i in range(4)], "qty": ["1", "2", "3", "4"]}
    ).write_csv(path)
    result = runner.invoke(app, ["scan", str(path), "--json", "--sample", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"source", "tables", "columns", "individuals", "sensitive_individuals"}
    table = data["tables"][0]
    assert table["rows_scanned"] == 3 and table["individuals"] == 3
    column_keys = {"name", "entity", "share", "confidence", "category", "level", "personal_info"}
    column_keys |= {"sensitive", "on_negative_list", "evidence"}
    for col in table["columns"]:
        assert column_keys <= set(col)
    flat = {c["name"]: c for c in data["columns"]}
    assert flat["身份证号"]["table"] == "c"
    assert flat["身份证号"]["entity"] == "CN_RESIDENT_ID"
    assert flat["身份证号"]["level"] == "general-4"
    assert flat["qty"]["entity"] is None
    assert resident_id(seq="000") not in result.stdout
    full = json.loads(runner.invoke(app, ["scan", str(path), "--json", "--full"]).stdout)
    assert full["tables"][0]["rows_scanned"] == 4


def test_errors_are_one_line_with_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"a,b\n1,\xff\n")
    result = runner.invoke(app, ["scan", str(bad), "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "byte offset" in lines[0]
    unknown = runner.invoke(app, ["scan", str(tmp_path / "x.pdf")])
    assert unknown.exit_code == 2 and unknown.stderr.startswith("error: ")


def test_html_report_escapes(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    pl.DataFrame({"<script>alert(1)</script>": ["13812345678"]}).write_csv(path)
    report = tmp_path / "r.html"
    result = runner.invoke(app, ["scan", str(path), "--html", str(report)])
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "138****5678" in html and "13812345678" not in html
    assert "http" not in html  # self-contained: no CDN


def test_state_and_resume_flags(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    pl.DataFrame({"mobile": ["13812345678"]}).write_csv(path)
    state = tmp_path / "state.json"
    assert runner.invoke(app, ["scan", str(path), "--state", str(state)]).exit_code == 0
    assert "s" in json.loads(state.read_text(encoding="utf-8"))["tables"]
    again = runner.invoke(app, ["scan", str(path), "--state", str(state), "--resume", "--json"])
    assert json.loads(again.stdout)["columns"][0]["entity"] == "CN_MOBILE"
    no_state = runner.invoke(app, ["scan", str(path), "--resume"])
    assert no_state.exit_code == 2 and "--state" in no_state.stderr
