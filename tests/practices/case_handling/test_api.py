"""p26 over the API: registration and triage by rule, the three searches saved into the report,
a lawyer's search report that blocks finalization until the judge answers, the checklists,
finalization, reading and approval (阅核), quality review, closing; isolation between
organizations and courts; RFC 9457 problems with the field for bad input."""

from __future__ import annotations

from typing import Any

from tests.conftest import ApiClients
from tests.practices.case_handling.conftest import API, case_body, register


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return dict(response.json())


def test_registration_triages_by_rule(ch: ApiClients) -> None:
    full = register(ch)
    assert (full["track"], full["procedure_hint"]) == ("full", "ordinary")
    assert [r["row_id"] for r in full["triage"]] == ["TR-DISPUTED"]
    assert full["review_requirement"] == "reading_approval"
    assert (
        full["review_rule"][0]["row_id"] == "RS-FULL"
        and "案例26" in full["review_rule"][0]["citation"]
    )
    small = register(
        ch,
        number="（2026）湘1002民初9002号",
        amount_cny="38000.00",
        facts={"disputed": False},
        case_type="sales_contract",
        cause="买卖合同纠纷",
    )
    assert (small["track"], small["procedure_hint"]) == ("fast", "small_claims")
    assert small["review_requirement"] == "filing"
    assert small["ledger_index"] is not None and small["status"] == "open"
    listed = ch.as_("ch.judge").get(f"{API}/cases", params={"track": "fast"}).json()
    assert listed["total"] == 1 and listed["items"][0]["number"] == "（2026）湘1002民初9002号"
    assert set(listed) == {"items", "total", "page", "size"}


def test_bad_input_is_a_problem_with_the_field(ch: ApiClients) -> None:
    judge = ch.as_("ch.judge")
    bad = _problem(judge.post(f"{API}/cases", json=case_body(number="2026-1")), 422)
    assert bad["errors"][0]["field"].endswith("number")
    register(ch)
    dup = _problem(judge.post(f"{API}/cases", json=case_body()), 422)
    assert dup["errors"] == [
        {"field": "number", "reason": "case （2026）湘1002民初9001号 is already registered"}
    ]
    one_side = case_body(number="（2026）湘1002民初9003号")
    one_side["parties"] = [one_side["parties"][0], {**one_side["parties"][0], "name": "另一原告"}]
    assert (
        _problem(judge.post(f"{API}/cases", json=one_side), 422)["errors"][0]["field"] == "parties"
    )
    org = case_body(number="（2026）湘1002民初9004号")
    org["parties"][1]["org_code"] = "no-such-org"
    assert (
        _problem(judge.post(f"{API}/cases", json=org), 422)["errors"][0]["field"]
        == "parties.org_code"
    )
    assert judge.get(f"{API}/cases", params={"total": 1}).status_code == 200


