"""Golden cases of the p25 decision tables (violation points, blacklist thresholds): every
row fires in some case, and every row carries its reasons and its source in case 25."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case, unfired_rows
from ftz.practices.dangerous_goods_permit.common import HERE, rules

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert unfired_rows(rules(), CASES) == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_citation_to_the_seed() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        assert {"reason_zh", "reason_en", "citation"} <= {
            o["field"] for o in table["content"]["outputs"]
        }
        for row in table["content"]["rules"]:
            assert "案例25" in row["out_citation"], row["_id"]
