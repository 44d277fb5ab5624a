"""The practice template stays a working starting point: its rules and golden cases hold."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry import practices
from ftz.core.rules import RuleSet, load_golden, run_case

TEMPLATE = Path(__file__).resolve().parents[2] / "src" / "ftz" / "practices" / "_template"


def test_template_rules_and_golden_cases() -> None:
    rules = RuleSet(TEMPLATE / "rules")
    cases = load_golden(TEMPLATE / "rules")
    assert cases
    assert all(run_case(rules, case) is None for case in cases)


def test_template_is_not_registered() -> None:
    assert all(p.name != "_template" for p in practices())
