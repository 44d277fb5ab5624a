"""The pure planning parts: full-route timetables on the shared network against the seed's
promises, and the reefer min-cost flow against the naive return-to-origin plan."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ftz.core.kit.errors import FtzError
from ftz.domain.network.network import network
from ftz.practices.asia_europe_transport import corridor, reefer
from ftz.practices.asia_europe_transport.common import reefer_data
from tests.practices.asia_europe_transport.conftest import next_monday


def test_lancang_mekong_chengdu_europe_keeps_the_seeds_promises() -> None:
    found = corridor.itinerary("LMRO", next_monday(), cargo="reefer", teu=2, gross_kg=24000)
    hours = {s["section"]: s["hours"] for s in found["sections"]}
    assert 55 <= hours["vientiane_chengdu"] <= 66  # "about 60 h"
    assert hours["chengdu_europe"] <= 11 * 24
    assert all(s["on_promise"] for s in found["sections"])
    assert found["priority"] == "priority" and found["connection_h"] == 6
    first, second = found["legs"]
    # The Chengdu–Łódź train leaves at a timetabled departure after the 6 h connection.
    gap = datetime.fromisoformat(second["departs"].replace("Z", "+00:00")) - datetime.fromisoformat(
        first["arrives"].replace("Z", "+00:00")
    )
    assert gap.total_seconds() >= 6 * 3600
    service = network().services["cr_express_chengdu_lodz"]
    moment = datetime.fromisoformat(second["departs"].replace("Z", "+00:00")).timestamp()
    assert service.departs.next_departure(moment) == pytest.approx(moment)
    assert found["freight_cny"] == 2 * (9800 + 22000)


def test_air_rail_dhaka_chengdu_lodz() -> None:
    found = corridor.itinerary("DACLOD", next_monday(), cargo="general", teu=2, gross_kg=9600)
    assert [leg["mode"] for leg in found["legs"]] == ["air", "road", "rail"]
    assert found["legs"][0]["from"] == "dhaka" and found["legs"][-1]["to"] == "lodz_olechow"
    assert found["variant"] == "air_rail" and found["connection_h"] == 12


def test_europe_to_chengdu_within_twelve_days_and_timetables_listed() -> None:
    found = corridor.itinerary("LODLMR", next_monday(), cargo="general", teu=1, gross_kg=0)
    assert found["sections"][0] == {**found["sections"][0], "section": "europe_chengdu",
                                    "on_promise": True, "limit_h": 288}  # fmt: skip
    ids = {t["id"] for t in corridor.timetables()}
    assert {"lmrq_express_north", "cr_express_chengdu_lodz", "cr_express_lodz_chengdu"} <= ids


def test_unknown_corridor_is_a_field_error() -> None:
    with pytest.raises(FtzError) as caught:
        corridor.itinerary("NOPE", next_monday(), cargo="general", teu=1, gross_kg=0)
    assert caught.value.errors[0].field == "corridor"


def test_demo_scenario_overseas_return_beats_return_to_origin() -> None:
    s = reefer_data()["scenario"]
    found = reefer.compare(s["horizon_days"], s["stock"], s["demand"])
    assert found["optimal"]["cost_cny"] == 354_830
    assert found["naive"]["cost_cny"] == 1_003_000
    assert found["saving_cny"] == 648_170
    kinds = found["optimal"]["boxes_by_kind"]
    assert kinds["overseas_return"] == 35  # Łódź's spare boxes are off-hired, not railed home
    assert found["naive"]["boxes_by_kind"]["return_to_origin"] == 57
    assert {row["row_id"] for row in found["fired"]} >= {"RR-PARTNER", "RR-NO-PARTNER"}


def test_no_overseas_return_where_the_rule_refuses_it() -> None:
    # Hamburg is not a partner depot: its spare boxes are moved or kept, never off-hired there.
    found = reefer.optimal(14, {"hamburg": 10}, {})
    assert all(m["kind"] != "overseas_return" for m in found["moves"])


DEPOTS = list(reefer.depots())


@settings(max_examples=40, deadline=None)
@given(
    horizon=st.integers(1, 30),
    stock=st.lists(st.integers(0, 60), min_size=len(DEPOTS), max_size=len(DEPOTS)),
    demand=st.lists(st.integers(0, 60), min_size=len(DEPOTS), max_size=len(DEPOTS)),
)
def test_optimal_never_costs_more_and_meets_every_demand(
    horizon: int, stock: list[int], demand: list[int]
) -> None:
    have, want = dict(zip(DEPOTS, stock, strict=True)), dict(zip(DEPOTS, demand, strict=True))
    found = reefer.compare(horizon, have, want)
    assert found["optimal"]["cost_cny"] <= found["naive"]["cost_cny"]
    for plan in (found["optimal"], found["naive"]):
        net = dict(have)
        for move in plan["moves"]:
            if move["from"]:
                net[move["from"]] -= move["boxes"]
            if move["to"]:
                net[move["to"]] += move["boxes"]
        assert all(net[d] == want[d] for d in DEPOTS), plan


def test_bad_reefer_input_names_the_field() -> None:
    with pytest.raises(FtzError) as caught:
        reefer.compare(14, {"atlantis": 3}, {})
    assert caught.value.errors[0].field == "stock.atlantis"
    with pytest.raises(FtzError) as caught:
        reefer.compare(0, {}, {})
    assert caught.value.errors[0].field == "horizon_days"
