"""p18 over the API with `Idempotency-Key`: a retried deposit, step, registration or correction
answers the first reply (`Idempotent-Replay: true`) and moves no more money and records no
more steps; the same key with another body or on another route is a 422 naming the header;
without a key every route behaves as before (a second deposit is a second deposit, a second
screening is the state machine's refusal)."""

from __future__ import annotations

from typing import Any

from tests.conftest import ApiClients
from tests.practices.sealed_transfer.conftest import API, Flow, case_body

DEPOSIT = {"amount": "600000.00", "reference": "DEP-1"}
SCREEN = {"notary_code": "jn-minghu-notary", "title_clear": True, "debtor_agrees": True}


def keyed(key: str) -> dict[str, str]:
    return {"Idempotency-Key": key}


def books(case: dict[str, Any]) -> tuple[Any, ...]:
    """What a step changes: the steps recorded, the escrow totals and the money movements."""
    return case["status"], case["steps"], case["escrow"], case["movements"]


def now(st: ApiClients, case_id: str) -> dict[str, Any]:
    found = st.as_("st.court").get(f"{API}/cases/{case_id}")
    assert found.status_code == 200, found.text
    return dict(found.json())


def is_key_problem(reply: Any) -> bool:
    problem = reply.json()
    return bool(reply.status_code == 422 and problem["errors"][0]["field"] == "Idempotency-Key")


def test_a_retried_deposit_is_paid_once(st: ApiClients) -> None:
    flow = Flow(st)
    cid = flow.to("contracted")["id"]
    url, buyer = f"{API}/cases/{cid}/deposits", st.as_("st.buyer")
    first = buyer.post(url, json=DEPOSIT, headers=keyed("dep-1"))
    assert first.status_code == 200, first.text
    assert "Idempotent-Replay" not in first.headers
    retry = buyer.post(url, json=DEPOSIT, headers=keyed("dep-1"))
    assert retry.status_code == 200 and retry.headers["Idempotent-Replay"] == "true"
    assert retry.json() == first.json()
    assert first.json()["escrow"]["deposit"] == "600000.00"
    assert books(now(st, cid)) == books(first.json())


def test_a_retried_step_answers_the_first_reply_not_a_refusal(st: ApiClients) -> None:
    flow = Flow(st)
    cid = flow.to("on_file")["id"]
    url, court = f"{API}/cases/{cid}/screen", st.as_("st.court")
    first = court.post(url, json=SCREEN, headers=keyed("screen-1"))
    assert first.status_code == 200 and first.json()["status"] == "settling", first.text
    retry = court.post(url, json=SCREEN, headers=keyed("screen-1"))
    assert retry.status_code == 200 and retry.json() == first.json()
    assert books(now(st, cid)) == books(first.json())
    # Without the key the retry is a new request, refused by the state machine as before.
    assert court.post(url, json=SCREEN).status_code == 409


def test_a_retried_put_step_is_replayed(st: ApiClients) -> None:
    flow = Flow(st)
    flow.to("settling")
    url, notary = f"{API}/cases/{flow.case['id']}/agreement", st.as_("st.notary")
    body = flow.agreement()
    first = notary.put(url, json=body, headers=keyed("agr-1"))
    retry = notary.put(url, json=body, headers=keyed("agr-1"))
    assert first.status_code == retry.status_code == 200, first.text
    assert retry.headers["Idempotent-Replay"] == "true" and retry.json() == first.json()
    assert len(now(st, flow.case["id"])["steps"]) == len(first.json()["steps"])


def test_a_retried_registration_and_correction_are_replayed(st: ApiClients) -> None:
    court = st.as_("st.court")
    first = court.post(f"{API}/cases", json=case_body(), headers=keyed("reg-1"))
    retry = court.post(f"{API}/cases", json=case_body(), headers=keyed("reg-1"))
    assert first.status_code == retry.status_code == 201, first.text
    assert retry.json() == first.json() and retry.headers["Idempotent-Replay"] == "true"
    # Without the key the same number again is the duplicate it always was.
    assert court.post(f"{API}/cases", json=case_body()).status_code == 409
    url, changed = f"{API}/cases/{first.json()['id']}", case_body()
    changed["judgment"] = "650000.00"
    fixed = court.put(url, json=changed, headers=keyed("fix-1"))
    again = court.put(url, json=changed, headers=keyed("fix-1"))
    assert fixed.status_code == again.status_code == 200, fixed.text
    assert again.json() == fixed.json() and fixed.json()["judgment"] == "650000.00"
    assert books(now(st, first.json()["id"])) == books(fixed.json())


def test_the_same_key_with_another_body_or_route_is_422(st: ApiClients) -> None:
    flow = Flow(st)
    cid = flow.to("contracted")["id"]
    buyer = st.as_("st.buyer")
    first = buyer.post(f"{API}/cases/{cid}/deposits", json=DEPOSIT, headers=keyed("dep-2"))
    assert first.status_code == 200, first.text
    other = {**DEPOSIT, "amount": "700000.00"}
    changed = buyer.post(f"{API}/cases/{cid}/deposits", json=other, headers=keyed("dep-2"))
    assert is_key_problem(changed), changed.text
    assert changed.headers["content-type"].startswith("application/problem+json")
    elsewhere = buyer.post(
        f"{API}/cases/{cid}/signatures", json={"signer": "buyer"}, headers=keyed("dep-2")
    )
    assert is_key_problem(elsewhere), elsewhere.text
    assert books(now(st, cid)) == books(first.json())
    too_long = buyer.post(f"{API}/cases/{cid}/deposits", json=DEPOSIT, headers=keyed("k" * 201))
    assert is_key_problem(too_long)


def test_without_a_key_a_second_deposit_is_a_second_deposit(st: ApiClients) -> None:
    flow = Flow(st)
    cid = flow.to("contracted")["id"]
    url, buyer = f"{API}/cases/{cid}/deposits", st.as_("st.buyer")
    one = buyer.post(url, json=DEPOSIT)
    two = buyer.post(url, json=DEPOSIT)
    assert one.status_code == two.status_code == 200, two.text
    assert "Idempotent-Replay" not in two.headers
    assert two.json()["escrow"]["deposit"] == "1200000.00"
    assert [m["kind"] for m in two.json()["movements"]] == ["deposit", "deposit"]
    assert books(now(st, cid)) == books(two.json())
