"""Evidence ledger: our RFC 9162 log (ftz.core.ledger) side by side with pymerkle 7 in one run.

Run: .venv/bin/python -m bench.ledger [--size N] [--postgres]

Sections (each prints a Markdown table):
  1. in-memory append rate: MemoryLog vs pymerkle InmemoryTree (min(200,000, N) entries), and a
     check that both give the same root (the run aborts if they do not);
  2. durable batched append on SQLite (batches of 256 and 4096, one commit per batch): our
     store.append_entries vs pymerkle SqliteTree.append_entries (min(200,000, N) entries);
  3. commit-per-append on SQLite: 2,000 single appends, each durable before the next: ours as
     one transaction per append and as `append_acknowledged` (the journal), against pymerkle's
     append_entry, in three alternating rounds;
  4. inclusion proofs at N entries (default 1,000,000): both logs are built in batches of 4096,
     then a fresh subprocess per implementation opens the database and times its first proof
     (cold) and then 2,000 proofs of random indices (warm; pymerkle stops early after a time
     budget, and the table says how many it did). Peak RSS of the build and proof processes.
  5. with --postgres: sections 2, 3 and 4 for ours on PostgreSQL (pymerkle has no PostgreSQL
     backend), in a scratch database on 127.0.0.1:5432 (user postgres) dropped at the end.

Entries are 32 bytes: sha256(b"ftz-bench" + index). pymerkle runs with its defaults
(algorithm="sha256", security on: 0x00 leaf / 0x01 node prefixes, i.e. RFC 6962 hashing; subroot
cache on), and its SQLite file keeps pymerkle's own connection settings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pymerkle import InmemoryTree, SqliteTree
from sqlalchemy import create_engine, text
from sqlalchemy.orm import configure_mappers

from ftz.core.db import make_engine, make_sessionmaker
from ftz.core.db.migrate import upgrade
from ftz.core.ledger import store
from ftz.core.ledger.merkle import MemoryLog, leaf_hash
from ftz.models import import_all_models

ROOT = Path(__file__).resolve().parents[1]
APPEND_COUNT = 200_000
SINGLE_COUNT = 2_000
PROOF_COUNT = 2_000
BUILD_BATCH = 4_096
PYMERKLE_PROOF_BUDGET_S = 300.0  # pymerkle's warm proofs stop after this (ours never do)
CHECKED_PROOFS = 50  # proofs compared between ours and pymerkle
SEED = 9162
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def entry(index: int) -> bytes:
    return hashlib.sha256(b"ftz-bench" + index.to_bytes(8, "big")).digest()


def entries(start: int, count: int) -> list[bytes]:
    return [entry(i) for i in range(start, start + count)]


def peak_rss_mib() -> float:
    """Peak RSS of this process image. VmHWM, not getrusage's ru_maxrss: Linux carries
    ru_maxrss over from the parent when a subprocess is spawned (vfork + exec), so a worker
    would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"  # path is absolute: sqlite:////tmp/...


def table(header: list[str], rows: list[list[str]]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(flush=True)


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}"


# --- section 1 ------------------------------------------------------------------------------


def bench_memory(count: int) -> None:
    data = entries(0, count)
    ours = MemoryLog()
    start = time.perf_counter()
    for item in data:
        ours.append(item)
    ours_s = time.perf_counter() - start

    peer = InmemoryTree(algorithm="sha256")
    start = time.perf_counter()
    for item in data:
        peer.append_entry(item)
    peer_s = time.perf_counter() - start

    print(f"## 1. In-memory append ({count:,} entries of 32 bytes)\n")
    table(
        ["implementation", "seconds", "entries/s", "ours ÷ pymerkle"],
        [
            [
                "ours MemoryLog.append",
                f"{ours_s:.2f}",
                rate(count, ours_s),
                f"{peer_s / ours_s:.1f}×",
            ],
            ["pymerkle InmemoryTree.append_entry", f"{peer_s:.2f}", rate(count, peer_s), "1.0×"],
        ],
    )
    ours_root, peer_root = ours.root(), peer.get_root()
    if ours_root != peer_root:
        sys.exit(f"ROOTS DIFFER at size {count}: ours {ours_root.hex()} pymerkle {peer_root.hex()}")
    print(f"Roots agree at size {count:,}: {ours_root.hex()}\n", flush=True)


