"""p17 API: the registry (class from the length, validation as problem details, isolation),
inspections and the sailing check, licences within the indicators, catch reports flagged with
the rows that fired, protected species refused, reviews, reminders, history and exports."""

from __future__ import annotations

from ftz.practices.leisure_fishery.reference import today
from ftz.practices.leisure_fishery.service import add_months
from tests.conftest import ApiClients
from tests.practices.leisure_fishery.conftest import (
    BASE,
    SANYA,
    YEAR,
    allocate,
    days,
    ready_vessel,
    report_body,
    vessel_body,
)


def test_register_classifies_by_length_and_validates(lf: ApiClients) -> None:
    op = lf.as_("lf.op.sanya")
    made = op.post(f"{BASE}/vessels", json=vessel_body("琼三亚休T0001", length_m="24"))
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["vessel_class"] == "large" and body["power_kw"] == 120.5
    assert (
        body["why"][0]["row_id"] == "VC-LARGE"
        and "渔业捕捞许可管理规定" in body["why"][0]["citation"]
    )
    again = op.post(f"{BASE}/vessels", json=vessel_body("琼三亚休T0001"))
    assert again.status_code == 409
    inland = op.post(f"{BASE}/vessels", json=vessel_body("琼五指山休1", area_code="469001"))
    problem = inland.json()
    assert inland.status_code == 422 and problem["errors"][0]["field"] == "area_code"
    assert inland.headers["content-type"].startswith("application/problem+json")
    bad = op.post(f"{BASE}/vessels", json=vessel_body("琼三亚休T0002", length_m="-1"))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"].endswith("length_m")
    foreign = op.post(f"{BASE}/vessels", json=vessel_body("琼三亚休T0003", operator_code="x"))
    assert foreign.status_code == 422
    listed = op.get(f"{BASE}/vessels?q=T0001").json()
    assert listed["total"] == 1 and listed["items"][0]["registration_no"] == "琼三亚休T0001"


def test_edit_rules_for_operators_and_officers(lf: ApiClients) -> None:
    allocate(lf)
    vessel = ready_vessel(lf, "琼三亚休T0100")
    url = f"{BASE}/vessels/{vessel['id']}"
    op, officer = lf.as_("lf.op.sanya"), lf.as_("lf.officer")
    shorter = op.patch(url, json={"length_m": "11.5", "name": "新名字"})
    assert shorter.status_code == 200 and shorter.json()["vessel_class"] == "small"
    assert op.patch(url, json={"status": "suspended"}).status_code == 403
    assert op.patch(url, json={"status": "laid_up"}).status_code == 200
    # The licence holds Sanya's indicator: no move, no power change, no deregistration.
    assert officer.patch(url, json={"area_code": "469024"}).status_code == 409
    assert officer.patch(url, json={"power_kw": "200"}).status_code == 409
    assert officer.patch(url, json={"status": "deregistered"}).status_code == 409
    history = op.get(f"{url}/history").json()
    assert any(
        e["action"] == "update" and e["changes"]["after"].get("name") == "新名字" for e in history
    )


def test_other_operator_and_other_agencies_see_nothing(lf: ApiClients) -> None:
    allocate(lf)
    vessel = ready_vessel(lf, "琼三亚休T0200")
    other = lf.as_("lf.op.lingao")
    vid = vessel["id"]
    assert other.get(f"{BASE}/vessels/{vid}").status_code == 404
    assert other.patch(f"{BASE}/vessels/{vid}", json={"name": "抢注"}).status_code == 404
    assert other.get(f"{BASE}/vessels/{vid}/history").status_code == 404
    assert other.get(f"{BASE}/licences/{vessel['licence']['id']}").status_code == 404
    assert other.get(f"{BASE}/vessels").json()["total"] == 0
    body = report_body(vid, [{"species": "grouper", "count": 1, "weight_kg": "1"}])
    assert other.post(f"{BASE}/catch-reports", json=body).status_code == 404
    assert other.post(f"{BASE}/licences", json={**_licence(vid)}).status_code == 403
    # An officer of an unrelated agency (p12's exam centre) reads none of it.
    assert lf.as_("exam.officer").get(f"{BASE}/vessels").json()["total"] == 0
    assert lf.as_("exam.officer").get(f"{BASE}/vessels/{vid}").status_code == 404


