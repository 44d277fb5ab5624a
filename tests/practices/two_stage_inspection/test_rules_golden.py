"""Golden cases of the p20 decision tables (rules/golden.yaml): every row fired by some case, and
every row carries reasons in both languages and its source (the seed's case 20 or the customs
credit regulation)."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case, unfired_rows
from ftz.practices.two_stage_inspection.common import HERE, rules, table_rows

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert unfired_rows(rules(), CASES) == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_source() -> None:
    for key in rules().keys:
        for row in table_rows(key):
            assert row["reason_zh"] and row["reason_en"], row["row_id"]
            assert "案例20" in row["citation"], row["row_id"]


def test_revocation_blocks_for_the_seeds_one_year() -> None:
    for row in table_rows("revocation.json"):
        assert row["block_years"] == "1" and "一年内不得申请" in row["citation"]