# --- sections 2 and 3 -----------------------------------------------------------------------


def ours_append(url: str, origin: str, data: list[bytes], batch: int) -> float:
    """Seconds to append data in batches, committing each batch (schema already created)."""
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    session = factory()
    try:
        start = time.perf_counter()
        for offset in range(0, len(data), batch):
            store.append_entries(session, origin, data[offset : offset + batch])
            session.commit()
        elapsed = time.perf_counter() - start
        assert store.head(session, origin).size == len(data)
        session.rollback()
    finally:
        session.close()
        engine.dispose()
    return elapsed


def pymerkle_append(path: Path, data: list[bytes], batch: int) -> float:
    tree = SqliteTree(str(path), algorithm="sha256")
    try:
        start = time.perf_counter()
        if batch == 1:
            for item in data:
                tree.append_entry(item)  # commits per call
        else:
            for offset in range(0, len(data), batch):
                tree.append_entries(data[offset : offset + batch])  # one commit per call
        elapsed = time.perf_counter() - start
        assert tree.get_size() == len(data)
    finally:
        tree.close()
    return elapsed


def fresh_sqlite(tmp: Path, name: str) -> str:
    url = sqlite_url(tmp / f"{name}.db")
    upgrade(url)
    return url


def bench_batched(tmp: Path | None, pg_url: str | None, count: int) -> list[list[str]]:
    data = entries(0, count)
    rows = []
    for batch in (256, 4096):
        if pg_url is not None:
            ours_s = ours_append(pg_url, f"bench/batch{batch}", data, batch)
            rows.append([f"{batch}", f"{ours_s:.2f}", rate(count, ours_s)])
            continue
        assert tmp is not None
        ours_s = ours_append(fresh_sqlite(tmp, f"ours_batch{batch}"), "bench", data, batch)
        peer_s = pymerkle_append(tmp / f"pymerkle_batch{batch}.db", data, batch)
        rows.append(
            [
                f"{batch}",
                f"{ours_s:.2f}",
                rate(count, ours_s),
                f"{peer_s:.2f}",
                rate(count, peer_s),
                f"{peer_s / ours_s:.1f}×",
            ]
        )
    return rows


def bench_single_pg(pg_url: str, count: int) -> list[list[str]]:
    ours_s = ours_append(pg_url, "bench/single", entries(0, count), 1)
    return [[f"{count:,}", f"{ours_s:.2f}", rate(count, ours_s), f"{ours_s / count * 1e3:.2f}"]]


def ours_acknowledged(url: str, data: list[bytes]) -> tuple[float, float, bytes]:
    """Seconds for one-by-one acknowledged appends (on SQLite each is written to the journal
    and fdatasync'ed before the call returns), then seconds to integrate them into the tables
    in one transaction, and the root after that."""
    engine = make_engine(url)
    session = make_sessionmaker(engine)()
    try:
        start = time.perf_counter()
        for item in data:
            store.append_acknowledged(session, "bench", item)
        elapsed = time.perf_counter() - start
        session.commit()
        start = time.perf_counter()
        head = store.head(session, "bench")  # integrates what waits in the journal
        session.commit()
        integrated = time.perf_counter() - start
        assert head.size == len(data)
        return elapsed, integrated, head.root
    finally:
        session.close()
        engine.dispose()


ROUNDS = 3


