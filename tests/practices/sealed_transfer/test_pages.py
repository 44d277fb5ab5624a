"""p18 pages without a browser: every route guarded; the court's case form (a mistake shown on
its row, 422, what was typed kept), the correction form, the steps' forms on the case page
(a refused step shows the case again with the rule row), the list with search, filter and CSV,
the escrow ledger CSV, the rules and statistics pages, both languages, and isolation."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.sealed_transfer.conftest import Flow, case_body
from tests.routes import api_routes

HTML = {"accept": "text/html"}


def test_every_p18_route_is_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "sealed-transfer" in p]
    assert len(routes) >= 35
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path


def _form(body: dict[str, Any]) -> dict[str, str]:
    """The court's form fields for a case body (as a browser would post them)."""
    form = {
        "number": body["number"],
        "registered_on": body["registered_on"],
        "judgment": body["judgment"],
    }
    form |= {f"property_{k}": str(v) for k, v in body["property"].items()}
    for i, seal in enumerate(body["seals"], 1):
        form |= {f"seal-{i}-{k}": str(v) for k, v in seal.items()}
    for i, party in enumerate(body["parties"], 1):
        form |= {f"party-{i}-{k}": str(v) for k, v in party.items()}
    return form


def test_the_court_registers_and_corrects_a_case_on_the_form(
    st: ApiClients, client: TestClient
) -> None:
    login(client, "st.court")
    page = client.get("/sealed-transfer/cases/new?lang=en")
    assert page.status_code == 200 and 'id="case-form"' in page.text
    form = _form(case_body()) | {"csrf_token": csrf_from(page.text)}
    bad = client.post(
        "/sealed-transfer/cases/new", headers=HTML, data=form | {"party-3-id_number": "12345"}
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert "party 3 · id_number" in bad.text and 'value="济南示范农村商业银行"' in bad.text
    made = client.post(
        "/sealed-transfer/cases/new", headers=HTML, data=form, follow_redirects=False
    )
    assert made.status_code == 303
    url = made.headers["location"]
    detail = client.get(url + "?lang=en").text
    assert 'id="form-screen"' in detail and 'id="edit-case"' in detail and "on file" in detail
    edit = client.get(url + "/edit?lang=en")
    assert edit.status_code == 200 and 'value="历下区经十路100号1号楼1单元1201室"' in edit.text
    assert 'name="party-1-id_number" value=""' in edit.text  # identity numbers are never shown
    fixed = {k: v for k, v in form.items() if not k.endswith("id_number")}
    fixed |= {f"party-{i}-party_id": v for i, v in _party_ids(edit.text).items()}
    fixed["property_area_m2"] = "121.00"
    saved = client.post(url + "/edit", headers=HTML, data=fixed, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    assert "121.00 m²" in client.get(url).text


def _party_ids(html: str) -> dict[int, str]:
    import re

    return {
        int(n): v for n, v in re.findall(r'name="party-(\d)-party_id" value="([0-9A-Z]{26})"', html)
    }


def test_steps_on_the_case_page(st: ApiClients, client: TestClient) -> None:
    flow = Flow(st)
    case = flow.to("settling")
    url = f"/sealed-transfer/cases/{case['id']}"
    login(client, "st.notary")
    page = client.get(url + "?lang=en").text
    assert 'id="form-agreement"' in page and 'id="form-screen"' not in page
    token = csrf_from(page)
    fields = {
        "csrf_token": token,
        "agreement_no": "(2025)鲁济明证民字第0001号",
        "min_price": "1800000.00",
    }
    for p in flow.creditors():
        fields |= {f"priority-{p['id']}": str(p["default_rank"]), f"amount-{p['id']}": p["claim"]}
    too_much = fields | {f"amount-{flow.creditors()[0]['id']}": "99999999.00"}
    refused = client.post(url + "/agreement", headers=HTML, data=too_much)
    assert refused.status_code == 422 and "claim" in refused.text
    assert (
        client.post(
            url + "/agreement", headers=HTML, data=fields, follow_redirects=False
        ).status_code
        == 303
    )
    early = client.post(url + "/notarize-agreement", headers=HTML, data={"csrf_token": token})
    assert early.status_code == 422 and "PR-CONSENT" in early.text
    debtor = flow.party("debtor")
    witnessed = client.post(
        url + "/consents",
        headers=HTML,
        data={"csrf_token": token, "party_id": debtor["id"]},
        follow_redirects=False,
    )
    assert witnessed.status_code == 303
    login(client, "st.bank")
    bank_page = client.get(url + "?lang=en").text
    assert 'id="form-consents"' in bank_page and "You consent to the agreement" in bank_page
    token = csrf_from(bank_page)
    bank = flow.party("creditor", "济南示范农村商业银行")
    assert (
        client.post(
            url + "/consents",
            headers=HTML,
            data={"csrf_token": token, "party_id": bank["id"]},
            follow_redirects=False,
        ).status_code
        == 303
    )
    assert client.post(url + "/close", headers=HTML, data={"csrf_token": token}).status_code == 403
    assert (
        client.post(url + "/nonsense", headers=HTML, data={"csrf_token": token}).status_code == 404
    )
    after = client.get(url + "?lang=en").text
    assert after.count("✓ account") == 1 and after.count("✓ witnessed") == 1


def test_lists_exports_rules_and_statistics(st: ApiClients, client: TestClient) -> None:
    flow = Flow(st)
    case = flow.to("closed")
    login(client, "st.court")
    listing = client.get("/sealed-transfer?q=经十路&lang=en")
    assert listing.status_code == 200 and case["number"] in listing.text
    assert case["number"] not in client.get("/sealed-transfer?status=settling").text
    csv = client.get("/sealed-transfer/cases.csv?status=closed")
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.startswith(
        "\ufeffnumber,status"
    )
    assert case["number"] in csv.text
    ledger = client.get(f"/sealed-transfer/cases/{case['id']}/escrow.csv").text.splitlines()
    assert ledger[0] == "\ufeffstep,at,kind,amount,party,source,reference,balance"
    assert [row.split(",")[2] for row in ledger[1:]] == [
        "deposit",
        "deposit",
        "payout",
        "payout",
        "payout",
        "remainder",
    ]
    assert ledger[-1].endswith(",0.00")
    detail = client.get(f"/sealed-transfer/cases/{case['id']}?lang=zh").text
    assert 'id="case-status">已结束<' in detail and "带封过户" in detail
    assert (
        "Nothing for you to do" in client.get(f"/sealed-transfer/cases/{case['id']}?lang=en").text
    )
    rules = client.get("/sealed-transfer/rules?lang=en").text
    for row in ("ST-PAYOUT", "PR-UNSEAL-UNPAID", "SC-TITLE", "PRI-MORTGAGE", "PX-OK"):
        assert row in rules
    assert "stateDiagram-v2" in rules
    stats = client.get("/sealed-transfer/statistics?lang=en").text
    assert 'id="stat-closed">1<' in stats and "1,500,000.00" in stats
    assert client.get("/sealed-transfer/statistics").status_code == 200
    login(client, "st.court.b")
    assert client.get(f"/sealed-transfer/cases/{case['id']}").status_code == 404
    assert case["number"] not in client.get("/sealed-transfer").text
    login(client, "st.bank")
    assert client.get("/sealed-transfer/statistics").status_code == 403
    assert client.get("/sealed-transfer/cases/new").status_code == 403
