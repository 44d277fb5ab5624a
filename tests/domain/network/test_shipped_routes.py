"""Routes on the shipped network against the seed's published run times.

Tolerances: the seed gives round figures ("about 60 hours", "within 11 days"); our times come
from published line lengths, one service speed per train and border dwells. ±10 % covers the
uncertainty of the dwells (a few hours in 60). "Within N days" is checked as ≤ N days."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from ftz.core.kit.errors import FtzError
from ftz.domain.network import plan
from ftz.domain.network.model import RoutePlan
from ftz.domain.network.network import network

MONDAY = datetime(2025, 3, 3, tzinfo=UTC)


def first_departure(origin: str, destination: str, modes: list[str], service: str) -> RoutePlan:
    """The plan timed from the first departure of `service` from the origin after Monday
    00:00 UTC, so that no wait is counted (another service leaving then may be used)."""
    run = network().services[service]
    places = {n.id for n in network().resolve(origin)}
    stop = next(i for i, node in enumerate(run.stops) if node in places)
    leaving = run.departures_at(stop).next_departure(MONDAY.timestamp())
    result = plan(origin, destination, modes=modes,
                  depart_at=datetime.fromtimestamp(leaving, UTC))  # fmt: skip
    assert result.legs[0].service is not None and result.legs[0].wait_hours == 0
    return result


def test_chengdu_to_lodz_by_rail_exists_and_arrives_within_11_days() -> None:
    result = plan("CNCTU", "PLLOD", optimize="time", modes=["rail"])
    assert {leg.mode for leg in result.legs} == {"rail"}
    assert result.legs[0].service == "cr_express_chengdu_lodz"
    assert result.legs[0].from_node == "chengdu_qingbaijiang"
    assert result.legs[-1].to_node == "lodz_olechow"
    assert 9000 < result.legs[0].distance_km < 10500  # published ≈ 9,965 km
    timed = first_departure("CNCTU", "PLLOD", ["rail"], "cr_express_chengdu_lodz")
    assert timed.total.hours <= 11 * 24  # seed case 14: Europe within 11 days


def test_lodz_to_chengdu_arrives_within_12_days() -> None:
    assert (
        first_departure("PLLOD", "CNCTU", ["rail"], "cr_express_lodz_chengdu").total.hours
        <= 12 * 24
    )


def test_vientiane_to_chengdu_takes_about_60_hours() -> None:
    result = first_departure("LAVTE", "CNCTU", ["rail"], "lmrq_express_north")
    [leg] = result.legs
    assert leg.service == "lmrq_express_north" and "mohan" in leg.via
    assert result.total.hours == pytest.approx(60, rel=0.10)


def test_yangshan_to_wuhu_linked_unloading_about_48_hours() -> None:
    result = first_departure(
        "shanghai_yangshan", "wuhu", ["river"], "linked_unloading_yangshan_wuhu"
    )
    assert result.legs[0].service.startswith("linked_unloading_yangshan")  # type: ignore[union-attr]
    assert result.total.hours == pytest.approx(48, rel=0.10)  # seed case 2


def test_honghe_bonded_zone_to_lao_cai_station_in_5_5_hours() -> None:
    result = first_departure("mengzi", "lao_cai", ["rail"], "cn_vn_kunming_hanoi")
    assert result.total.hours == pytest.approx(5.5, rel=0.10)  # seed case 24


def test_timed_legs_follow_each_other_and_totals_add_up() -> None:
    result = plan("CNCKG", "SGSIN", optimize="cost", depart_at=MONDAY, k=3)
    for route in [result, *result.alternatives]:
        legs = route.legs
        for before, after in itertools.pairwise(legs):
            assert before.arrives == after.departs or after.wait_hours > 0
        assert route.total.hours == pytest.approx(sum(leg.hours for leg in legs), abs=0.05)
        assert route.total.cost_cny == pytest.approx(sum(leg.cost_cny for leg in legs), abs=0.05)
        assert all(leg.hours >= leg.wait_hours >= 0 for leg in legs)


@pytest.mark.parametrize("optimize", ["time", "cost", "co2", "mix"])
def test_each_objective_finds_its_own_best(optimize: str) -> None:
    results = {o: plan("yueyang_chenglingji", "singapore", optimize=o)
               for o in ("time", "cost", "co2")}  # fmt: skip
    mine = plan("yueyang_chenglingji", "singapore", optimize=optimize)
    field = {"time": "hours", "cost": "cost_cny", "co2": "co2_kg"}.get(optimize)
    if field is not None:
        best = min(getattr(r.total, field) for r in results.values())
        assert getattr(mine.total, field) == pytest.approx(best)
        assert all(getattr(a.total, field) >= getattr(mine.total, field)
                   for a in mine.alternatives)  # fmt: skip


def test_alternatives_differ_in_their_legs_and_keep_to_the_modes() -> None:
    result = plan("CNCKG", "VNHAN", optimize="cost", modes=["rail", "road"], k=4)
    routes = [result, *result.alternatives]
    assert len(routes) >= 3
    keys = [tuple((leg.mode, leg.service, leg.from_node, leg.to_node) for leg in r.legs)
            for r in routes]  # fmt: skip
    assert len(set(keys)) == len(keys)
    assert {leg.mode for r in routes for leg in r.legs} <= {"rail", "road", "transfer"}


def test_rail_sea_via_the_central_corridor_beats_river_sea_in_time() -> None:
    rail_sea = plan("yueyang_chenglingji", "singapore", modes=["rail", "sea"])
    river_sea = plan("yueyang_chenglingji", "singapore", modes=["river", "sea"])
    assert rail_sea.legs[-1].mode == "sea" and river_sea.legs[0].mode == "river"
    assert river_sea.total.hours - rail_sea.total.hours > 3 * 24  # seed case 29 says 5–10 days


def test_unknown_node_suggests_candidates() -> None:
    with pytest.raises(FtzError) as caught:
        plan("Chengdu", "PLLOD")
    problem = caught.value.errors[0]
    assert problem.field == "origin" and "did you mean chengdu_" in problem.reason