def bench_single(tmp: Path, count: int) -> tuple[list[list[str]], list[str]]:
    """Commit-per-append, three ways, in alternating rounds (the disk's fsync time drifts, so
    each implementation's figure is its median round): ours with one transaction per append,
    ours acknowledged through the journal, and pymerkle's append_entry (a commit per call)."""
    data = entries(0, count)
    times: dict[str, list[float]] = {"tx": [], "journal": [], "pymerkle": []}
    integrate: list[float] = []
    for round_ in range(ROUNDS):
        times["tx"].append(ours_append(fresh_sqlite(tmp, f"ours_tx{round_}"), "bench", data, 1))
        url = fresh_sqlite(tmp, f"ours_journal{round_}")
        elapsed, integrated, root = ours_acknowledged(url, data)
        times["journal"].append(elapsed)
        integrate.append(integrated)
        times["pymerkle"].append(pymerkle_append(tmp / f"pymerkle_single{round_}.db", data, 1))
    expected = MemoryLog()
    for item in data:
        expected.append(item)
    if root != expected.root():
        sys.exit("commit-per-append: the journal's entries did not integrate to the right root")
    peer = statistics.median(times["pymerkle"])
    labels = {
        "tx": "ours, a transaction per append (`append_entries` + commit)",
        "journal": "ours, acknowledged per append (`append_acknowledged`, journal)",
        "pymerkle": "pymerkle `SqliteTree.append_entry`",
    }
    rows = []
    for key, label in labels.items():
        median = statistics.median(times[key])
        rows.append(
            [
                label,
                f"{count:,}",
                " / ".join(f"{t:.2f}" for t in times[key]),
                rate(count, median),
                f"{median / count * 1e3:.3f}",
                f"{peer / median:.1f}×",
            ]
        )
    notes = [
        f"Integrating the {count:,} journal entries into the tables afterwards took "
        + " / ".join(f"{t * 1e3:.0f}" for t in integrate)
        + " ms (one transaction; the server's integrator does this every second).",
    ]
    return rows, notes


