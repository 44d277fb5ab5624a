"""Golden cases of the p13 decision tables (rules/golden.yaml), and the tables' sources."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.nev_containers.common import HERE, rules, table_rows

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_source() -> None:
    for key in rules().keys:
        for row in table_rows(key):
            assert row["reason_zh"] and row["reason_en"] and row["citation"], row["row_id"]
            # IMDG rows name the amendment; the others the seed case or the convention.
            assert any(s in row["citation"] for s in ("IMDG", "案例13", "CSC")), row["row_id"]


def test_new_42_24_entries_cite_the_amendment() -> None:
    rows = {r["row_id"]: r for r in table_rows("un_number.json")}
    for row_id, number in (("UN-LI-ION", "3556"), ("UN-LI-METAL", "3557"), ("UN-NA-ION", "3558")):
        assert "42-24" in rows[row_id]["citation"] and number in rows[row_id]["citation"]
    assert "2026-01-01" in table_rows("edition.json")[0]["citation"]
