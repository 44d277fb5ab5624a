"""p10 API: the recommendation (recorded for enterprises), the choice anchored in the ledger,
bad input as RFC 9457 problems, isolation between organizations, officers' statistics."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.ledger.models import LedgerLeaf
from tests.conftest import ApiClients
from tests.practices.clearance_menu.conftest import RAIL_IMPORT

API = "/api/clearance-menu"


def test_anyone_gets_a_recommendation_and_nothing_is_recorded(cm: ApiClients) -> None:
    done = cm.anonymous().post(f"{API}/recommend", json=RAIL_IMPORT)
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["combination"]["code"] == "I02" and body["request_id"] is None
    assert set(body) >= {"declare", "inspect", "pickup", "alternatives", "excluded", "trace"}


def test_bad_input_is_a_problem(cm: ApiClients) -> None:
    bad = cm.as_("cm.rail").post(
        f"{API}/recommend", json={**RAIL_IMPORT, "goods": {"hs_code": "12ab"}}
    )
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    assert "hs_code" in bad.text
    unknown = cm.as_("cm.rail").post(f"{API}/recommend", json={**RAIL_IMPORT, "transport": "mule"})
    assert unknown.status_code == 422
    listed = cm.as_("cm.rail").get(f"{API}/requests").json()
    assert listed["total"] == 0  # nothing half-saved


def test_choice_is_recorded_once_and_anchored(cm: ApiClients, session: Session) -> None:
    rail = cm.as_("cm.rail")
    asked = rail.post(f"{API}/recommend", json=RAIL_IMPORT).json()
    record_id = asked["request_id"]
    assert record_id
    wrong = rail.post(f"{API}/requests/{record_id}/choice", json={"combination": "I04"})
    assert wrong.status_code == 422 and "not eligible" in wrong.text
    chosen = rail.post(f"{API}/requests/{record_id}/choice", json={"combination": "i03"})
    assert chosen.status_code == 200, chosen.text
    body = chosen.json()
    assert body["chosen_code"] == "I03" and body["ledger_index"] is not None
    leaf = session.scalar(
        select(LedgerLeaf).where(LedgerLeaf.ref == f"clearance_menu_request:{record_id}")
    )
    assert leaf is not None and b"clearance-menu-choice" in leaf.entry
    again = rail.post(f"{API}/requests/{record_id}/choice", json={"combination": "I02"})
    assert again.status_code == 409
    history = rail.get(f"{API}/requests/{record_id}/history").json()
    assert len(history) >= 2
    csv = rail.get(f"{API}/requests.csv")
    assert csv.status_code == 200 and record_id in csv.text and "I03" in csv.text


def test_other_organizations_see_nothing(cm: ApiClients) -> None:
    record_id = cm.as_("cm.rail").post(f"{API}/recommend", json=RAIL_IMPORT).json()["request_id"]
    for user in ("cm.sea", "ent.a", "exam.officer"):
        client = cm.as_(user)
        assert client.get(f"{API}/requests/{record_id}").status_code == 404, user
        assert client.get(f"{API}/requests/{record_id}/history").status_code == 404, user
        assert client.get(f"{API}/requests").json()["total"] == 0, user
        assert record_id not in client.get(f"{API}/requests.csv").text, user
    choice = cm.as_("cm.sea").post(
        f"{API}/requests/{record_id}/choice", json={"combination": "I02"}
    )
    assert choice.status_code == 404
    officer = cm.as_("cm.officer").get(f"{API}/requests/{record_id}")
    assert officer.status_code == 200
    taken = cm.as_("cm.officer").post(
        f"{API}/requests/{record_id}/choice", json={"combination": "I02"}
    )
    assert taken.status_code == 403


def test_statistics_are_for_customs_officers(cm: ApiClients) -> None:
    rail = cm.as_("cm.rail")
    record_id = rail.post(f"{API}/recommend", json=RAIL_IMPORT).json()["request_id"]
    rail.post(f"{API}/requests/{record_id}/choice", json={"combination": "I02"})
    board = cm.as_("cm.officer").get(f"{API}/statistics")
    assert board.status_code == 200
    stats = board.json()
    assert stats["by_combination"]["I02"] >= 1 and stats["by_transport"]["rail"] >= 1
    assert stats["followed_recommendation"] >= 1
    assert cm.as_("cm.rail").get(f"{API}/statistics").status_code == 403
    assert cm.as_("exam.officer").get(f"{API}/statistics").status_code == 403


def test_combinations_are_browsable(cm: ApiClients) -> None:
    client = cm.anonymous()
    assert len(client.get(f"{API}/combinations").json()) == 18
    assert len(client.get(f"{API}/combinations?direction=export").json()) == 8
    detail = client.get(f"{API}/combinations/i02").json()
    modes = {m["code"]: m for m in detail["mode_details"]}
    assert any("铁路" in p["citation"] for p in modes["rail_fast_clearance"]["preconditions"])
    assert client.get(f"{API}/combinations/X99").status_code == 404
    assert len(client.get(f"{API}/modes").json()) == 11
