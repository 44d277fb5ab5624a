"""p08 benchmark: approved CBEC returns per second through the HTTP API, with latency
percentiles, on a database already holding many declaration-list lines.

    .venv/bin/python -m bench.cbec_returns [--lines 1000000] [--approvals 500] [--postgres URL]

Each approval is one `POST /api/cbec-returns/returns/{id}/approve` through FastAPI's test client
(in-process, no network): row locks on the return, its list and lines, the double-entry postings,
the workflow transition, the audit events and the queued evidence entry, committed before the
response. Background lists are bulk-inserted (no account entries, zero tax, so reconciliation
still holds); the measured returns are declared through the API first.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert, text

from ftz.config import Settings
from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, migrate, unit_of_work
from ftz.core.kit.ids import new_id
from ftz.demo import load_core_demo
from ftz.main import create_app
from ftz.practices.cbec_returns.demo import ensure_staff
from ftz.practices.cbec_returns.models import DeclarationList, ListLine

BATCH = 10_000


def _prepare(url: str) -> tuple[Engine, dict[str, str]]:
    migrate.upgrade(url)
    engine = make_engine(url)
    tokens = {}
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        load_core_demo(session)
        ensure_staff(session)
        for username in ("cr.platform", "cr.officer"):
            user = accounts.get_user_by_username(session, username)
            assert user is not None
            tokens[username], _ = accounts.create_api_token(session, user=user, name="bench")
    return engine, tokens


def _bulk_lines(engine: Engine, lines: int) -> float:
    """Background: lines // 2 lists of two lines each; returns the seconds it took."""
    with engine.connect() as conn:
        org = conn.execute(
            text("SELECT id FROM core_organization WHERE code = 'cr-platform'")
        ).scalar_one()
    start = time.perf_counter()
    released = date.today() - timedelta(days=200)
    for first in range(0, lines // 2, BATCH):
        lists, rows = [], []
        for n in range(first, min(first + BATCH, lines // 2)):
            list_id = new_id()
            lists.append(
                {"id": list_id, "org_id": org, "number": f"BG-{n:08d}", "order_no": f"BG{n}",
                 "buyer_hash": f"{n % 100_000:064d}", "customs_code": "2900",
                 "release_date": released, "regime": "cbec", "value_fen": 100_000,
                 "tax_fen": 0, "tax_due_fen": 0, "why": []}
            )  # fmt: skip
            rows += [
                {"id": new_id(), "list_id": list_id, "line_no": k, "hs_code": "3304990099",
                 "name": "背景商品", "quantity": 2, "unit_price_fen": 25_000, "tax_fen": 0,
                 "reserved_qty": 0, "returned_qty": 0}
                for k in (1, 2)
            ]  # fmt: skip
        with engine.begin() as conn:
            conn.execute(insert(DeclarationList.__table__), lists)  # type: ignore[arg-type]
            conn.execute(insert(ListLine.__table__), rows)  # type: ignore[arg-type]
    return time.perf_counter() - start


def _client(app: Any, token: str) -> TestClient:
    client = TestClient(app)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def _measure(
    engine: Engine, tokens: dict[str, str], approvals: int, data_dir: Path
) -> dict[str, Any]:
    settings = Settings(data_dir=data_dir, secret_key="bench-secret", ledger_background=False)
    app = create_app(settings, engine=engine)
    platform, officer = _client(app, tokens["cr.platform"]), _client(app, tokens["cr.officer"])
    released = (date.today() - timedelta(days=5)).isoformat()
    ids = []
    for n in range(approvals):
        number = f"BENCH-{n:06d}"
        body = {"number": number, "order_no": f"O{n}", "buyer_id": f"3301061990{n:08d}",
                "customs_code": "2900", "release_date": released,
                "lines": [{"hs_code": "3304990099", "name": "面霜", "quantity": 3,
                           "unit_price": "300.00"}]}  # fmt: skip
        assert platform.post("/api/cbec-returns/lists", json=body).status_code == 201
        ret = {"list_number": number, "customs_code": "3100",
               "zone_entry_date": date.today().isoformat(),
               "lines": [{"line_no": 1, "quantity": 1}]}  # fmt: skip
        made = platform.post("/api/cbec-returns/returns", json=ret)
        assert made.status_code == 201, made.text
        ids.append(made.json()["id"])
    latencies = []
    start = time.perf_counter()
    for return_id in ids:
        began = time.perf_counter()
        answer = officer.post(f"/api/cbec-returns/returns/{return_id}/approve", json={})
        latencies.append(time.perf_counter() - began)
        assert answer.status_code == 200, answer.text
    elapsed = time.perf_counter() - start
    reconcile = officer.get("/api/cbec-returns/reconcile").json()
    latencies.sort()
    return {
        "approvals": approvals,
        "per_second": approvals / elapsed,
        "median_ms": statistics.median(latencies) * 1e3,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1e3,
        "max_ms": latencies[-1] * 1e3,
        "reconciled": reconcile.get("ok"),
    }


def run(label: str, url: str, lines: int, approvals: int, data_dir: Path) -> None:
    engine, tokens = _prepare(url)
    fill = _bulk_lines(engine, lines)
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM cbec_returns_line")).scalar_one()
    result = _measure(engine, tokens, approvals, data_dir)
    engine.dispose()
    print(
        f"| {label} | {count:,} | {fill:.1f} | {result['approvals']} | "
        f"{result['per_second']:.1f} | {result['median_ms']:.1f} | {result['p95_ms']:.1f} | "
        f"{result['max_ms']:.1f} | {result['reconciled']} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--approvals", type=int, default=500)
    parser.add_argument("--postgres", help="a scratch PostgreSQL URL (its schema is dropped)")
    args = parser.parse_args()
    print(f"p08 approvals through the API, {time.strftime('%Y-%m-%d %H:%M')}\n")
    print("| database | list lines in the database | bulk fill s | approvals | approvals/s "
          "| median ms | p95 ms | max ms | reconciled |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="ftz-bench-cbec-") as tmp:
        folder = Path(tmp)
        run("SQLite", f"sqlite:///{folder / 'bench.db'}", args.lines, args.approvals, folder)
        if args.postgres:
            migrate.reset_postgres(args.postgres)
            run("PostgreSQL", args.postgres, args.lines, args.approvals, folder)


if __name__ == "__main__":
    main()