def fdatasync_floor_ms(tmp: Path, count: int) -> float:
    """Milliseconds per 64-byte pwrite + fdatasync into a preallocated file: the floor under
    any append that is durable before it is acknowledged."""
    fd = os.open(tmp / "floor.bin", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        os.posix_fallocate(fd, 0, count * 64 + 4096)
        os.fsync(fd)
        block = b"x" * 64
        start = time.perf_counter()
        for index in range(count):
            os.pwrite(fd, block, index * 64)
            os.fdatasync(fd)
        return (time.perf_counter() - start) / count * 1e3
    finally:
        os.close(fd)


def commit_floor_ms(tmp: Path, count: int) -> float:
    """Milliseconds per commit of one bare 32-byte row with our SQLite settings (WAL,
    synchronous=FULL, BEGIN IMMEDIATE): the floor under one database commit per append."""
    connection = sqlite3.connect(tmp / "floor.db", isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("CREATE TABLE floor (idx INTEGER PRIMARY KEY, value BLOB)")
        start = time.perf_counter()
        for index in range(count):
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO floor VALUES (?, ?)", (index, entry(index)))
            connection.execute("COMMIT")
        return (time.perf_counter() - start) / count * 1e3
    finally:
        connection.close()


# --- section 4: workers run in fresh subprocesses -------------------------------------------


def run_worker(spec: dict[str, Any]) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-m", "bench.ledger", "--worker", json.dumps(spec)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"worker {spec['kind']} failed:\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def worker_build_ours(url: str, origin: str, size: int) -> dict[str, Any]:
    engine = make_engine(url)
    session = make_sessionmaker(engine)()
    timed = 0.0
    for offset in range(0, size, BUILD_BATCH):
        batch = entries(offset, min(BUILD_BATCH, size - offset))
        start = time.perf_counter()
        store.append_entries(session, origin, batch)
        session.commit()
        timed += time.perf_counter() - start
    root = store.head(session, origin).root
    session.close()
    engine.dispose()
    return {"seconds": timed, "rss_mib": peak_rss_mib(), "root": root.hex()}


def worker_build_pymerkle(path: str, size: int) -> dict[str, Any]:
    tree = SqliteTree(path, algorithm="sha256")
    timed = 0.0
    for offset in range(0, size, BUILD_BATCH):
        batch = entries(offset, min(BUILD_BATCH, size - offset))
        start = time.perf_counter()
        tree.append_entries(batch)
        timed += time.perf_counter() - start
    tree.close()
    return {"seconds": timed, "rss_mib": peak_rss_mib()}


def proof_indices(size: int) -> list[int]:
    rng = random.Random(SEED)
    return [rng.randrange(size) for _ in range(PROOF_COUNT + 1)]  # [0] is the cold proof


def summary(
    open_s: float, first_s: float, samples: list[float], checked: list[list[bytes]], root: bytes
) -> dict[str, Any]:
    ordered = sorted(samples)
    digest = hashlib.sha256(b"".join(h for proof in checked for h in proof)).hexdigest()
    return {
        "open_ms": open_s * 1e3,
        "first_us": first_s * 1e6,
        "count": len(samples),
        "median_us": statistics.median(ordered) * 1e6,
        "p95_us": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1e6,
        "max_us": ordered[-1] * 1e6,
        "rss_mib": peak_rss_mib(),
        "proofs_digest": digest,
        "root": root.hex(),
    }


def worker_prove_ours(url: str, origin: str, size: int) -> dict[str, Any]:
    indices = proof_indices(size)
    start = time.perf_counter()
    engine = make_engine(url)
    session = make_sessionmaker(engine)()
    session.connection()  # connect (pragmas, BEGIN IMMEDIATE on SQLite)
    opened = time.perf_counter()
    first = store.inclusion_proof(session, origin, indices[0], size)
    first_s = time.perf_counter() - opened
    open_s = opened - start
    samples: list[float] = []
    checked: list[list[bytes]] = [first]
    for index in indices[1:]:
        t0 = time.perf_counter()
        proof = store.inclusion_proof(session, origin, index, size)
        samples.append(time.perf_counter() - t0)
        if len(checked) < CHECKED_PROOFS:
            checked.append(proof)
    root = store.root_at(session, origin, size)
    session.close()
    engine.dispose()
    return summary(open_s, first_s, samples, checked, root)


def worker_prove_pymerkle(path: str, size: int) -> dict[str, Any]:
    indices = proof_indices(size)
    start = time.perf_counter()
    tree = SqliteTree(path, algorithm="sha256")
    opened = time.perf_counter()
    first = tree.prove_inclusion(indices[0] + 1, size)  # pymerkle counts leaves from one
    first_s = time.perf_counter() - opened
    open_s = opened - start
    samples: list[float] = []
    checked: list[list[bytes]] = [first.path[1:]]  # path[0] is the leaf hash itself
    budget_end = time.perf_counter() + PYMERKLE_PROOF_BUDGET_S
    for index in indices[1:]:
        t0 = time.perf_counter()
        proof = tree.prove_inclusion(index + 1, size)
        samples.append(time.perf_counter() - t0)
        if proof.path[0] != leaf_hash(entry(index)):
            raise AssertionError(f"pymerkle proof {index} does not start at the leaf")
        if len(checked) < CHECKED_PROOFS:
            checked.append(proof.path[1:])
        if len(checked) >= CHECKED_PROOFS and t0 > budget_end:
            break
    root = tree.get_root(size)
    tree.close()
    return summary(open_s, first_s, samples, checked, root)


def worker(spec: dict[str, Any]) -> dict[str, Any]:
    kind = spec["kind"]
    if kind == "imports_only":
        return {"rss_mib": peak_rss_mib()}
    if kind == "build_ours":
        return worker_build_ours(spec["url"], spec["origin"], spec["size"])
    if kind == "build_pymerkle":
        return worker_build_pymerkle(spec["path"], spec["size"])
    if kind == "prove_ours":
        return worker_prove_ours(spec["url"], spec["origin"], spec["size"])
    if kind == "prove_pymerkle":
        return worker_prove_pymerkle(spec["path"], spec["size"])
    raise ValueError(kind)


def proof_rows(size: int, build: dict[str, Any], prove: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (f"build {size:,} entries, batches of {BUILD_BATCH} (s)", f"{build['seconds']:.1f}"),
        ("build rate (entries/s)", rate(size, build["seconds"])),
        ("cold: open in a fresh process (ms)", f"{prove['open_ms']:.1f}"),
        ("cold: first proof after open (µs)", f"{prove['first_us']:,.0f}"),
        ("warm proofs timed", f"{prove['count']:,}"),
        ("warm median (µs)", f"{prove['median_us']:,.1f}"),
        ("warm p95 (µs)", f"{prove['p95_us']:,.1f}"),
        ("warm max (µs)", f"{prove['max_us']:,.1f}"),
        ("peak RSS, build process (MiB)", f"{build['rss_mib']:,.0f}"),
        ("peak RSS, proof process (MiB)", f"{prove['rss_mib']:,.0f}"),
    ]


def bench_proofs_sqlite(tmp: Path, size: int) -> None:
    url = fresh_sqlite(tmp, "ours_proofs")
    peer_path = str(tmp / "pymerkle_proofs.db")
    ours_build = run_worker({"kind": "build_ours", "url": url, "origin": "bench", "size": size})
    peer_build = run_worker({"kind": "build_pymerkle", "path": peer_path, "size": size})
    ours = run_worker({"kind": "prove_ours", "url": url, "origin": "bench", "size": size})
    peer = run_worker({"kind": "prove_pymerkle", "path": peer_path, "size": size})
    print(f"## 4. Inclusion proofs at {size:,} entries (SQLite)\n")
    ours_rows = proof_rows(size, ours_build, ours)
    peer_rows = proof_rows(size, peer_build, peer)
    table(
        ["measure", "ours (store, SQLite)", "pymerkle SqliteTree"],
        [[a[0], a[1], b[1]] for a, b in zip(ours_rows, peer_rows, strict=True)],
    )
    idle = run_worker({"kind": "imports_only"})
    print(f"A worker process that only imports the modules peaks at {idle['rss_mib']:,.0f} MiB.\n")
    if ours["count"] < PROOF_COUNT or peer["count"] < PROOF_COUNT:
        print(
            f"pymerkle's warm proofs stopped after a {PYMERKLE_PROOF_BUDGET_S:.0f} s budget: "
            f"{peer['count']:,} of {PROOF_COUNT:,} timed.\n"
        )
    if ours_build["root"] != ours["root"] or ours["root"] != peer["root"]:
        sys.exit(f"ROOTS DIFFER at size {size}: ours {ours['root']} pymerkle {peer['root']}")
    if ours["proofs_digest"] != peer["proofs_digest"]:
        sys.exit(f"PROOFS DIFFER at size {size}")
    print(
        f"Roots agree at size {size:,} ({ours['root']}); the first {CHECKED_PROOFS} proofs are "
        "identical.\n",
        flush=True,
    )


# --- PostgreSQL -----------------------------------------------------------------------------


def bench_postgres(size: int, append_count: int, single_count: int) -> None:
    name = f"ftz_bench_{os.getpid()}"
    admin = create_engine(PG_ADMIN.replace("postgresql://", "postgresql+psycopg://"))
    admin = admin.execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        pg_version = conn.execute(text("SHOW server_version")).scalar()
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    try:
        upgrade(url)
        print(f"## 5. Ours on PostgreSQL {pg_version} (scratch database {name})\n")
        batched = bench_batched(None, url, append_count)
        single = bench_single_pg(url, single_count)
        build = run_worker(
            {"kind": "build_ours", "url": url, "origin": "bench/proofs", "size": size}
        )
        prove = run_worker(
            {"kind": "prove_ours", "url": url, "origin": "bench/proofs", "size": size}
        )
        if build["root"] != prove["root"]:
            sys.exit("PostgreSQL: the root read back differs from the root built")
        rows = [
            [f"batched append, batch {b[0]}, {append_count:,} entries (entries/s)", b[2]]
            for b in batched
        ]
        rows.append([f"commit-per-append, {single_count:,} appends (appends/s)", single[0][2]])
        rows.append(["commit-per-append (ms per append)", single[0][3]])
        rows += [[label, value] for label, value in proof_rows(size, build, prove)]
        table(["measure", "ours (store, PostgreSQL)"], rows)
        root = prove["root"]
        print(f"Root at size {size:,} on PostgreSQL: {root} (same entries as SQLite).\n")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


# --- main -----------------------------------------------------------------------------------


def pymerkle_settings(path: Path) -> str:
    tree = SqliteTree(str(path), algorithm="sha256")
    journal = tree.con.execute("PRAGMA journal_mode").fetchone()
    sync = tree.con.execute("PRAGMA synchronous").fetchone()
    tree.close()
    return f"journal_mode={journal}, synchronous={sync} (2 = FULL)"


def configure_orm() -> float:
    """Seconds to configure every ORM mapper (all 29 practices' models), done before any timing:
    a server pays it once at start-up, and the first ORM query of an append would otherwise
    put it inside the measured appends (0.5 s here, a quarter of a 200,000-entry run)."""
    start = time.perf_counter()
    import_all_models()
    configure_mappers()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="log size for proofs")
    parser.add_argument("--postgres", action="store_true", help="also ours on PostgreSQL")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:  # imports only the ledger's models: its RSS is the store's own
        configure_mappers()
        print(json.dumps(worker(json.loads(args.worker))))
        return

    size: int = args.size
    append_count = min(APPEND_COUNT, size)
    single_count = min(SINGLE_COUNT, size)
    with tempfile.TemporaryDirectory(prefix="ftz-bench-ledger-") as tmpdir:
        tmp = Path(tmpdir)
        print(
            f"ftz ledger bench, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
            f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
            f"pymerkle {version('pymerkle')}\n"
        )
        print(
            "SQLite settings: ours WAL + synchronous=FULL + BEGIN IMMEDIATE (make_engine); "
            f"pymerkle its defaults: {pymerkle_settings(tmp / 'settings.db')}\n"
        )
        bench_memory(append_count)
        # After section 1, which needs no ORM: importing every practice first made pymerkle's
        # allocation-heavy in-memory tree 35% slower (more objects for the cyclic GC to scan).
        orm_seconds = configure_orm()
        print(f"ORM mappers configured before sections 2-5 ({orm_seconds:.2f} s, once).\n")

        print(f"## 2. Durable batched append on SQLite ({append_count:,} entries)\n")
        table(
            [
                "batch",
                "ours s",
                "ours entries/s",
                "pymerkle s",
                "pymerkle entries/s",
                "ours ÷ pymerkle",
            ],
            bench_batched(tmp, None, append_count),
        )

        print(f"## 3. Commit-per-append on SQLite ({single_count:,} appends, {ROUNDS} rounds)\n")
        rows, notes = bench_single(tmp, single_count)
        table(
            ["implementation", "appends", "s per round", "appends/s", "ms/append", "vs pymerkle"],
            rows,
        )
        print(
            f"Floors on this disk: a bare sqlite3 INSERT + COMMIT of one row with our settings "
            f"takes {commit_floor_ms(tmp, single_count):.3f} ms; a 64-byte pwrite + fdatasync "
            f"into a preallocated file takes {fdatasync_floor_ms(tmp, single_count):.3f} ms.\n"
        )
        for note in notes:
            print(note + "\n")

        bench_proofs_sqlite(tmp, size)

    if args.postgres:
        bench_postgres(size, append_count, single_count)


if __name__ == "__main__":
    main()
