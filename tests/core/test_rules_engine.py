"""The zen-engine layer: results with the fired rows and their citations."""

from __future__ import annotations

import pytest

from ftz.core.rules import RuleError, load_golden, table_rows, unfired_rows
from ftz.practices.exam_certificates.catalog import RULES
from ftz.practices.exam_certificates.service import rules


def test_collect_table_returns_every_fired_row_with_citation() -> None:
    decision = rules().evaluate(
        "special_operation_conditions.json",
        {"age": 16, "gender": "M", "health_ok": True, "education": 1},
    )
    fired = [row.row_id for row in decision.fired]
    assert fired == ["SO-AGE-MIN", "SO-EDU", "SO-CHECKED"]
    assert all("第30号" in row.citation for row in decision.fired)
    assert decision.fired[0].outputs["reason_zh"] == "未满18周岁"


def test_first_hit_table_returns_one_row() -> None:
    decision = rules().evaluate(
        "issuance.json",
        {
            "certificate_type": "skill_level",
            "eligible": True,
            "theory_score": 60,
            "practical_score": 60,
        },
    )
    assert decision.result["issued"] is True
    assert [row.row_id for row in decision.fired] == ["IS-SK-PASS"]


def test_unknown_decision_is_an_error() -> None:
    with pytest.raises(RuleError):
        rules().evaluate("missing.json", {})


def test_unfired_rows_names_the_rows_no_golden_case_reaches() -> None:
    every = {row["_id"] for rows in table_rows(rules()).values() for row in rows}
    assert len(every) > 10
    assert unfired_rows(rules(), []) == every
    cases = load_golden(RULES)
    assert unfired_rows(rules(), cases) < every  # the golden cases fire some rows
