"""Golden cases of the p17 decision tables (rules/golden.yaml): every row of every table fires in
at least one case, every row carries its reasons and source, and the reference data agrees with
the tables (species codes, protected classes)."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.leisure_fishery.reference import RULES, limits_table, rules, species

CASES = load_golden(RULES)


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 45


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_a_golden_case() -> None:
    for table in rules().keys:
        rows = rules().document(table)["nodes"][1]["content"]["rules"]
        fired = {
            row.row_id
            for case in CASES
            if case.decision == table
            for row in rules().evaluate(table, case.input).fired
        }
        assert {row["_id"] for row in rows} == fired, table


def test_every_row_has_reasons_and_a_source() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        assert {"reason_zh", "reason_en", "citation"} <= {
            o["field"] for o in table["content"]["outputs"]
        }
        for row in table["content"]["rules"]:
            assert row["out_citation"].strip('"'), (key, row["_id"])


def test_limits_name_known_species_and_protected_rows_match_the_list() -> None:
    known = species()
    rows = limits_table()
    for row in rows:
        assert set(row["species"]) <= set(known), row["row_id"]
    protected_rows = {s for row in rows if row["flag"] == "protected" for s in row["species"]}
    protected_list = {code for code, s in known.items() if s.get("protected")}
    assert protected_rows == protected_list
    assert all("演示" in r["citation"] for r in rows if r["flag"] in ("over_limit", "undersize"))