def _licence(vid: str, **extra: object) -> dict[str, object]:
    return {
        "vessel_id": vid,
        "valid_from": days(0),
        "valid_to": days(365),
        "sea_areas": [SANYA],
        "gear": ["rod"],
        "gear_units": 8,
        **extra,
    }


def test_licences_never_exceed_the_area_indicators(lf: ApiClients) -> None:
    officer = lf.as_("lf.officer")
    first = ready_vessel(lf, "琼三亚休T0300", licence=False)
    no_quota = officer.post(f"{BASE}/licences", json=_licence(first["id"]))
    assert no_quota.status_code == 409 and "quota" in no_quota.json()["detail"]
    allocate(lf, vessels=1)
    issued = officer.post(f"{BASE}/licences", json=_licence(first["id"]))
    assert issued.status_code == 201, issued.text
    assert issued.json()["number"] == f"LF-{SANYA}-{YEAR}-00001"
    second = ready_vessel(lf, "琼三亚休T0301", licence=False)
    refused = officer.post(f"{BASE}/licences", json=_licence(second["id"]))
    assert refused.status_code == 409 and "over-allocated" in refused.json()["detail"]
    summary = officer.get(f"{BASE}/indicators?year={YEAR}").json()
    sanya = next(a for a in summary["areas"] if a["area_code"] == SANYA)
    assert sanya["used"]["vessels"] == 1 and sanya["available"]["vessels"] == 0
    assert sanya["used"]["power_kw"] == 120.5
    # Revoking releases the indicator; the second vessel can then be licensed.
    lid = issued.json()["id"]
    assert officer.post(f"{BASE}/licences/{lid}/revoke", json={"reason": ""}).status_code == 422
    revoked = officer.post(f"{BASE}/licences/{lid}/revoke", json={"reason": "经营者申请注销"})
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    assert (
        officer.post(f"{BASE}/licences/{lid}/revoke", json={"reason": "again"}).status_code == 409
    )
    assert officer.post(f"{BASE}/licences", json=_licence(second["id"])).status_code == 201
    assert officer.get(f"{BASE}/indicators/reconcile").json()["ok"]


def test_licence_checks(lf: ApiClients) -> None:
    officer = lf.as_("lf.officer")
    allocate(lf, vessels=3)
    vessel = ready_vessel(lf, "琼三亚休T0400")
    vid = vessel["id"]
    overlap = officer.post(f"{BASE}/licences", json=_licence(vid))
    assert overlap.status_code == 409 and vessel["licence"]["number"] in overlap.json()["detail"]
    long = officer.post(f"{BASE}/licences", json=_licence(vid, valid_to=days(365 * 4)))
    assert long.status_code == 422 and long.json()["errors"][0]["field"] == "valid_to"
    gear = officer.post(f"{BASE}/licences", json=_licence(vid, gear=["trawl"]))
    assert gear.status_code == 422 and gear.json()["errors"][0]["field"] == "gear.0"
    uninspected = lf.as_("lf.op.sanya").post(f"{BASE}/vessels", json=vessel_body("琼三亚休T0401"))
    refused = officer.post(f"{BASE}/licences", json=_licence(uninspected.json()["id"]))
    assert refused.status_code == 409 and "inspection" in refused.json()["detail"]
    lid = vessel["licence"]["id"]
    amended = officer.patch(f"{BASE}/licences/{lid}", json={"sea_areas": [SANYA, "469028"]})
    assert amended.status_code == 200 and amended.json()["sea_areas"] == [SANYA, "469028"]
    assert (
        lf.as_("lf.op.sanya").patch(f"{BASE}/licences/{lid}", json={"note": "x"}).status_code == 403
    )
    assert lf.as_("lf.association").post(f"{BASE}/licences", json=_licence(vid)).status_code == 403
    listed = officer.get(f"{BASE}/licences?status=active&q=T0400").json()
    assert listed["total"] == 1
    csv = officer.get(f"{BASE}/licences.csv?q=T0400")
    assert csv.status_code == 200 and vessel["licence"]["number"] in csv.text


