"""The append journal of a SQLite ledger: acknowledged entries wait there durably, get the next
indices of their log, and are integrated exactly once, whatever crashes in between."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import struct
import time
import zlib
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ftz.config import Settings
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.core.ledger import integrator, service, store
from ftz.core.ledger.journal import (
    _JOURNALS,
    BATCH,
    FIRST_RECORD,
    MAX_ENTRY,
    OPEN_LIMIT,
    RECORD_HEADER,
    Journal,
    JournalRecord,
    journal_at,
)
from ftz.core.ledger.merkle import MemoryLog
from ftz.core.ledger.store import LedgerError

LOG = "test.local/journal"


@pytest.fixture
def sqlite_engine(fresh_engine: Engine) -> Engine:
    if fresh_engine.url.get_backend_name() != "sqlite":
        pytest.skip("the journal is for SQLite files; PostgreSQL commits each append")
    return fresh_engine


def _journal(engine: Engine) -> Journal:
    found = journal_at(engine.url.database)
    assert found is not None
    return found


def _stored(engine: Engine) -> list[bytes]:
    with unit_of_work(make_sessionmaker(engine)) as session:
        size = store.head(session, LOG).size
        return [store.get_leaf(session, LOG, i)[1] for i in range(size)]


def _acknowledge(engine: Engine, entries: list[bytes]) -> list[int]:
    with unit_of_work(make_sessionmaker(engine)) as session:
        return [store.append_acknowledged(session, LOG, e)[0] for e in entries]


def test_acknowledged_entries_wait_in_the_journal_then_join_the_log(sqlite_engine: Engine) -> None:
    journal = _journal(sqlite_engine)
    assert _acknowledge(sqlite_engine, [b"a", b"b", b"c"]) == [0, 1, 2]
    assert journal.has_records()
    assert [(r.origin, r.index, r.entry) for r in _records(journal)] == [
        (LOG, 0, b"a"),
        (LOG, 1, b"b"),
        (LOG, 2, b"c"),
    ]
    with unit_of_work(make_sessionmaker(sqlite_engine)) as session:
        head = store.head(session, LOG)  # a read integrates what waits
        expected = MemoryLog()
        for entry in (b"a", b"b", b"c"):
            expected.append(entry)
        assert (head.size, head.root) == (3, expected.root())
    assert not journal.has_records()  # emptied once that transaction committed


def test_journal_and_transactions_share_one_sequence(sqlite_engine: Engine) -> None:
    factory = make_sessionmaker(sqlite_engine)
    assert _acknowledge(sqlite_engine, [b"j0", b"j1"]) == [0, 1]
    with unit_of_work(factory) as session:  # integrates j0, j1 first, then appends after them
        first, _ = store.append_entries(session, LOG, [b"t2", b"t3"])
    assert first == 2
    assert _acknowledge(sqlite_engine, [b"j4"]) == [4]
    assert _stored(sqlite_engine) == [b"j0", b"j1", b"t2", b"t3", b"j4"]


def test_a_rolled_back_integration_leaves_the_records_waiting(sqlite_engine: Engine) -> None:
    _acknowledge(sqlite_engine, [b"x", b"y"])
    session = make_sessionmaker(sqlite_engine)()
    try:
        assert store.head(session, LOG).size == 2
        session.rollback()
    finally:
        session.close()
    assert _journal(sqlite_engine).has_records()
    assert _stored(sqlite_engine) == [b"x", b"y"]


def test_a_torn_record_at_the_tail_is_ignored_and_overwritten(sqlite_engine: Engine) -> None:
    journal = _journal(sqlite_engine)
    _acknowledge(sqlite_engine, [b"one", b"two"])
    tail = FIRST_RECORD + sum(RECORD_HEADER.size + 10 + len(LOG) + 3 for _ in range(2))
    with open(journal.path, "r+b") as raw:  # a crash inside the write of a third record
        raw.seek(tail)
        raw.write(RECORD_HEADER.pack(journal._generation, 40, 12345) + b"half a rec")
    fresh = Journal(journal.path, journal.database)  # another process
    assert fresh.append(LOG, b"three") == 2
    assert [r.entry for r in _records(fresh)] == [b"one", b"two", b"three"]
    assert _stored(sqlite_engine) == [b"one", b"two", b"three"]


def test_a_crash_between_commit_and_emptying_loses_and_repeats_nothing(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _journal(sqlite_engine)
    other = Journal(journal.path, journal.database)  # another process, which keeps appending
    assert [other.append(LOG, b"a"), other.append(LOG, b"b")] == [0, 1]
    with monkeypatch.context() as patch:  # a transaction commits a, b and c, then dies
        patch.setattr(Journal, "empty", lambda self: None)
        patch.setattr(Journal, "release", lambda self, owner: None)
        session = make_sessionmaker(sqlite_engine)()
        store.append_entries(session, LOG, [b"c"])
        session.commit()
    journal._hand_over()  # what the kernel does for a dead process: its locks are gone
    fcntl.flock(journal._fd, fcntl.LOCK_UN)
    assert other.append(LOG, b"d") == 3  # not 2: the flag it left says the sizes changed
    assert _journal(sqlite_engine).has_records()
    assert _stored(sqlite_engine) == [b"a", b"b", b"c", b"d"]  # a, b checked and skipped
    assert not _journal(sqlite_engine).has_records()


def test_a_journal_record_that_contradicts_the_log_is_reported(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _journal(sqlite_engine)
    _acknowledge(sqlite_engine, [b"kept"])
    with monkeypatch.context() as patch:
        patch.setattr(Journal, "empty", lambda self: None)
        _stored(sqlite_engine)
    entry_at = FIRST_RECORD + RECORD_HEADER.size + 10 + len(LOG)
    with open(journal.path, "r+b") as raw:  # rewrite the entry and its CRC: a forged record
        raw.seek(entry_at)
        raw.write(b"FAKE")
        raw.flush()
        payload = os.pread(raw.fileno(), 10 + len(LOG) + 4, FIRST_RECORD + RECORD_HEADER.size)
        generation = journal._generation
        crc = zlib.crc32(payload, zlib.crc32(struct.pack("<Q", generation)))
        raw.seek(FIRST_RECORD)
        raw.write(RECORD_HEADER.pack(generation, len(payload), crc))
    with pytest.raises(LedgerError, match="differs from its stored leaf"):
        _stored(sqlite_engine)


def test_each_process_catches_up_with_the_others(sqlite_engine: Engine) -> None:
    first = _journal(sqlite_engine)
    other = Journal(first.path, first.database)  # a second process's view of the same file
    assert first.append(LOG, b"a") == 0
    assert other.append(LOG, b"b") == 1
    assert first.append(LOG, b"c") == 2
    assert _stored(sqlite_engine) == [b"a", b"b", b"c"]
    assert other.append(LOG, b"d") == 3  # after the new generation, from the stored size
    assert _stored(sqlite_engine) == [b"a", b"b", b"c", b"d"]


def test_in_memory_sqlite_has_no_journal(tmp_path: Path) -> None:
    assert journal_at(":memory:") is None
    assert journal_at(None) is None
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    assert journal_at(engine.url.database) is not None


def _records(journal: Journal) -> list[JournalRecord]:
    owner = object()
    journal.acquire(owner)
    try:
        return journal.records()
    finally:
        journal.release(owner)


def test_a_process_keeps_few_journal_files_open(sqlite_engine: Engine, tmp_path: Path) -> None:
    for number in range(OPEN_LIMIT + 5):
        journal_at(str(tmp_path / f"{number}.db"))
    assert len(_JOURNALS) <= OPEN_LIMIT
    assert _acknowledge(sqlite_engine, [b"after"]) == [0]  # a closed journal opens again
    assert _journal(sqlite_engine).close_if_idle()
    assert _acknowledge(sqlite_engine, [b"again"]) == [1]
    assert _stored(sqlite_engine) == [b"after", b"again"]


def test_a_full_batch_wakes_the_integrator_before_its_second(
    sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(integrator, "INTERVAL_SECONDS", 60.0)  # only the wake can explain it
    signer = service.signing(Settings(data_dir=tmp_path, secret_key="x"))
    worker = integrator.Integrator(make_sessionmaker(sqlite_engine), signer)
    worker.start()
    try:
        time.sleep(0.5)  # past its first round, now waiting for a minute
        _acknowledge(sqlite_engine, [f"e{n}".encode() for n in range(BATCH)])
        reader = sqlite3.connect(str(sqlite_engine.url.database))
        deadline = time.monotonic() + 20
        size = 0
        while size < BATCH and time.monotonic() < deadline:
            row = reader.execute("SELECT tree_size FROM ledger_log WHERE origin = ?", (LOG,))
            size = (row.fetchone() or (0,))[0]
            time.sleep(0.05)
        reader.close()
        assert size == BATCH
    finally:
        worker.stop()


def test_a_large_entry_is_appended_in_the_transaction(sqlite_engine: Engine) -> None:
    large = b"x" * (MAX_ENTRY + 1)
    with unit_of_work(make_sessionmaker(sqlite_engine)) as session:
        assert store.append_acknowledged(session, LOG, large)[0] == 0
    assert not _journal(sqlite_engine).has_records()
    assert _stored(sqlite_engine) == [large]
    with pytest.raises(ValueError, match="at most"):
        _journal(sqlite_engine).append(LOG, large)
