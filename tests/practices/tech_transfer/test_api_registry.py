"""p15 API, the separate register: registration with its basis, number checks, search, edits,
history, disclosure by a researcher, and who sees what (another unit, an unrelated officer, a
state-asset officer: 404; the province: everything; an inventor: only their own)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind, Role
from ftz.practices.tech_transfer.models import Achievement
from tests.conftest import ApiClients
from tests.practices.tech_transfer.conftest import API, DECISION, OFFICE, achievement, licence


def test_registration_records_the_separate_listing_basis(
    tt: ApiClients, people: dict[str, str]
) -> None:
    made = achievement(tt, people)
    assert made["status"] == "registered" and made["number"].startswith("QL")
    assert made["patent_type"] == "invention" and made["ip_number"].count(".") == 1
    assert [r["row_id"] for r in made["basis"]] == ["SL-PATENT"]
    assert made["basis"][0]["outputs"]["state_asset_ledger"] is False
    assert "科研管理部门" in made["basis"][0]["citation"]
    assert [(i["name"], i["share_pct"]) for i in made["inventors"]] == [
        ("陈嘉禾", "60.00"),
        ("赵雨桐", "40.00"),
    ]
    history = tt.as_(OFFICE).get(f"{API}/achievements/{made['id']}/history").json()
    assert {h["action"] for h in history} >= {"create", "transition:register"}


def test_bad_numbers_and_shares_are_problems_and_nothing_is_written(
    tt: ApiClients, people: dict[str, str], session: Session
) -> None:
    before = session.scalar(select(func.count()).select_from(Achievement))
    office = tt.as_(OFFICE)
    base = {
        "title": "坏编号",
        "kind": "patent",
        "college": "x",
        "completed_on": "2025-01-01",
        "inventors": [{"researcher_id": people["QL-T001"], "share_pct": "100"}],
    }
    wrong = office.post(f"{API}/achievements", json={**base, "ip_number": "201710601862.4"})
    assert wrong.status_code == 422
    assert wrong.headers["content-type"].startswith("application/problem+json")
    assert (
        wrong.json()["errors"][0]["field"] == "ip_number"
        and "3" in wrong.json()["errors"][0]["reason"]
    )
    shares = office.post(
        f"{API}/achievements",
        json={
            **base,
            "ip_number": "201710601862.3",
            "inventors": [
                {"researcher_id": people["QL-T001"], "share_pct": "60"},
                {"researcher_id": people["QL-T002"], "share_pct": "39"},
            ],
        },
    )
    assert shares.status_code == 422 and "100" in shares.text
    secret = office.post(
        f"{API}/achievements", json={**base, "kind": "know_how", "ip_number": "X1"}
    )
    assert secret.status_code == 422 and secret.json()["errors"][0]["field"] == "ip_number"
    future = office.post(
        f"{API}/achievements",
        json={**base, "ip_number": "201710601862.3", "completed_on": "2099-01-01"},
    )
    assert future.status_code == 422 and future.json()["errors"][0]["field"] == "completed_on"
    stranger = office.post(
        f"{API}/achievements",
        json={
            **base,
            "ip_number": "201710601862.3",
            "inventors": [{"researcher_id": "01NOTARESEARCHER0000000000", "share_pct": "100"}],
        },
    )
    assert stranger.status_code == 422
    assert session.scalar(select(func.count()).select_from(Achievement)) == before


def test_search_filters_and_pages(tt: ApiClients, people: dict[str, str]) -> None:
    first = achievement(tt, people, 1, title="钛合金叶片修复")
    achievement(tt, people, 2, title="电池热管理", kind="software", ip_number="2025SR0000001")
    office = tt.as_(OFFICE)
    found = office.get(f"{API}/achievements", params={"q": "钛合金"}).json()
    assert found["total"] == 1 and found["items"][0]["id"] == first["id"]
    by_inventor = office.get(f"{API}/achievements", params={"q": "赵雨桐"}).json()
    assert by_inventor["total"] == 2
    software = office.get(f"{API}/achievements", params={"kind": "software"}).json()
    assert [a["kind"] for a in software["items"]] == ["software"]
    paged = office.get(f"{API}/achievements", params={"size": 1, "page": 2}).json()
    assert paged["total"] == 2 and paged["page"] == 2 and len(paged["items"]) == 1
    assert office.get(f"{API}/achievements", params={"kind": "car"}).status_code == 422


def test_edit_and_freeze_of_shares_after_a_decision(tt: ApiClients, people: dict[str, str]) -> None:
    made = achievement(tt, people)
    office = tt.as_(OFFICE)
    swap = [
        {"researcher_id": people["QL-T001"], "share_pct": "50"},
        {"researcher_id": people["QL-T002"], "share_pct": "50"},
    ]
    edited = office.patch(
        f"{API}/achievements/{made['id']}", json={"title": "新名称", "inventors": swap}
    )
    assert edited.status_code == 200 and edited.json()["title"] == "新名称"
    assert [i["share_pct"] for i in edited.json()["inventors"]] == ["50.00", "50.00"]
    transfer = licence(tt, made["id"])
    assert (
        office.post(f"{API}/transfers/{transfer['id']}/decision", json=DECISION).status_code == 200
    )
    frozen = office.patch(
        f"{API}/achievements/{made['id']}",
        json={"inventors": [{"researcher_id": people["QL-T001"], "share_pct": "100"}]},
    )
    assert frozen.status_code == 409
    assert (
        office.patch(f"{API}/achievements/{made['id']}", json={"field": "航空"}).status_code == 200
    )


def test_a_researcher_discloses_the_office_registers(
    tt: ApiClients, people: dict[str, str]
) -> None:
    inventor = tt.as_("tt.inventor")
    body = {
        "title": "低温浆料配方",
        "kind": "know_how",
        "college": "材料学院",
        "completed_on": "2025-05-01",
        "inventors": [{"researcher_id": people["QL-T001"], "share_pct": "100"}],
    }
    made = inventor.post(f"{API}/achievements", json=body)
    assert made.status_code == 201 and made.json()["status"] == "disclosed"
    others = {**body, "inventors": [{"researcher_id": people["QL-T002"], "share_pct": "100"}]}
    assert inventor.post(f"{API}/achievements", json=others).status_code == 422
    assert inventor.post(f"{API}/achievements?register=true", json=body).status_code == 403
    event = {"event": "register"}
    assert (
        inventor.post(f"{API}/achievements/{made.json()['id']}/events", json=event).status_code
        == 403
    )
    done = tt.as_(OFFICE).post(f"{API}/achievements/{made.json()['id']}/events", json=event)
    assert (
        done.json()["status"] == "registered" and done.json()["basis"][0]["row_id"] == "SL-KNOWHOW"
    )
    no_reason = tt.as_(OFFICE).post(
        f"{API}/achievements/{made.json()['id']}/events", json={"event": "withdraw"}
    )
    assert no_reason.status_code == 422


def test_who_sees_what(tt: ApiClients, people: dict[str, str], session: Session) -> None:
    mine = achievement(tt, people)
    colleague = achievement(
        tt, people, 2, inventors=[{"researcher_id": people["QL-T002"], "share_pct": "100"}]
    )
    url = f"{API}/achievements/{mine['id']}"
    assert tt.as_("tt.province").get(url).status_code == 200
    for outsider in ("tt.ws.office", "ent.a", "hrss.officer"):
        assert tt.as_(outsider).get(url).status_code == 404, outsider
        assert tt.as_(outsider).get(f"{API}/achievements").json()["total"] == 0
    assert tt.as_("tt.ws.office").patch(url, json={"title": "改名"}).status_code == 404
    # A state-asset administrator is an officer of another department: the register is apart.
    accounts.ensure_org(
        session,
        code="tt-assets",
        name_zh="国资处",
        name_en="State assets",
        kind=OrgKind.AGENCY,
        department="state_assets",
    )
    user = accounts.ensure_user(
        session,
        username="tt.assets",
        display_name="国资",
        password="x" * 12,
        org_code="tt-assets",
        roles=[Role.OFFICER],
    )
    tt.tokens["tt.assets"], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    assert tt.as_("tt.assets").get(url).status_code == 404
    inventor = tt.as_("tt.inventor")
    assert inventor.get(url).status_code == 200
    assert inventor.get(f"{API}/achievements/{colleague['id']}").status_code == 404
    assert [a["id"] for a in inventor.get(f"{API}/achievements").json()["items"]] == [mine["id"]]
    assert inventor.get(f"{API}/researchers").json()["total"] == 1
    assert inventor.get(f"{API}/pool").json() == {"pools": []}
