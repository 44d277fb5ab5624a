"""p19 over the API: the whole mediation, the respondent signing without an account,
enforceable notarization, the foreign-use package, referral advice, isolation, golden cases."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from fastapi import FastAPI

from ftz.core.ledger.receipts import verify_receipt
from ftz.core.rules import load_golden, run_case
from ftz.practices.trade_mediation.demo import ensure_staff
from ftz.practices.trade_mediation.service import rules
from tests.conftest import ApiClients
from tests.routes import api_routes

BASE = "/api/trade-mediation"
RULES = Path(__file__).resolve().parents[3] / "src/ftz/practices/trade_mediation/rules"
CASES = load_golden(RULES)


@pytest.fixture
def mediation_staff(session) -> None:  # type: ignore[no-untyped-def]
    """The centre and the notary of the p19 demo (without its 520 cases)."""
    ensure_staff(session)
    session.commit()


@pytest.fixture
def staff(api: ApiClients, mediation_staff: None, session) -> ApiClients:  # type: ignore[no-untyped-def]
    from ftz.core.auth import service as accounts

    for username in ("mediator", "notary"):
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api


def _case(api: ApiClients, **extra: object) -> dict:
    body = {
        "dispute_type": "ip_license",
        "summary": "授权仅限韩国销售，被许可方在他国销售",
        "amount_cny": 1_200_000,
        "province": "江苏",
        "respondent": {"name": "K-Brand Co.", "country": "KR"},
        **extra,
    }
    response = api.as_("ent.a").post(f"{BASE}/cases", json=body)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_mediation_to_enforceable_notarization(staff: ApiClients) -> None:
    case = _case(staff)
    cid = case["id"]
    applicant, mediator, notary = (
        staff.as_("ent.a"),
        staff.as_("mediator"),
        staff.as_("notary"),
    )
    evidence = applicant.post(
        f"{BASE}/cases/{cid}/evidence",
        json={
            "party_role": "applicant",
            "kind": "ip_creation",
            "title": "设计过程",
            "sha256": "a" * 64,
        },
    )
    assert evidence.status_code == 201 and evidence.json()["ledger_index"] >= 0
    assert applicant.post(f"{BASE}/cases/{cid}/accept").status_code == 403
    assert mediator.post(f"{BASE}/cases/{cid}/accept").json()["status"] == "accepted"
    mediator.post(
        f"{BASE}/cases/{cid}/sessions",
        json={"scheduled_at": "2026-11-20T09:00:00Z", "language": "en", "interpreter": True},
    )
    mediator.put(
        f"{BASE}/cases/{cid}/agreement",
        json={
            "terms": "被申请人支付赔偿金50万元并补签他国销售许可。",
            "payment_cny": 500000,
            "enforcement_consent": True,
        },
    )
    code = mediator.post(f"{BASE}/cases/{cid}/signing-code").json()["code"]
    assert (
        applicant.post(f"{BASE}/cases/{cid}/sign", json={"name": "法定代表人"}).status_code == 200
    )
    public = staff.anonymous()
    wrong = public.post(f"{BASE}/cases/{cid}/sign", json={"name": "Kim", "code": "nope"})
    assert wrong.status_code == 403
    signed = public.post(f"{BASE}/cases/{cid}/sign", json={"name": "Kim", "code": code}).json()
    assert set(signed["signatures"]) == {"applicant", "respondent"}
    reused = public.post(f"{BASE}/cases/{cid}/sign", json={"name": "Kim", "code": code})
    assert reused.status_code == 403
    assert mediator.post(f"{BASE}/cases/{cid}/notarize").status_code == 403
    done = notary.post(f"{BASE}/cases/{cid}/notarize").json()
    assert done["status"] == "notarized"
    assert done["agreement"]["enforceability"]["result"]["enforceable"] is True
    assert done["agreement"]["enforceability"]["fired"][0]["row_id"] == "EN-OK"
    package = zipfile.ZipFile(
        io.BytesIO(applicant.get(f"{BASE}/cases/{cid}/foreign-package.zip").content)
    )
    key = package.read("verifier_key.txt").decode().strip()
    receipts = [n for n in package.namelist() if n.startswith("receipts/")]
    steps = [s["step"] for s in done["outcome"]["steps"]]
    assert len(receipts) == len(steps) and "sign:respondent" in steps and "notarize" in steps
    assert all(verify_receipt(json.loads(package.read(n)), key).ok for n in receipts)
    assert "NOTARIAL CERTIFICATE" in package.read("notarial_certificate.txt").decode()


def test_failed_case_with_arbitration_clause_is_referred_to_arbitration(staff: ApiClients) -> None:
    case = _case(staff, arbitration_clause=True)
    mediator = staff.as_("mediator")
    mediator.post(f"{BASE}/cases/{case['id']}/accept")
    referred = mediator.post(f"{BASE}/cases/{case['id']}/refer", json={"note": "拒绝调解"}).json()
    assert referred["status"] == "referred" and referred["referral"] == "arbitration"


def test_bad_input_and_isolation(staff: ApiClients) -> None:
    bad = staff.as_("ent.a").post(
        f"{BASE}/cases",
        json={
            "dispute_type": "ip_license",
            "summary": "x",
            "amount_cny": 1,
            "province": "江苏",
            "respondent": {"name": "X", "country": "QQ"},
        },
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "respondent.country"
    case = _case(staff)
    other = staff.as_("ent.b")
    assert other.get(f"{BASE}/cases/{case['id']}").status_code == 404
    assert other.post(f"{BASE}/cases/{case['id']}/withdraw").status_code == 404
    assert (
        other.post(
            f"{BASE}/cases/{case['id']}/evidence",
            json={"party_role": "applicant", "kind": "contract", "title": "x", "sha256": "b" * 64},
        ).status_code
        == 404
    )
    assert other.get(f"{BASE}/cases").json()["total"] == 0
    assert other.get(f"{BASE}/cases/{case['id']}/foreign-package.zip").status_code == 404
    assert other.post(f"{BASE}/cases/{case['id']}/sign", json={"name": "x"}).status_code == 403
    assert staff.anonymous().get(f"{BASE}/statistics").json()["cases"] >= 1


PUBLIC_OR_CODE = {
    "/api/trade-mediation/statistics",
    "/api/trade-mediation/cases/{case_id}/sign",
    "/trade-mediation",
    "/trade-mediation/sign/{case_id}",
}
OWNED = {
    "/api/trade-mediation/cases",
    "/api/trade-mediation/cases/{case_id}",
    "/api/trade-mediation/cases/{case_id}/accept",
    "/api/trade-mediation/cases/{case_id}/evidence",
    "/api/trade-mediation/cases/{case_id}/sessions",
    "/api/trade-mediation/cases/{case_id}/agreement",
    "/api/trade-mediation/cases/{case_id}/signing-code",
    "/api/trade-mediation/cases/{case_id}/notarize",
    "/api/trade-mediation/cases/{case_id}/fail",
    "/api/trade-mediation/cases/{case_id}/refer",
    "/api/trade-mediation/cases/{case_id}/withdraw",
    "/api/trade-mediation/cases/{case_id}/foreign-package.zip",
    "/trade-mediation/cases",
    "/trade-mediation/cases/new",
    "/trade-mediation/cases/{case_id}",
}


def test_every_p19_route_is_classified(app: FastAPI) -> None:
    paths = {path for path, _ in api_routes(app.routes) if "trade-mediation" in path}
    assert paths == PUBLIC_OR_CODE | OWNED


def test_officers_of_other_agencies_see_nothing(staff: ApiClients) -> None:
    """Enterprise scoping is not enough: an officer of an unrelated agency must not browse
    another practice's personal data."""
    from tests.practices.exam_certificates.factories import application_body

    case = _case(staff)
    hrss = staff.as_("hrss.officer")
    assert hrss.get(f"{BASE}/cases").json()["total"] == 0
    assert hrss.get(f"{BASE}/cases/{case['id']}").status_code == 404
    assert staff.as_("notary").get(f"{BASE}/cases/{case['id']}").status_code == 200
    p12 = staff.as_("ent.a").post("/api/exam-certificates/applications", json=application_body())
    assert p12.status_code == 201
    mediator = staff.as_("mediator")
    assert mediator.get("/api/exam-certificates/applications").json()["total"] == 0
    assert (
        mediator.get(f"/api/exam-certificates/applications/{p12.json()['id']}").status_code == 404
    )
    assert mediator.get("/api/exam-certificates/statistics").json()["candidates"] == 0
    assert (
        staff.as_("hrss.officer")
        .get(f"/api/exam-certificates/applications/{p12.json()['id']}")
        .status_code
        == 200
    )
    assert mediator.get("/api/trade-secrets/certifications").json() == []