def test_inspections_drive_next_due_and_the_sailing_check(lf: ApiClients) -> None:
    officer, op = lf.as_("lf.officer"), lf.as_("lf.op.sanya")
    allocate(lf)
    vessel = ready_vessel(lf, "琼三亚休T0500")
    vid = vessel["id"]
    check = op.get(f"{BASE}/vessels/{vid}/sailing-check").json()
    assert check["may_sail"] and check["flags"] == []
    failed = {
        "kind": "occasional",
        "inspected_on": days(0),
        "inspector": "检验员",
        "findings": [{"item": "救生筏过期", "severity": "major"}],
    }
    r = officer.post(f"{BASE}/vessels/{vid}/inspections", json=failed)
    assert r.status_code == 201 and r.json()["result"] == "fail"
    assert r.json()["why"][0]["row_id"] == "IN-MAJOR"
    check = op.get(f"{BASE}/vessels/{vid}/sailing-check?persons=20").json()
    assert not check["may_sail"]
    assert set(check["flags"]) == {"inspection_failed", "insurance_seats_short"}
    assert op.post(f"{BASE}/vessels/{vid}/inspections", json=failed).status_code == 403
    future = {**failed, "inspected_on": days(3)}
    assert officer.post(f"{BASE}/vessels/{vid}/inspections", json=future).status_code == 422
    overdue = op.get(f"{BASE}/vessels?problem=inspection_overdue&q=T0500").json()
    assert overdue["total"] == 1
    detail = op.get(f"{BASE}/vessels/{vid}").json()
    assert detail["inspections"][0]["result"] == "fail"
    assert detail["inspections"][0]["next_due"] == add_months(today(), 1).isoformat()
    assert detail["sailing"]["flags"] == ["inspection_failed"]


def test_catch_report_over_limit_is_flagged_with_the_rows(lf: ApiClients) -> None:
    allocate(lf)
    vessel = ready_vessel(lf, "琼三亚休T0600")
    op, officer = lf.as_("lf.op.sanya"), lf.as_("lf.officer")
    fine = report_body(
        vessel["id"],
        [{"species": "grouper", "count": 20, "weight_kg": "30", "min_length_cm": "26"}],
    )
    ok = op.post(f"{BASE}/catch-reports", json=fine)
    assert ok.status_code == 201 and ok.json()["flagged"] is False and ok.json()["why"] == []
    over = report_body(
        vessel["id"],
        [
            {"species": "grouper", "count": 21, "weight_kg": "30", "min_length_cm": "24"},
            {"species": "sailfish", "count": 2, "weight_kg": "40"},
        ],
        gear="trolling",
        sea_area="469024",
    )
    r = op.post(f"{BASE}/catch-reports", json=over)
    assert r.status_code == 201, r.text
    report = r.json()
    assert report["flagged"] and report["status"] == "filed"
    assert set(report["flags"]) == {
        "over_limit",
        "undersize",
        "gear_not_licensed",
        "area_not_licensed",
    }
    rows = {w["row_id"] for w in report["why"]}
    assert rows == {
        "CS-GROUPER-PP",
        "CS-GROUPER-SIZE",
        "CS-SAILFISH-TRIP",
        "CT-KG",
        "CT-GEAR",
        "CT-AREA",
    }
    assert all(w["citation"] for w in report["why"])
    queue = officer.get(f"{BASE}/catch-reports?flagged=yes&status=filed").json()
    assert [x["id"] for x in queue["items"]] == [report["id"]]
    assert officer.get(f"{BASE}/catch-reports?flag=undersize").json()["total"] == 1
    url = f"{BASE}/catch-reports/{report['id']}/review"
    assert op.post(url, json={"note": "自查"}).status_code == 403
    assert officer.post(url, json={"note": " "}).status_code == 422
    done = officer.post(url, json={"note": "责令放流，警告一次"})
    assert done.status_code == 200 and done.json()["status"] == "reviewed"
    assert officer.post(url, json={"note": "again"}).status_code == 409
    history = officer.get(f"{BASE}/catch-reports/{report['id']}/history").json()
    assert any(e["action"] == "transition:review" for e in history)
    csv = officer.get(f"{BASE}/catch-reports.csv?flagged=yes")
    assert csv.status_code == 200 and "over_limit" in csv.text


