"""p20 over the API: the application with its goods judged by packing, customs' risk assessment
with one fired row per factor, an instruction on a filed good routed to the destination after an
external check without anomaly (and escalated with one), non-pilot goods executed at the port,
the revocation with its one-year block, every record anchored, enterprises confined to their own
records (another's answers 404), offices to their own instructions, and bad input as RFC 9457."""

from __future__ import annotations

from datetime import date, timedelta

from tests.conftest import ApiClients
from tests.practices.two_stage_inspection.helpers import (
    ADMIT,
    API,
    CLEAR,
    admitted,
    applied,
    instruction_body,
    issued,
    pilot_body,
)


def test_application_files_goods_and_assessment_admits(tsi: ApiClients) -> None:
    p = applied(tsi)
    assert p["status"] == "applied" and p["reapply_fired"][0]["row_id"] == "RA-FIRST"
    goods = {g["name"]: (g["hs_code"], g["eligible"], g["fired"][0]["row_id"]) for g in p["goods"]}
    assert goods == {
        "KrF光刻胶": ("370790", True, "GD-LIGHT-PROOF"),
        "掺杂硅片": ("381800", True, "GD-VACUUM"),
        "笔记本电脑": ("847130", False, "GD-ORDINARY"),
    }
    url = f"{API}/pilots/{p['id']}"
    assert tsi.as_("tsi.ent").post(f"{url}/assessment", json=ADMIT).status_code == 403
    done = tsi.as_("tsi.sip").post(f"{url}/assessment", json=ADMIT)
    assert done.status_code == 200, done.text
    out = done.json()
    assert out["status"] == "admitted" and out["ledger_index"] is not None
    assert [r["row_id"] for r in out["fired"]] == [
        "AD-CREDIT-ADVANCED", "AD-RECOMMENDED", "AD-SUPPLY-TRACEABLE", "AD-HISTORY-CLEAN",
    ]  # fmt: skip
    again = tsi.as_("tsi.sip").post(f"{url}/assessment", json=ADMIT)
    assert again.status_code == 409
    assert tsi.as_("tsi.ent").put(url, json=pilot_body()).status_code == 409
    dup = tsi.as_("tsi.ent").post(f"{API}/pilots", json=pilot_body())
    assert dup.status_code == 409


def test_refusal_names_every_failed_factor(tsi: ApiClients) -> None:
    p = applied(tsi)
    bad = {**ADMIT, "credit_level": "dishonest", "seizures_3y": 2}
    out = tsi.as_("tsi.sip").post(f"{API}/pilots/{p['id']}/assessment", json=bad).json()
    assert out["status"] == "refused"
    failed = [r["row_id"] for r in out["fired"] if not r["outputs"]["pass"]]
    assert failed == ["AD-CREDIT-DISHONEST", "AD-HISTORY-SEIZED"]
    history = tsi.as_("tsi.ent").get(f"{API}/pilots/{p['id']}/history").json()
    assert "transition:refuse" in {h["action"] for h in history}
    # refused: a new application is allowed at once
    assert tsi.as_("tsi.ent").post(f"{API}/pilots", json=pilot_body()).status_code == 201


def test_application_edit_before_assessment(tsi: ApiClients) -> None:
    p = applied(tsi)
    body = pilot_body(contact="关务部 李工")
    body["goods"] = body["goods"][:1]
    edited = tsi.as_("tsi.ent").put(f"{API}/pilots/{p['id']}", json=body)
    assert edited.status_code == 200 and edited.json()["contact"] == "关务部 李工"
    assert len(edited.json()["goods"]) == 1
    assert tsi.as_("tsi.ent2").put(f"{API}/pilots/{p['id']}", json=body).status_code == 404


