"""Golden cases of the p10 rule table (rules/golden.yaml)."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.clearance_menu.catalog import RULES
from ftz.practices.clearance_menu.menu import rules

CASES = load_golden(RULES)


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 18


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_cites_its_source() -> None:
    table = rules().document("mode_preconditions.json")["nodes"][1]["content"]["rules"]
    assert all(row["out_citation"].strip('"') for row in table)
    assert all(row["out_reason_zh"].strip('"') and row["out_reason_en"] for row in table)


def test_a_wrong_expectation_is_reported() -> None:
    case = CASES[0]
    broken = type(case)(name="broken", decision=case.decision, input=case.input, expect=[{}])
    assert run_case(rules(), broken) is not None
