"""Golden cases of the p22 decision tables (rules/golden.yaml): every row fired, every row with
its reasons and the seed case as its source."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case, unfired_rows
from ftz.practices.cbec_key_items.common import HERE, rules, table_rows

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert unfired_rows(rules(), CASES) == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_the_seed_as_source() -> None:
    for key in rules().keys:
        for row in table_rows(key):
            assert row["reason_zh"] and row["reason_en"], row["row_id"]
            assert "案例22" in row["citation"], row["row_id"]


def test_a_golden_case_can_fail() -> None:
    [case] = [c for c in CASES if c.name == "first carriage warns"]
    wrong = type(case)(case.name, case.decision, case.input, {"measure": "blacklist"})
    assert run_case(rules(), wrong) is not None
