"""p03 pages without a browser: every route classified and guarded; the batch ledger (form with
what was typed, filters, pagination, CSV, scoping) and the officer's review of a flagged batch
(accept, order a correction and the enterprise's corrected outcome, a missing note, roles)."""

from __future__ import annotations

import csv
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.bonded_repair.test_api import API, admitted, batch
from tests.routes import api_routes

HTML = {"accept": "text/html"}
ROUTES = {
    "/api/bonded-repair/checklist",
    "/api/bonded-repair/dashboard",
    "/api/bonded-repair/admissions",
    "/api/bonded-repair/admissions/{admission_id}",
    "/api/bonded-repair/admissions/{admission_id}/events",
    "/api/bonded-repair/batches",
    "/api/bonded-repair/batches/{batch_id}",
    "/api/bonded-repair/batches/{batch_id}/outcome",
    "/api/bonded-repair/batches/{batch_id}/review",
    "/api/bonded-repair/waste",
    "/bonded-repair",
    "/bonded-repair/checklist",
    "/bonded-repair/admissions",
    "/bonded-repair/admissions/new",
    "/bonded-repair/admissions/{admission_id}",
    "/bonded-repair/admissions/{admission_id}/decision",
    "/bonded-repair/admissions/{admission_id}/exit",
    "/bonded-repair/batches",
    "/bonded-repair/batches.csv",
    "/bonded-repair/batches/{batch_id}",
    "/bonded-repair/batches/{batch_id}/review",
    "/bonded-repair/waste",
    "/bonded-repair/waste.csv",
    "/bonded-repair/waste/{waste_id}",
}
FLAGGING = {
    "repaired_qty": 94,
    "irreparable_qty": 6,
    "irreparable_value_cny": "20000",
    "final": True,
}


def test_every_p03_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "bonded-repair" in p]
    assert {p for p, _ in routes} == ROUTES
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_batch_form_keeps_what_was_typed(br: ApiClients, client: TestClient) -> None:
    admitted(br)
    login(client, "br.ent.a")
    token = csrf_from(client.get("/bonded-repair/batches?lang=en").text)
    bad = client.post(
        "/bonded-repair/batches",
        data={
            "csrf_token": token,
            "number": "TJBR-P-0001",
            "goods": "燃油控制器",
            "quantity": "10",
            "value_cny": "1000",
            "preinspection_sha256": "not-a-hash",
        },
    )
    assert bad.status_code == 422
    assert "TJBR-P-0001" in bad.text and "preinspection_sha256" in bad.text
    missing = client.post("/bonded-repair/batches", data={"csrf_token": token, "number": ""})
    assert missing.status_code == 422 and 'role="alert"' in missing.text
    assert br.as_("br.ent.a").get(f"{API}/batches").json() == []
    good = client.post(
        "/bonded-repair/batches",
        follow_redirects=False,
        data={
            "csrf_token": token,
            "number": "TJBR-P-0001",
            "goods": "燃油控制器",
            "quantity": "10",
            "value_cny": "1000",
            "preinspection_sha256": "b" * 64,
        },
    )
    assert good.status_code == 303 and "/bonded-repair/batches/" in good.headers["location"]
    detail = good.headers["location"]
    over = client.post(
        detail,
        headers=HTML,
        data={
            "csrf_token": token,
            "repaired_qty": "8",
            "irreparable_qty": "5",
            "irreparable_value_cny": "10",
            "final": "on",
        },
    )
    assert over.status_code == 422 and "exceed 10" in over.text and 'value="5"' in over.text
    assert client.get(detail + "?lang=en").text.count('id="batch-status">open<') == 1
    for page in ("/bonded-repair", "/bonded-repair/checklist", detail):
        assert client.get(f"{page}?lang=zh").status_code == 200

    login(client, "br.customs")  # officers keep no batches of their own
    token = csrf_from(client.get("/bonded-repair/batches").text)
    assert "batch-form" not in client.get("/bonded-repair/batches").text
    officer = client.post(
        "/bonded-repair/batches",
        headers=HTML,
        data={
            "csrf_token": token,
            "number": "TJBR-P-0002",
            "goods": "燃油控制器",
            "quantity": "10",
            "value_cny": "1000",
            "preinspection_sha256": "b" * 64,
        },
    )
    assert officer.status_code == 403
    outcome = client.post(
        detail,
        headers=HTML,
        data={
            "csrf_token": token,
            "repaired_qty": "10",
            "irreparable_qty": "0",
            "irreparable_value_cny": "0",
        },
    )
    assert outcome.status_code == 403