def test_three_searches_answer_finalize_approve_close(ch: ApiClients) -> None:
    case = register(ch)
    judge, lawyer, chief = ch.as_("ch.judge"), ch.as_("ch.lawyer"), ch.as_("ch.chief")
    sub = lawyer.post(
        f"{API}/cases/{case['id']}/submissions",
        json={
            "kind": "legal_basis",
            "query": "举证责任 当事人对自己提出的主张",
            "cited": ["《民事诉讼法》第六十七条"],
            "argument": "被告应对其抗辩的付款延期事实承担举证责任。",
        },
    )
    assert sub.status_code == 201, sub.text
    legal = judge.post(
        f"{API}/cases/{case['id']}/searches",
        json={"kind": "legal_basis", "query": "民事诉讼法第六十七条 举证责任"},
    )
    assert legal.status_code == 201, legal.text
    first = legal.json()["results"][0]
    assert first["citation"] == "《民事诉讼法》第六十七条" and first["how"] == ["citation"]
    similar = judge.post(
        f"{API}/cases/{case['id']}/searches", json={"kind": "similar_cases"}
    ).json()
    assert similar["results"] and similar["query"].startswith("保理合同纠纷")
    assert (
        judge.post(f"{API}/cases/{case['id']}/searches", json={"kind": "related_cases"}).status_code
        == 201
    )

    report = judge.get(f"{API}/cases/{case['id']}/report").json()
    fields = {g["field"] for g in report["gaps"]}
    assert fields == {"submissions", "checklist", "analysis"}
    blocked = _problem(judge.post(f"{API}/cases/{case['id']}/report/finalize"), 422)
    assert {e["field"] for e in blocked["errors"]} == fields

    answered = judge.post(
        f"{API}/submissions/{sub.json()['id']}/answer",
        json={"position": "adopted", "answer": "予以采纳：依照第六十七条分配举证责任。"},
    )
    assert answered.json()["status"] == "answered"
    again = judge.post(
        f"{API}/submissions/{sub.json()['id']}/answer",
        json={"position": "adopted", "answer": "再次回应"},
    )
    _problem(again, 409)
    items = [
        {"item_id": i["id"], "state": "done"}
        for i in judge.get(f"{API}/cases/{case['id']}/checklist").json()
    ]
    assert any(i["item_id"] == "EV-FACTORING-NOTICE" for i in items)
    assert (
        judge.put(f"{API}/cases/{case['id']}/checklist", json={"items": items}).status_code == 200
    )
    saved = judge.put(
        f"{API}/cases/{case['id']}/report", json={"analysis": "三项检索结果一致，支持原告主张。"}
    )
    assert saved.json()["gaps"] == []
    final = judge.post(f"{API}/cases/{case['id']}/report/finalize")
    assert final.status_code == 200, final.text
    body = final.json()
    assert (
        body["status"] == "final" and len(body["sha256"]) == 64 and body["ledger_index"] is not None
    )
    assert body["searches"]["legal_basis"]["query"] == "民事诉讼法第六十七条 举证责任"
    assert body["submissions"][0]["position"] == "adopted"
    _problem(judge.post(f"{API}/cases/{case['id']}/searches", json={"kind": "related_cases"}), 409)

    early = judge.post(
        f"{API}/cases/{case['id']}/close", json={"outcome": "judgment", "closed_on": "2026-10-01"}
    )
    assert "阅核" in _problem(early, 409)["detail"]
    not_chief = ch.as_("ch.judge2").post(
        f"{API}/cases/{case['id']}/reviews",
        json={"kind": "reading_approval", "outcome": "approved"},
    )
    _problem(not_chief, 403)
    approved = chief.post(
        f"{API}/cases/{case['id']}/reviews",
        json={"kind": "reading_approval", "outcome": "approved", "note": "同意"},
    )
    assert approved.json()["case_status"] == "approved"
    closed = judge.post(
        f"{API}/cases/{case['id']}/close", json={"outcome": "judgment", "closed_on": "2026-10-01"}
    )
    assert closed.json()["status"] == "closed" and closed.json()["outcome"] == "judgment"
    quality = ch.as_("ch.reviewer").post(
        f"{API}/cases/{case['id']}/reviews",
        json={
            "kind": "quality_review",
            "outcome": "findings",
            "note": "评查",
            "findings": [
                {"category": "document", "severity": "minor", "description": "文书未列类案案号"}
            ],
        },
    )
    assert quality.status_code == 201
    finding = ch.as_("ch.reviewer").get(f"{API}/cases/{case['id']}/reviews").json()["findings"][0]
    fixed = judge.post(
        f"{API}/findings/{finding['id']}/rectify", json={"rectification": "已补正裁定"}
    )
    assert fixed.json()["status"] == "rectified"
    history = judge.get(f"{API}/cases/{case['id']}/history").json()
    assert {"transition:finalize", "transition:approve", "transition:close"} <= {
        h["action"] for h in history
    }


def test_send_back_reopens_the_report(ch: ApiClients) -> None:
    case = register(ch, facts={"disputed": False, "four_category": True}, amount_cny="30000.00")
    assert case["track"] == "fast" and case["review_requirement"] == "reading_approval"
    judge = ch.as_("ch.judge")
    for kind in ("legal_basis", "similar_cases", "related_cases"):
        assert (
            judge.post(
                f"{API}/cases/{case['id']}/searches",
                json={"kind": kind, "query": "应收账款 保理" if kind != "related_cases" else ""},
            ).status_code
            == 201
        )
    items = [
        {"item_id": i["id"], "state": "not_applicable"}
        for i in judge.get(f"{API}/cases/{case['id']}/checklist").json()
    ]
    judge.put(f"{API}/cases/{case['id']}/checklist", json={"items": items})
    judge.put(
        f"{API}/cases/{case['id']}/report", json={"analysis": "分析意见：事实清楚，法律关系明确。"}
    )
    assert judge.post(f"{API}/cases/{case['id']}/report/finalize").status_code == 200
    president = ch.as_("ch.president")
    _problem(
        president.post(
            f"{API}/cases/{case['id']}/reviews",
            json={"kind": "reading_approval", "outcome": "returned"},
        ),
        422,
    )
    sent = president.post(
        f"{API}/cases/{case['id']}/reviews",
        json={"kind": "reading_approval", "outcome": "returned", "note": "补充类案说明"},
    )
    assert sent.json()["case_status"] == "open"
    assert judge.get(f"{API}/cases/{case['id']}/report").json()["status"] == "draft"


