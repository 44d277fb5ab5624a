"""The issue's scale, on both databases: 200 concurrent return requests for overlapping lines of
one list, each success approved twice at once. Never more returned than imported, the quota
restored exactly once per approved unit, no approved return lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from ftz.practices.cbec_returns import accounts
from ftz.practices.cbec_returns.models import BuyerQuota, DeclarationList, ReturnDeclaration
from tests.practices.cbec_returns.conftest import BASE, add_staff, list_body, return_body

REQUESTS = 200
WORKERS = 16


def test_200_concurrent_returns(fresh_app: FastAPI) -> None:
    tokens: dict[str, str] = {}
    maker = fresh_app.state.sessionmaker
    with maker() as session:
        add_staff(session, tokens)

    def client(user: str) -> TestClient:
        c = TestClient(fresh_app, raise_server_exceptions=False)
        c.headers["Authorization"] = f"Bearer {tokens[user]}"
        return c

    made = client("cr.platform").post(f"{BASE}/lists", json=list_body("L-SCALE"))
    assert made.status_code == 201, made.text
    with maker() as session:
        quota_before = session.scalars(select(BuyerQuota)).one().used_fen

    def ask(n: int) -> tuple[int, str | None, list[int]]:
        asked = client("cr.platform").post(
            f"{BASE}/returns", json=return_body("L-SCALE", [(1 + n % 2, 1)])
        )
        if asked.status_code != 201:
            return asked.status_code, None, []
        return_id = asked.json()["id"]
        officer = client("cr.officer")
        # Two approvals of the same return at once: exactly one may take effect.
        with ThreadPoolExecutor(max_workers=2) as pair:
            codes = list(
                pair.map(
                    lambda _: officer.post(f"{BASE}/returns/{return_id}/approve", json={}),
                    range(2),
                )
            )
        return 201, return_id, sorted(c.status_code for c in codes)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(ask, range(REQUESTS)))

    assert {code for code, _, _ in results} <= {201, 409, 422}, results
    accepted = [(rid, codes) for code, rid, codes in results if code == 201]
    assert accepted, "some returns must get through"
    for _, codes in accepted:
        assert codes == [200, 409], codes  # one approval took effect, the other was refused
    with maker() as session:
        item = session.scalars(select(DeclarationList)).one()
        returns = list(session.scalars(select(ReturnDeclaration)))
        approved = [r for r in returns if r.status == "approved"]
        assert {r.id for r in approved} == {rid for rid, _ in accepted}  # none lost
        units = sum(q["quantity"] for r in approved for q in r.lines)
        assert units <= 3 + 4  # the list imported 3 + 4 units: never more returned
        restored = sum(r.value_fen for r in approved)
        quota_after = session.scalars(select(BuyerQuota)).one().used_fen
        assert quota_before - quota_after == restored  # restored exactly once per return
        assert item.value_fen == int(Decimal("3") * 50000 + Decimal("4") * 25000)
        assert accounts.reconcile(session)["ok"]
