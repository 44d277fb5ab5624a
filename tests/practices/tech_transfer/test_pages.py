"""p15 web pages in both languages: the office registers an achievement (a wrong patent number
comes back as the form with the message and what was typed), proposes and decides a licence,
signs, records income and reads the reward; exports; the inventor's and the province's views;
other units get 404, roles that may not act 403."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.tech_transfer.conftest import achievement, contracted, licence

BASE = "/tech-transfer"


def _post(client: TestClient, url: str, page_url: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    token = csrf_from(client.get(page_url).text)
    return client.post(url, data={**data, "csrf_token": token}, follow_redirects=False)


def test_office_registers_decides_signs_and_rewards(
    client: TestClient, tt: ApiClients, people: dict[str, str]
) -> None:
    login(client, "tt.office")
    assert "待办事项" in client.get(BASE).text
    form = {
        "title": "页面测试成果",
        "kind": "patent",
        "ip_number": "201710601862.4",
        "college": "材料科学与工程学院",
        "completed_on": "2025-04-01",
        "inventor_1": people["QL-T001"],
        "share_1": "70",
        "inventor_2": people["QL-T002"],
        "share_2": "30",
        "register": "yes",
    }
    wrong = _post(client, f"{BASE}/achievements", f"{BASE}/achievements/new", form)
    assert wrong.status_code == 422 and "校验位应为3" in wrong.text
    assert 'value="页面测试成果"' in wrong.text
    made = _post(
        client,
        f"{BASE}/achievements",
        f"{BASE}/achievements/new",
        {**form, "ip_number": "ZL201710601862.3"},
    )
    assert made.status_code == 303
    page_url = made.headers["location"]
    page = client.get(page_url).text
    assert "已单列登记" in page and "SL-PATENT" in page and "不纳入国有资产账" in page
    achievement_id = page_url.rsplit("/", 1)[1]
    proposal = {
        "achievement_id": achievement_id,
        "mode": "licence",
        "licence_scope": "exclusive",
        "term_years": "3",
        "counterparty": "西安页面科技有限公司",
        "counterparty_uscc": "91610131MA6001501X",
        "pricing": "listing",
        "price": "200000",
    }
    new_url = f"{BASE}/transfers/new?achievement={achievement_id}"
    bad = _post(client, f"{BASE}/transfers", new_url, proposal)
    assert bad.status_code == 422 and "counterparty_uscc" in bad.text
    from ftz.practices.tech_transfer.demo_flow import company_uscc

    made = _post(
        client, f"{BASE}/transfers", new_url, {**proposal, "counterparty_uscc": company_uscc(1501)}
    )
    assert made.status_code == 303
    transfer_url = made.headers["location"]
    page = client.get(transfer_url).text
    assert "DA-LICENCE" in page and "不审批、不备案" in page
    decision = {
        "meeting": "校长办公会",
        "meeting_no": "2026年第3次",
        "meeting_date": "2026-02-01",
        "decision": "同意独占许可",
        "makers": "李校长、王主任",
        "conflict_declared": "yes",
    }
    empty = _post(client, f"{transfer_url}/decision", transfer_url, {**decision, "meeting_no": ""})
    assert empty.status_code == 422 and 'value="校长办公会"' in empty.text
    assert _post(client, f"{transfer_url}/decision", transfer_url, decision).status_code == 303
    page = client.get(transfer_url).text
    assert "适用免责" in page and "李校长、王主任" in page
    contract = {"contract_no": "HT-P-1", "signed_on": "2026-02-05"}
    assert _post(client, f"{transfer_url}/contract", transfer_url, contract).status_code == 303
    income = {
        "received_on": "2026-03-01",
        "kind": "licence_fee",
        "gross": "200000",
        "cost_evaluation": "4000",
        "cost_taxes": "12000",
        "note": "首期",
    }
    assert _post(client, f"{transfer_url}/incomes", transfer_url, income).status_code == 303
    page = client.get(transfer_url).text
    assert "184000.00" in page and "128800.00" in page  # net, 70 % reward
    assert "90160.00" in page and "38640.00" in page  # 70 % / 30 % of it
    english = client.get(transfer_url + "?lang=en").text
    assert "Reward to the inventors" in english and "Due-diligence exemption record" in english


def test_lists_exports_and_scopes(
    client: TestClient, tt: ApiClients, people: dict[str, str]
) -> None:
    made = achievement(tt, people, title="导出测试成果")
    contracted(tt, licence(tt, made["id"])["id"])
    login(client, "tt.office")
    listed = client.get(f"{BASE}/achievements", params={"q": "导出"}).text
    assert "导出测试成果" in listed
    csv = client.get(f"{BASE}/achievements.csv", params={"q": "导出"})
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.lstrip("\ufeff").strip().splitlines()
    assert lines[0].startswith("number,title") and len(lines) == 2 and "陈嘉禾 60.00%" in lines[1]
    assert "HT-T-001" in client.get(f"{BASE}/transfers.csv").text
    for url in (
        "/transfers",
        "/rewards",
        "/pool",
        "/projects",
        "/researchers",
        "/criteria",
        "/statistics",
    ):
        assert client.get(BASE + url).status_code == 200, url
    other = TestClient(client.app)
    login(other, "tt.ws.office")
    assert other.get(f"{BASE}/achievements/{made['id']}").status_code == 404
    assert len(other.get(f"{BASE}/achievements.csv").text.strip().splitlines()) == 1
    assert other.get(f"{BASE}/units").status_code == 403


def test_inventor_and_province_views(
    client: TestClient, tt: ApiClients, people: dict[str, str]
) -> None:
    made = achievement(tt, people)
    contracted(tt, licence(tt, made["id"])["id"])
    login(client, "tt.inventor")
    home = client.get(BASE).text
    assert "我的奖励" in home
    assert client.get(f"{BASE}/transfers/new?achievement={made['id']}").status_code == 403
    assert client.get(f"{BASE}/researchers/{people['QL-T002']}").status_code == 404
    assert client.get(f"{BASE}/researchers/{people['QL-T001']}").status_code == 200
    form = client.get(f"{BASE}/achievements/new").text
    assert re.search(rf'<option value="{people["QL-T001"]}" selected', form)
    province = TestClient(client.app)
    login(province, "tt.province")
    units = province.get(f"{BASE}/units").text
    assert "秦岭理工大学（演示）" in units
    token = csrf_from(units)
    bad = province.post(
        f"{BASE}/units",
        data={
            "org_code": "nope",
            "kind": "university",
            "prefix": "NP",
            "joined_on": "2026-01-01",
            "csrf_token": token,
        },
    )
    assert bad.status_code == 422 and 'value="nope"' in bad.text
    stats = province.get(f"{BASE}/statistics?lang=en").text
    assert "107000" in stats and "Achievements listed separately" in stats
