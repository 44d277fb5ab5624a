"""Golden cases of the p05 decision tables (rules/golden.yaml): every row of every table fires
in some case, and the boundaries (moisture equal to the TML, 183/184 days, 7/8 days)."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.cargo_rules.decisions import RULES, rules, table_rows

CASES = load_golden(RULES)


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_a_golden_case() -> None:
    for table in rules().keys:
        rows = rules().document(table)["nodes"][1]["content"]["rules"]
        fired = {
            row.row_id
            for case in CASES
            if case.decision == table
            for row in rules().evaluate(table, case.input).fired
        }
        assert {row["_id"] for row in rows} == fired, table


def test_every_row_carries_reasons_and_a_source() -> None:
    for table in rules().keys:
        for row in table_rows(table):
            assert row["reason_zh"] and row["reason_en"] and row["citation"], row["row_id"]


def test_a_wrong_expectation_is_reported() -> None:
    wrong = next(c for c in CASES if c.name == "moisture equal to TML is refused")
    flipped = type(wrong)(
        wrong.name,
        wrong.decision,
        wrong.input,
        [{"outcome": "pass", "check": "moisture_below_tml"}],
    )
    assert run_case(rules(), flipped) is not None
