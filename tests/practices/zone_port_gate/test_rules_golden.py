"""Golden cases of the p11 decision tables (rules/golden.yaml)."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.zone_port_gate.decision import RULES, rules

CASES = load_golden(RULES)


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_check_row_has_a_golden_case() -> None:
    table = rules().document("checks.json")["nodes"][1]["content"]["rules"]
    fired = {
        row.row_id
        for case in CASES
        if case.decision == "checks.json"
        for row in rules().evaluate("checks.json", case.input).fired
    }
    assert {row["_id"] for row in table} == fired
