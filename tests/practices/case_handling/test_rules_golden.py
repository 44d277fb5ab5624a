"""Golden cases of the p26 decision tables (rules/golden.yaml) and the guides' data."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.case_handling.common import HERE, guide_items, guides, rules

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    fired = set()
    for case in CASES:
        fired |= {row.row_id for row in rules().evaluate(case.decision, case.input).fired}
    every = {
        row["_id"]
        for key in rules().keys
        for node in rules().document(key)["nodes"]
        if node["type"] == "decisionTableNode"
        for row in node["content"]["rules"]
    }
    assert fired == every


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_the_seed_as_source() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        fields = {o["field"] for o in table["content"]["outputs"]}
        assert {"reason_zh", "reason_en", "citation"} <= fields
        for row in table["content"]["rules"]:
            assert "案例26" in row["out_citation"]


def test_guides_name_a_source_for_every_item() -> None:
    assert [g["id"] for g in guides()["guides"]] == ["evidence", "law_application"]
    for guide in guides()["guides"]:
        for item in guide["items"]:
            assert item["source"] and item["zh"] and item["en"]
    general = {i["id"] for i in guide_items("loan")}
    factoring = {i["id"] for i in guide_items("factoring")}
    assert "EV-FACTORING-NOTICE" in factoring - general
    assert "LA-THREE-SEARCHES" in general & factoring
