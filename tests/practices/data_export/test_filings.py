"""p01 filings over the API: the decision at filing time, review, frozen approved versions,
revisions, isolation between enterprises and agencies, validation."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import SYSTEM
from ftz.practices.data_export import service
from tests.conftest import ApiClients

BASE = "/api/data-export"


def filing_body(**extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "recipient": "Global R&D Center GmbH",
        "country": "DE",
        "sector": "automobile",
        "purpose": "other",
        "scenario": "跨国研发测试",
        "ftz": None,
        "inventory": [
            {"name": "vin", "personal_info": True},
            {"name": "gps_track", "personal_info": True, "sensitive": True},
            {"name": "battery_temperature"},
        ],
        "individuals": 150_000,
        "sensitive_individuals": 0,
        "documents": [
            {
                "kind": "standard_contract",
                "title": "标准合同",
                "sha256": hashlib.sha256(b"contract").hexdigest(),
            }
        ],
    }
    body.update(extra)
    return body


def create(api: ApiClients, user: str = "dx.auto", **extra: Any) -> dict[str, Any]:
    response = api.as_(user).post(f"{BASE}/filings", json=filing_body(**extra))
    assert response.status_code == 201, response.text
    return response.json()


def approve(api: ApiClients, filing_id: str) -> dict[str, Any]:
    submitted = api.as_("dx.auto").post(f"{BASE}/filings/{filing_id}/submit")
    assert submitted.status_code == 200, submitted.text
    reviewed = api.as_("data.officer").post(
        f"{BASE}/filings/{filing_id}/review", json={"decision": "approve"}
    )
    assert reviewed.status_code == 200, reviewed.text
    return reviewed.json()


def test_decision_is_taken_at_filing_time(dx: ApiClients) -> None:
    contract = create(dx)
    assert contract["mechanism"] == "standard_contract_or_certification"
    assert contract["decision"]["articles"] == ["art8"]
    assert contract["decision"]["trace"], "the filing must say why"
    assessment = create(dx, sensitive_individuals=12_000)
    assert assessment["mechanism"] == "security_assessment"
    exempt = create(dx, ftz="shanghai-lingang", on_negative_list=False)
    assert exempt["mechanism"] == "exempt" and "art6" in exempt["decision"]["articles"]


def test_review_freezes_the_filing_and_revisions_keep_the_old_one(dx: ApiClients) -> None:
    filing = create(dx, sensitive_individuals=12_000)
    approved = approve(dx, filing["id"])
    assert approved["status"] == "approved" and approved["ledger_index"] is not None
    assert approved["valid_until"] is not None  # a security assessment runs three years
    edit = dx.as_("dx.auto").put(f"{BASE}/filings/{filing['id']}", json=filing_body())
    assert edit.status_code == 409
    revision = dx.as_("dx.auto").post(f"{BASE}/filings/{filing['id']}/revise")
    assert revision.status_code == 201, revision.text
    new = revision.json()
    assert new["number"] == filing["number"] and new["version"] == 2
    again = dx.as_("dx.auto").post(f"{BASE}/filings/{filing['id']}/revise")
    assert again.status_code == 409
    changed = dx.as_("dx.auto").put(
        f"{BASE}/filings/{new['id']}", json=filing_body(individuals=200_000)
    )
    assert changed.status_code == 200 and changed.json()["individuals"] == 200_000
    approve(dx, new["id"])
    versions = dx.as_("dx.auto").get(f"{BASE}/filings/{new['id']}/versions").json()
    assert [(v["version"], v["status"]) for v in versions] == [(1, "superseded"), (2, "approved")]
    assert versions[0]["individuals"] == 150_000  # the old version is kept as it was


def test_review_rules(dx: ApiClients) -> None:
    filing = create(dx)
    early = dx.as_("data.officer").post(
        f"{BASE}/filings/{filing['id']}/review", json={"decision": "approve"}
    )
    assert early.status_code == 409  # not submitted yet
    dx.as_("dx.auto").post(f"{BASE}/filings/{filing['id']}/submit")
    no_reason = dx.as_("data.officer").post(
        f"{BASE}/filings/{filing['id']}/review", json={"decision": "reject"}
    )
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["field"] == "note"
    by_enterprise = dx.as_("dx.auto").post(
        f"{BASE}/filings/{filing['id']}/review", json={"decision": "approve"}
    )
    assert by_enterprise.status_code == 403
    other_agency = dx.as_("exam.officer").post(
        f"{BASE}/filings/{filing['id']}/review", json={"decision": "approve"}
    )
    assert other_agency.status_code in (403, 404)
    returned = dx.as_("data.officer").post(
        f"{BASE}/filings/{filing['id']}/review",
        json={"decision": "return_for_changes", "note": "补充境外接收方安全能力说明"},
    )
    assert returned.json()["status"] == "draft"


def test_documents_are_required_unless_exempt(dx: ApiClients) -> None:
    filing = create(dx, documents=[])
    refused = dx.as_("dx.auto").post(f"{BASE}/filings/{filing['id']}/submit")
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "documents"


def test_isolation(dx: ApiClients) -> None:
    filing = create(dx)
    assert dx.as_("dx.bio").get(f"{BASE}/filings/{filing['id']}").status_code == 404
    assert dx.as_("exam.officer").get(f"{BASE}/filings/{filing['id']}").status_code == 404
    assert dx.as_("data.officer").get(f"{BASE}/filings/{filing['id']}").status_code == 200
    numbers = [f["number"] for f in dx.as_("dx.bio").get(f"{BASE}/filings").json()["items"]]
    assert filing["number"] not in numbers
    theirs = dx.as_("dx.bio").put(f"{BASE}/filings/{filing['id']}", json=filing_body())
    assert theirs.status_code == 404
    assert dx.anonymous().get(f"{BASE}/filings").status_code in (401, 403)


def test_validation_names_the_field(dx: ApiClients) -> None:
    bad = dx.as_("dx.auto").post(f"{BASE}/filings", json=filing_body(individuals=-1))
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"].endswith("individuals")
    unknown = dx.as_("dx.auto").post(f"{BASE}/filings", json=filing_body(colour="red"))
    assert unknown.status_code == 422
    country = dx.as_("dx.auto").post(f"{BASE}/filings", json=filing_body(country="1X"))
    assert country.status_code == 422 and country.json()["errors"][0]["field"] == "country"
    listed = dx.as_("dx.auto").get(f"{BASE}/filings").json()
    assert listed["total"] == 0  # nothing was created by the refused requests


def test_people_are_counted_across_the_enterprises_filings_of_the_year(dx: ApiClients) -> None:
    no_docs: dict[str, Any] = {
        "documents": [],
        "inventory": [{"name": "mobile", "personal_info": True}],
    }
    first = create(dx, individuals=60_000, **no_docs)
    assert first["mechanism"] == "exempt"  # art. 5(4): fewer than 100,000 people
    approve(dx, first["id"])
    second = create(dx, individuals=50_000, **no_docs)
    # 60,000 already filed this year + 50,000 = 110,000: a standard contract is needed now.
    assert second["mechanism"] == "standard_contract_or_certification"
    assert second["decision"]["cumulative"]["personal_info"] == 110_000
    assert second["decision"]["cumulative"]["other_filings"] == [first["number"]]
    other_enterprise = create(dx, user="dx.bio", individuals=50_000, **no_docs)
    assert other_enterprise["mechanism"] == "exempt"


def test_assessments_expire_after_three_years(dx: ApiClients, session: Session) -> None:
    filing = approve(dx, create(dx, sensitive_individuals=12_000)["id"])
    valid_until = date.fromisoformat(filing["valid_until"])
    page = dx.as_("dx.auto").get(
        f"/data-export/filings/{filing['id']}", headers={"accept": "text/html"}
    )
    assert 'id="renewal"' in page.text
    assert service.expire_due(session, principal=SYSTEM, today=valid_until) == []
    expired = service.expire_due(session, principal=SYSTEM, today=valid_until + timedelta(days=1))
    assert [f.id for f in expired] == [filing["id"]]
    assert dx.as_("dx.auto").get(f"{BASE}/filings/{filing['id']}").json()["status"] == "expired"
