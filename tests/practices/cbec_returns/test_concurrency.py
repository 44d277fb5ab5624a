"""Concurrent returns over overlapping lines of one list, with real threads on a committed
database: never more returned than imported, the quota restored exactly once per approval."""

from __future__ import annotations

import threading

from fastapi import FastAPI
from fastapi.testclient import TestClient

from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.practices.cbec_returns import accounts
from tests.practices.cbec_returns.conftest import BASE, add_staff, list_body, return_body


def test_concurrent_returns_never_over_return(fresh_app: FastAPI) -> None:
    tokens: dict[str, str] = {}
    maker = fresh_app.state.sessionmaker
    with maker() as session:
        add_staff(session, tokens)

    def client(user: str) -> TestClient:
        c = TestClient(fresh_app, raise_server_exceptions=False)
        c.headers["Authorization"] = f"Bearer {tokens[user]}"
        return c

    assert client("cr.platform").post(f"{BASE}/lists", json=list_body("L-CONC")).status_code == 201
    barrier = threading.Barrier(8)
    codes: list[int] = []
    ids: list[str] = []

    def ask(n: int) -> None:
        c = client("cr.platform")
        barrier.wait()
        r = c.post(f"{BASE}/returns", json=return_body("L-CONC", [(1, 1), (2, 1 + n % 2)]))
        codes.append(r.status_code)
        if r.status_code == 201:
            officer = client("cr.officer")
            ids.append(r.json()["id"])
            for _ in range(2):  # a double click on approve must not restore the quota twice
                officer.post(f"{BASE}/returns/{r.json()['id']}/approve", json={})

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert set(codes) <= {201, 422, 409}, codes
    lst = client("cr.platform").get(f"{BASE}/lists").json()[0]
    assert all(0 <= x["returned"] <= x["quantity"] for x in lst["lines"])
    assert lst["lines"][0]["returned"] == codes.count(201) <= 3
    with maker() as session:
        rec = accounts.reconcile(session)
    assert rec["ok"], rec
    _ = (make_sessionmaker, unit_of_work)