def test_filed_good_is_two_stage_and_routed_after_a_clear_external_check(
    tsi: ApiClients,
) -> None:
    admitted(tsi)
    i = issued(tsi)
    assert i["status"] == "issued" and i["mode"] == "two_stage"
    assert i["routing_fired"][0]["row_id"] == "RT-TWO-STAGE" and i["good_id"]
    url = f"{API}/instructions/{i['id']}"
    check = {**CLEAR, "checked_on": "2026-11-17"}
    assert tsi.as_("tsi.sip").post(f"{url}/external-check", json=check).status_code == 403
    done = tsi.as_("tsi.pvg").post(f"{url}/external-check", json=check)
    assert done.status_code == 201 and done.json()["passed"] is True, done.text
    assert [r["row_id"] for r in done.json()["fired"]] == ["EC-CLEAR"]
    after = tsi.as_("tsi.ent").get(url).json()
    assert after["status"] == "routed" and after["released_on"] == "2026-11-17"
    assert "试点货物" in after["remark"]
    result = {"conform": True, "checked_on": "2026-11-18"}
    assert tsi.as_("tsi.pvg").post(f"{url}/destination-check", json=result).status_code == 403
    closed = tsi.as_("tsi.sip").post(f"{url}/destination-check", json=result)
    assert closed.status_code == 201
    final = tsi.as_("tsi.ent").get(url).json()
    assert final["status"] == "closed" and final["outcome"] == "conform"
    checks = tsi.as_("tsi.ent").get(f"{url}/checks").json()
    assert [c["kind"] for c in checks] == ["external", "destination"]
    assert len({c["ledger_index"] for c in checks} | {i["ledger_index"]}) == 3
    dash = tsi.as_("tsi.pvg").get(f"{API}/dashboard").json()
    # arrived Monday 16th, left the port Tuesday 17th: 2 working days against the seed's 3
    assert dash["two_stage_batches"] == 1 and dash["days_saved_per_batch"] == 1
    assert dash["value_covered_usd"] == "186000.00" and dash["seed"]["goods"] == 15
    assert dash["goods_filed"] == 2 and dash["filed_annual_value_usd"] == "7200000.00"


def test_anomaly_escalates_to_full_port_inspection(tsi: ApiClients) -> None:
    admitted(tsi)
    url = f"{API}/instructions/{issued(tsi)['id']}"
    done = tsi.as_("tsi.pvg").post(
        f"{url}/external-check", json={**CLEAR, "quantity_ok": False, "packing_intact": False}
    )
    assert done.json()["passed"] is False
    assert [r["row_id"] for r in done.json()["fired"]] == ["EC-QUANTITY", "EC-PACKING"]
    assert tsi.as_("tsi.pvg").get(url).json()["status"] == "port_inspection"
    wrong = tsi.as_("tsi.sip").post(f"{url}/destination-check", json={"conform": True})
    assert wrong.status_code == 409  # not routed
    assert (
        tsi.as_("tsi.sip").post(f"{url}/port-inspection", json={"conform": True}).status_code == 403
    )
    closed = tsi.as_("tsi.pvg").post(f"{url}/port-inspection", json={"conform": False})
    assert closed.status_code == 201
    final = tsi.as_("tsi.pvg").get(url).json()
    assert final["status"] == "closed" and final["mode"] == "port"
    assert final["outcome"] == "discrepancy"


def test_goods_not_filed_or_no_pilot_stay_at_the_port(tsi: ApiClients) -> None:
    nobody = issued(tsi, enterprise="tsi-ent-wafer")
    assert nobody["status"] == "port_inspection" and nobody["mode"] == "port"
    assert nobody["routing_fired"][0]["row_id"] == "RT-NOT-PILOT"
    admitted(tsi)
    ordinary = issued(tsi, tariff="847130")  # filed, but ordinary packing is not in the pilot
    assert ordinary["routing_fired"][0]["row_id"] == "RT-NOT-FILED"
    external = tsi.as_("tsi.pvg").post(
        f"{API}/instructions/{ordinary['id']}/external-check", json=CLEAR
    )
    assert external.status_code == 409


def test_violation_revokes_and_blocks_reapplication_for_a_year(tsi: ApiClients) -> None:
    p = admitted(tsi)
    pending = issued(tsi)
    url = f"{API}/pilots/{p['id']}"
    violation = {"violation": "false_declaration", "note": "稽核查发现规格不符"}
    assert tsi.as_("tsi.ent").post(f"{url}/revocation", json=violation).status_code == 403
    done = tsi.as_("tsi.sip").post(f"{url}/revocation", json=violation)
    assert done.status_code == 200, done.text
    out = done.json()
    today = date.today()
    assert out["status"] == "revoked" and out["revoked_on"] == today.isoformat()
    assert out["blocked_until"] == today.replace(year=today.year + 1).isoformat()
    assert out["revocation_fired"][0]["row_id"] == "VI-FALSE-DECLARATION"
    assert out["revocation_ledger_index"] is not None
    blocked = tsi.as_("tsi.ent").post(f"{API}/pilots", json=pilot_body())
    assert blocked.status_code == 409 and "less than a year ago" in blocked.text
    # the instruction issued before the revocation is no longer routed
    check = tsi.as_("tsi.pvg").post(
        f"{API}/instructions/{pending['id']}/external-check", json=CLEAR
    )
    assert [r["row_id"] for r in check.json()["fired"]] == ["EC-CLEAR", "RT-NOT-PILOT"]
    assert tsi.as_("tsi.pvg").get(f"{API}/instructions/{pending['id']}").json()["status"] == (
        "port_inspection"
    )
    later = issued(tsi)
    assert later["mode"] == "port" and later["routing_fired"][0]["row_id"] == "RT-NOT-PILOT"


