"""p15 API, funds and talent: horizontal projects and their surplus into the pool, cash beside an
equity transfer, returns, reconciliation; talent records and evaluations on both paths; pilot
units admitted by the province; statistics."""

from __future__ import annotations

from typing import Any

from tests.conftest import ApiClients
from tests.practices.tech_transfer.conftest import API, OFFICE, achievement, contracted, licence


def _closed_project(
    api: ApiClients, code: str, contract: str, spent: str, accepted: bool = True
) -> dict[str, Any]:
    office = api.as_(OFFICE)
    made = office.post(
        f"{API}/projects",
        json={"code": code, "title": "横向项目", "sponsor": "某企业", "contract": contract},
    )
    assert made.status_code == 201, made.text
    closed = office.post(
        f"{API}/projects/{made.json()['id']}/close",
        json={"spent": spent, "closed_on": "2026-03-01", "accepted": accepted},
    )
    assert closed.status_code == 200, closed.text
    return dict(closed.json())


def test_pool_contribution_investment_return_and_reconciliation(
    tt: ApiClients, people: dict[str, str]
) -> None:
    office = tt.as_(OFFICE)
    project = _closed_project(tt, "H-T-1", "500000", "300000")
    assert project["surplus"] == "200000.00"
    over = office.post(
        f"{API}/pool/contributions", json={"project_id": project["id"], "amount": "200000.01"}
    )
    assert over.status_code == 422 and over.json()["errors"][0]["field"] == "amount"
    assert "200000.00 CNY left" in over.text
    put = office.post(
        f"{API}/pool/contributions", json={"project_id": project["id"], "amount": "150000"}
    )
    assert put.status_code == 201 and put.json()["balance_after"] == "150000.00"
    assert put.json()["why"][0]["row_id"] == "PC-OK"
    rejected = _closed_project(tt, "H-T-2", "100000", "10000", accepted=False)
    refused = office.post(
        f"{API}/pool/contributions", json={"project_id": rejected["id"], "amount": "1"}
    )
    assert refused.status_code == 422 and "验收" in refused.text
    equity = licence(
        tt,
        achievement(tt, people)["id"],
        mode="equity",
        licence_scope="",
        term_years=0,
        price="3000000",
        equity_pct="15",
    )
    not_yet = office.post(
        f"{API}/pool/investments", json={"transfer_id": equity["id"], "amount": "1"}
    )
    assert not_yet.status_code == 409  # proposed only: the unit has not decided
    contracted(tt, equity["id"])
    too_much = office.post(
        f"{API}/pool/investments", json={"transfer_id": equity["id"], "amount": "150000.01"}
    )
    assert too_much.status_code == 409 and "150000.00" in too_much.text
    invested = office.post(
        f"{API}/pool/investments", json={"transfer_id": equity["id"], "amount": "120000"}
    )
    assert invested.status_code == 201 and invested.json()["balance_after"] == "30000.00"
    assert invested.json()["why"][0]["row_id"] == "DA-CASH"
    back = office.post(f"{API}/pool/returns", json={"transfer_id": equity["id"], "amount": "5000"})
    assert back.json()["balance_after"] == "35000.00"
    assert office.get(f"{API}/pool").json()["pools"][0]["balance"] == "35000.00"
    check = office.get(f"{API}/pool/reconcile").json()
    assert check["ok"] is True and check["problems"] == []
    txns = office.get(f"{API}/pool/transactions").json()
    assert [t["kind"] for t in txns["items"]] == ["return", "investment", "contribution"]
    assert tt.as_("tt.ws.office").get(f"{API}/pool/transactions").json()["total"] == 0
    plain = licence(tt, achievement(tt, people, 2)["id"])
    wrong = office.post(f"{API}/pool/investments", json={"transfer_id": plain["id"], "amount": "1"})
    assert wrong.status_code == 409


