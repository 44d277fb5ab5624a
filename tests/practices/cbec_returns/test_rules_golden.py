"""Golden cases of the p08 decision tables (rules/golden.yaml), and the tax-due window data."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.cbec_returns.tax import RULES, rules, tax_due

CASES = load_golden(RULES)


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_a_golden_case() -> None:
    for table in ("tax_rates.json", "tax_regime.json", "return_window.json"):
        rows = rules().document(table)["nodes"][1]["content"]["rules"]
        fired = {
            row.row_id
            for case in CASES
            if case.decision == table
            for row in rules().evaluate(table, case.input).fired
        }
        assert {row["_id"] for row in rows} == fired, table


def test_tax_due_window_is_data_with_its_citation() -> None:
    due = tax_due()
    assert (due["from_day"], due["to_day"]) == (31, 45)
    assert due["citation"]
