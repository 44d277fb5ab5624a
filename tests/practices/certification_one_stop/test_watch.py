"""p28 standards watch and cooperation over the API: subscriptions by HS code (checked against
HS 2022, prefix matching both ways) and keyword, a new version notifying matching enterprises
once with the clause-level diff and the rule that fired, read marks, withdrawal, who may publish;
cooperation projects with events, stages and the outcome required to adopt."""

from __future__ import annotations

from typing import Any

from tests.conftest import ApiClients
from tests.practices.certification_one_stop.conftest import API

V1 = {
    "version": "2012",
    "title": "家用制冷器具安全",
    "hs_codes": ["8418"],
    "products": ["冰箱", "refrigerator"],
    "effective_on": "2013-01-01",
    "text": "1 范围 家用制冷器具。\n4.2 年耗电量 E ≤ 450 kWh/a。\n5 标签 贴于正面。",
}
V2 = {
    **V1,
    "version": "2020",
    "effective_on": "2099-01-01",
    "text": "1 范围 家用制冷器具。\n4.2 年耗电量 E ≤ 420 kWh/a。\n6 防困 70 N 可开门。",
}
NEW = {"number": "MS TEST 1", "country": "MY", "body": "DSM", "mandatory": True, "first": V1}


def publish_first(co: ApiClients) -> dict[str, Any]:
    made = co.as_("co.standards").post(f"{API}/standards", json=NEW)
    assert made.status_code == 201, made.text
    return dict(made.json())


def test_subscriptions_are_checked(co: ApiClients) -> None:
    ent = co.as_("co.ent.a")
    good = ent.post(f"{API}/subscriptions", json={"kind": "hs", "value": "84.18"})
    assert good.status_code == 201 and good.json()["value"] == "8418"
    again = ent.post(f"{API}/subscriptions", json={"kind": "hs", "value": "8418"})
    assert again.status_code == 409
    bad = ent.post(f"{API}/subscriptions", json={"kind": "hs", "value": "8499"})
    assert bad.status_code == 422
    assert bad.json()["errors"] == [
        {"field": "value", "reason": "heading 8499 does not exist in HS 2022"}
    ]
    short = ent.post(f"{API}/subscriptions", json={"kind": "keyword", "value": " 盐 "})
    assert short.status_code == 422 and short.json()["errors"][0]["field"] == "value"
    assert (
        co.as_("co.standards")
        .post(f"{API}/subscriptions", json={"kind": "hs", "value": "84"})
        .status_code
        == 403
    )
    removed = ent.delete(f"{API}/subscriptions/{good.json()['id']}")
    assert removed.json()["active"] is False
    assert co.as_("co.ent.b").delete(f"{API}/subscriptions/{good.json()['id']}").status_code == 404
    back = ent.post(f"{API}/subscriptions", json={"kind": "hs", "value": "8418"})
    assert back.status_code == 201 and back.json()["id"] == good.json()["id"]


def test_a_new_version_notifies_matching_subscribers_with_the_diff(co: ApiClients) -> None:
    ent_a, ent_b = co.as_("co.ent.a"), co.as_("co.ent.b")
    ent_a.post(f"{API}/subscriptions", json={"kind": "hs", "value": "841821"})  # narrower
    ent_a.post(f"{API}/subscriptions", json={"kind": "keyword", "value": "冰箱"})
    ent_b.post(f"{API}/subscriptions", json={"kind": "hs", "value": "2501"})
    first = publish_first(co)
    assert first["notified"] == 1 and first["version"]["diff"]["counts"]["added"] == 3
    standard_id = first["version"]["standard_id"]
    second = co.as_("co.standards").post(f"{API}/standards/{standard_id}/versions", json=V2)
    assert second.status_code == 201, second.text
    assert second.json()["notified"] == 1
    diff = second.json()["version"]["diff"]
    assert diff["previous"] == "2012"
    assert diff["counts"] == {"changed": 1, "added": 1, "removed": 1, "unchanged": 1}
    notices = ent_a.get(f"{API}/notifications").json()["items"]
    assert [n["change"] for n in notices] == ["new_version", "new_standard"]
    latest = notices[0]
    assert latest["matched"] == ["hs:841821", "keyword:冰箱"]
    assert "4.2 changed: 450 → 420" in latest["summary"]
    assert "6 added: 防困" in latest["summary"] and "5 removed: 标签" in latest["summary"]
    assert latest["priority"] == "normal" and latest["fired"][0]["row_id"] == "NT-MANDATORY"
    assert notices[1]["priority"] == "urgent"  # the first version was already in force
    assert ent_b.get(f"{API}/notifications").json()["total"] == 0
    read = ent_a.post(f"{API}/notifications/{latest['id']}/read")
    assert read.json()["read_at"] is not None
    assert ent_a.get(f"{API}/notifications", params={"unread": "true"}).json()["total"] == 1
    assert ent_b.post(f"{API}/notifications/{latest['id']}/read").status_code == 404
    same = co.as_("co.standards").post(
        f"{API}/standards/{standard_id}/versions", json={**V2, "version": "2020a"}
    )
    assert same.json()["notified"] == 0  # NT-IDENTICAL: no clause changed
    duplicate = co.as_("co.standards").post(f"{API}/standards/{standard_id}/versions", json=V2)
    assert duplicate.status_code == 422 and duplicate.json()["errors"][0]["field"] == "version"
    withdrawn = co.as_("co.standards").post(f"{API}/standards/{standard_id}/withdraw")
    assert withdrawn.json() == {"notified": 1}
    assert ent_a.get(f"{API}/notifications").json()["items"][0]["change"] == "withdrawn"
    assert (
        co.as_("co.standards")
        .post(f"{API}/standards/{standard_id}/versions", json={**V2, "version": "2030"})
        .status_code
        == 409
    )
    detail = co.as_("co.ent.b").get(f"{API}/standards/{standard_id}").json()
    assert [v["version"] for v in detail["versions"]] == ["2020a", "2020", "2012"]