def test_batch_ledger_filters_pages_and_exports(br: ApiClients, client: TestClient) -> None:
    admitted(br)
    admitted(br, "br.ent.b")
    flagged = batch(br, "TJBR-F-0001")
    br.as_("br.ent.a").post(f"{API}/batches/{flagged['id']}/outcome", json=FLAGGING)
    for n in range(2, 5):
        batch(br, f"TJBR-F-000{n}")
    batch(br, "TJBR-OTHER-01", user="br.ent.b")
    login(client, "br.customs")
    flagged_only = client.get("/bonded-repair/batches?status=flagged&lang=en").text
    assert "TJBR-F-0001" in flagged_only and "TJBR-F-0002" not in flagged_only
    found = client.get("/bonded-repair/batches?q=OTHER").text
    assert "TJBR-OTHER-01" in found and "TJBR-F-0001" not in found
    by_enterprise = client.get("/bonded-repair/batches?q=Binhai").text  # enterprise's name
    assert "TJBR-OTHER-01" in by_enterprise and "TJBR-F-0003" not in by_enterprise
    first = client.get("/bonded-repair/batches?size=2&lang=en").text
    assert 'rel="next"' in first and "1 / 3 (5)" in first
    assert client.get("/bonded-repair/batches?status=lost").status_code == 422
    exported = client.get("/bonded-repair/batches.csv?verdict=exceeded")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert [(r["number"], r["status"], r["rows_fired"]) for r in rows] == [
        ("TJBR-F-0001", "flagged", "IR-BOTH-QTY")
    ]
    login(client, "br.ent.b")
    own = client.get("/bonded-repair/batches.csv").text
    assert "TJBR-OTHER-01" in own and "TJBR-F-0001" not in own
    assert client.get(f"/bonded-repair/batches/{flagged['id']}").status_code == 404


def test_officer_reviews_a_flagged_batch(br: ApiClients, client: TestClient) -> None:
    admitted(br)
    b = batch(br, "TJBR-R-0001")
    ent = br.as_("br.ent.a")
    ent.post(f"{API}/batches/{b['id']}/outcome", json=FLAGGING)
    url = f"/bonded-repair/batches/{b['id']}"
    login(client, "br.ent.a")
    page = client.get(url + "?lang=en").text
    assert "review-form" not in page and "outcome-form" not in page
    token = csrf_from(page)
    refused = client.post(
        f"{url}/review",
        headers=HTML,
        data={"csrf_token": token, "decision": "accept", "note": "self"},
    )
    assert refused.status_code == 403

    login(client, "exam.officer")  # an officer, but not of customs or ecology
    assert client.get(url).status_code == 404

    login(client, "br.ecology")
    page = client.get(url + "?lang=en").text
    assert "review-form" in page and "IR-BOTH-QTY" in page
    token = csrf_from(page)
    no_note = client.post(
        f"{url}/review", headers=HTML, data={"csrf_token": token, "decision": "order_correction"}
    )
    assert no_note.status_code == 422 and "note" in no_note.text and 'role="alert"' in no_note.text
    assert ent.get(f"{API}/batches/{b['id']}").json()["status"] == "flagged"
    bad = client.post(
        f"{url}/review",
        headers=HTML,
        data={"csrf_token": token, "decision": "ignore", "note": "x y"},
    )
    assert bad.status_code == 422 and "decision" in bad.text
    ordered = client.post(
        f"{url}/review",
        follow_redirects=False,
        data={
            "csrf_token": token,
            "decision": "order_correction",
            "note": "复核不可维修数量，补充境外初检对比",
        },
    )
    assert ordered.status_code == 303
    assert ent.get(f"{API}/batches/{b['id']}").json()["status"] == "correcting"

    login(client, "br.ent.a")
    page = client.get(url + "?lang=en").text
    assert "复核不可维修数量" in page and "outcome-form" in page
    token = csrf_from(page)
    corrected = client.post(
        url,
        follow_redirects=False,
        data={
            "csrf_token": token,
            "repaired_qty": "96",
            "irreparable_qty": "4",
            "irreparable_value_cny": "20000",
            "final": "on",
        },
    )
    assert corrected.status_code == 303
    done = ent.get(f"{API}/batches/{b['id']}").json()
    assert done["status"] == "closed" and done["verdict"] == "warning"
    history = client.get(url + "?lang=en").text.split('id="history"')[1]
    assert "order a correction" in history and "br.ecology" in history

    b2 = batch(br, "TJBR-R-0002")
    ent.post(f"{API}/batches/{b2['id']}/outcome", json=FLAGGING)
    login(client, "br.customs")
    token = csrf_from(client.get(f"/bonded-repair/batches/{b2['id']}").text)
    accepted = client.post(
        f"/bonded-repair/batches/{b2['id']}/review",
        follow_redirects=False,
        data={"csrf_token": token, "decision": "accept", "note": "经查验，不可维修件已退运"},
    )
    assert accepted.status_code == 303
    assert ent.get(f"{API}/batches/{b2['id']}").json()["status"] == "reviewed"
    again = client.post(
        f"/bonded-repair/batches/{b2['id']}/review",
        headers=HTML,
        data={"csrf_token": token, "decision": "accept", "note": "again"},
    )
    assert again.status_code == 422 and "cannot accept while reviewed" in again.text
