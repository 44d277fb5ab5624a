"""Golden cases of the p28 decision tables (rules/golden.yaml), and the reference data they
rely on: every row has reasons and a source; schemes carry sources and valid HS scopes."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case, unfired_rows
from ftz.practices.certification_one_stop import hs_codes, reference
from ftz.practices.certification_one_stop.common import HERE, rules

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert unfired_rows(rules(), CASES) == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_citation() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        assert {"reason_zh", "reason_en", "citation"} <= {
            o["field"] for o in table["content"]["outputs"]
        }
        for row in table["content"]["rules"]:
            assert row["out_citation"].strip('"'), row["_id"]


def test_schemes_reference_data() -> None:
    codes = {s.code for s in reference.schemes()}
    assert codes == {"MY-SIRIM", "KE-PVOC", "ZW-CBCA"}
    for scheme in reference.schemes():
        assert scheme.sources and scheme.legal_basis
        assert "general" in scheme.tests
        for item in scheme.product_scope:
            assert hs_codes.problem(item.hs) is None, item.hs
        # the SLA table has a row for every scheme (not the default)
        assert (
            rules().evaluate("sla.json", {"scheme": scheme.code}).fired[0].row_id != "SLA-DEFAULT"
        )
    seed = reference.seed()
    assert (seed["steps_before"], seed["steps_after"]) == (10, 3)
    assert (seed["days_before"], seed["days_after"]) == (90, 30)
    assert len(reference.paths()["before"]) == 10 and len(reference.paths()["after"]) == 3


def test_kebs_fee_has_its_floor_and_share_of_fob() -> None:
    from decimal import Decimal

    kebs = reference.scheme("KE-PVOC")
    small = kebs.fee(Decimal("100000"), 2)  # 0.475 % = 475 < floor 1300
    assert small["inspection"] == Decimal("1300.00") and small["testing"] == Decimal("6000.00")
    large = kebs.fee(Decimal("1000000"), 1)
    assert large["inspection"] == Decimal("4750.00")
    assert large["total"] == Decimal("7750.00")
    capped = reference.scheme("ZW-CBCA").fee(Decimal("10000000"), 1)
    assert capped["inspection"] == Decimal("20000.00")  # 0.5 % would be 50 000
