"""p16 over the API: the registry (maritime officers register, owners see their own) and the
one-application transfer from filing to completion, with committed documents, the yacht sailing
meanwhile, and the 7-working-day limit tracked live."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.practices.yacht_services.common import local_zone
from ftz.practices.yacht_services.models import Transfer
from ftz.practices.yacht_services.transfers import today
from ftz.practices.yacht_services.workdays import add_working_days, working_days_before
from tests.conftest import ApiClients
from tests.practices.yacht_services.conftest import (
    API,
    INSIDE_ROUTE,
    make_yacht,
    sailing_body,
    tomorrow_at,
)

CODES = (
    "transfer_application",
    "seller_consent",
    "original_certificates",
    "buyer_identity",
    "sale_contract",
    "tax_receipt",
    "survey_certificate",
    "insurance",
    "photos",
)


def documents(committed: tuple[str, ...] = ("tax_receipt",)) -> list[dict[str, Any]]:
    return [
        {
            "code": c,
            "mode": "committed" if c in committed else "provided",
            "sha256": None if c in committed else f"{n:064x}",
        }
        for n, c in enumerate(CODES)
    ]


def application(registration_no: str, **extra: Any) -> dict[str, Any]:
    return {
        "registration_no": registration_no,
        "new_name_zh": "蓝湾新艇",
        "new_name_en": "Blue New",
        "new_owner_name": "三亚蓝湾游艇租赁有限公司",
        "new_home_port": "SY-PHOENIX",
        "new_usage": "rental",
        "documents": documents(),
        **extra,
    }


def test_registry_is_kept_by_maritime_officers_and_scoped(ys: ApiClients, session: Session) -> None:
    body = {
        "owner_org_code": "ys-club",
        "name_zh": "登记测试号",
        "hull_id": "CN-REG00001A324",
        "registration_no": "460098000001",
        "length_m": "12.5",
        "capacity": 8,
        "usage": "private",
        "owner_name": "测试",
        "home_port": "SY-VISUN",
        "registration_cert_no": "SYO0001",
        "nationality_cert_no": "SYN0001",
        "nationality_cert_expiry": "2030-01-01",
        "survey_cert_no": "SYJ0001",
        "survey_cert_expiry": "2030-01-01",
    }
    assert ys.as_("ys.club").post(f"{API}/yachts", json=body).status_code == 403
    assert ys.as_("ys.border").post(f"{API}/yachts", json=body).status_code == 403
    bad = ys.as_("ys.maritime").post(f"{API}/yachts", json={**body, "hull_id": "X"})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem")
    assert bad.json()["errors"][0]["field"].endswith("hull_id")
    unknown = ys.as_("ys.maritime").post(f"{API}/yachts", json={**body, "home_port": "NOPE"})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "home_port"
    made = ys.as_("ys.maritime").post(f"{API}/yachts", json=body)
    assert made.status_code == 201, made.text
    assert ys.as_("ys.maritime").post(f"{API}/yachts", json=body).status_code == 409
    yacht_id = made.json()["id"]
    assert ys.as_("ys.club").get(f"{API}/yachts/{yacht_id}").status_code == 200
    assert ys.as_("ys.serenity").get(f"{API}/yachts/{yacht_id}").status_code == 404
    assert ys.as_("ys.serenity").get(f"{API}/yachts?q=登记测试").json()["total"] == 0
    assert ys.as_("exam.officer").get(f"{API}/yachts").json()["total"] == 0
    assert ys.as_("ys.border").get(f"{API}/yachts?q=登记测试").json()["total"] == 1
    patched = ys.as_("ys.maritime").patch(f"{API}/yachts/{yacht_id}", json={"berth": "V-09"})
    assert patched.json()["berth"] == "V-09"
    csv = ys.as_("ys.club").get(f"{API}/yachts.csv?q=登记测试")
    assert csv.text.startswith("\ufeffregistration_no,") and "460098000001" in csv.text
    history = ys.as_("ys.club").get(f"{API}/yachts/{yacht_id}/history").json()
    assert {h["action"] for h in history} >= {"create", "update"}


def test_one_application_from_filing_to_completion(ys: ApiClients, session: Session) -> None:
    yacht = make_yacht(session, 1)
    session.commit()
    buyer, seller, officer = ys.as_("ys.buyer"), ys.as_("ys.club"), ys.as_("ys.maritime")
    filed = buyer.post(f"{API}/transfers", json=application(yacht.registration_no))
    assert filed.status_code == 201, filed.text
    case = filed.json()
    assert case["status"] == "submitted" and case["live"]["sla"]["sla"] == "not_started"
    tax = next(d for d in case["documents"] if d["code"] == "tax_receipt")
    assert tax["mode"] == "committed"
    assert tax["deadline"] == add_working_days(today(), 20).isoformat()
    assert [r["row_id"] for r in case["fired"]] == ["CM-ALLOWED"]
    assert [i["status"] for i in case["items"]] == ["pending"] * 4
    assert ys.as_("ys.serenity").get(f"{API}/transfers/{case['id']}").status_code == 404
    assert (
        buyer.post(f"{API}/transfers/{case['id']}/events", json={"event": "consent"}).status_code
        == 403
    )
    assert (
        officer.post(f"{API}/transfers/{case['id']}/events", json={"event": "accept"}).status_code
        == 409
    )
    assert (
        seller.post(f"{API}/transfers/{case['id']}/events", json={"event": "consent"}).json()[
            "status"
        ]
        == "consented"
    )
    assert (
        ys.as_("ys.transport")
        .post(f"{API}/transfers/{case['id']}/events", json={"event": "accept"})
        .status_code
        == 403
    )
    accepted = officer.post(f"{API}/transfers/{case['id']}/events", json={"event": "accept"})
    assert accepted.json()["live"]["sla"]["sla"] == "on_track"
    # 不停航: the seller still sails the yacht while the case runs.
    sailing = seller.post(
        f"{API}/sailings", json=sailing_body(yacht, tomorrow_at(10), INSIDE_ROUTE)
    )
    assert sailing.status_code == 201, sailing.text
    assert ys.as_("ys.club").get(f"{API}/yachts/{yacht.id}").json()["status"] == "in_transfer"
    done = officer.post(f"{API}/transfers/{case['id']}/events", json={"event": "complete"})
    body = done.json()
    assert body["status"] == "completed" and body["sla"] == "met"
    assert body["elapsed_working_days"] == 0 and body["new_registration_no"].startswith("SYO")
    assert [i["status"] for i in body["items"]] == ["approved"] * 4
    assert "SLA-MET" in [r["row_id"] for r in body["fired"]] and body["ledger_index"] is not None
    mine = buyer.get(f"{API}/yachts/{yacht.id}").json()
    assert (mine["name_zh"], mine["home_port"], mine["status"]) == (
        "蓝湾新艇",
        "SY-PHOENIX",
        "registered",
    )
    assert mine["rental_filed"] is False  # the new operator files its own rental operation
    assert seller.get(f"{API}/yachts/{yacht.id}").status_code == 404
    supplied = buyer.post(
        f"{API}/transfers/{case['id']}/supply", json={"code": "tax_receipt", "sha256": "a" * 64}
    )
    assert supplied.json()["commitment_deadline"] is None
    again = buyer.post(
        f"{API}/transfers/{case['id']}/supply", json={"code": "tax_receipt", "sha256": "a" * 64}
    )
    assert again.status_code == 422
    history = buyer.get(f"{API}/transfers/{case['id']}/history").json()
    assert "transition:complete" in {h["action"] for h in history}


def test_commitments_follow_the_rules(ys: ApiClients, session: Session) -> None:
    yacht = make_yacht(session, 2)
    expired = make_yacht(session, 3, survey_cert_expiry="2020-01-01")
    session.commit()
    buyer = ys.as_("ys.buyer")
    survey = buyer.post(
        f"{API}/transfers",
        json=application(yacht.registration_no, documents=documents(("survey_certificate",))),
    )
    assert survey.status_code == 422
    assert survey.json()["errors"][0]["field"] == "documents.survey_certificate"
    no_basis = buyer.post(f"{API}/transfers", json=application(expired.registration_no))
    assert no_basis.status_code == 422 and "survey certificate" in no_basis.json()["detail"]
    contract = buyer.post(
        f"{API}/transfers",
        json=application(yacht.registration_no, documents=documents(("sale_contract",))),
    )
    assert contract.json()["errors"][0]["field"] == "documents.sale_contract"
    short = buyer.post(
        f"{API}/transfers", json=application(yacht.registration_no, documents=documents()[:-1])
    )
    assert short.status_code == 422 and "photos" in short.json()["detail"]
    taken = buyer.post(
        f"{API}/transfers", json=application(yacht.registration_no, new_name_zh=expired.name_zh)
    )
    assert taken.json()["errors"][0]["field"] == "new_name_zh"
    own = ys.as_("ys.club").post(f"{API}/transfers", json=application(yacht.registration_no))
    assert own.status_code == 409
    assert (
        ys.as_("ys.maritime")
        .post(f"{API}/transfers", json=application(yacht.registration_no))
        .status_code
        == 403
    )
    assert ys.as_("ys.buyer").get(f"{API}/yachts/{yacht.id}").status_code == 404


def test_a_case_past_seven_working_days_is_flagged_overdue(
    ys: ApiClients, session: Session
) -> None:
    yacht = make_yacht(session, 4)
    session.commit()
    case = ys.as_("ys.buyer").post(f"{API}/transfers", json=application(yacht.registration_no))
    case_id = case.json()["id"]
    ys.as_("ys.club").post(f"{API}/transfers/{case_id}/events", json={"event": "consent"})
    ys.as_("ys.maritime").post(f"{API}/transfers/{case_id}/events", json={"event": "accept"})
    stored = session.get(Transfer, case_id)
    assert stored is not None
    start = working_days_before(today(), 8)
    stored.accepted_at = datetime.combine(start, time(10), local_zone())
    session.commit()
    live = ys.as_("ys.maritime").get(f"{API}/transfers/{case_id}").json()["live"]["sla"]
    assert (live["sla"], live["elapsed_working_days"]) == ("overdue", 8)
    assert [r["row_id"] for r in live["fired"]] == ["SLA-OVERDUE"]
    listed = ys.as_("ys.maritime").get(f"{API}/transfers?sla=overdue").json()["items"]
    assert case_id in {t["id"] for t in listed}
    stored.accepted_at = datetime.combine(start + timedelta(days=1), time(10), local_zone())
    session.commit()
    later = ys.as_("ys.maritime").get(f"{API}/transfers?sla=overdue").json()["items"]
    assert case_id not in {t["id"] for t in later}
    no_note = ys.as_("ys.maritime").post(
        f"{API}/transfers/{case_id}/events", json={"event": "reject"}
    )
    assert no_note.status_code == 422 and no_note.json()["errors"][0]["field"] == "note"
    rejected = ys.as_("ys.maritime").post(
        f"{API}/transfers/{case_id}/events", json={"event": "reject", "note": "材料不实"}
    )
    assert rejected.json()["status"] == "rejected"
    assert ys.as_("ys.club").get(f"{API}/yachts/{yacht.id}").json()["status"] == "registered"
    csv = ys.as_("ys.maritime").get(f"{API}/transfers.csv?status=rejected")
    assert case.json()["number"] in csv.text
