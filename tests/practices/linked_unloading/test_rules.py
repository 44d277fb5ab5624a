"""Golden cases of the p02 decision tables, and the route model against the seed's figures."""

from __future__ import annotations

import pytest

from ftz.core.rules import load_golden, run_case
from ftz.practices.linked_unloading import reference
from ftz.practices.linked_unloading.service import rules

RULES = reference.DATA.parent.parent / "rules"
CASES = load_golden(RULES)


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 18


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_carries_reasons_and_a_citation() -> None:
    for key in rules().keys:
        table = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        fields = {o["field"] for o in table["content"]["outputs"]}
        assert {"reason_zh", "reason_en", "citation"} <= fields, key
        for row in table["content"]["rules"]:
            assert "案例2" in row["out_citation"], (key, row["_id"])


def test_registry_has_fifteen_ports_in_four_provinces() -> None:
    ref = reference.reference()
    assert len(ref.ports) == 15 and len({p.province for p in ref.ports}) == 4
    named = {"TAC", "HFE", "WUH", "AQG", "DFG", "DSH"}  # the ports the seed and issue name
    assert named <= {p.code for p in ref.ports}


def test_wuhu_matches_the_seed() -> None:
    """Yangshan–Wuhu about 48 h, about half the other routes; 200/400 CNY per TEU saved."""
    imp = reference.compare("WUH", "import", 1)
    hours = {o.mode: o.hours for o in imp.options}
    assert hours["barge"] == pytest.approx(48, abs=2)
    assert hours["barge"] / hours["transshipment"] == pytest.approx(0.5, abs=0.1)
    assert hours["barge"] / hours["truck"] == pytest.approx(0.5, abs=0.1)
    assert imp.saved_cny_vs_transshipment == 200
    assert reference.compare("WUH", "export", 3).saved_cny_vs_transshipment == 1200
    assert imp.saved_co2_kg_vs_truck > 0


def test_haversine_is_the_great_circle() -> None:
    ref = reference.reference()
    # Yangshan to Wuhu is about 360 km as the crow flies.
    assert reference.haversine_km(ref.hub, ref.port("WUH")) == pytest.approx(360, abs=15)
