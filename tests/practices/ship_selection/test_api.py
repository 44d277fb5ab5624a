"""p07 over the API: the ship records (search, create with lenient IMO, records, watches,
import, export) and the ship selection assistant (the carrier asks, the shipper reads the
advice with reasons and decides; nobody else sees it; the ledger anchors it)."""

from __future__ import annotations

import json
from typing import Any

from ftz.domain.vessels.models import Ship
from tests.conftest import ApiClients
from tests.practices.ship_selection.conftest import rate

API = "/api/ship-selection"
NEW_SHIP = {
    "imo_number": "IMO 9074729",
    "mmsi": "413900001",
    "name": "TEST GRAIN 1",
    "name_zh": "测试粮1",
    "ship_type": "bulk_carrier",
    "flag": "CN",
    "gross_tonnage": 30000,
    "deadweight_t": 52000,
    "year_built": 2015,
    "class_society": "CCS",
    "company_imo": "5981011",
}


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return dict(response.json())


def test_ships_search_filter_and_page(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    reader = ss.as_("ss.shipper")
    listed = reader.get(f"{API}/ships", params={"size": 3}).json()
    assert listed["total"] == len(fleet) and len(listed["items"]) == 3
    by_name = reader.get(f"{API}/ships", params={"q": "oceanic"}).json()
    assert [s["name"] for s in by_name["items"]] == ["OCEANIC MAIZE"]
    by_imo = reader.get(f"{API}/ships", params={"q": fleet["clean"].imo_number}).json()
    assert by_imo["items"][0]["id"] == fleet["clean"].id
    watched = reader.get(f"{API}/ships", params={"watch": "assistance_investigation"}).json()
    assert [s["name"] for s in watched["items"]] == ["YUAN FAN 16"]
    assert reader.get(f"{API}/ships", params={"flag": "PA"}).json()["total"] == 1
    assert ss.anonymous().get(f"{API}/ships").status_code == 401


def test_officer_records_a_ship_with_a_lenient_imo(ss: ApiClients) -> None:
    officer = ss.as_("ss.msa")
    made = officer.post(f"{API}/ships", json=NEW_SHIP)
    assert made.status_code == 201, made.text
    assert made.json()["imo_number"] == "9074729" and made.json()["warnings"] == []
    assert made.json()["mmsi_country"] == "CN" and made.json()["company_id"]
    typo = officer.post(
        f"{API}/ships",
        json={**NEW_SHIP, "imo_number": "9074728", "mmsi": "477900002", "name": "TEST GRAIN 2"},
    )
    assert typo.status_code == 201
    assert typo.json()["imo_checksum_ok"] is False
    assert any("check digit" in w for w in typo.json()["warnings"])
    assert any("MID 477" in w for w in typo.json()["warnings"])  # HK MMSI, CN flag
    again = problem(officer.post(f"{API}/ships", json=NEW_SHIP), 409)
    assert "9074729" in again["detail"]


def test_bad_identifiers_are_refused_with_the_field(ss: ApiClients) -> None:
    officer = ss.as_("ss.msa")
    short = problem(officer.post(f"{API}/ships", json={**NEW_SHIP, "imo_number": "907472"}), 422)
    assert short["errors"][0]["field"].endswith("imo_number")
    foreign = problem(officer.post(f"{API}/ships", json={**NEW_SHIP, "mmsi": "999000001"}), 422)
    assert "mmsi" in foreign["errors"][0]["field"]
    unknown = problem(officer.post(f"{API}/ships", json={**NEW_SHIP, "mmsi": "217000001"}), 422)
    assert "MID 217" in unknown["errors"][0]["reason"]
    company = problem(
        officer.post(f"{API}/ships", json={**NEW_SHIP, "company_imo": "1234567"}), 422
    )
    assert company["errors"][0]["field"] == "company_imo"
    assert ss.as_("ss.msa").get(f"{API}/ships", params={"q": "TEST GRAIN"}).json()["total"] == 0


def test_only_maritime_officers_write_ship_records(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    assert ss.as_("ss.carrier").post(f"{API}/ships", json=NEW_SHIP).status_code == 403
    other_officer = ss.as_("exam.officer").post(f"{API}/ships", json=NEW_SHIP)
    assert problem(other_officer, 403)["detail"].startswith("only maritime")
    cert = {"kind": "smc", "number": "X-1", "issued_on": "2025-01-01", "expires_on": "2030-01-01"}
    url = f"{API}/ships/{fleet['clean'].id}/certificates"
    assert ss.as_("ss.agent").post(url, json=cert).status_code == 403


def test_records_watches_and_history(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    officer, ship_id = ss.as_("ss.msa"), fleet["clean"].id
    detention = {
        "regime": "tokyo_mou",
        "port": "Busan",
        "inspected_on": "2026-01-10",
        "detained": True,
        "detention_days": 2,
        "deficiencies": [{"code": "11101", "area": "Lifeboats", "detainable": True}],
    }
    made = officer.post(f"{API}/ships/{ship_id}/inspections", json=detention)
    assert made.status_code == 201, made.text
    assert made.json()["deficiencies"][0]["code"] == "11101"
    no_ground = {**detention, "port": "Manila", "deficiencies": []}
    assert officer.post(f"{API}/ships/{ship_id}/inspections", json=no_ground).status_code == 422
    watch = officer.post(
        f"{API}/ships/{ship_id}/watches",
        json={
            "kind": "key_tracking",
            "reason": "多次缺陷",
            "requested_by": "营口海事局",
            "opened_on": "2026-02-01",
        },
    )
    assert watch.status_code == 201
    second = officer.post(
        f"{API}/ships/{ship_id}/watches",
        json={
            "kind": "key_tracking",
            "reason": "再次",
            "requested_by": "大连海事局",
            "opened_on": "2026-03-01",
        },
    )
    assert problem(second, 409)["detail"].startswith("the ship already has an open")
    closed = officer.post(
        f"{API}/ships/{ship_id}/watches/{watch.json()['id']}/close",
        json={"closed_on": "2026-03-05", "closing_note": "已整改"},
    )
    assert closed.json()["closed_on"] == "2026-03-05"
    detail = ss.as_("ss.shipper").get(f"{API}/ships/{ship_id}").json()
    assert {"certificates", "manning", "inspections", "watches", "company"} <= set(detail)
    assert len(detail["certificates"]) == 14 and detail["company"]["imo_company_number"]
    edit = officer.put(
        f"{API}/ships/{ship_id}",
        json={
            **{
                k: detail["ship"][k]
                for k in (
                    "imo_number",
                    "name",
                    "ship_type",
                    "flag",
                    "gross_tonnage",
                    "deadweight_t",
                    "year_built",
                )
            },
            "name_zh": "华粮海壹",
        },
    )
    assert edit.status_code == 200 and edit.json()["name_zh"] == "华粮海壹"
    history = officer.get(f"{API}/ships/{ship_id}/history").json()
    assert any(
        e["action"] == "update" and "华粮海壹" in json.dumps(e["changes"], ensure_ascii=False)
        for e in history
    )


def test_import_is_validated_and_idempotent(ss: ApiClients) -> None:
    officer = ss.as_("ss.msa")
    fleet = {
        "ships": [
            {
                **NEW_SHIP,
                "certificates": [
                    {
                        "kind": "smc",
                        "number": "S-1",
                        "issued_on": "2025-01-01",
                        "expires_on": "2030-01-01",
                    }
                ],
            }
        ]
    }
    first = officer.post(f"{API}/ships/import", json=fleet)
    assert first.status_code == 200, first.text
    assert first.json()["counts"]["ships"]["created"] == 1
    second = officer.post(f"{API}/ships/import", json=fleet).json()["counts"]
    assert second["ships"] == {"created": 0, "updated": 0, "unchanged": 1}
    assert second["certificates"]["unchanged"] == 1
    bad = {
        "ships": [
            {**NEW_SHIP, "imo_number": "NEW", "name": "X"},
            {**NEW_SHIP, "mmsi": "413900009"},
            {**NEW_SHIP, "mmsi": "413900009"},
        ]
    }
    refused = problem(officer.post(f"{API}/ships/import", json=bad), 422)
    fields = {e["field"] for e in refused["errors"]}
    assert {"ships.0.imo_number", "ships.0.name"} <= fields
    csv_text = officer.get(f"{API}/ships.csv", params={"q": "TEST GRAIN"}).text.lstrip("\ufeff")
    assert csv_text.splitlines()[0].startswith("imo_number,")
    again = officer.post(
        f"{API}/ships/import", content=csv_text.encode(), headers={"content-type": "text/csv"}
    )
    assert again.json()["counts"]["ships"] == {"created": 0, "updated": 0, "unchanged": 1}
    header = problem(
        officer.post(
            f"{API}/ships/import", content=b"imo,name\n1,2\n", headers={"content-type": "text/csv"}
        ),
        422,
    )
    assert header["errors"][0]["field"] == "header"


def test_rating_requested_by_the_carrier_delivered_to_the_shipper(
    ss: ApiClients, fleet: dict[str, Ship]
) -> None:
    made = rate(ss, fleet["clean"])
    assert made["rating"] == "recommended" and made["status"] == "delivered"
    assert [d["key"] for d in made["dimensions"]][:2] == ["certificates", "manning"]
    assert all(d["fired"][0]["citation"].startswith("案例7") for d in made["dimensions"])
    assert made["fired"][0]["row_id"] == "R-OK" and made["ledger_index"] >= 0
    seen = ss.as_("ss.shipper").get(f"{API}/ratings/{made['id']}")
    assert seen.status_code == 200
    assert ss.as_("ss.shipper.b").get(f"{API}/ratings/{made['id']}").status_code == 404
    assert ss.as_("ent.a").get(f"{API}/ratings/{made['id']}").status_code == 404
    assert ss.as_("exam.officer").get(f"{API}/ratings").json()["total"] == 0
    assert ss.as_("ss.msa").get(f"{API}/ratings").json()["total"] == 1
    assert ss.as_("ss.shipper.b").get(f"{API}/ratings").json()["total"] == 0


def test_advice_names_the_reasons_and_no_one_overrides_it(
    ss: ApiClients, fleet: dict[str, Ship]
) -> None:
    bad = rate(ss, fleet["no_grain_doc"])
    assert bad["rating"] == "not_recommended"
    certificates = bad["dimensions"][0]
    assert certificates["level"] == "poor" and certificates["veto"] is True
    assert certificates["fired"][0]["row_id"] == "CERT-MISSING"
    assert bad["reasons_zh"][0].startswith("船舶证书：")
    assert bad["reasons_en"][0].startswith("Certificates: ")
    other = rate(ss, fleet["no_grain_doc"], cargo="other", cargo_name="钢材")
    assert other["rating"] == "recommended"  # the grain document is only needed for grain
    detained = rate(ss, fleet["detained_recent"])
    assert {r["row_id"] for d in detained["dimensions"] for r in d["fired"]} >= {
        "DET-12M",
        "DEF-OPEN",
    }
    carrier = ss.as_("ss.carrier")
    for method in ("put", "patch", "delete"):
        assert getattr(carrier, method)(f"{API}/ratings/{bad['id']}").status_code == 405
    shipper = ss.as_("ss.shipper")
    assert (
        carrier.post(f"{API}/ratings/{bad['id']}/decision", json={"event": "decline"}).status_code
        == 403
    )
    declined = shipper.post(
        f"{API}/ratings/{bad['id']}/decision", json={"event": "decline", "note": "按建议不租"}
    )
    assert declined.json()["status"] == "declined" and declined.json()["decision_ledger_index"]
    twice = shipper.post(f"{API}/ratings/{bad['id']}/decision", json={"event": "charter"})
    assert problem(twice, 409)["detail"] == "cannot charter while declined"
    stats = ss.as_("ss.msa").get(f"{API}/statistics").json()
    assert stats["improper_charters_avoided"] == 1


def test_rating_request_errors(ss: ApiClients, fleet: dict[str, Ship]) -> None:
    carrier = ss.as_("ss.carrier")
    body = {
        "imo_number": "9999999",
        "shipper_org": "ss-shipper",
        "voyage": "营口 → 广州",
        "cargo_name": "玉米",
        "quantity_t": 1000,
    }
    assert problem(carrier.post(f"{API}/ratings", json=body), 422)["errors"][0]["field"] == (
        "imo_number"
    )
    body["imo_number"] = fleet["clean"].imo_number
    for shipper in ("nobody", "ss-msa-yk", "ss-carrier"):
        refused = problem(
            carrier.post(f"{API}/ratings", json={**body, "shipper_org": shipper}), 422
        )
        assert refused["errors"][0]["field"] == "shipper_org"
    assert ss.as_("ss.msa").post(f"{API}/ratings", json=body).status_code == 403


def test_risk_profile_of_a_ship_and_of_a_description(
    ss: ApiClients, fleet: dict[str, Ship]
) -> None:
    found = ss.as_("ss.shipper").get(f"{API}/ships/{fleet['detained_recent'].id}/risk-profile")
    body = found.json()
    assert body["paris_mou"]["profile"] in ("HRS", "SRS", "LRS")
    assert body["ten_dimensions"]["rating"] == "not_recommended"
    assert body["input"]["flag_list"] == "white" and body["input"]["ro_performance"] == "high"
    described = ss.as_("ss.shipper").post(
        f"{API}/risk-profile",
        json={
            "ship_type": "bulk_carrier",
            "age_years": 14,
            "flag_list": "grey",
            "flag_imo_audit": True,
            "ro_performance": "high",
            "ro_recognised": True,
            "company_performance": "medium",
            "inspections_36m": [{"deficiencies": 3, "detained": False}],
        },
    )
    assert described.status_code == 200, described.text
    assert set(described.json()) == {"paris_mou", "tokyo_mou", "ten_dimensions"}
    assert described.json()["ten_dimensions"]["rating"] == "incomplete"
    wrong = problem(
        ss.as_("ss.shipper").post(f"{API}/risk-profile", json={"ship_type": "ufo"}), 422
    )
    assert wrong["errors"][0]["field"] == "ship_type"
