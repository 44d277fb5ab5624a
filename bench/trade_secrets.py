"""p27 trade-secret registration at scale: register many fingerprints, then verify as it grows.

Run: .venv/bin/python -m bench.trade_secrets --records 7780000 --enterprises 656 --batch 5000
     (smoke run: .venv/bin/python -m bench.trade_secrets --records 50000 --enterprises 20)

The seed case: 656 enterprises registered 7.78 million innovation records. This bench builds a
scratch SQLite database (migrated from empty, WAL, synchronous=FULL, as the platform runs it) in
a temporary directory and registers `--records` synthetic records through
`ftz.practices.trade_secrets.service.register`, round-robin over `--enterprises` enterprises,
`--batch` items per transaction (one enterprise per batch, custodial Ed25519 signing, evidence
log append, bulk insert of records, one audit event; committed per batch).

Record g of enterprise E has the file content f"{E}/{g}"; its SHA-256 and SM3 are computed before
the clock starts (that is the client's work). Timed per batch: RegistrationIn validation,
service.register, commit.

At each 10% of the total the bench prints the registration rate of the last slice and the
cumulative rate, signs a checkpoint of the evidence log (ledger.make_checkpoint), then times
200 service.verify calls on random registered fingerprints and 200 on random unknown ones, each
call in its own transaction (unit_of_work), and checks every known one verifies (signature,
inclusion proof, checkpoint) and every unknown one is reported not found. At the end: database
size (main file + WAL), peak RSS (VmHWM), total time, and a Markdown table.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

VERIFY_SAMPLES = 200
MILESTONES = 10
SEED = 27
PROJECT = "研发记录"


def peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def db_size_mib(path: Path) -> float:
    total = 0
    for suffix in ("", "-wal"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            total += candidate.stat().st_size
    return total / (1024 * 1024)


def fingerprint(code: str, g: int) -> tuple[str, str]:
    content = f"{code}/{g}".encode()
    return hashlib.sha256(content).hexdigest(), hashlib.new("sm3", content).hexdigest()


def item(code: str, g: int) -> dict[str, Any]:
    sha256, sm3 = fingerprint(code, g)
    return {
        "title": f"创新记录 {g}",
        "file_name": f"record-{g}.dat",
        "size_bytes": 4096 + g % 100_000,
        "sha256": sha256,
        "sm3": sm3,
        "contributors": ["研发一部"],
    }


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=7_780_000)
    parser.add_argument("--enterprises", type=int, default=656)
    parser.add_argument("--batch", type=int, default=5_000, help="items per transaction")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    args = parser.parse_args()
    if not 1 <= args.batch <= 10_000:
        parser.error("--batch must be 1..10000 (RegistrationIn allows at most 10,000 items)")

    tmp = Path(tempfile.mkdtemp(prefix="ftz-bench-p27-"))
    os.environ["FTZ_DATA_DIR"] = str(tmp)  # before ftz reads settings: custodial keys go here
    os.environ.pop("FTZ_DATABASE_URL", None)
    try:
        run(args, tmp)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, tmp: Path) -> None:
    from ftz.config import Settings
    from ftz.core.auth import service as accounts
    from ftz.core.auth.models import OrgKind, Role, User, UserRole
    from ftz.core.auth.principal import SYSTEM, current_principal
    from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
    from ftz.core.db.migrate import upgrade
    from ftz.core.ledger import service as ledger
    from ftz.practices.trade_secrets import service
    from ftz.practices.trade_secrets.schemas import RegistrationIn

    started = time.perf_counter()
    db_path = tmp / "bench.db"
    url = f"sqlite:///{db_path}"
    upgrade(url)
    settings = Settings(data_dir=tmp, secret_key="bench", ledger_background=False)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    signer = ledger.signing(settings)

    # Enterprises, one enterprise user each (argon2 once; the other users copy the hash).
    current_principal.set(SYSTEM)
    codes = [f"bench-ent-{i:04d}" for i in range(args.enterprises)]
    principals = []
    with unit_of_work(factory) as session:
        password_hash = None
        for i, code in enumerate(codes):
            org = accounts.ensure_org(
                session,
                code=code,
                name_zh=f"测试企业{i}",
                name_en=f"Bench Enterprise {i}",
                kind=OrgKind.ENTERPRISE,
            )
            if password_hash is None:
                user = accounts.ensure_user(
                    session,
                    username=f"{code}.user",
                    display_name=f"Bench user {i}",
                    org_code=code,
                    roles=[Role.ENTERPRISE],
                    password="x" * 12,
                )
                password_hash = user.password_hash
            else:
                user = User(
                    username=f"{code}.user",
                    display_name=f"Bench user {i}",
                    password_hash=password_hash,
                    org_id=org.id,
                )
                user.roles = [UserRole(role=Role.ENTERPRISE.value)]
                session.add(user)
                session.flush()
            principals.append(accounts.principal_for(user, "bench"))
    setup_s = time.perf_counter() - started
    print(
        f"setup: {args.enterprises} enterprises in {setup_s:.1f} s; registering {args.records:,} "
        f"records, batches of {args.batch} (db {db_path})",
        flush=True,
    )

    rng = random.Random(SEED)
    total = args.records
    marks = sorted({max(1, round(total * k / MILESTONES)) for k in range(1, MILESTONES + 1)})
    batch_starts: list[int] = []  # first global record number of each batch
    batch_owner: list[int] = []  # enterprise index of each batch
    done = 0
    reg_seconds = 0.0
    rows: list[dict[str, Any]] = []
    batch_no = 0

    def code_of(g: int) -> str:
        return codes[batch_owner[bisect.bisect_right(batch_starts, g) - 1]]

    def timed_verify(sha: str) -> tuple[float, dict[str, Any]]:
        t0 = time.perf_counter()
        with unit_of_work(factory) as session:
            result = service.verify(session, sha256=sha, settings=settings)
        return (time.perf_counter() - t0) * 1000, result

    for mark in marks:
        slice_start, slice_seconds = done, 0.0
        while done < mark:
            count = min(args.batch, mark - done)
            owner = batch_no % args.enterprises
            code = codes[owner]
            items = [item(code, g) for g in range(done, done + count)]
            t0 = time.perf_counter()
            current_principal.set(principals[owner])
            with unit_of_work(factory) as session:
                data = RegistrationIn.model_validate({"project": PROJECT, "items": items})
                result = service.register(session, principal=principals[owner], data=data)
            elapsed = time.perf_counter() - t0
            if len(result["registered"]) != count:
                sys.exit(f"batch {batch_no}: {len(result['registered'])} of {count} registered")
            slice_seconds += elapsed
            batch_starts.append(done)
            batch_owner.append(owner)
            done += count
            batch_no += 1
        reg_seconds += slice_seconds
        slice_rate = (done - slice_start) / slice_seconds
        cumulative_rate = done / reg_seconds

        current_principal.set(SYSTEM)
        with unit_of_work(factory) as session:
            ledger.make_checkpoint(session, ledger.EVIDENCE_LOG, signer)
        known_ms, unknown_ms = [], []
        for g in rng.sample(range(done), min(VERIFY_SAMPLES, done)):
            sha = fingerprint(code_of(g), g)[0]
            ms, result = timed_verify(sha)
            if not (result["found"] and result["signature_valid"] and result["receipt_valid"]):
                sys.exit(f"record {g} did not verify: {result.get('checks')}")
            known_ms.append(ms)
        for _ in range(VERIFY_SAMPLES):
            sha = hashlib.sha256(f"unknown/{rng.getrandbits(64)}".encode()).hexdigest()
            ms, result = timed_verify(sha)
            if result["found"]:
                sys.exit(f"unknown {sha} reported found")
            unknown_ms.append(ms)
        row = {
            "records": done,
            "slice_rate": slice_rate,
            "cumulative_rate": cumulative_rate,
            "known_med": statistics.median(known_ms),
            "known_p95": pct(known_ms, 0.95),
            "unknown_med": statistics.median(unknown_ms),
            "unknown_p95": pct(unknown_ms, 0.95),
            "db_mib": db_size_mib(db_path),
            "elapsed": time.perf_counter() - started,
        }
        rows.append(row)
        print(
            f"{done:>12,} records  slice {slice_rate:,.0f} rec/s  cumulative "
            f"{cumulative_rate:,.0f} rec/s  verify known {row['known_med']:.2f}/"
            f"{row['known_p95']:.2f} ms  unknown {row['unknown_med']:.2f}/"
            f"{row['unknown_p95']:.2f} ms (median/p95)  db {row['db_mib']:,.0f} MiB  "
            f"elapsed {row['elapsed']:,.0f} s",
            flush=True,
        )

    engine.dispose()
    total_s = time.perf_counter() - started
    print()
    print(
        f"records {done:,} in {batch_no:,} batches over {args.enterprises} enterprises; "
        f"registration {reg_seconds:,.1f} s ({done / reg_seconds:,.0f} rec/s); "
        f"total {total_s:,.1f} s ({total_s / 60:.1f} min, incl. setup {setup_s:.1f} s and "
        f"verification sampling)"
    )
    size = db_size_mib(db_path)
    print(f"database {size:,.1f} MiB (main file + WAL); peak RSS {peak_rss_mib():.0f} MiB")
    print()
    print(
        "| records registered | registration rec/s (slice) | registration rec/s (cumulative) "
        "| verify known median ms | verify known p95 ms | verify unknown median ms "
        "| verify unknown p95 ms | database MiB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['records']:,} | {r['slice_rate']:,.0f} | {r['cumulative_rate']:,.0f} "
            f"| {r['known_med']:.2f} | {r['known_p95']:.2f} | {r['unknown_med']:.2f} "
            f"| {r['unknown_p95']:.2f} | {r['db_mib']:,.0f} |"
        )


if __name__ == "__main__":
    main()
