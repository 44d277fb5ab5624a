"""p07 pages without a browser: every route guarded, every page in both languages for each
party, forms that give the errors back with what was typed (422), and the main flows through
the forms (rating and decision, grain papers and approval, ship records, arrival plans)."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ftz.domain.vessels.models import Ship
from ftz.practices.ship_selection.demo_data import CONDITION
from tests.conftest import ApiClients, csrf_from, login
from tests.practices.ship_selection.conftest import rate
from tests.routes import api_routes

HTML = {"accept": "text/html"}
BASE = "/ship-selection"


def signed_in(app: FastAPI, username: str) -> TestClient:
    client = TestClient(app, raise_server_exceptions=False)
    login(client, username)
    return client


def post(
    client: TestClient, url: str, page: str, data: dict[str, str], files: Any = None
) -> httpx.Response:
    token = csrf_from(client.get(page).text)
    body = {"csrf_token": token, **data}
    return client.post(url, data=body, files=files, follow_redirects=False)


def test_every_route_requires_a_sign_in(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "ship-selection" in p]
    assert len(routes) == 79
    for path, route in routes:
        names = {getattr(d.call, "__name__", "") for d in route.dependant.dependencies}
        assert any(n.startswith("require_ship_selection_") for n in names), path
    anonymous = TestClient(app, raise_server_exceptions=False)
    for path, route in routes:
        if "GET" in route.methods and "{" not in path:
            answer = anonymous.get(path, headers=HTML, follow_redirects=False)
            assert answer.status_code in (303, 401), path


def test_pages_render_for_every_party_in_both_languages(
    ss: ApiClients, app: FastAPI, fleet: dict[str, Ship]
) -> None:
    rating = rate(ss, fleet["key_tracking"])
    pages = [
        "",
        "/ships",
        "/ships?watch=key_tracking&q=YUAN",
        f"/ships/{fleet['clean'].id}",
        "/ratings",
        f"/ratings/{rating['id']}",
        "/grain",
        "/arrivals",
        "/berths",
        "/statistics",
    ]
    for user in ("ss.msa", "ss.shipper", "ss.carrier", "ss.agent", "ss.terminal"):
        client = signed_in(app, user)
        for page in pages:
            for lang in ("zh", "en"):
                sep = "&" if "?" in page else "?"
                answer = client.get(f"{BASE}{page}{sep}lang={lang}")
                expected = (
                    404
                    if "ratings/" in page and user not in ("ss.msa", "ss.shipper", "ss.carrier")
                    else 200
                )
                assert answer.status_code == expected, (user, page, lang)
    zh = signed_in(app, "ss.shipper").get(f"{BASE}/ratings/{rating['id']}?lang=zh").text
    assert "不建议选用" in zh and "重点跟踪：船舶目前处于重点跟踪状态" in zh
    en = signed_in(app, "ss.shipper").get(f"{BASE}/ratings/{rating['id']}?lang=en").text
    assert (
        "not recommended" in en and "Key tracking: The ship is currently under key tracking" in en
    )


def test_rating_and_decision_through_the_forms(
    ss: ApiClients, app: FastAPI, fleet: dict[str, Ship]
) -> None:
    carrier = signed_in(app, "ss.carrier")
    form = f"{BASE}/ratings/new?lang=en"
    bad = post(
        carrier,
        f"{BASE}/ratings/new",
        form,
        {"imo_number": "12", "voyage": "营口 → 广州", "cargo_name": "玉米", "quantity_t": "x"},
    )
    assert bad.status_code == 422 and "营口 → 广州" in bad.text and "imo_number" in bad.text
    made = post(
        carrier,
        f"{BASE}/ratings/new",
        form,
        {
            "imo_number": fleet["assistance"].imo_number,
            "shipper_org": "ss-shipper",
            "voyage": "营口港 → 厦门港",
            "cargo": "grain_bulk",
            "cargo_name": "玉米",
            "quantity_t": "20000",
        },
    )
    assert made.status_code == 303, made.text
    advice_url = made.headers["location"]
    shipper = signed_in(app, "ss.shipper")
    advice = shipper.get(f"{advice_url}?lang=en").text
    assert 'data-rating="not_recommended"' in advice and "AI-OPEN" in advice
    decided = post(
        shipper,
        f"{advice_url}/decision",
        f"{advice_url}?lang=en",
        {"event": "decline", "note": "按建议"},
    )
    assert decided.status_code == 303
    assert "declined" in shipper.get(f"{advice_url}?lang=en").text
    again = post(shipper, f"{advice_url}/decision", f"{advice_url}?lang=en", {"event": "charter"})
    assert again.status_code == 422
    export = shipper.get(f"{BASE}/ratings.csv")
    assert export.text.startswith("\ufeffid,") and fleet["assistance"].imo_number in export.text


def test_grain_papers_through_the_forms(
    ss: ApiClients, app: FastAPI, fleet: dict[str, Ship]
) -> None:
    agent = signed_in(app, "ss.agent")
    form = f"{BASE}/grain/new?lang=en"
    bad = post(
        agent,
        f"{BASE}/grain/new",
        form,
        {
            "imo_number": fleet["clean"].imo_number,
            "port": "营口港",
            "eta": "",
            "cargo_name": "大豆",
            "quantity_t": "1000",
        },
    )
    assert bad.status_code == 422 and "大豆" in bad.text
    made = post(
        agent,
        f"{BASE}/grain/new",
        form,
        {
            "imo_number": fleet["clean"].imo_number,
            "port": "营口港",
            "eta": "2026-12-01T08:00",
            "cargo_name": "玉米",
            "quantity_t": "50000",
            "terminal_org": "ss-terminal",
        },
    )
    assert made.status_code == 303
    call_url = made.headers["location"]
    call_id = call_url.rsplit("/", 1)[1]
    page = f"{call_url}?lang=en"
    empty = post(agent, f"{call_url}/upload", page, {"kind": "loading_plan"})
    assert empty.status_code == 422
    for kind in ("authorization", "loading_manual", "stability_data", "loading_plan"):
        sent = post(
            agent,
            f"{call_url}/upload",
            page,
            {"kind": kind},
            files={"file": (f"{kind}.pdf", b"%PDF demo", "application/pdf")},
        )
        assert sent.status_code == 303
    post(
        agent,
        f"{call_url}/upload",
        page,
        {"kind": "condition"},
        files={"file": ("condition.json", CONDITION, "application/json")},
    )
    shown = agent.get(page).text
    assert re.search(r'id="stability-result">pass<', shown)
    post(agent, f"{call_url}/event", page, {"event": "submit"})
    officer = signed_in(app, "ss.msa")
    review = officer.get(page).text
    assert 'id="checklist"' in review and 'id="event-approve"' in review
    half = post(officer, f"{call_url}/event", page, {"event": "approve", "check_manual": "on"})
    assert half.status_code == 422 and "checklist" in half.text
    ticks = {
        f"check_{i}": "on"
        for i in (
            "authorization",
            "manual",
            "stability",
            "plan",
            "certificates",
            "crew",
            "securing",
        )
    }
    done = post(
        officer, f"{call_url}/event", page, {"event": "approve", **ticks, "comment": "通过"}
    )
    assert done.status_code == 303
    terminal = signed_in(app, "ss.terminal").get(page).text
    assert 'id="call-status">approved<' in terminal and "loading_plan.pdf" in terminal
    assert 'id="event-form"' not in terminal
    assert (
        ss.as_("ss.terminal").get(f"/api/ship-selection/grain-calls/{call_id}").json()["status"]
        == "approved"
    )
    comment = post(signed_in(app, "ss.terminal"), f"{call_url}/comment", page, {"body": "码头"})
    assert comment.status_code == 422


def test_ship_records_through_the_forms(
    ss: ApiClients, app: FastAPI, fleet: dict[str, Ship]
) -> None:
    officer = signed_in(app, "ss.msa")
    form = f"{BASE}/ships/new?lang=en"
    bad = post(
        officer,
        f"{BASE}/ships/new",
        form,
        {
            "imo_number": "IMO 123",
            "name": "NEW ONE",
            "ship_type": "bulk_carrier",
            "flag": "CN",
            "gross_tonnage": "1",
            "deadweight_t": "1",
            "year_built": "2020",
        },
    )
    assert bad.status_code == 422 and "NEW ONE" in bad.text
    made = post(
        officer,
        f"{BASE}/ships/new",
        form,
        {
            "imo_number": "9074729",
            "name": "NEW ONE",
            "ship_type": "bulk_carrier",
            "flag": "CN",
            "gross_tonnage": "20000",
            "deadweight_t": "35000",
            "year_built": "2012",
        },
    )
    assert made.status_code == 303
    ship_url = made.headers["location"]
    page = f"{ship_url}?lang=en"
    cert = post(
        officer,
        f"{ship_url}/records/certificates",
        page,
        {"kind": "smc", "number": "SMC-1", "issued_on": "2026-01-01", "expires_on": "2025-01-01"},
    )
    assert cert.status_code == 422 and "SMC-1" in cert.text
    inspection = post(
        officer,
        f"{ship_url}/records/inspections",
        page,
        {
            "regime": "tokyo_mou",
            "port": "Busan",
            "inspected_on": "2026-05-01",
            "detained": "on",
            "detention_days": "3",
            "deficiencies": "11101 | Lifeboats | detainable\n07109 | Fire doors | rectified",
        },
    )
    assert inspection.status_code == 303
    shown = officer.get(page).text
    assert "11101*!" in shown and "07109!" not in shown
    assert 'data-level="poor"' in shown  # the open detainable deficiency
    edit = post(
        officer,
        f"{ship_url}/edit",
        f"{ship_url}/edit",
        {
            "imo_number": "9074729",
            "name": "NEW ONE",
            "name_zh": "新一号",
            "ship_type": "bulk_carrier",
            "flag": "CN",
            "gross_tonnage": "20000",
            "deadweight_t": "35000",
            "year_built": "2012",
        },
    )
    assert edit.status_code == 303 and "新一号" in officer.get(page).text
    assert signed_in(app, "ss.carrier").get(f"{ship_url}/edit").status_code == 403
    imported = post(
        officer,
        f"{BASE}/ships/import",
        f"{BASE}/ships/import",
        {},
        files={"file": ("fleet.json", json.dumps({"ships": []}).encode(), "application/json")},
    )
    assert imported.status_code == 200 and "import-result" in imported.text


def test_arrival_plan_through_the_forms(
    ss: ApiClients, app: FastAPI, fleet: dict[str, Ship]
) -> None:
    officer = signed_in(app, "ss.msa")
    post(
        officer,
        f"{BASE}/berths",
        f"{BASE}/berths",
        {
            "code": "YK-P1",
            "port": "营口港",
            "terminal": "散粮码头",
            "depth_m": "14",
            "max_dwt": "80000",
            "reserved_for_grain": "on",
        },
    )
    agent = signed_in(app, "ss.agent")
    form = f"{BASE}/arrivals/new?lang=en"
    bad = post(
        agent,
        f"{BASE}/arrivals/new",
        form,
        {
            "imo_number": fleet["clean"].imo_number,
            "port": "营口港",
            "eta": "2026-12-02T08:00",
            "etd": "2026-12-01T08:00",
            "cargo_name": "玉米",
            "quantity_t": "50000",
        },
    )
    assert bad.status_code == 422 and "etd must come after eta" in bad.text
    made = post(
        agent,
        f"{BASE}/arrivals/new",
        form,
        {
            "imo_number": fleet["clean"].imo_number,
            "port": "营口港",
            "eta": "2026-12-01T08:00",
            "etd": "2026-12-02T08:00",
            "cargo_name": "玉米",
            "quantity_t": "50000",
            "escorts": "patrol",
        },
    )
    assert made.status_code == 303
    url = made.headers["location"]
    page = f"{url}?lang=en"
    confirmed = post(
        officer,
        f"{url}/event",
        page,
        {"event": "confirm", "berth_code": "YK-P1", "zero_waiting": "on"},
    )
    assert confirmed.status_code == 303
    for event, at in (
        ("arrive", "2026-12-01T08:00"),
        ("berth", "2026-12-01T08:00"),
        ("depart", "2026-12-02T06:00"),
    ):
        assert post(agent, f"{url}/event", page, {"event": event, "at": at}).status_code == 303
    shown = agent.get(page).text
    assert 'id="arrival-status">departed<' in shown and "4.00 h · 100000.00 CNY" in shown