def test_parties_see_only_their_cases_and_submissions(ch: ApiClients) -> None:
    case = register(ch)
    other = register(
        ch,
        number="（2026）湘1002民初9010号",
        parties=[{"role": "plaintiff", "name": "某银行"}, {"role": "defendant", "name": "某公司"}],
    )
    for user in ("ch.ent.a", "ch.ent.b", "ch.lawyer"):
        client = ch.as_(user)
        assert client.get(f"{API}/cases/{case['id']}").status_code == 200
        assert client.get(f"{API}/cases/{other['id']}").status_code == 404
        assert {c["id"] for c in client.get(f"{API}/cases").json()["items"]} == {case["id"]}
    assert ch.as_("ent.a").get(f"{API}/cases/{case['id']}").status_code == 404
    assert ch.as_("exam.officer").get(f"{API}/cases").json()["total"] == 0
    made = (
        ch.as_("ch.lawyer")
        .post(
            f"{API}/cases/{case['id']}/submissions",
            json={"kind": "similar_cases", "query": "保理", "argument": "请参照类案裁判。"},
        )
        .json()
    )
    assert [
        s["id"] for s in ch.as_("ch.ent.a").get(f"{API}/cases/{case['id']}/submissions").json()
    ] == []
    assert [
        s["id"] for s in ch.as_("ch.lawyer").get(f"{API}/cases/{case['id']}/submissions").json()
    ] == [made["id"]]
    assert len(ch.as_("ch.judge").get(f"{API}/cases/{case['id']}/submissions").json()) == 1
    stranger = ch.as_("ent.a").post(
        f"{API}/cases/{case['id']}/submissions",
        json={"kind": "similar_cases", "query": "保理", "argument": "请参照类案裁判。"},
    )
    _problem(stranger, 404)
    _problem(
        ch.as_("ch.lawyer").post(
            f"{API}/cases/{case['id']}/searches", json={"kind": "related_cases"}
        ),
        403,
    )
    _problem(
        ch.as_("ch.judge2").post(
            f"{API}/cases/{case['id']}/searches", json={"kind": "related_cases"}
        ),
        403,
    )
    _problem(
        ch.as_("ch.ent.a").post(
            f"{API}/submissions/{made['id']}/answer",
            json={"position": "adopted", "answer": "自己回应"},
        ),
        403,
    )


def test_related_cases_by_party_subject_and_linked_number(ch: ApiClients) -> None:
    first = register(ch, subject_matter="同一批应收账款")
    second = register(
        ch,
        number="（2026）湘1002民初9020号",
        subject_matter="同一批应收账款",
        linked_numbers=["（2026）湘1002民初9001号", "（2025）湘10民终77号"],
    )
    run = (
        ch.as_("ch.judge")
        .post(f"{API}/cases/{second['id']}/searches", json={"kind": "related_cases"})
        .json()
    )
    by_number = {r["number"]: r for r in run["results"]}
    relations = {x["relation"] for x in by_number[first["number"]]["relations"]}
    assert relations == {"linked", "same_subject", "same_party"}
    assert by_number["（2025）湘10民终77号"]["source"] == "external"
    assert run["results"][0]["number"] == first["number"]


def test_search_api_for_every_signed_in_user(ch: ApiClients) -> None:
    found = ch.as_("ent.a").get(f"{API}/laws/search", params={"q": "海关法第六十条"}).json()
    assert found["hits"][0]["law_short"] == "海关法" and found["hits"][0]["number"] == 60
    bad = _problem(
        ch.as_("ent.a").get(f"{API}/laws/search", params={"q": "税", "law": "无此法"}), 422
    )
    assert bad["errors"][0]["field"] == "law"
    article = ch.as_("ent.a").get(f"{API}/laws/articles/{found['hits'][0]['article_id']}").json()
    assert article["article_no"] == "第六十条"
    laws = ch.as_("ent.a").get(f"{API}/laws").json()
    assert {law["short_name"] for law in laws} >= {"海关法", "关税法"}
    listed = ch.as_("ent.a").get(f"{API}/judgments", params={"size": 5}).json()
    assert listed["total"] >= 12 and len(listed["items"]) == 5
    similar = (
        ch.as_("ent.a")
        .get(f"{API}/judgments/search", params={"q": listed["items"][0]["holding"]})
        .json()
    )
    assert similar["results"][0]["number"] == listed["items"][0]["number"]
    assert ch.as_("ent.a").get(f"{API}/judgments/{listed['items'][0]['id']}").json()["facts"]


def test_statistics_and_surveys(ch: ApiClients) -> None:
    judge = ch.as_("ch.judge")
    _problem(
        judge.post(
            f"{API}/surveys",
            json={"year": 2024, "label": "测评", "respondents": 10, "satisfied": 9},
        ),
        403,
    )
    chief = ch.as_("ch.chief")
    made = chief.post(
        f"{API}/surveys", json={"year": 2024, "label": "测评", "respondents": 10, "satisfied": 9}
    )
    assert made.status_code == 201
    _problem(
        chief.post(
            f"{API}/surveys",
            json={"year": 2024, "label": "测评", "respondents": 10, "satisfied": 9},
        ),
        422,
    )
    _problem(
        chief.post(
            f"{API}/surveys", json={"year": 2023, "label": "x", "respondents": 1, "satisfied": 2}
        ),
        422,
    )
    stats = judge.get(f"{API}/statistics").json()
    assert stats["satisfaction"] == [
        {"year": 2024, "respondents": 10, "satisfied": 9, "rate_pct": 90.0}
    ]
    assert stats["seed"]["figures"]["average_days_ftz"] == 28.72
    _problem(ch.as_("ch.ent.a").get(f"{API}/statistics"), 403)
