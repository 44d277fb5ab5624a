"""Head-counts, negative-list flags, resume from a state file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from ftz.practices.data_export.scanner import scan_frame, scan_source
from ftz.practices.data_export.scanner.rules import CONTRACT_ENTITIES, load_rules

from .helpers import luhn, resident_id, write_table


def test_entities_yaml_covers_contract() -> None:
    rules = load_rules()
    assert set(CONTRACT_ENTITIES) <= set(rules.entities)
    for rule in rules.entities.values():
        assert rule.level in {"general-1", "general-2", "general-3", "general-4"}
        assert rule.citation
        assert rule.level == "general-4" or not rule.sensitive


def test_head_counts_by_best_identifier() -> None:
    ids = [resident_id(seq=f"{i % 3:03d}") for i in range(6)]  # 3 people, twice each
    df = pl.DataFrame(
        {
            "身份证号": ids,
            "手机": [f"1381234567{i}" for i in range(6)],  # 6 mobiles: the ID wins
            "备注": ["", "", "", "", "", ""],
        }
    )
    table = scan_frame(df, "t")
    assert table.identifier == "CN_RESIDENT_ID"
    assert (table.individuals, table.sensitive_individuals) == (3, 3)  # an ID is sensitive


def test_sensitive_individuals_follow_sensitive_columns() -> None:
    df = pl.DataFrame(
        {
            "mobile": ["13812345670", "13812345671", "13812345672", "13812345670"],
            "card": [luhn("622202123456789012"), "", "", ""],
        }
    )
    table = scan_frame(df, "t")
    assert table.identifier == "CN_MOBILE"
    assert (table.individuals, table.sensitive_individuals) == (3, 1)


def test_dataset_heads_union_across_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'h.sqlite'}"
    write_table(url, "a", {"mobile": ["13812345670", "13812345671"]})
    write_table(url, "b", {"mobile": ["13812345671", "13812345672"]})
    result = scan_source(url)
    assert [t.individuals for t in result.tables] == [2, 2]
    assert result.individuals == 3


def test_negative_list_callable() -> None:
    seen: list[str] = []

    def negative(field: str) -> dict[str, Any] | None:
        seen.append(field)
        return {"item": "N-07", "title": "基因数据"} if field == "gene" else None

    df = pl.DataFrame({"gene": ["ACGT"], "mobile": ["13812345678"]})
    cols = {c.name: c for c in scan_frame(df, "t", negative_match=negative).columns}
    assert cols["gene"].on_negative_list and cols["gene"].negative_list == {
        "item": "N-07",
        "title": "基因数据",
    }
    assert not cols["mobile"].on_negative_list
    assert seen == ["gene", "mobile"]


def _db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    for name in ("t1", "t2"):
        write_table(url, name, {"mobile": ["13812345678", "13912345678"]})
    return url


def test_resume_skips_finished_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ftz.practices.data_export.scanner import scan as scan_mod

    url, state = _db(tmp_path), tmp_path / "state.json"
    real = scan_mod.scan_frame
    calls: list[str] = []

    def interrupted(df: pl.DataFrame, name: str, **kw: Any) -> Any:
        calls.append(name)
        if name == "t2":
            raise KeyboardInterrupt
        return real(df, name, **kw)

    monkeypatch.setattr(scan_mod, "scan_frame", interrupted)
    with pytest.raises(KeyboardInterrupt):
        scan_source(url, state_path=state)
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert list(saved["tables"]) == ["t1"]
    assert not list(tmp_path.glob(".state.json.*"))  # no temporary file left behind

    calls.clear()

    def counted(df: pl.DataFrame, name: str, **kw: Any) -> Any:
        calls.append(name)
        return real(df, name, **kw)

    monkeypatch.setattr(scan_mod, "scan_frame", counted)
    result = scan_source(url, state_path=state, resume=True)
    assert calls == ["t2"]
    assert [t.name for t in result.tables] == ["t1", "t2"]
    assert result.tables[0].columns[0].entity == "CN_MOBILE"
    assert list(json.loads(state.read_text(encoding="utf-8"))["tables"]) == ["t1", "t2"]


def test_resume_refuses_another_sources_state(tmp_path: Path) -> None:
    from ftz.practices.data_export.scanner import ScanError

    url, state = _db(tmp_path), tmp_path / "state.json"
    scan_source(url, state_path=state)
    other = tmp_path / "x.csv"
    other.write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(ScanError, match="another scan"):
        scan_source(other, state_path=state, resume=True)
