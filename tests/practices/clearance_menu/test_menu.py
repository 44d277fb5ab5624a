"""The recommendation never offers a mode whose preconditions fail: checked over every flag
combination against an oracle written here from the announcements, independently of the rules."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from pydantic import ValidationError

from ftz.practices.clearance_menu.catalog import catalog
from ftz.practices.clearance_menu.menu import recommend
from ftz.practices.clearance_menu.schemas import MenuRequest, normalize_hs
from tests.practices.clearance_menu.conftest import RAIL_IMPORT

TRANSPORTS = ("sea", "rail", "air", "road", "multimodal_through_bill")
GOODS = ("legal_inspection", "taxable", "temperature_sensitive", "cbec_retail", "solid_waste")
FLAGS = ("guarantee_filed", "manifest_before_arrival", "declare_before_arrival", "transit_wanted")


def allowed(mode: str, r: dict[str, Any]) -> bool:
    """The oracle: each mode's preconditions as the brief and the announcements state them."""
    g, imp, inland = r["goods"], r["direction"] == "import", r["pickup_place"] != r["port"]
    advance = r["manifest_before_arrival"] and r["declare_before_arrival"]
    tax_ok = not g["taxable"] or r["guarantee_filed"]
    transit_case = (
        r["transport"] in ("multimodal_through_bill", "rail")
        or g["temperature_sensitive"]
        or g["cbec_retail"]
        or (imp and g["solid_waste"])
    )
    transit = r["transit_wanted"] and inland and transit_case
    return {
        "advance_declaration": advance,
        "two_step_declaration": imp and r["credit"] != "dishonest" and tax_ok,
        "import_transit": imp and transit,
        "export_transit": not imp and transit,
        "rail_fast_clearance": r["transport"] == "rail" and inland,
        "shipside_pickup": imp and r["transport"] == "sea" and advance and tax_ok
        and not g["legal_inspection"],
        "direct_loading_on_arrival": not imp and r["transport"] == "sea" and advance
        and not g["legal_inspection"],
        "consolidated_tax": imp and g["taxable"] and r["guarantee_filed"]
        and r["credit"] != "dishonest",
        "integrated_clearance": True,
        "auto_arrival": not imp and r["manifest_before_arrival"],
        "regular_declaration": True,
    }[mode]  # fmt: skip


def requests() -> Any:
    for direction, transport, credit, inland in itertools.product(
        ("import", "export"), TRANSPORTS, ("advanced", "general", "dishonest"), (False, True)
    ):
        for bits in itertools.product((False, True), repeat=len(GOODS) + len(FLAGS)):
            goods = dict(zip(GOODS, bits[: len(GOODS)], strict=True))
            yield {
                "direction": direction, "transport": transport, "credit": credit,
                "goods": {"hs_code": "847130", **goods},
                **dict(zip(FLAGS, bits[len(GOODS):], strict=True)),
                "port": "阿拉山口", "pickup_place": "郑州" if inland else "阿拉山口",
            }  # fmt: skip


def test_no_failing_mode_is_ever_recommended() -> None:
    checked = 0
    for raw in requests():
        result = recommend(MenuRequest.model_validate(raw))
        offered = [result["combination"], *result["alternatives"]]
        excluded = {e["mode"] for e in result["excluded"]}
        for combo in offered:
            for mode in combo["modes"]:
                assert allowed(mode, raw), (mode, raw)
                assert mode not in excluded
        # ...and every combination whose modes all hold is offered, best rank first.
        expected = [
            c.code for c in catalog().for_direction(raw["direction"])
            if all(allowed(m, raw) for m in c.modes)
        ]  # fmt: skip
        assert [c["code"] for c in offered] == expected
        checked += 1
    assert checked == 2 * 5 * 3 * 2 * 2**9


def test_the_menu_has_ten_import_and_eight_export_combinations() -> None:
    assert len(catalog().for_direction("import")) == 10
    assert len(catalog().for_direction("export")) == 8


def test_rail_import_to_zhengzhou_is_advance_declaration_plus_rail_fast_clearance() -> None:
    result = recommend(MenuRequest.model_validate(RAIL_IMPORT))
    assert result["combination"]["code"] == "I02"
    assert result["combination"]["modes"] == ["advance_declaration", "rail_fast_clearance"]
    assert "郑州" in result["declare"]["where"] and "郑州" in result["pickup"]["where"]
    assert result["hs_code"] == "87032390"
    assert {e["mode"] for e in result["excluded"]} >= {"shipside_pickup", "import_transit"}
    assert all(row["citation"] for row in result["trace"])


@pytest.mark.parametrize("raw", ["8471.30", "8471 30 00 00", "847130-0000"])
def test_hs_codes_are_normalized(raw: str) -> None:
    assert normalize_hs(raw).isdigit()


@pytest.mark.parametrize("raw", ["84713", "84713000001", "8471ab", ""])
def test_bad_hs_codes_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError, match="HS code"):
        MenuRequest.model_validate({**RAIL_IMPORT, "goods": {"hs_code": raw}})
