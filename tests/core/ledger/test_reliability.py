"""Crash and concurrency, on both databases: kill -9 in the middle of a batch loses nothing
acknowledged; concurrent appenders (threads and processes) neither lose nor duplicate an index.
Appenders mix the three ways in: queued and integrated, appended in a transaction, and
acknowledged one by one (through the journal on SQLite)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import Engine, text

from ftz.config import Settings
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.core.ledger import service, store
from ftz.core.ledger.audit_check import audit_logs
from ftz.core.ledger.merkle import leaf_hash, verify_consistency, verify_inclusion

LOG = "test.local/crash"
CHILD = r"""
import sys
from ftz.config import Settings
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.core.ledger import service, store

url, data_dir, tag = sys.argv[1], sys.argv[2], sys.argv[3]
factory = make_sessionmaker(make_engine(url))
signer = service.signing(Settings(data_dir=data_dir, secret_key="x"))
n = 0
while True:
    size = 1 + n % 97
    entries = [f"{tag}-{n}-{i}".encode() for i in range(size)]
    with unit_of_work(factory) as session:
        if n % 3 == 1:
            first, _ = store.append_entries(session, "test.local/crash", entries)
        elif n % 3 == 2:  # the journal on SQLite: each entry durable when the call returns
            for entry in entries:
                store.append_acknowledged(session, "test.local/crash", entry)
        else:
            for entry in entries:
                service.enqueue(session, "test.local/crash", entry)
            service.integrate_pending(session, limit=10_000)
            first = -1
        if n % 5 == 0:
            service.make_checkpoint(session, "test.local/crash", signer)
    # printed only after the commit returned: this is the acknowledgement
    print("ACK", tag, n, size, flush=True)
    n += 1
"""


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _child(url: str, data_dir: Path, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(data_dir), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _acknowledged(lines: list[str]) -> list[bytes]:
    entries = []
    for line in lines:
        _, tag, n, size = line.split()
        entries += [f"{tag}-{n}-{i}".encode() for i in range(int(size))]
    return entries


def test_kill_9_mid_batch_loses_nothing_acknowledged(fresh_engine: Engine, tmp_path: Path) -> None:
    process = _child(_url(fresh_engine), tmp_path, "crash")
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while len(lines) < 60 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("ACK"):
            lines.append(line)
    time.sleep(0.013)  # land somewhere inside the next batch
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert len(lines) >= 60, process.stderr.read() if process.stderr else ""

    factory = make_sessionmaker(fresh_engine)
    signer = service.signing(Settings(data_dir=tmp_path, secret_key="x"))
    with unit_of_work(factory) as session:
        service.integrate_pending(session, limit=100_000)  # what the restart's integrator does
    with unit_of_work(factory) as session:
        head = store.head(session, LOG)
        for entry in _acknowledged(lines):
            index = store.find_leaf(session, LOG, leaf_hash(entry))
            assert index is not None, entry
            proof = store.inclusion_proof(session, LOG, index, head.size)
            verify_inclusion(index, head.size, leaf_hash(entry), proof, head.root)
        sizes = session.execute(
            text("SELECT tree_size, root_hash FROM ledger_checkpoint WHERE log_id = :l"),
            {"l": head.log_id},
        ).all()
        assert sizes
        for size, root in sizes:
            if size:
                proof = store.consistency_proof(session, LOG, size, head.size)
                verify_consistency(size, head.size, bytes(root), head.root, proof)
        reports = audit_logs(session, signer, LOG)
        assert reports[0].problems == []


def test_concurrent_threads_and_processes(fresh_engine: Engine, tmp_path: Path) -> None:
    factory = make_sessionmaker(fresh_engine)
    per_thread, threads = 40, 4
    errors: list[BaseException] = []

    def worker(tag: str) -> None:
        try:
            for n in range(per_thread):
                entries = [f"{tag}-{n}-{i}".encode() for i in range(1 + n % 3)]
                with unit_of_work(factory) as session:
                    if n % 2:
                        for entry in entries:
                            store.append_acknowledged(session, "test.local/concurrent", entry)
                    else:
                        store.append_entries(session, "test.local/concurrent", entries)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    script = (
        "import sys\n"
        "from ftz.core.db import make_engine, make_sessionmaker, unit_of_work\n"
        "from ftz.core.ledger import store\n"
        "f = make_sessionmaker(make_engine(sys.argv[1]))\n"
        f"for n in range({per_thread}):\n"
        "    entries = [f'{sys.argv[2]}-{n}-{i}'.encode() for i in range(1 + n % 3)]\n"
        "    with unit_of_work(f) as s:\n"
        "        if n % 2:\n"
        "            for e in entries:\n"
        "                store.append_acknowledged(s, 'test.local/concurrent', e)\n"
        "        else:\n"
        "            store.append_entries(s, 'test.local/concurrent', entries)\n"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", script, _url(fresh_engine), f"p{k}"])
        for k in range(2)
    ]
    pool = [threading.Thread(target=worker, args=(f"t{k}",)) for k in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=120)
    assert all(p.wait(timeout=120) == 0 for p in processes)
    assert not errors, errors

    tags = [f"t{k}" for k in range(threads)] + ["p0", "p1"]
    expected = {
        f"{tag}-{n}-{i}".encode()
        for tag in tags
        for n in range(per_thread)
        for i in range(1 + n % 3)
    }
    with unit_of_work(factory) as session:
        head = store.head(session, "test.local/concurrent")
        rows = session.execute(
            text("SELECT idx, entry FROM ledger_leaf WHERE log_id = :l ORDER BY idx"),
            {"l": head.log_id},
        ).all()
        assert [int(r[0]) for r in rows] == list(range(len(expected)))
        assert {bytes(r[1]) for r in rows} == expected
        assert head.size == len(expected)
        signer = service.signing(Settings(data_dir=tmp_path, secret_key="x"))
        assert audit_logs(session, signer, "test.local/concurrent")[0].problems == []
