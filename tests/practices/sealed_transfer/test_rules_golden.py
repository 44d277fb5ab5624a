"""Golden cases of the p18 decision tables (rules/golden.yaml): every table, every row fired by
at least one case; the prior-state rows of rules/steps.json agree with the state machine (a
transition exists exactly where the rules allow its step); every row carries a source."""

from __future__ import annotations

import pytest

from ftz.core.kit.errors import FtzError
from ftz.core.rules import load_golden, run_case
from ftz.practices.sealed_transfer.rules import RULES, guard, rules, state_allows, table_rows
from ftz.practices.sealed_transfer.workflow import ACTION_ROLES, TransferFlow

CASES = load_golden(RULES)
STATES = [s.id for s in TransferFlow.states]


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 70


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_a_golden_case_and_a_source() -> None:
    for table in rules().keys:
        fired = {
            row.row_id
            for case in CASES
            if case.decision == table
            for row in rules().evaluate(table, case.input).fired
        }
        rows = table_rows(table)
        assert {row["row_id"] for row in rows} == fired, table
        assert all(row["citation"] for row in rows), table


def test_the_prior_state_rows_agree_with_the_state_machine() -> None:
    for event in TransferFlow.event_roles:
        sources = {
            t.source.id
            for s in TransferFlow.states
            for t in s.transitions
            if event in {str(e) for e in t.events}
        }
        allowed = {state for state in STATES if state_allows(event, state)}
        assert allowed == sources, event


def test_every_step_has_a_prior_state_row() -> None:
    steps = set(TransferFlow.event_roles) | set(ACTION_ROLES)
    rows = {
        row["when"]["step"].strip('"')
        for row in table_rows("steps.json")
        if row["row_id"].startswith("ST-")
    }
    assert rows == steps


def test_a_refusal_names_its_rows_and_field() -> None:
    with pytest.raises(FtzError) as caught:
        guard("payout", "transferred", {"amount": 5, "outstanding": 4, "balance": 3})
    problem = caught.value.problem()
    assert problem["status"] == 422
    assert [e["field"] for e in problem["errors"]] == ["amount", "amount"]
    assert "PR-PAY-OVER-AGREED" in problem["detail"] and "PR-OVERDRAW" in problem["detail"]
