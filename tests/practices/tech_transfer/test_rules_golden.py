"""Golden cases of the p15 decision tables (rules/golden.yaml), the sources of every row, the
statutory floor under every reward rate, and the patent check character."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.tech_transfer import patents
from ftz.practices.tech_transfer.common import HERE, rules, split_by_shares

CASES = load_golden(HERE / "rules")


def _table(key: str) -> dict:  # type: ignore[type-arg]
    return next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 38
    fired = set()
    for case in CASES:
        fired |= {row.row_id for row in rules().evaluate(case.decision, case.input).fired}
    every = {row["_id"] for key in rules().keys for row in _table(key)["content"]["rules"]}
    assert every - fired == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_source() -> None:
    for key in rules().keys:
        table = _table(key)
        assert {"reason_zh", "reason_en", "citation"} <= {
            o["field"] for o in table["content"]["outputs"]
        }
        for row in table["content"]["rules"]:
            assert "案例15" in row["out_citation"] or "法" in row["out_citation"], row["_id"]


def test_no_reward_rate_is_below_the_statutory_floor() -> None:
    for row in _table("reward_share.json")["content"]["rules"]:
        assert Decimal(row["out_rate"]) >= Decimal(row["out_statutory_min"]), row["_id"]
    licence = next(
        r for r in _table("reward_share.json")["content"]["rules"] if r["_id"] == "RW-STAT-LICENCE"
    )
    assert "第四十五条" in licence["out_citation"] and licence["out_rate"] == "0.5"


def test_disposal_never_needs_approval_or_filing() -> None:
    for row in _table("disposal_authority.json")["content"]["rules"]:
        assert row["out_approval_required"] == "false" and row["out_filing_required"] == "false"
        assert row["out_decided_by"] == '"unit"'


@pytest.mark.parametrize(
    "number", ["201710601862.3", "ZL201710601862.3", "95115608.X", "CN 201710601862.3"]
)
def test_published_examples_pass_the_check(number: str) -> None:
    assert patents.check_patent(number).number.startswith(("201710601862", "95115608"))


@pytest.mark.parametrize("number", ["201710601862.4", "20171060186.3", "ZL2017106018623X", "abc"])
def test_bad_patent_numbers_fail(number: str) -> None:
    with pytest.raises(ValueError):
        patents.check_patent(number)


def test_made_numbers_are_valid_and_typed() -> None:
    assert (
        patents.check_patent(patents.make_patent_number(2024, "2", 12345)).patent_type
        == "utility_model"
    )
    assert patents.check_software("2023SR0123456") == "2023SR0123456"
    with pytest.raises(ValueError):
        patents.check_software("SR2023-1")


@pytest.mark.parametrize(
    ("total", "shares"),
    [(100, ["33.33", "33.33", "33.34"]), (491400, ["60", "40"]), (1, ["50", "50"]), (0, ["100"])],
)
def test_split_by_shares_adds_up_exactly(total: int, shares: list[str]) -> None:
    parts = split_by_shares(total, [Decimal(s) for s in shares])
    assert sum(parts) == total and all(p >= 0 for p in parts)
