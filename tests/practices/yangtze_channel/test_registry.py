"""p29 registry through the API: the channel administration edits partner operators and fixed
services (PATCH), deactivates and reactivates them with a reason, and reads their history; a
deactivated operator or service receives no new offers or bookings (rules/match.json
M-OPERATOR, M-SERVICE) and leaves the public board; other roles are refused, bad input is a
problem naming the field and nothing of it is saved."""

from __future__ import annotations

from typing import Any

from tests.conftest import ApiClients
from tests.practices.yangtze_channel.conftest import API, offer_body, offered, posted


def _field(response: Any, name: str) -> None:
    assert response.status_code == 422, response.text
    assert name in {e["field"] for e in response.json()["errors"]}, response.json()


def _by_code(api: ApiClients, what: str, code: str) -> dict[str, Any]:
    rows = api.as_("yc.officer").get(f"{API}/{what}").json()
    return dict(next(r for r in rows if r["code"] == code))


def test_operator_edit_deactivate_reactivate_and_history(yc: ApiClients) -> None:
    officer, shipper = yc.as_("yc.officer"), yc.as_("yc.shipper.a")
    rail = _by_code(yc, "operators", "GTJT")
    url = f"{API}/operators/{rail['id']}"
    assert shipper.patch(url, json={"name_en": "x"}).status_code == 403
    assert yc.as_("exam.officer").patch(url, json={"name_en": "x"}).status_code == 403
    assert officer.patch(f"{API}/operators/nope", json={"name_en": "x"}).status_code == 404
    _field(officer.patch(url, json={}), "body")
    _field(officer.patch(url, json={"kind": "port"}), "node_id")  # a port names its node
    _field(officer.patch(url, json={"kind": "port", "node_id": "atlantis"}), "node_id")
    _field(officer.patch(url, json={"signed_on": "someday"}), "signed_on")
    assert shipper.get(url).json() == rail  # nothing of the refused edits was kept
    edited = officer.patch(url, json={"name_en": "Guangzhou Railway (Group) Co.",
                                      "agreement": "《合作协议》2025 续签"})  # fmt: skip
    assert edited.status_code == 200, edited.text
    assert edited.json()["name_en"] == "Guangzhou Railway (Group) Co."
    assert edited.json()["code"] == "GTJT" and edited.json()["kind"] == "rail"

    order, offer = posted(yc), offered(yc)
    _field(officer.post(f"{url}/deactivate", json={"reason": ""}), "reason")
    assert shipper.post(f"{url}/deactivate", json={"reason": "停运"}).status_code == 403
    off = officer.post(f"{url}/deactivate", json={"reason": "协议暂停，整改中"})
    assert off.status_code == 200 and off.json()["active"] is False
    assert officer.post(f"{url}/deactivate", json={"reason": "again"}).status_code == 409

    # A deactivated operator: no new offers, its open offers fit nothing and leave the board.
    assert yc.as_("yc.op.guangtie").post(f"{API}/offers", json=offer_body()).status_code == 403
    matches = shipper.get(f"{API}/orders/{order['id']}/matches").json()
    judged = next(m for m in matches if m["offer"]["id"] == offer["id"])
    assert judged["verdict"] == "no_match"
    assert [r["row_id"] for r in judged["fired"]] == ["M-OPERATOR"]
    book = f"{API}/orders/{order['id']}/book"
    refused = shipper.post(book, json={"offer_id": offer["id"]})
    _field(refused, "offer_id")
    assert "deactivated" in refused.text
    board = [o["number"] for o in shipper.get(f"{API}/board/offers").json()["items"]]
    assert offer["number"] not in board

    history = f"{url}/history"
    assert yc.as_("yc.shipper.b").get(history).status_code == 404  # not the operator's org
    own = yc.as_("yc.op.guangtie").get(history)
    assert own.status_code == 200
    entries = officer.get(history).json()
    assert entries[0]["action"] == "deactivate" and entries[0]["reason"] == "协议暂停，整改中"
    updated = next(e for e in entries if e["action"] == "update" and e["changes"][0]["field"]
                   in ("name_en", "agreement"))  # fmt: skip
    assert {c["field"] for c in updated["changes"]} == {"name_en", "agreement"}
    assert entries[-1]["action"] == "create"

    on = officer.post(f"{url}/reactivate", json={"reason": "整改完成"})
    assert on.status_code == 200 and on.json()["active"] is True
    assert shipper.post(book, json={"offer_id": offer["id"]}).status_code == 200
    actions = [e["action"] for e in officer.get(history).json()]
    assert actions[:2] == ["reactivate", "update"]


def test_service_edit_deactivate_and_history(yc: ApiClients) -> None:
    officer, shipper = yc.as_("yc.officer"), yc.as_("yc.shipper.a")
    s1 = _by_code(yc, "services", "S1-GT-NS")
    url = f"{API}/services/{s1['id']}"
    assert shipper.patch(url, json={"weekly_departures": 9}).status_code == 403
    _field(officer.patch(url, json={"weekly_departures": 0}), "weekly_departures")
    _field(officer.patch(url, json={"stops": ["jiujiang", "shanghai_yangshan"]}), "stops")
    _field(officer.patch(url, json={"stops": ["changsha_xianing", "mars"]}), "stops")
    _field(officer.patch(url, json={"network_service": "no_such_train"}), "network_service")
    _field(officer.patch(url, json={"network_service": "yangtze_chenglingji_wuhan"}),
           "network_service")  # a river service for a rail line  # fmt: skip
    _field(officer.patch(url, json={"sub_channel": "S9"}), "sub_channel")
    assert shipper.get(url).json() == s1
    edited = officer.patch(url, json={"weekly_departures": 9, "teu_per_departure": 110})
    assert edited.status_code == 200, edited.text
    assert (edited.json()["weekly_departures"], edited.json()["teu_per_departure"]) == (9, 110)

    order, offer = posted(yc), offered(yc)
    off = officer.post(f"{url}/deactivate", json={"reason": "线路施工，暂停班列"})
    assert off.status_code == 200 and off.json()["active"] is False
    rail = yc.as_("yc.op.guangtie")
    _field(rail.post(f"{API}/offers", json=offer_body()), "service_code")
    assert rail.post(f"{API}/offers", json=offer_body(service_code="")).status_code == 201
    judged = next(m for m in shipper.get(f"{API}/orders/{order['id']}/matches").json()
                  if m["offer"]["id"] == offer["id"])  # fmt: skip
    assert [r["row_id"] for r in judged["fired"]] == ["M-SERVICE"]
    _field(shipper.post(f"{API}/orders/{order['id']}/book", json={"offer_id": offer["id"]}),
           "offer_id")  # fmt: skip
    board = [o["number"] for o in shipper.get(f"{API}/board/offers").json()["items"]]
    assert offer["number"] not in board
    home = shipper.get(f"{API}/channels/S1").json()["services"][0]
    assert home["active"] is False

    entries = officer.get(f"{url}/history").json()
    assert entries[0]["action"] == "deactivate" and entries[0]["reason"] == "线路施工，暂停班列"
    change = {c["field"]: c for e in entries if e["action"] == "update" for c in e["changes"]}
    assert change["weekly_departures"]["before"] == 7 and change["weekly_departures"]["after"] == 9
    assert yc.as_("yc.shipper.a").get(f"{url}/history").status_code == 404
    assert officer.post(f"{url}/reactivate", json={"reason": "施工结束"}).json()["active"] is True
    assert shipper.post(f"{API}/orders/{order['id']}/book",
                        json={"offer_id": offer["id"]}).status_code == 200  # fmt: skip
