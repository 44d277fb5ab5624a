"""Golden cases of the p06 decision tables (rules/golden.yaml): every row fires, each has its
reasons and source, and the matrix is the one of Decision (EU) 2019/417."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case, unfired_rows
from ftz.practices.hs_inspection.common import HERE, rules, table_rows

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert unfired_rows(rules(), CASES) == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_source() -> None:
    for key in rules().keys:
        for row in table_rows(key):
            assert row["reason_zh"] and row["reason_en"] and row["citation"], row["row_id"]
    for row in table_rows("risk_level.json") + table_rows("probability.json"):
        assert "2019/417" in row["citation"] and "2024/3173" in row["citation"]


def test_matrix_against_the_method() -> None:
    """Severity 1..4 (columns) × bands 1..8 (rows), as printed in the EU guidelines."""
    expected = [
        "HSSS", "MSSS", "MSSS", "LHSS", "LMHS", "LLMH", "LLLM", "LLLL",
    ]  # fmt: skip
    letter = {"serious": "S", "high": "H", "medium": "M", "low": "L"}
    for band, row in enumerate(expected, start=1):
        got = "".join(
            letter[rules().evaluate("risk_level.json", {"severity": s, "band": band})
                   .result["risk_level"]]
            for s in range(1, 5)
        )  # fmt: skip
        assert got == row, band
