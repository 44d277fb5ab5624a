"""p03 admission pages: the enterprise's application form (422 with what was typed, the criteria
checked at once), the officers' queue with the criteria table, admit and reject (a reason is
required), the exit requested by the enterprise and completed by an officer once no batch is
open (blocked with the batches named), roles and organization scoping."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.bonded_repair.test_api import API, batch

HTML = {"accept": "text/html"}
FORM = {
    "business": "航空发动机部件保税维修",
    "value_added_pct": "180",
    "risk_level": "general",
    "high_tech": "yes",
    "toxic_air": "no",
    "toxic_water": "no",
    "documents_complete": "yes",
    "permits_complete": "yes",
}


def _apply(client: TestClient, **changes: str) -> str:
    token = csrf_from(client.get("/bonded-repair/admissions/new?lang=en").text)
    made = client.post(
        "/bonded-repair/admissions",
        follow_redirects=False,
        data={"csrf_token": token, **FORM, **changes},
    )
    assert made.status_code == 303, made.text
    return str(made.headers["location"])


def test_application_form_checks_input_and_criteria(br: ApiClients, client: TestClient) -> None:
    login(client, "br.ent.a")
    form = client.get("/bonded-repair/admissions/new?lang=en")
    assert form.status_code == 200 and "AD-AIR" in form.text
    token = csrf_from(form.text)
    missing = {**FORM, "toxic_air": "", "value_added_pct": "-5"}
    bad = client.post(
        "/bonded-repair/admissions", headers=HTML, data={"csrf_token": token, **missing}
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert "toxic_air" in bad.text and "value_added_pct" in bad.text
    assert "航空发动机部件保税维修" in bad.text  # what was typed comes back
    assert br.as_("br.ent.a").get(f"{API}/admissions").json() == []
    url = _apply(client, toxic_water="yes", risk_level="larger")
    page = client.get(url + "?lang=en").text
    eligible = page.split('id="eligible">')[1].split("</dd>")[0]
    assert "Toxic Water Pollutants List" in eligible and "AD-RISK" in eligible
    assert page.count('class="criterion-result"><strong>not met<') == 2
    assert page.count('class="criterion-result">met<') == 5
    assert "案例3" in page  # every row names its source
    again = client.get("/bonded-repair/admissions/new").text
    assert 'id="current-admission"' in again and "apply-form" not in again
    token = csrf_from(again)
    twice = client.post(
        "/bonded-repair/admissions", headers=HTML, data={"csrf_token": token, **FORM}
    )
    assert twice.status_code == 422 and "already has an admission" in twice.text

    login(client, "br.customs")
    assert client.get("/bonded-repair/admissions/new").status_code == 403
    token = csrf_from(client.get("/bonded-repair/admissions").text)
    officer = client.post(
        "/bonded-repair/admissions", headers=HTML, data={"csrf_token": token, **FORM}
    )
    assert officer.status_code == 403
    queue = client.get("/bonded-repair/admissions?status=submitted&lang=en").text
    assert "航空发动机部件保税维修" in queue and "not met: 2" in queue
    detail = client.get(url + "?lang=en").text
    assert 'id="admit-blocked"' in detail and 'id="admit-submit"' not in detail
    token = csrf_from(detail)
    forced = client.post(
        url + "/decision", headers=HTML, data={"csrf_token": token, "event": "admit"}
    )
    assert forced.status_code == 422 and "fails the admission criteria" in forced.text
    no_reason = client.post(
        url + "/decision", headers=HTML, data={"csrf_token": token, "event": "reject", "note": " "}
    )
    assert no_reason.status_code == 422 and "reason for the rejection" in no_reason.text
    rejected = client.post(
        url + "/decision",
        follow_redirects=False,
        data={"csrf_token": token, "event": "reject", "note": "涉及有毒有害水污染物"},
    )
    assert rejected.status_code == 303
    shown = client.get(url + "?lang=en").text
    assert 'id="admission-status">rejected<' in shown and "涉及有毒有害水污染物" in shown
    assert "transition:reject" not in shown and "submitted → rejected" in shown


def test_admit_then_exit_waits_for_open_batches(br: ApiClients, client: TestClient) -> None:
    login(client, "br.ent.a")
    url = _apply(client)
    token = csrf_from(client.get(url).text)
    too_early = client.post(
        url + "/exit", headers=HTML, data={"csrf_token": token, "event": "request_exit"}
    )
    assert too_early.status_code == 422 and "cannot request_exit while submitted" in too_early.text
    self_admit = client.post(
        url + "/decision", headers=HTML, data={"csrf_token": token, "event": "admit"}
    )
    assert self_admit.status_code == 403

    login(client, "exam.officer")  # an officer of another agency sees no p03 record
    assert client.get(url).status_code == 404
    token = csrf_from(client.get("/bonded-repair/admissions").text)
    assert (
        client.post(
            url + "/decision", headers=HTML, data={"csrf_token": token, "event": "admit"}
        ).status_code
        == 404
    )

    login(client, "br.ecology")
    token = csrf_from(client.get(url).text)
    wrong = client.post(
        url + "/decision", headers=HTML, data={"csrf_token": token, "event": "request_exit"}
    )
    assert wrong.status_code == 422 and "event" in wrong.text
    admitted = client.post(
        url + "/decision",
        follow_redirects=False,
        data={"csrf_token": token, "event": "admit", "note": "符合"},
    )
    assert admitted.status_code == 303

    b = batch(br, "TJBR-E-0001")
    login(client, "br.ent.a")
    home = client.get("/bonded-repair?lang=en").text
    assert 'id="my-admission"' in home and "admitted" in home
    page = client.get(url + "?lang=en").text
    assert "exit-request-form" in page and "TJBR-E-0001" in page  # open batch named
    token = csrf_from(page)
    asked = client.post(
        url + "/exit",
        follow_redirects=False,
        data={"csrf_token": token, "event": "request_exit", "note": "业务调整"},
    )
    assert asked.status_code == 303

    login(client, "br.customs")
    page = client.get(url + "?lang=en").text
    token = csrf_from(page)
    officer_asks = client.post(
        url + "/exit", headers=HTML, data={"csrf_token": token, "event": "request_exit"}
    )
    assert officer_asks.status_code == 403
    assert 'id="exit-blockers"' in page and "TJBR-E-0001" in page
    assert 'id="exit-complete-submit" disabled' in page
    token = csrf_from(page)
    blocked = client.post(
        url + "/decision", headers=HTML, data={"csrf_token": token, "event": "complete_exit"}
    )
    assert blocked.status_code == 422 and "TJBR-E-0001 (open)" in blocked.text
    assert br.as_("br.customs").get(f"{API}/admissions").json()[0]["status"] == "exiting"
    final = {"repaired_qty": 100, "irreparable_qty": 0, "irreparable_value_cny": "0", "final": True}
    br.as_("br.ent.a").post(f"{API}/batches/{b['id']}/outcome", json=final)
    done = client.post(
        url + "/decision",
        follow_redirects=False,
        data={"csrf_token": token, "event": "complete_exit", "note": "已清点"},
    )
    assert done.status_code == 303
    assert 'id="admission-status">exited<' in client.get(url + "?lang=en").text
    assert client.get("/bonded-repair/admissions?lang=zh").status_code == 200

    login(client, "br.ent.b")
    assert client.get(url).status_code == 404
    assert "航空发动机部件保税维修" not in client.get("/bonded-repair/admissions").text