def test_a_revocation_a_year_old_no_longer_blocks(tsi: ApiClients) -> None:
    p = applied(tsi)
    old = (date.today() - timedelta(days=800)).isoformat()
    url = f"{API}/pilots/{p['id']}"
    tsi.as_("tsi.sip").post(f"{url}/assessment", json={**ADMIT, "assessed_on": old})
    found = (date.today() - timedelta(days=370)).isoformat()
    revoked = tsi.as_("tsi.sip").post(
        f"{url}/revocation", json={"violation": "smuggling", "note": "走私", "found_on": found}
    )
    assert revoked.status_code == 200, revoked.text
    again = tsi.as_("tsi.ent").post(f"{API}/pilots", json=pilot_body())
    assert again.status_code == 201 and again.json()["reapply_fired"][0]["row_id"] == (
        "RA-AFTER-BLOCK"
    )


def test_enterprises_see_only_their_own(tsi: ApiClients) -> None:
    p = admitted(tsi)
    i = issued(tsi)
    other = tsi.as_("tsi.ent2")
    for path in (
        f"/pilots/{p['id']}",
        f"/pilots/{p['id']}/history",
        f"/instructions/{i['id']}",
        f"/instructions/{i['id']}/checks",
        f"/instructions/{i['id']}/history",
    ):
        assert other.get(f"{API}{path}").status_code == 404, path
        assert tsi.as_("tsi.ent").get(f"{API}{path}").status_code == 200, path
    assert other.get(f"{API}/pilots").json()["total"] == 0
    assert other.get(f"{API}/instructions").json()["total"] == 0
    assert tsi.as_("tsi.ent").get(f"{API}/instructions?q=KrF").json()["total"] == 1
    assert tsi.as_("tsi.pvg").get(f"{API}/pilots?status=admitted").json()["total"] == 1
    assert tsi.as_("ent.a").get(f"{API}/pilots").json()["total"] == 0
    assert tsi.as_("hrss.officer").get(f"{API}/pilots").json()["total"] == 0  # other agency
    assert tsi.as_("hrss.officer").get(f"{API}/pilots/{p['id']}").status_code == 404
    csv = tsi.as_("tsi.ent2").get(f"{API}/instructions.csv")
    assert csv.status_code == 200 and csv.text.count("\n") == 1


def test_bad_input_is_a_problem_with_field(tsi: ApiClients) -> None:
    ent = tsi.as_("tsi.ent")
    body = pilot_body()
    body["goods"][0]["tariff_code"] = "8541.40"  # not in HS 2022
    bad = ent.post(f"{API}/pilots", json=body)
    assert bad.status_code == 422 and "tariff_code" in bad.text
    assert bad.headers["content-type"].startswith("application/problem+json")
    body = pilot_body()
    body["goods"][0]["packing"] = "bubble_wrap"
    assert ent.post(f"{API}/pilots", json=body).status_code == 422
    twice = pilot_body()
    twice["goods"] = [twice["goods"][0], twice["goods"][0]]
    dup = ent.post(f"{API}/pilots", json=twice)
    assert dup.status_code == 422 and "goods" in dup.text
    assert tsi.as_("tsi.pvg").post(f"{API}/pilots", json=pilot_body()).status_code == 403
    port = tsi.as_("tsi.pvg")
    office = port.post(f"{API}/instructions", json=instruction_body(port_office="tsi-dest-sip"))
    assert office.status_code == 422 and "port_office" in office.text
    nobody = port.post(f"{API}/instructions", json=instruction_body(enterprise="nope"))
    assert nobody.status_code == 422 and "enterprise" in nobody.text
    future = (date.today() + timedelta(days=3)).isoformat()
    late = port.post(f"{API}/instructions", json=instruction_body(arrived_on=future))
    assert late.status_code == 422 and "arrived_on" in late.text
    not_mine = tsi.as_("tsi.sip").post(f"{API}/instructions", json=instruction_body())
    assert not_mine.status_code == 403
    admitted(tsi)
    i = issued(tsi)
    early = port.post(
        f"{API}/instructions/{i['id']}/external-check", json={**CLEAR, "checked_on": "2026-01-01"}
    )
    assert early.status_code == 422 and "checked_on" in early.text
    assert port.get(f"{API}/instructions/{i['id']}/checks").json() == []
