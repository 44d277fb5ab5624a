"""Golden cases of the p03 decision tables (rules/golden.yaml)."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.bonded_repair.common import HERE, checklist, rules

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 17


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_citation() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        fields = {o["field"] for o in table["content"]["outputs"]}
        assert {"reason_zh", "reason_en", "citation"} <= fields
        for row in table["content"]["rules"]:
            assert "案例3" in row["out_citation"]


def test_checklist_has_the_measures_27_items_in_four_parts() -> None:
    sections = checklist()["sections"]
    assert [s["id"] for s in sections] == ["admission", "supervision", "exit", "supplementary"]
    assert sum(len(s["items"]) for s in sections) == 27