def test_protected_species_refused_and_nothing_stored(lf: ApiClients) -> None:
    allocate(lf)
    vessel = ready_vessel(lf, "琼三亚休T0700")
    op = lf.as_("lf.op.sanya")
    body = report_body(
        vessel["id"],
        [
            {"species": "grouper", "count": 2, "weight_kg": "3"},
            {"species": "hawksbill_turtle", "count": 1, "weight_kg": "20"},
        ],
    )
    r = op.post(f"{BASE}/catch-reports", json=body)
    assert r.status_code == 422
    problem = r.json()
    assert problem["errors"][0]["field"] == "lines.1.species"
    assert "玳瑁" in problem["detail"] and "国家重点保护野生动物名录" in problem["detail"]
    assert op.get(f"{BASE}/catch-reports?vessel_id={vessel['id']}").json()["total"] == 0
    unknown = report_body(vessel["id"], [{"species": "dragon", "count": 1, "weight_kg": "1"}])
    assert op.post(f"{BASE}/catch-reports", json=unknown).status_code == 422
    future = report_body(
        vessel["id"], [{"species": "squid", "count": 1, "weight_kg": "1"}], trip_date=days(2)
    )
    assert op.post(f"{BASE}/catch-reports", json=future).json()["errors"][0]["field"] == "trip_date"


def test_sailing_without_insurance_or_safety_officer_is_flagged(lf: ApiClients) -> None:
    op = lf.as_("lf.op.sanya")
    bare = op.post(f"{BASE}/vessels", json=vessel_body("琼三亚休T0800")).json()
    body = report_body(
        bare["id"], [{"species": "squid", "count": 10, "weight_kg": "3"}], anglers=12, crew=2
    )
    report = op.post(f"{BASE}/catch-reports", json=body).json()
    assert set(report["flags"]) == {
        "no_valid_licence",
        "never_inspected",
        "no_passenger_insurance",
        "no_safety_officer",
        "over_capacity",
    }
    assert {"SA-INSURANCE", "SA-SAFETY-OFFICER"} <= {w["row_id"] for w in report["why"]}
    uninsured = op.get(f"{BASE}/vessels?problem=uninsured&q=T0800").json()
    assert uninsured["total"] == 1


def test_reminders_list_what_expires_soon(lf: ApiClients) -> None:
    allocate(lf)
    vessel = ready_vessel(lf, "琼三亚休T0900")
    op, officer = lf.as_("lf.op.sanya"), lf.as_("lf.officer")
    soon = {
        "policy_no": "P-SOON",
        "insurer": "人保",
        "cover": "passenger_accident",
        "sum_insured_yuan": 100,
        "seats": 12,
        "starts_on": days(-300),
        "expires_on": days(10),
    }
    assert op.post(f"{BASE}/vessels/{vessel['id']}/insurance", json=soon).status_code == 201
    lid = vessel["licence"]["id"]
    assert officer.patch(f"{BASE}/licences/{lid}", json={"valid_to": days(20)}).status_code == 200
    due = op.get(f"{BASE}/reminders").json()
    assert [x["policy_no"] for x in due["insurance"]] == ["P-SOON"]
    assert [x["id"] for x in due["licences"]] == [lid]
    assert due["days"] == 30
    backwards = {**soon, "policy_no": "P-BAD", "expires_on": days(-400)}
    assert op.post(f"{BASE}/vessels/{vessel['id']}/insurance", json=backwards).status_code == 422


def test_anonymous_and_wrong_roles(lf: ApiClients) -> None:
    anonymous = lf.anonymous()
    assert anonymous.get(f"{BASE}/vessels").status_code == 401
    assert anonymous.get(f"{BASE}/catch-limits").status_code == 200
    assert anonymous.get(f"{BASE}/statistics").status_code == 200
    assert (
        lf.as_("lf.op.sanya")
        .post(
            f"{BASE}/indicators/allocations",
            json={
                "year": YEAR,
                "area_code": SANYA,
                "vessels": 1,
                "power_kw": "1",
                "gear_units": 1,
            },
        )
        .status_code
        == 403
    )
    limits = anonymous.get(f"{BASE}/catch-limits").json()
    assert any(r["row_id"] == "CS-PROTECTED-1" for r in limits["limits"])