def test_evaluations_on_both_paths(tt: ApiClients, people: dict[str, str]) -> None:
    office = tt.as_(OFFICE)
    done = []
    for n in range(2):
        made = licence(tt, achievement(tt, people, n + 1)["id"], price="600000")
        contracted(tt, made["id"])
        done.append(made["id"])
    zhao = people["QL-T002"]
    wrong_path = office.post(
        f"{API}/researchers/{zhao}/evaluations", json={"path": "engineering", "level": "associate"}
    )
    assert wrong_path.status_code == 422 and wrong_path.json()["errors"][0]["field"] == "path"
    short = office.post(
        f"{API}/researchers/{zhao}/evaluations",
        json={"path": "teaching_research", "level": "associate"},
    ).json()
    assert short["eligible"] is False and short["metrics"]["transfers"] == 2
    assert short["metrics"]["contract_wan"] == 120.0
    unmet = [c["row_id"] for c in short["criteria"] if not c["met"]]
    assert unmet == ["TC-TR-A-CONCEPT"]
    refused = office.post(
        f"{API}/evaluations/{short['id']}/result",
        json={"result": "promote", "decided_on": "2026-03-01"},
    )
    assert refused.status_code == 409 and "TC-TR-A-CONCEPT" in refused.text
    office.post(
        f"{API}/evaluations/{short['id']}/result",
        json={"result": "decline", "decided_on": "2026-03-01"},
    )
    for kind in ("proof_of_concept", "pilot"):
        made = office.post(
            f"{API}/researchers/{zhao}/records",
            json={"kind": kind, "title": "验证", "done_on": "2026-02-01"},
        )
        assert made.status_code == 201
    again = office.post(
        f"{API}/researchers/{zhao}/evaluations",
        json={"path": "teaching_research", "level": "associate"},
    ).json()
    assert again["eligible"] is True
    promoted = office.post(
        f"{API}/evaluations/{again['id']}/result",
        json={"result": "promote", "decided_on": "2026-03-02", "note": "通过"},
    )
    assert promoted.json()["status"] == "promoted"
    assert office.get(f"{API}/researchers/{zhao}").json()["title_level"] == "associate"
    manager = people["QL-E001"]
    service = office.post(
        f"{API}/researchers/{manager}/records",
        json={"kind": "transfer_service", "title": "全流程服务", "done_on": "2026-02-01"},
    )
    assert service.status_code == 422  # names the transfer served
    for transfer_id in done:
        office.post(
            f"{API}/researchers/{manager}/records",
            json={
                "kind": "transfer_service",
                "title": "全流程服务",
                "done_on": "2026-02-01",
                "transfer_id": transfer_id,
            },
        )
    eng = office.post(
        f"{API}/researchers/{manager}/evaluations",
        json={"path": "engineering", "level": "associate"},
    ).json()
    assert eng["metrics"]["service_contracts"] == 2 and eng["metrics"]["service_wan"] == 120.0
    assert [c["met"] for c in eng["criteria"]] == [False, False, True, True]
    mine = tt.as_("tt.inventor2").get(f"{API}/evaluations").json()
    assert {e["researcher_id"] for e in mine["items"]} == {zhao}
    criteria = tt.as_("tt.province").get(f"{API}/criteria").json()
    assert {(c["path"], c["level"]) for c in criteria} == {
        (p, lv)
        for p in ("teaching_research", "engineering")
        for lv in ("intermediate", "associate", "full")
    }


def test_pilot_units_and_statistics(tt: ApiClients, people: dict[str, str]) -> None:
    province = tt.as_("tt.province")
    body = {
        "org_code": "yc-build-a",
        "kind": "enterprise",
        "prefix": "YC",
        "joined_on": "2026-01-01",
    }
    assert tt.as_(OFFICE).post(f"{API}/units", json=body).status_code == 403
    made = province.post(f"{API}/units", json=body)
    assert made.status_code == 201 and made.json()["reward_policy"] == "statutory"
    assert province.post(f"{API}/units", json=body).status_code == 409
    bad = province.post(f"{API}/units", json={**body, "org_code": "tt-province", "prefix": "ZZ"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "org_code"
    assert len(province.get(f"{API}/units").json()) == 5
    made = licence(tt, achievement(tt, people)["id"])
    contracted(tt, made["id"])
    achievement(tt, people, 2)
    stats = province.get(f"{API}/statistics").json()
    assert stats["totals"]["pilot_units"] == 5 and stats["totals"]["registered"] == 2
    assert stats["totals"]["transferred"] == 1 and stats["seed"]["achievements"] == 107000
    qinling = next(u for u in stats["units"] if u["prefix"] == "QL")
    assert qinling["transfers_by_mode"] == {"licence": 1}
    own = tt.as_(OFFICE).get(f"{API}/statistics").json()
    assert own["totals"]["pilot_units"] == 1 and own["scope"] == "unit"
    members = tt.as_(OFFICE).post(f"{API}/office-members", json={"username": "tt.inventor"})
    assert members.status_code == 201
    assert (
        tt.as_("tt.ws.office")
        .post(f"{API}/office-members", json={"username": "tt.inventor2"})
        .status_code
        == 403
    )
