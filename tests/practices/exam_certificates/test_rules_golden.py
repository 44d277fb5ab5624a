"""Golden cases of the p12 decision tables (rules/golden.yaml)."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.exam_certificates.catalog import RULES
from ftz.practices.exam_certificates.service import rules

CASES = load_golden(RULES)


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_a_wrong_expectation_is_reported() -> None:
    case = CASES[0]
    broken = type(case)(
        name="broken", decision=case.decision, input=case.input, expect=[{"met": False}]
    )
    assert run_case(rules(), broken) is not None
