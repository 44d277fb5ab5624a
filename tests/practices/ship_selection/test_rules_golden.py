"""Golden cases of the p07 decision tables (rules/golden.yaml): every row of every table fires
in at least one case, and every row carries its reasons and its source."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.ship_selection.common import HERE, rules
from ftz.practices.ship_selection.dimensions import DIMENSIONS

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    fired = {
        (row.table, row.row_id)
        for case in CASES
        for row in rules().evaluate(case.decision, case.input).fired
    }
    every = {
        (node["name"], row["_id"])
        for key in rules().keys
        for node in rules().document(key)["nodes"]
        if node["type"] == "decisionTableNode"
        for row in node["content"]["rules"]
    }
    assert every - fired == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_source() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        fields = {o["field"] for o in table["content"]["outputs"]}
        assert {"reason_zh", "reason_en", "citation"} <= fields
        for row in table["content"]["rules"]:
            assert "案例7" in row["out_citation"], (key, row["_id"])
            assert row["out_reason_zh"].strip('"') and row["out_reason_en"].strip('"')


def test_the_seeds_ten_dimensions_in_order() -> None:
    names = [name for _, _, name, _ in DIMENSIONS]
    assert names == [
        "船舶证书",
        "船舶配员",
        "重点跟踪",
        "协查情况",
        "船龄",
        "滞留情况",
        "管理公司绩效",
        "行政处罚",
        "海事事故",
        "安全缺陷",
    ]
    assert {table for _, table, _, _ in DIMENSIONS} | {"rating.json", "trimming.json"} == set(
        rules().keys
    )
