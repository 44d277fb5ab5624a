"""Planning on the hand-made network of conftest.py: every number is worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ftz.core.kit.errors import FtzError
from ftz.domain.network.network import Network
from ftz.domain.network.planner import plan


def test_time_picks_the_truck_and_says_why(net: Network) -> None:
    result = plan("a", "c", optimize="time", net=net)
    [leg] = result.legs
    assert (leg.mode, leg.from_node, leg.to_node) == ("road", "a", "c")
    # 250 km at 100 km/h, no dispatch wait; 1 t: 250 × 1 CNY, 250 × 0.1 kg
    assert result.total.model_dump() == {"hours": 2.5, "cost_cny": 250.0, "co2_kg": 25.0}
    [rail] = result.alternatives
    assert rail.total.model_dump() == {"hours": 14.0, "cost_cny": 25.0, "co2_kg": 4.0}


def test_cost_picks_the_train_through_b(net: Network) -> None:
    result = plan("a", "c", optimize="cost", net=net)
    [leg] = result.legs
    # dispatch 10 h + 200 km / 50 km/h; 5 CNY/t to board + 200 × 0.1; 200 × 0.02 kg
    assert (leg.mode, leg.via, leg.distance_km, leg.wait_hours) == ("rail", ["b"], 200.0, 10.0)
    assert result.total.model_dump() == {"hours": 14.0, "cost_cny": 25.0, "co2_kg": 4.0}
    assert plan("a", "c", optimize="co2", net=net).legs[0].mode == "rail"


def test_tonnes_scale_money_and_emissions_not_time(net: Network) -> None:
    ten = plan("a", "c", optimize="cost", tonnes=10, net=net)
    assert ten.total.model_dump() == {"hours": 14.0, "cost_cny": 250.0, "co2_kg": 40.0}


def test_a_change_of_mode_is_a_transfer_leg_with_its_cost(net: Network) -> None:
    result = plan("a", "d", optimize="time", net=net)
    assert [(leg.mode, leg.from_node, leg.to_node) for leg in result.legs] == [
        ("road", "a", "c"),
        ("transfer", "c", "c"),
        ("sea", "c", "d"),
    ]
    assert result.legs[1].transfer == "road→sea"
    # 2.5 + 2 + (12 expected wait for a daily sailing + 400 km / 20 km/h)
    assert result.total.model_dump() == {"hours": 36.5, "cost_cny": 264.0, "co2_kg": 30.0}


def test_allowed_modes_are_respected(net: Network) -> None:
    result = plan("a", "d", optimize="time", modes=["rail", "sea"], net=net)
    assert {leg.mode for leg in result.legs} == {"rail", "transfer", "sea"}
    assert result.total.hours == 14 + 2 + 32
    with pytest.raises(FtzError) as caught:
        plan("a", "d", modes=["sea"], net=net)
    assert caught.value.status == 404 and "using sea" in caught.value.detail


def test_a_locode_starts_from_any_node_of_the_place(net: Network) -> None:
    result = plan("CNAAA", "c", optimize="time", net=net)
    assert result.legs[0].from_node == "a"
    from_a2 = plan("a2", "c", optimize="time", net=net)
    assert from_a2.total.hours == pytest.approx(0.1 + 2.5)


def test_expected_wait_without_a_departure_time(express_net: Network) -> None:
    result = plan("a", "c", optimize="time", modes=["rail"], k=2, net=express_net)
    # unscheduled: 10 + 4 = 14 h; express: 12 h average wait + 1 + 0.5 + 1 = 14.5 h
    assert result.total.hours == 14.0 and result.legs[0].service is None
    [express] = result.alternatives
    assert express.legs[0].service == "express" and express.total.hours == 14.5


def test_with_a_departure_time_the_express_waits_for_its_train(express_net: Network) -> None:
    monday_7am = datetime(2025, 3, 3, 7, 0, tzinfo=UTC)
    result = plan("a", "c", modes=["rail"], depart_at=monday_7am, net=express_net)
    [leg] = result.legs
    assert leg.service == "express" and leg.scheduled
    assert (leg.departs, leg.arrives) == ("2025-03-03T08:00:00Z", "2025-03-03T10:30:00Z")
    assert leg.wait_hours == 1.0 and result.total.hours == 3.5
    boarding_at_b = plan("b", "c", modes=["rail"], depart_at=monday_7am, net=express_net)
    assert boarding_at_b.legs[0].departs == "2025-03-03T09:30:00Z"  # 08:00 + 1 h + 0.5 h dwell


def test_yen_and_leg_elimination_agree_on_the_best(net: Network) -> None:
    for optimize in ("time", "cost", "co2", "mix"):
        legs = plan("a", "d", optimize=optimize, net=net)
        yen = plan("a", "d", optimize=optimize, method="yen", net=net)
        assert legs.total == yen.total


def test_mix_with_only_cost_weight_is_cost(net: Network) -> None:
    mixed = plan("a", "c", optimize="mix", weights={"cost": 1}, net=net)
    assert mixed.total == plan("a", "c", optimize="cost", net=net).total
    timed = plan("a", "c", optimize="mix", weights={"time": 1}, net=net)
    assert timed.total == plan("a", "c", optimize="time", net=net).total


@pytest.mark.parametrize(
    ("kwargs", "field", "reason"),
    [
        ({"origin": "zz"}, "origin", "unknown node 'zz'"),
        ({"destination": "a"}, "destination", "is the origin"),
        ({"optimize": "fast"}, "optimize", "not one of"),
        ({"modes": ["ship"]}, "modes", "unknown mode 'ship'"),
        ({"modes": []}, "modes", "at least one"),
        ({"k": 0}, "k", "from 1 to 10"),
        ({"tonnes": -1}, "tonnes", "positive"),
        ({"optimize": "mix", "weights": {"time": -1}}, "weights", "non-negative"),
        ({"method": "dfs"}, "method", "not one of"),
    ],
)
def test_bad_input_names_the_field(
    net: Network, kwargs: dict[str, object], field: str, reason: str
) -> None:
    args: dict[str, object] = {"origin": "a", "destination": "c", **kwargs}
    with pytest.raises(FtzError) as caught:
        plan(net=net, **args)  # type: ignore[arg-type]
    problem = caught.value.errors[0]
    assert problem.field == field and reason in problem.reason
