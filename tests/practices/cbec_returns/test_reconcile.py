"""p08 reconciliation of returned quantities: each line's returned_qty must equal the units of
its approved returns; corrupting one row makes reconcile report exactly that line."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ftz.practices.cbec_returns import accounts
from ftz.practices.cbec_returns.models import ListLine
from tests.conftest import ApiClients
from tests.practices.cbec_returns.conftest import BASE, list_body, return_body


def test_corrupted_returned_quantity_fails_reconcile(cr: ApiClients, session: Session) -> None:
    platform, officer = cr.as_("cr.platform"), cr.as_("cr.officer")
    list_id = platform.post(f"{BASE}/lists", json=list_body("L-REC1")).json()["id"]
    ret = platform.post(f"{BASE}/returns", json=return_body("L-REC1", [(1, 2), (2, 1)])).json()
    refused = platform.post(f"{BASE}/returns", json=return_body("L-REC1", [(2, 1)])).json()
    assert officer.post(f"{BASE}/returns/{ret['id']}/approve", json={}).status_code == 200
    officer.post(f"{BASE}/returns/{refused['id']}/refuse", json={"note": "not in the zone"})
    session.expire_all()
    assert accounts.reconcile(session)["ok"], accounts.reconcile(session)["problems"]
    assert officer.get(f"{BASE}/reconcile").json()["ok"]

    session.execute(update(ListLine).where(ListLine.list_id == list_id, ListLine.line_no == 2)
                    .values(returned_qty=2))  # fmt: skip
    session.commit()
    result = accounts.reconcile(session)
    assert not result["ok"]
    assert result["problems"] == [{"line": f"{list_id}:2", "stored": 2, "approved_returns": 1}]
    line = session.scalar(select(ListLine).where(ListLine.list_id == list_id,
                                                 ListLine.line_no == 1))  # fmt: skip
    assert line is not None and line.returned_qty == 2
