"""Multi-period reefer circulation: a time-expanded min-cost flow (holding, repositioning over
its transit periods, lease-ins, overseas returns) against the naive return-to-origin plan; the
one-period case is the single-horizon plan; the API, page and CLI take periods."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from ftz.core.kit.errors import FtzError
from ftz.practices.asia_europe_transport import periods, reefer
from ftz.practices.asia_europe_transport.common import reefer_data
from tests.conftest import ApiClients, csrf_from, login

API = "/api/asia-europe-transport"
DEPOTS = list(reefer.depots())
Plan = dict[str, object]


def _balanced(plan: dict, rows: list[dict]) -> bool:  # type: ignore[type-arg]
    """Flow conservation at every (depot, period): freed + in = wanted + out."""
    for t, row in enumerate(rows):
        for node in DEPOTS:
            inflow = sum(m["boxes"] for m in plan["moves"] if m["to"] == node and m["arrives"] == t)
            outflow = sum(
                m["boxes"] for m in plan["moves"] if m["from"] == node and m["period"] == t
            )
            if row["stock"].get(node, 0) + inflow != row["demand"].get(node, 0) + outflow:
                return False
    return True


def test_one_period_is_the_single_horizon_plan() -> None:
    s = reefer_data()["scenario"]
    single = reefer.compare(s["horizon_days"], s["stock"], s["demand"])
    one = periods.compare(s["horizon_days"], [{"stock": s["stock"], "demand": s["demand"]}])
    assert one["optimal"]["cost_cny"] == single["optimal"]["cost_cny"] == 354_830
    assert one["naive"]["cost_cny"] == single["naive"]["cost_cny"] == 1_003_000
    assert one["optimal"]["boxes_by_kind"] == single["optimal"]["boxes_by_kind"]


def test_demo_weeks_hold_reposition_over_transit_and_return_overseas() -> None:
    m = reefer_data()["scenario_periods"]
    found = periods.compare(m["period_days"], m["periods"])
    assert found["horizon_days"] == 21
    assert (found["optimal"]["cost_cny"], found["naive"]["cost_cny"]) == (499_280, 1_621_330)
    assert found["saving_cny"] == 1_122_050
    best, base = found["optimal"], found["naive"]
    assert _balanced(best, m["periods"]) and _balanced(base, m["periods"])
    kinds = best["boxes_by_kind"]
    assert kinds["hold"] > 0 and kinds["overseas_return"] > 0
    assert "return_to_origin" not in kinds and base["boxes_by_kind"]["return_to_origin"] > 0
    # A 12-day rail return takes one 7-day period: it arrives the period after it left.
    rail = [x for x in base["moves"] if x["kind"] == "return_to_origin"
            and x["from"] == "lodz_olechow"]  # fmt: skip
    assert rail and all(x["arrives"] == x["period"] + 1 for x in rail)
    assert (
        periods.transit(12, 7) == 1 and periods.transit(3, 7) == 0 and periods.transit(14, 7) == 1
    )


@settings(max_examples=30, deadline=None)
@given(
    period_days=st.integers(1, 15),
    grid=st.lists(
        st.tuples(
            st.lists(st.integers(0, 30), min_size=len(DEPOTS), max_size=len(DEPOTS)),
            st.lists(st.integers(0, 30), min_size=len(DEPOTS), max_size=len(DEPOTS)),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_optimal_never_costs_more_and_balances_every_period(
    period_days: int, grid: list[tuple[list[int], list[int]]]
) -> None:
    rows = [{"stock": dict(zip(DEPOTS, s, strict=True)),
             "demand": dict(zip(DEPOTS, d, strict=True))} for s, d in grid]  # fmt: skip
    found = periods.compare(period_days, rows)
    assert found["optimal"]["cost_cny"] <= found["naive"]["cost_cny"]
    assert _balanced(found["optimal"], rows) and _balanced(found["naive"], rows)
    for move in found["optimal"]["moves"]:
        assert move["arrives"] is None or 0 <= move["arrives"] - move["period"] <= len(rows)
    if len(rows) == 1:  # the one-period case is the single horizon
        single = reefer.compare(period_days, rows[0]["stock"], rows[0]["demand"])
        assert found["optimal"]["cost_cny"] == single["optimal"]["cost_cny"]
        assert found["naive"]["cost_cny"] == single["naive"]["cost_cny"]


def test_bad_periods_name_the_field() -> None:
    for args, field in (
        ((7, [{"stock": {"atlantis": 1}, "demand": {}}]), "periods.0.stock.atlantis"),
        ((7, [{"stock": {}, "demand": {}}, {"stock": {}, "demand": {"hamburg": -1}}]),
         "periods.1.demand.hamburg"),
        ((0, [{"stock": {}, "demand": {}}]), "period_days"),
        ((7, []), "periods"),
    ):  # fmt: skip
        with pytest.raises(FtzError) as caught:
            periods.compare(*args)  # type: ignore[arg-type]
        assert caught.value.errors[0].field == field


def test_periods_through_the_api_and_the_page(aet: ApiClients, client: TestClient) -> None:
    operator, shipper = aet.as_("aet.operator"), aet.as_("aet.shipper")
    scenario = operator.get(f"{API}/reefer/parameters").json()["scenario_periods"]
    made = operator.post(f"{API}/reefer/plans", json=scenario)
    assert made.status_code == 201, made.text
    plan = made.json()
    assert (plan["period_days"], len(plan["periods"]), plan["horizon_days"]) == (7, 3, 21)
    assert plan["saving_cny"] == 1_122_050 and plan["stock"]["lodz_olechow"] == 83
    assert shipper.get(f"{API}/reefer/plans/{plan['id']}").status_code == 404
    bad = operator.post(f"{API}/reefer/plans", json={"period_days": 7, "periods": [
        {"stock": {"mars": 1}}]})  # fmt: skip
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "periods.0.stock.mars"
    many = operator.post(f"{API}/reefer/plans", json={"period_days": 7, "periods": [{}] * 13})
    assert many.status_code == 422
    single = operator.post(f"{API}/reefer/plans", json=reefer_data()["scenario"]).json()
    assert single["periods"] is None and single["saving_cny"] == 648_170

    login(client, "aet.operator")
    for lang in ("zh", "en"):
        page = client.get(f"/asia-europe-transport/reefer/periods?lang={lang}")
        assert page.status_code == 200 and 'id="period-grid"' in page.text
    four = client.get("/asia-europe-transport/reefer/periods?n=4&lang=en")
    assert 'id="p3_stock_hamburg"' in four.text
    form = client.get("/asia-europe-transport/reefer/periods?n=2&lang=en")
    data = {"csrf_token": csrf_from(form.text), "count": "2", "period_days": "7",
            "p0_stock_lodz_olechow": "30", "p1_demand_chengdu_qingbaijiang": "20"}  # fmt: skip
    wrong = client.post("/asia-europe-transport/reefer/periods", data={**data, "period_days": "40"})
    assert wrong.status_code == 422 and "period_days" in wrong.text and 'value="30"' in wrong.text
    typo = client.post("/asia-europe-transport/reefer/periods",
                       data={**data, "p1_stock_duisburg": "x"})  # fmt: skip
    assert typo.status_code == 422 and "p1_stock_duisburg" in typo.text
    good = client.post("/asia-europe-transport/reefer/periods", data=data, follow_redirects=False)
    assert good.status_code == 303
    detail = client.get(good.headers["location"] + "?lang=en").text
    assert 'id="periods">= 2 × 7' in detail
    # Łódź's 30 boxes are off-hired there; Chengdu's 20 in week 2 are leased (cheaper than rail).
    assert 'class="move-overseas_return"><td>1</td>' in detail
    assert 'class="move-lease_in"><td>2</td>' in detail
    assert 'id="periods-link"' in client.get("/asia-europe-transport/reefer?lang=en").text
