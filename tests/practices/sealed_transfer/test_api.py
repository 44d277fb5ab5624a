"""p18 over the API: the whole flow, each step by its owner, ending with the seal lifted and
the case closed; the escrow books, the ledger anchors, the failure path, refusals as problem
details, and who sees what."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.kit.pagination import PageParams
from ftz.core.ledger.receipts import verify_receipt
from ftz.practices.sealed_transfer import anchors, escrow, repository
from ftz.practices.sealed_transfer.models import TransferCase
from tests.conftest import ApiClients
from tests.practices.sealed_transfer.conftest import API, Flow, case_body


def test_the_whole_flow_closes_the_case(st: ApiClients, session: Session) -> None:
    flow = Flow(st)
    case = flow.to("closed")
    assert [s["lifted"] for s in case["seals"]] == [True]
    assert case["new_certificate_no"] == "鲁(2025)济南市不动产权第0999999号"
    paid = {p["name"]: (p["priority"], p["agreed"], p["paid"]) for p in flow.creditors()}
    # The mortgagee ranks first, the sealing applicant second, the ordinary creditor third.
    assert paid == {
        "济南示范农村商业银行": (1, "800000.00", "800000.00"),
        "孙某": (2, "600000.00", "600000.00"),
        "济南示范装饰工程有限公司": (3, "100000.00", "100000.00"),
    }
    money = {k: Decimal(v) for k, v in case["escrow"].items()}
    assert money == {
        "deposit": Decimal("1900000"),
        "payout": Decimal("1500000"),
        "remainder": Decimal("400000"),
        "refund": 0,
        "balance": 0,
    }
    assert [m["kind"] for m in case["movements"]] == [
        "deposit",
        "deposit",
        "payout",
        "payout",
        "payout",
        "remainder",
    ]
    steps = [s["step"] for s in case["steps"]]
    assert (
        steps[0] == "register"
        and steps[-1] == "close"
        and len(steps) == len(set(s["seq"] for s in case["steps"]))
    )
    assert steps.index("transfer_title") < steps.index("payout") < steps.index("lift_seal")
    assert all(s["ledger_index"] >= 0 and len(s["entry_sha256"]) == 64 for s in case["steps"])
    stored = session.get(TransferCase, case["id"])
    assert stored is not None
    assert anchors.verify(session, stored)["ok"]
    assert escrow.reconcile(session)["ok"]
    assert case["allowed"] == []  # a closed case has no step left
    receipt = st.as_("st.court").get(f"{API}/cases/{case['id']}/steps/3/receipt")
    assert receipt.status_code == 200
    assert receipt.json()["leaf_index"] == case["steps"][2]["ledger_index"]
    assert verify_receipt(receipt.json()).ok  # offline: entry, proof, signed checkpoint, timestamp
    assert st.as_("st.court").get(f"{API}/cases/{case['id']}/steps/99/receipt").status_code == 404


def test_every_step_is_its_owners(st: ApiClients) -> None:
    flow = Flow(st)
    case = flow.to("on_file")
    screen = {"notary_code": "jn-minghu-notary", "title_clear": True, "debtor_agrees": True}
    for user in ("st.notary", "st.bank", "st.registry"):
        refused = st.as_(user).post(f"{API}/cases/{case['id']}/screen", json=screen)
        assert refused.status_code in (403, 404), (user, refused.text)
    flow.post("st.court", "screen", screen)
    # The bank may consent only for itself, not for the applicant.
    applicant = flow.party("applicant")
    flow.post("st.notary", "agreement", flow.agreement(), "put")
    mine = st.as_("st.bank").post(
        f"{API}/cases/{case['id']}/consents", json={"party_id": applicant["id"]}
    )
    assert mine.status_code == 403
    bank_may = st.as_("st.bank").get(f"{API}/cases/{case['id']}").json()["allowed"]
    assert bank_may == ["give_consent"]
    court_may = st.as_("st.court").get(f"{API}/cases/{case['id']}").json()["allowed"]
    assert "give_consent" not in court_may and "collapse" in court_may


def test_a_changed_agreement_needs_consent_again(st: ApiClients) -> None:
    flow = Flow(st)
    flow.to("settling")
    flow.post("st.notary", "agreement", flow.agreement(), "put")
    bank = flow.party("creditor", "济南示范农村商业银行")
    flow.post("st.bank", "consents", {"party_id": bank["id"]})
    assert flow.party("creditor", "济南示范农村商业银行")["consented"] is True
    changed = flow.agreement() | {"min_price": "1850000.00"}
    flow.post("st.notary", "agreement", changed, "put")
    assert flow.party("creditor", "济南示范农村商业银行")["consented"] is False
    early = st.as_("st.notary").post(f"{API}/cases/{flow.case['id']}/notarize-agreement", json={})
    assert early.status_code == 422
    problem = early.json()
    assert problem["type"] == "/problems/validation" and problem["errors"][0]["field"] == "consents"
    assert "PR-CONSENT" in problem["detail"]


def test_the_sale_collapses_money_returns_property_stays_sealed(st: ApiClients) -> None:
    flow = Flow(st)
    flow.to("contracted")
    flow.post("st.buyer", "deposits", {"amount": "500000.00", "reference": "DEP-1"})
    flow.post("st.notary", "collapse", {"note": "买受人贷款未获批准"})
    cid = flow.case["id"]
    early = st.as_("st.court").post(f"{API}/cases/{cid}/terminate", json={})
    assert early.status_code == 422 and "PR-TERMINATE-BALANCE" in early.text
    over = st.as_("st.notary").post(
        f"{API}/cases/{cid}/refunds", json={"amount": "500000.01", "reference": "R-0"}
    )
    assert over.status_code == 422 and over.json()["errors"][0]["field"] == "amount"
    flow.post("st.notary", "refunds", {"amount": "300000.00", "reference": "R-1"})
    flow.post("st.notary", "refunds", {"amount": "200000.00", "reference": "R-2"})
    case = flow.post("st.court", "terminate", {"note": "恢复司法拍卖"})
    assert case["status"] == "terminated" and case["escrow"]["balance"] == "0.00"
    assert case["escrow"]["refund"] == "500000.00"
    assert [s["lifted"] for s in case["seals"]] == [False]  # still sealed
    assert case["new_certificate_no"] == ""
    no_transfer = st.as_("st.registry").post(
        f"{API}/cases/{cid}/transfer", json={"certificate_no": "X-123456"}
    )
    assert no_transfer.status_code == 409


def test_no_collapse_after_the_transfer(st: ApiClients) -> None:
    flow = Flow(st)
    flow.to("transferred")
    late = st.as_("st.court").post(
        f"{API}/cases/{flow.case['id']}/collapse", json={"note": "too late"}
    )
    assert late.status_code == 409 and "ST-COLLAPSE" in late.text


def test_bad_input_is_a_problem_and_changes_nothing(st: ApiClients, session: Session) -> None:
    court = st.as_("st.court")
    body = case_body()
    body["parties"][0]["id_number"] = "370100199001010000"
    bad = court.post(f"{API}/cases", json=body)
    assert bad.status_code == 422 and bad.headers["content-type"].startswith(
        "application/problem+json"
    )
    assert bad.json()["errors"][0]["field"] == "parties.0.id_number"
    long_seal = case_body()
    long_seal["seals"][0]["expires_on"] = "2099-01-01"
    assert court.post(f"{API}/cases", json=long_seal).status_code == 422
    two_debtors = case_body()
    two_debtors["parties"][2] = {**two_debtors["parties"][1]}
    assert court.post(f"{API}/cases", json=two_debtors).status_code == 422
    court_user = accounts.acting_as(session, "st.court")
    assert repository.search(session, court_user, PageParams()).total == 0
    made = court.post(f"{API}/cases", json=case_body())
    assert made.status_code == 201
    assert court.post(f"{API}/cases", json=case_body()).status_code == 409
    unknown = court.post(
        f"{API}/cases/{made.json()['id']}/screen",
        json={"notary_code": "nobody", "title_clear": True, "debtor_agrees": True},
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "notary_code"
    unfit = court.post(
        f"{API}/cases/{made.json()['id']}/screen",
        json={"notary_code": "jn-minghu-notary", "title_clear": False, "debtor_agrees": True},
    )
    assert unfit.status_code == 422 and "SC-TITLE" in unfit.text
    assert court.get(f"{API}/cases/{made.json()['id']}").json()["status"] == "on_file"


def test_correction_keeps_identity_numbers(st: ApiClients) -> None:
    court = st.as_("st.court")
    made = court.post(f"{API}/cases", json=case_body()).json()
    body = case_body()
    for n, p in enumerate(body["parties"]):
        p["party_id"] = made["parties"][[x["name"] for x in made["parties"]].index(p["name"])]["id"]
        if n == 0:
            p.pop("id_number")
    body["property"]["area_m2"] = "120.00"
    body["parties"].pop()  # the ordinary creditor turns out to have been paid already
    fixed = court.put(f"{API}/cases/{made['id']}", json=body)
    assert fixed.status_code == 200, fixed.text
    out = fixed.json()
    assert out["area_m2"] == "120.00" and len(out["parties"]) == 3
    applicant = next(p for p in out["parties"] if p["role"] == "applicant")
    assert (
        applicant["id_display"]
        == next(p for p in made["parties"] if p["role"] == "applicant")["id_display"]
    )
    assert [s["step"] for s in out["steps"]] == ["register", "edit"]


def test_who_sees_which_case(st: ApiClients) -> None:
    flow = Flow(st)
    case = flow.to("sale_approved")
    url = f"{API}/cases/{case['id']}"
    for user in ("st.court", "st.notary", "st.registry", "st.bank", "st.debtor", "admin"):
        assert st.as_(user).get(url).status_code == 200, user
    for user in ("st.court.b", "ent.a", "exam.officer", "st.buyer"):
        assert st.as_(user).get(url).status_code == 404, user
        assert st.as_(user).get(f"{API}/cases").json()["total"] == 0, user
    assert st.anonymous().get(url).status_code == 401
    other = st.as_("st.court.b").post(f"{API}/cases/{case['id']}/close", json={})
    assert other.status_code == 404
    listed = st.as_("st.bank").get(f"{API}/cases?q=经十路").json()
    assert listed["total"] == 1 and listed["items"][0]["status"] == "sale_approved"
    assert st.as_("st.bank").get(f"{API}/cases?status=closed").json()["total"] == 0
    assert st.as_("st.bank").get(f"{API}/statistics").status_code == 403
    stats = st.as_("st.court").get(f"{API}/statistics").json()
    assert stats["cases"] == 1 and stats["by_status"] == {"sale_approved": 1}
    assert st.as_("st.court.b").get(f"{API}/statistics").json()["cases"] == 0
