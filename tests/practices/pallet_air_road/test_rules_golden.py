"""Golden cases of every p09 decision table, every row reached, reasons and sources on each
row; the IATA ULD id parser and the air waybill check digit."""

from __future__ import annotations

import pytest

from ftz.core.kit.errors import FtzError
from ftz.core.rules import load_golden, run_case, unfired_rows
from ftz.practices.pallet_air_road.common import HERE, rules
from ftz.practices.pallet_air_road.service import mawb
from ftz.practices.pallet_air_road.uld import parse

CASES = load_golden(HERE / "rules")


def test_golden_file_covers_every_table_and_row() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert unfired_rows(rules(), CASES) == set()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_reasons_and_a_source() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        fields = {o["field"] for o in table["content"]["outputs"]}
        assert {"reason_zh", "reason_en", "citation"} <= fields
        for row in table["content"]["rules"]:
            assert "seed case 9" in row["out_citation"], row["_id"]


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [("PMC12345CA", "PMC12345CA", "pallet"), ("AKE 1234 MU", "AKE1234MU", "container"),
     ("pag-54321-cv", "PAG54321CV", "pallet"), ("RKN 12345 3U", "RKN123453U", "container"),
     ("PMC123455Y", "PMC123455Y", "pallet")],
)  # fmt: skip
def test_uld_ids_are_normalized(text: str, code: str, kind: str) -> None:
    found = parse(text)
    assert found.code == code
    assert found.category["kind"] == kind


@pytest.mark.parametrize(
    "text", ["PMC123CA", "PMC1234567CA", "PM12345CA", "PMC12345", "PMC1234512", "QMC12345CA",
             "PZC12345CA", ""],
)  # fmt: skip
def test_bad_uld_ids_are_refused(text: str) -> None:
    with pytest.raises(FtzError) as caught:
        parse(text)
    assert caught.value.errors[0].field == "uld_code"


def test_air_waybill_check_digit() -> None:
    assert mawb("17231000012") == "172-31000012"
    with pytest.raises(FtzError):
        mawb("172-31000013")
