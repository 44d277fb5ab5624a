"""Concurrent allocations and licences with real threads on a committed database (SQLite and,
with FTZ_TEST_POSTGRES_URL, PostgreSQL): the province's quota is never over-allocated, an area's
allocation never over-used, and every balance still equals the sum of its entries."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from ftz.practices.leisure_fishery import indicators
from tests.practices.leisure_fishery.conftest import BASE, SANYA, YEAR, add_staff, ready_vessel

AREAS = ["460200", "460100", "469024", "469028"]


class Clients:
    def __init__(self, app: FastAPI, tokens: dict[str, str]) -> None:
        self.app, self.tokens = app, tokens

    def as_(self, user: str) -> TestClient:
        client = TestClient(self.app, raise_server_exceptions=False)
        client.headers["Authorization"] = f"Bearer {self.tokens[user]}"
        return client


def _race(count: int, work: Callable[[int], int]) -> list[int]:
    barrier = threading.Barrier(count)
    codes: list[int] = []

    def run(n: int) -> None:
        barrier.wait()
        codes.append(work(n))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    return codes


def _setup(fresh_app: FastAPI) -> Clients:
    tokens: dict[str, str] = {}
    with fresh_app.state.sessionmaker() as session:
        add_staff(session, tokens)
    return Clients(fresh_app, tokens)


def test_concurrent_allocations_never_over_allocate(fresh_app: FastAPI) -> None:
    api = _setup(fresh_app)
    officer = api.as_("lf.officer")
    quota = {"year": YEAR, "vessels": 10, "power_kw": "1500", "gear_units": 120}
    assert officer.post(f"{BASE}/indicators/quota", json=quota).status_code == 200

    def allocate(n: int) -> int:
        body = {
            "year": YEAR,
            "area_code": AREAS[n % len(AREAS)],
            "vessels": 1,
            "power_kw": "150",
            "gear_units": 12,
        }
        return api.as_("lf.officer").post(f"{BASE}/indicators/allocations", json=body).status_code

    codes = _race(16, allocate)
    assert sorted(codes) == [201] * 10 + [409] * 6, codes
    summary = officer.get(f"{BASE}/indicators?year={YEAR}").json()
    assert summary["unallocated"] == {"vessels": 0, "power_kw": 0.0, "gear_units": 0}
    assert sum(a["allocated"]["vessels"] for a in summary["areas"]) == 10
    # Lowering the quota below what is allocated is refused whole.
    lower = officer.post(f"{BASE}/indicators/quota", json={**quota, "vessels": 9})
    assert lower.status_code == 409
    with fresh_app.state.sessionmaker() as session:
        check = indicators.reconcile(session)
    assert check["ok"], check


def test_concurrent_licences_never_exceed_the_area(fresh_app: FastAPI) -> None:
    api = _setup(fresh_app)
    officer = api.as_("lf.officer")
    quota = {"year": YEAR, "vessels": 10, "power_kw": "3000", "gear_units": 200}
    assert officer.post(f"{BASE}/indicators/quota", json=quota).status_code == 200
    body = {"year": YEAR, "area_code": SANYA, "vessels": 2, "power_kw": "600", "gear_units": 40}
    assert officer.post(f"{BASE}/indicators/allocations", json=body).status_code == 201
    vessels: list[dict[str, Any]] = [
        ready_vessel(api, f"琼三亚休C{n:04d}", licence=False) for n in range(6)
    ]

    def issue(n: int) -> int:
        licence = {
            "vessel_id": vessels[n]["id"],
            "valid_from": f"{YEAR}-01-01",
            "valid_to": f"{YEAR}-12-31",
            "sea_areas": [SANYA],
            "gear": ["rod"],
            "gear_units": 10,
        }
        return api.as_("lf.officer").post(f"{BASE}/licences", json=licence).status_code

    codes = _race(6, issue)
    assert sorted(codes) == [201, 201, 409, 409, 409, 409], codes
    numbers = [x["number"] for x in officer.get(f"{BASE}/licences?area={SANYA}").json()["items"]]
    assert sorted(numbers) == [f"LF-{SANYA}-{YEAR}-00001", f"LF-{SANYA}-{YEAR}-00002"]
    summary = officer.get(f"{BASE}/indicators?year={YEAR}").json()
    sanya = next(a for a in summary["areas"] if a["area_code"] == SANYA)
    assert sanya["used"]["vessels"] == 2 and sanya["available"]["vessels"] == 0
    with fresh_app.state.sessionmaker() as session:
        assert indicators.reconcile(session)["ok"]
