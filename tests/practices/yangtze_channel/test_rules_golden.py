"""Golden cases of the p29 decision tables (rules/golden.yaml): every row fires in some case,
every row carries reasons in both languages and a source that quotes the seed."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case, unfired_rows
from ftz.practices.yangtze_channel.reference import HERE, rules

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert unfired_rows(rules(), CASES) == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_the_seed_as_source() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        fields = {o["field"] for o in table["content"]["outputs"]}
        assert {"reason_zh", "reason_en", "citation"} <= fields
        for row in table["content"]["rules"]:
            assert "案例29" in row["out_citation"], row["_id"]
            assert row["out_reason_zh"] and row["out_reason_en"], row["_id"]
