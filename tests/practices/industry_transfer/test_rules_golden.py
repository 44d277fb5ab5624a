"""Golden cases of the p23 decision tables (rules/golden.yaml), and every row's sources."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case, unfired_rows
from ftz.practices.industry_transfer.reference import HERE, rules

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert unfired_rows(rules(), CASES) == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_source() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        fields = {o["field"] for o in table["content"]["outputs"]}
        assert {"reason_zh", "reason_en", "citation"} <= fields
        for row in table["content"]["rules"]:
            assert len(row["out_citation"]) > 10, row["_id"]


def test_the_statistics_rule_quotes_the_seed() -> None:
    table = rules().document("accounting.json")["nodes"][1]["content"]["rules"]
    for row in table:
        assert "主要经济指标全额双核算" in row["out_citation"]
        assert "招商引资指标全额纳入协作地核算" in row["out_citation"]
    rollup = rules().document("rollup.json")["nodes"][1]["content"]["rules"]
    assert all("发改地区〔2017〕922号" in row["out_citation"] for row in rollup)
