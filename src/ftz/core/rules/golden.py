"""Golden cases: inputs -> expected decision, kept beside the rules and run by the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ftz.core.rules.engine import RuleSet


@dataclass(frozen=True)
class GoldenCase:
    name: str
    decision: str
    input: dict[str, Any]
    expect: Any


def load_golden(folder: Path) -> list[GoldenCase]:
    path = folder / "golden.yaml"
    if not path.exists():
        return []
    cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [GoldenCase(**case) for case in cases]


def _matches(expected: Any, actual: Any) -> bool:
    """Dicts match on the keys the case names; lists match item by item."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and _matches(v, actual[k]) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(_matches(e, a) for e, a in zip(expected, actual, strict=True))
        )
    return bool(expected == actual)


def run_case(rules: RuleSet, case: GoldenCase) -> str | None:
    """None when the case holds; otherwise a message saying what came out instead."""
    decision = rules.evaluate(case.decision, case.input)
    if _matches(case.expect, decision.result):
        return None
    return f"{case.name}: expected {case.expect!r}, got {decision.result!r}"


def table_rows(rules: RuleSet) -> dict[str, list[dict[str, Any]]]:
    """Every decision table's rows, by decision key (a key may hold several table nodes)."""
    return {
        key: [
            row
            for node in rules.document(key)["nodes"]
            if node["type"] == "decisionTableNode"
            for row in node["content"]["rules"]
        ]
        for key in rules.keys
    }


def unfired_rows(rules: RuleSet, cases: list[GoldenCase]) -> set[str]:
    """Row ids that no golden case fires: a row nobody tests is a row nobody knows works."""
    every = {row["_id"] for rows in table_rows(rules).values() for row in rows}
    fired = {
        row.row_id for case in cases for row in rules.evaluate(case.decision, case.input).fired
    }
    return every - fired
