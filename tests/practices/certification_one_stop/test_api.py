"""p28 certification over the API: the three steps to a certificate with its verification code,
the SLA per file (calendar and working days, overdue), failed tests, roles and departments,
isolation between enterprises, bad input as problem details with nothing saved, statistics."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.certification_one_stop.demo import run_file
from ftz.practices.certification_one_stop.models import ExportApplication
from ftz.practices.certification_one_stop.schemas import ApplicationIn
from tests.conftest import ApiClients
from tests.practices.certification_one_stop.conftest import (
    API,
    FRIDGE,
    make_opened,
    make_submitted,
    make_tested,
    sha,
)


def test_quote_tells_documents_tests_fee_and_sla(co: ApiClients) -> None:
    got = co.as_("co.ent.a").get(
        f"{API}/quote",
        params={"scheme": "KE-PVOC", "hs_code": "250100", "trade_value_cny": "100000"},
    )
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["category"] == "food"
    assert body["documents"][-1] == "ingredient_list" and "import_declaration" in body["documents"]
    assert [t["code"] for t in body["tests"]] == ["composition", "labelling"]
    assert body["fee"]["inspection"] == "1300.00" and body["fee"]["total"] == "7300.00"
    assert body["sla"]["sla_days"] == 30
    assert {r["row_id"] for r in body["fired"]} >= {"CAT-SALT", "DOC-IDF", "SLA-KE"}


def test_three_steps_to_a_certificate_checked_by_its_code(co: ApiClients) -> None:
    ent = co.as_("co.ent.a")
    app = make_opened(co)
    assert (
        app["status"] == "draft" and app["hs_code"] == "841821" and app["category"] == "electrical"
    )
    assert app["number"].startswith(f"COS-{date.today().year}-")
    assert "quality_system" in app["required_documents"]
    assert [t["code"] for t in app["required_tests"]] == ["safety", "energy", "emc"]
    assert app["fee_cny"] == "14000.00"  # 2000 + 3 × 3500 + 1500
    early = ent.post(f"{API}/applications/{app['id']}/events", json={"event": "submit"})
    assert early.status_code == 409 and "documents missing" in early.json()["detail"]
    for kind in app["required_documents"]:
        ent.post(
            f"{API}/applications/{app['id']}/documents",
            json={"kind": kind, "filename": f"{kind}.pdf", "sha256": sha(kind)},
        )
    sent = ent.post(f"{API}/applications/{app['id']}/events", json={"event": "submit"}).json()
    assert sent["status"] == "submitted" and sent["ledger_index"] is not None
    assert sent["due_on"] == (date.today() + timedelta(days=30)).isoformat()
    lab = co.as_("co.lab")
    assert (
        lab.post(f"{API}/applications/{app['id']}/events", json={"event": "accept"}).json()[
            "status"
        ]
        == "testing"
    )
    lab.post(
        f"{API}/applications/{app['id']}/tests",
        json={"test_code": "safety", "passed": True, "report_sha256": sha("r1")},
    )
    partial = lab.post(f"{API}/applications/{app['id']}/conclude", json={})
    assert partial.status_code == 409 and "energy, emc" in partial.json()["detail"]
    for code in ("energy", "emc"):
        lab.post(
            f"{API}/applications/{app['id']}/tests",
            json={"test_code": code, "passed": True, "report_sha256": sha(code)},
        )
    assert (
        lab.post(f"{API}/applications/{app['id']}/conclude", json={}).json()["status"] == "tested"
    )
    wrong_desk = co.as_("co.kebs").post(
        f"{API}/applications/{app['id']}/events", json={"event": "issue"}
    )
    assert wrong_desk.status_code == 403
    issued = co.as_("co.sirim").post(
        f"{API}/applications/{app['id']}/events", json={"event": "issue"}
    )
    assert issued.json()["status"] == "issued"
    detail = ent.get(f"{API}/applications/{app['id']}").json()
    certificate = detail["certificate"]
    assert certificate["number"] == f"SIRIM-CN-{date.today().year}-000001"
    assert detail["sla"]["status"] == "met" and detail["sla"]["days_used"] == 0
    assert (
        len(detail["documents"]) == len(app["required_documents"])
        and not detail["missing_documents"]
    )
    checked = co.anonymous().get(f"{API}/verify", params={"code": certificate["verification_code"]})
    assert checked.status_code == 200, checked.text
    assert checked.json()["valid"] is True and checked.json()["number"] == certificate["number"]
    assert "fee_cny" not in checked.json()
    unknown = co.anonymous().get(f"{API}/verify", params={"code": "AAAA-BBBB-CCCC"})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "code"


def test_failed_test_closes_the_file_and_counts_against_success(co: ApiClients) -> None:
    done = make_tested(co, fail="energy")
    assert done["status"] == "failed" and done["closed_on"] == date.today().isoformat()
    issued = co.as_("co.sirim").post(
        f"{API}/applications/{done['id']}/events", json={"event": "issue"}
    )
    assert issued.status_code == 409
    ok = make_tested(co)
    co.as_("co.sirim").post(f"{API}/applications/{ok['id']}/events", json={"event": "issue"})
    stats = co.as_("co.lab").get(f"{API}/statistics").json()["all"]
    assert stats["decided"] == 2 and stats["issued"] == 1 and stats["success_rate_pct"] == 50.0
    refused = co.as_("co.sirim").post(
        f"{API}/applications/{make_tested(co)['id']}/events", json={"event": "refuse"}
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "note"


def test_roles_departments_and_isolation(co: ApiClients, api: ApiClients) -> None:
    app = make_submitted(co)
    other = co.as_("co.ent.b")
    assert other.get(f"{API}/applications/{app['id']}").status_code == 404
    assert (
        other.post(f"{API}/applications/{app['id']}/events", json={"event": "withdraw"}).status_code
        == 404
    )
    assert (
        other.post(
            f"{API}/applications/{app['id']}/documents",
            json={"kind": "business_licence", "filename": "x", "sha256": sha("x")},
        ).status_code
        == 404
    )
    assert app["id"] not in {a["id"] for a in other.get(f"{API}/applications").json()["items"]}
    assert (
        co.as_("co.ent.a")
        .post(f"{API}/applications/{app['id']}/events", json={"event": "accept"})
        .status_code
        == 403
    )
    assert (
        co.as_("co.sirim")
        .post(f"{API}/applications/{app['id']}/events", json={"event": "accept"})
        .status_code
        == 403
    )
    assert co.as_("co.lab").post(f"{API}/applications", json=FRIDGE).status_code == 403
    unrelated = api.as_("exam.officer")
    assert unrelated.get(f"{API}/applications").json()["total"] == 0
    assert unrelated.get(f"{API}/applications/{app['id']}").status_code == 404
    assert (
        unrelated.post(
            f"{API}/applications/{app['id']}/tests",
            json={"test_code": "safety", "passed": True, "report_sha256": sha("x")},
        ).status_code
        == 403
    )
    listing = co.as_("co.lab").get(f"{API}/applications", params={"status": "submitted"}).json()
    assert app["id"] in {a["id"] for a in listing["items"]}


def test_bad_input_is_a_problem_and_nothing_is_saved(co: ApiClients, session: Session) -> None:
    ent = co.as_("co.ent.a")
    before = session.scalar(select(func.count(ExportApplication.id)))
    cases = [
        ({**FRIDGE, "hs_code": "8499"}, "hs_code", "heading 8499 does not exist in HS 2022"),
        (
            {**FRIDGE, "hs_code": "950300"},
            "hs_code",
            "MY-SIRIM covers HS 8418, 8415, 8516, 8509, 8414, 8544, 2501, not 950300",
        ),
        ({**FRIDGE, "scheme": "XX-NONE"}, "scheme", "unknown scheme 'XX-NONE'"),
    ]
    for body, field, reason in cases:
        bad = ent.post(f"{API}/applications", json=body)
        assert bad.status_code == 422, bad.text
        assert bad.headers["content-type"].startswith("application/problem+json")
        assert bad.json()["errors"] == [{"field": field, "reason": reason}]
    negative = ent.post(f"{API}/applications", json={**FRIDGE, "trade_value_cny": "-1"})
    assert negative.status_code == 422
    assert session.scalar(select(func.count(ExportApplication.id))) == before
    app = make_opened(co)
    wrong_kind = ent.post(
        f"{API}/applications/{app['id']}/documents",
        json={"kind": "packing_list", "filename": "p.pdf", "sha256": sha("p")},
    )
    assert wrong_kind.status_code == 422 and wrong_kind.json()["errors"][0]["field"] == "kind"
    bad_sha = ent.post(
        f"{API}/applications/{app['id']}/documents",
        json={"kind": "business_licence", "filename": "b.pdf", "sha256": "xyz"},
    )
    assert bad_sha.status_code == 422
    assert ent.get(f"{API}/applications/{app['id']}").json()["documents"] == []


def test_sla_in_working_days_and_the_overdue_flag(co: ApiClients, session: Session) -> None:
    accounts.acting_as(session, "co.ent.b")
    owner = accounts.acting_as(session, "co.ent.b")
    tiles = ApplicationIn(
        scheme="ZW-CBCA",
        product="釉面陶瓷砖",
        model="T1",
        hs_code="690721",
        trade_value_cny="500000",
    )  # type: ignore[arg-type]
    late = run_file(session, owner, tiles, start=date(2025, 9, 20), days=0, until="testing")
    session.commit()
    assert late.day_kind == "working" and late.due_on == date(2025, 10, 23)
    listed = co.as_("co.ent.b").get(f"{API}/applications", params={"overdue": "true"}).json()
    assert [a["id"] for a in listed["items"]] == [late.id]
    detail = co.as_("co.ent.b").get(f"{API}/applications/{late.id}").json()
    assert detail["sla"]["status"] == "overdue" and detail["sla"]["remaining"] < 0
    assert detail["sla"]["fired"][0]["row_id"] == "SLA-OVERDUE"
    assert (
        co.as_("co.ent.a").get(f"{API}/applications", params={"overdue": "true"}).json()["total"]
        == 0
    )


def test_a_draft_is_corrected_and_the_rules_decide_again(co: ApiClients) -> None:
    ent = co.as_("co.ent.a")
    app = make_opened(co)
    url = f"{API}/applications/{app['id']}"
    ent.post(
        f"{url}/documents",
        json={"kind": "business_licence", "filename": "b.pdf", "sha256": sha("b")},
    )
    salt = {**FRIDGE, "scheme": "KE-PVOC", "product": "食用盐", "hs_code": "250100"}
    changed = ent.put(url, json=salt)
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["category"] == "food" and body["number"] == app["number"]
    assert "import_declaration" in body["required_documents"]
    assert "quality_system" not in body["required_documents"]
    detail = ent.get(url).json()
    assert "business_licence" not in detail["missing_documents"]
    bad = ent.put(url, json={**salt, "hs_code": "77"})
    assert bad.status_code == 422 and ent.get(url).json()["scheme"] == "KE-PVOC"
    assert co.as_("co.ent.b").put(url, json=salt).status_code == 404
    sent = make_submitted(co)
    assert ent.put(f"{API}/applications/{sent['id']}", json=FRIDGE).status_code == 409
