"""p08 API: CBEC tax, returns at another customs, windows, over-returns, approval effects on the
double-entry accounts, isolation and idempotency replay."""

from __future__ import annotations

from tests.conftest import ApiClients
from tests.practices.cbec_returns.conftest import BASE, list_body, return_body


def test_tax_is_cbec_combined_rate(cr: ApiClients) -> None:
    r = cr.as_("cr.platform").post(f"{BASE}/lists", json=list_body("L-TAX1"))
    assert r.status_code == 201, r.text
    body = r.json()
    # cosmetics 1500 × (0.15+0.13)/(1−0.15) × 0.7 = 345.88; formula 1000 × 0.09 × 0.7 = 63.00
    assert body["regime"] == "cbec"
    assert [x["tax"] for x in body["lines"]] == [345.88, 63.0]
    assert body["tax_due"] == 408.88
    assert {w["citation"] for w in body["why"]} >= {"财关税〔2016〕18号"}


def test_above_5000_is_general_trade(cr: ApiClients) -> None:
    big = list_body("L-BIG1")
    big["lines"][0]["quantity"] = 11  # 5,500 + 1,000
    body = cr.as_("cr.platform").post(f"{BASE}/lists", json=big).json()
    assert body["regime"] == "general"


def test_return_at_other_customs_approve_updates_everything(cr: ApiClients) -> None:
    cr.as_("cr.platform").post(f"{BASE}/lists", json=list_body("L-RET1"))
    r = cr.as_("cr.platform").post(f"{BASE}/returns", json=return_body("L-RET1", [(1, 2)]))
    assert r.status_code == 201, r.text
    ret = r.json()
    assert ret["customs_code"] == "3100" and ret["status"] == "requested"
    over = cr.as_("cr.platform").post(f"{BASE}/returns", json=return_body("L-RET1", [(1, 2)]))
    assert over.status_code == 422 and "1" in over.json()["detail"]
    ok = cr.as_("cr.officer").post(f"{BASE}/returns/{ret['id']}/approve", json={"note": "ok"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["ledger_sha256"]
    again = cr.as_("cr.officer").post(f"{BASE}/returns/{ret['id']}/approve", json={})
    assert again.status_code == 409
    lst = cr.as_("cr.platform").get(f"{BASE}/lists/{ret['list_id']}").json()
    assert lst["lines"][0]["returned"] == 2 and lst["lines"][0]["reserved"] == 0
    assert lst["tax_due"] == round(408.88 - 230.58, 2)
    rec = cr.as_("cr.officer").get(f"{BASE}/reconcile").json()
    assert rec["ok"] and rec["sum_of_all_entries"] == 0, rec
    stats = cr.as_("cr.officer").get(f"{BASE}/statistics").json()
    assert any(s["customs_code"] == "3100" and s["items"] >= 2 for s in stats)


def test_late_return_refused_with_reason(cr: ApiClients) -> None:
    cr.as_("cr.platform").post(f"{BASE}/lists", json=list_body("L-LATE", days_ago=31))
    r = cr.as_("cr.platform").post(f"{BASE}/returns", json=return_body("L-LATE", [(1, 1)]))
    assert r.status_code == 422 and "30" in r.json()["detail"]


def test_refusal_releases_reservation(cr: ApiClients) -> None:
    cr.as_("cr.platform").post(f"{BASE}/lists", json=list_body("L-REF1"))
    ret = cr.as_("cr.platform").post(f"{BASE}/returns", json=return_body("L-REF1", [(2, 4)]))
    rid = ret.json()["id"]
    assert cr.as_("cr.officer").post(f"{BASE}/returns/{rid}/refuse", json={}).status_code == 422
    assert cr.as_("cr.officer").post(f"{BASE}/returns/{rid}/refuse",
                                     json={"note": "未进区"}).status_code == 200  # fmt: skip
    r = cr.as_("cr.platform").post(f"{BASE}/returns", json=return_body("L-REF1", [(2, 4)]))
    assert r.status_code == 201


def test_other_org_sees_404(cr: ApiClients) -> None:
    lst = cr.as_("cr.platform").post(f"{BASE}/lists", json=list_body("L-ISO1")).json()
    ret = cr.as_("cr.platform").post(f"{BASE}/returns", json=return_body("L-ISO1", [(1, 1)]))
    other = cr.as_("cr.other")
    assert other.get(f"{BASE}/lists/{lst['id']}").status_code == 404
    assert other.get(f"{BASE}/returns/{ret.json()['id']}").status_code == 404
    assert other.post(f"{BASE}/returns", json=return_body("L-ISO1", [(1, 1)])).status_code == 404
    assert other.get(f"{BASE}/returns").json() == []
    assert other.post(f"{BASE}/returns/{ret.json()['id']}/approve", json={}).status_code == 403


def test_idempotency_replay(cr: ApiClients) -> None:
    client = cr.as_("cr.platform")
    first = client.post(
        f"{BASE}/lists", json=list_body("L-IDEM"), headers={"Idempotency-Key": "k1"}
    )
    replay = client.post(
        f"{BASE}/lists", json=list_body("L-IDEM"), headers={"Idempotency-Key": "k1"}
    )
    assert first.status_code == replay.status_code == 201
    assert first.json() == replay.json() and replay.headers["Idempotent-Replay"] == "true"
    other = client.post(
        f"{BASE}/lists", json=list_body("L-IDEM2"), headers={"Idempotency-Key": "k1"}
    )
    assert other.status_code == 422
    h = {"Idempotency-Key": "r1"}
    a = client.post(f"{BASE}/returns", json=return_body("L-IDEM", [(1, 3)]), headers=h)
    b = client.post(f"{BASE}/returns", json=return_body("L-IDEM", [(1, 3)]), headers=h)
    assert a.status_code == b.status_code == 201 and a.json()["id"] == b.json()["id"]