def test_only_the_standards_centre_publishes(co: ApiClients) -> None:
    assert co.as_("co.ent.a").post(f"{API}/standards", json=NEW).status_code == 403
    assert co.as_("co.lab").post(f"{API}/standards", json=NEW).status_code == 403
    bad_hs = co.as_("co.standards").post(
        f"{API}/standards", json={**NEW, "first": {**V1, "hs_codes": ["8418", "77"]}}
    )
    assert bad_hs.status_code == 422
    assert bad_hs.json()["errors"][0] == {
        "field": "hs_codes[1]",
        "reason": "chapter 77 does not exist in HS 2022",
    }
    assert co.as_("co.ent.a").get(f"{API}/standards").json()["total"] == 0  # nothing was saved
    publish_first(co)
    assert co.as_("co.standards").post(f"{API}/standards", json=NEW).status_code == 409
    found = co.as_("co.ent.a").get(f"{API}/standards", params={"q": "制冷"}).json()
    assert [s["number"] for s in found["items"]] == ["MS TEST 1"]


def test_cooperation_project_through_its_stages(co: ApiClients) -> None:
    officer = co.as_("co.standards")
    body = {
        "code": "SC-TEST-1",
        "title": "冰箱分级标准合作",
        "country": "MY",
        "subject": "净味、抑菌冰箱分级标准",
        "started_on": "2022-09-01",
        "partners": [{"name": "SIRIM Berhad", "country": "MY", "role": "标准机构"}],
    }
    made = officer.post(f"{API}/projects", json=body)
    assert made.status_code == 201 and made.json()["stage"] == "proposed"
    pid = made.json()["id"]
    assert co.as_("co.ent.a").post(f"{API}/projects", json=body).status_code == 403
    for n in range(4):
        officer.post(
            f"{API}/projects/{pid}/events",
            json={"on": f"2023-0{n + 1}-10", "kind": "visit", "note": f"考察{n + 1}"},
        )
    early = officer.post(
        f"{API}/projects/{pid}/events",
        json={"on": "2020-01-01", "kind": "meeting", "note": "过早的会议"},
    )
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "on"
    skipped = officer.post(f"{API}/projects/{pid}/stage", json={"event": "sign"})
    assert skipped.status_code == 409
    for event in ("form_group", "start_drafting", "sign"):
        assert officer.post(f"{API}/projects/{pid}/stage", json={"event": event}).status_code == 200
    no_outcome = officer.post(f"{API}/projects/{pid}/stage", json={"event": "adopt"})
    assert no_outcome.status_code == 422 and no_outcome.json()["errors"][0]["field"] == "outcome"
    adopted = officer.post(
        f"{API}/projects/{pid}/stage", json={"event": "adopt", "outcome": "2024年7月在马来西亚发布"}
    )
    assert adopted.json()["stage"] == "adopted"
    detail = co.as_("co.ent.b").get(f"{API}/projects/{pid}").json()
    assert detail["event_counts"] == {"visit": 4} and detail["outcome"] == "2024年7月在马来西亚发布"
    listed = co.as_("co.ent.b").get(f"{API}/projects", params={"stage": "adopted"}).json()
    assert [p["code"] for p in listed["items"]] == ["SC-TEST-1"]
