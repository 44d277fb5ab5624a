"""The append journal of a SQLite ledger: one fdatasync per acknowledged direct append.

Why it exists: committing one append into the ledger tables writes four or five B-tree pages to
SQLite's WAL and costs about three times one fdatasync of a small write on this disk (measured in
bench/ledger.py). The issue's design acknowledges an entry once it is durable and integrates
entries into the tree in batches (every ≤ 1 s), so a direct append is written here first: its
log, its index and its bytes in one record of a preallocated file beside the database, flushed
with one fdatasync before the index is returned. The integrator, or the next transaction that
writes or reads the log, moves the records into the tables (`store.sync_journal`).

Rules that keep it exact (the lock is an flock on the file plus an in-process owner lock):
- Indices are given under the lock: a log's next index is its size in the database plus its
  records here. Every transaction that writes ledger tables holds the same lock from its first
  write until it ends and integrates the records here first, so the two never give one index
  twice.
- The journal is emptied (a new generation in its header) only after the transaction that took
  its records in has committed. A crash in between leaves records whose index the database
  already has; the next integration checks their hash against the stored leaf and skips them.
- A record counts only with its generation and CRC intact. A torn record at the tail was never
  acknowledged (its fdatasync had not returned) and the next append overwrites it.

PostgreSQL deployments do not use it: their app servers share no file, so each append commits.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import struct
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

MAGIC = b"FTZLJ1\0\0"
FILE_HEADER = struct.Struct("<8sQQ")  # magic, generation, 1 while a transaction writes the log
RECORD_HEADER = struct.Struct("<QII")  # generation, payload length, crc32(generation + payload)
PAYLOAD_HEADER = struct.Struct("<QH")  # leaf index, origin length
FIRST_RECORD = FILE_HEADER.size
INITIAL_SIZE = 64 * 1024  # grown by doubling; preallocated so fdatasync has no size to flush
MAX_PAYLOAD = 1 << 30  # a longer length field is read as the end of the journal
MAX_ENTRY = 1 << 20  # larger entries (rare: entries are hashes and commitments) skip the journal
BATCH = 256  # records waiting that wake the integrator before its next second
BATCH_WAITING = threading.Event()


@dataclass(frozen=True)
class JournalRecord:
    origin: str
    index: int
    entry: bytes


class Journal:
    """One journal file; one instance per file per process (see `journal_at`)."""

    def __init__(self, path: Path, database: Path) -> None:
        self.path = path
        self.database = database
        self._owner_lock = threading.Condition()
        self._owner: object | None = None
        self._depth = 0
        self._fd = -1
        self._generation = 0
        self._tail = FIRST_RECORD
        self._allocated = 0
        self._next: dict[str, int] = {}  # per log: one past its last record here
        self._stored: dict[str, int] = {}  # per log: its size in the tables, as last read
        self._writing = False
        self._count = 0
        self._reader: sqlite3.Connection | None = None
        self._open_lock = threading.Lock()

    # --- locking -------------------------------------------------------------------------

    def acquire(self, owner: object) -> None:
        """Exclusive use by `owner` (a session, or one append); re-entrant for the same owner.
        Not tied to a thread: a web request may commit on another thread than it wrote on."""
        with self._owner_lock:
            while self._owner is not None and self._owner is not owner:
                self._owner_lock.wait()
            if self._owner is owner:
                self._depth += 1
                return
            self._owner, self._depth = owner, 1
        try:
            self._open()
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        except BaseException:
            self._hand_over()
            raise
        try:
            self._refresh()
        except BaseException:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            self._hand_over()
            raise

    def release(self, owner: object) -> None:
        with self._owner_lock:
            if self._owner is not owner:
                return
            self._depth -= 1
            if self._depth:
                return
        if self._writing:  # rolled back: the tables did not change
            self._write_header(writing=False)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._hand_over()

    def _hand_over(self) -> None:
        with self._owner_lock:
            self._owner, self._depth = None, 0
            self._owner_lock.notify_all()

    # --- the file --------------------------------------------------------------------------

    def _open(self) -> None:
        with self._open_lock:
            if self._fd >= 0:
                return
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if os.fstat(fd).st_size < FILE_HEADER.size:
                    self._create(fd)
                magic = FILE_HEADER.unpack(os.pread(fd, FILE_HEADER.size, 0))[0]
                if magic != MAGIC:
                    raise OSError(f"{self.path} is not a ledger journal")
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd

    def _create(self, fd: int) -> None:
        """Header and first allocation, under the file lock: two processes may open it first."""
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.fstat(fd).st_size < FILE_HEADER.size:
                os.posix_fallocate(fd, 0, INITIAL_SIZE)
                os.pwrite(fd, FILE_HEADER.pack(MAGIC, 1, 0), 0)
                os.fsync(fd)
                _fsync_directory(self.path.parent)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def _refresh(self) -> None:
        """Catch up with what other processes did since this one last held the lock.

        A new generation means a transaction committed records or appends into the tables. The
        writing flag still set means the last transaction that held the lock died before
        clearing it, perhaps after its commit: the stored sizes are read again.
        """
        _, generation, writing = FILE_HEADER.unpack(os.pread(self._fd, FILE_HEADER.size, 0))
        if generation != self._generation:
            self._generation, self._tail, self._next, self._count = generation, FIRST_RECORD, {}, 0
            self._stored = {}
        if writing:
            self._stored = {}
        for record, end in self._scan(self._tail):
            self._next[record.origin] = record.index + 1
            self._count += 1
            self._tail = end

    def _scan(self, offset: int) -> list[tuple[JournalRecord, int]]:
        found = []
        while True:  # bounded by reads, not by fstat: an fstat here added 35 µs per append
            head = os.pread(self._fd, RECORD_HEADER.size, offset)
            if len(head) < RECORD_HEADER.size:
                break
            generation, length, crc = RECORD_HEADER.unpack(head)
            if generation != self._generation or length > MAX_PAYLOAD:
                break
            start = offset + RECORD_HEADER.size
            payload = os.pread(self._fd, length, start)
            if len(payload) < length or _crc(generation, payload) != crc:
                break  # torn tail: never acknowledged
            index, origin_length = PAYLOAD_HEADER.unpack_from(payload)
            body = payload[PAYLOAD_HEADER.size :]
            origin = body[:origin_length].decode()
            found.append((JournalRecord(origin, index, body[origin_length:]), start + length))
            offset = start + length
        return found

    def _make_room(self, size: int) -> None:
        if self._tail + size <= self._allocated:
            return
        self._allocated = os.fstat(self._fd).st_size  # another process may have grown it
        if self._tail + size <= self._allocated:
            return
        target = max(self._allocated * 2, self._tail + size)
        os.posix_fallocate(self._fd, 0, target)
        os.fsync(self._fd)  # the new size is metadata: flushed once per growth, not per append
        self._allocated = target

    # --- what the store uses ---------------------------------------------------------------

    def append(self, origin: str, entry: bytes) -> int:
        """Write one entry durably and return its index in the log."""
        if len(entry) > MAX_ENTRY:
            raise ValueError(f"journal entries are at most {MAX_ENTRY} bytes")
        owner = object()
        self.acquire(owner)
        try:
            # The larger of the two: records left by a crash between a commit and emptying are
            # below the stored size.
            index = max(self._next.get(origin, 0), self._stored_size(origin))
            name = origin.encode()
            payload = PAYLOAD_HEADER.pack(index, len(name)) + name + entry
            crc = _crc(self._generation, payload)
            record = RECORD_HEADER.pack(self._generation, len(payload), crc) + payload
            self._make_room(len(record))
            os.pwrite(self._fd, record, self._tail)
            os.fdatasync(self._fd)
            self._tail += len(record)
            self._next[origin] = index + 1
            self._count += 1
            if self._count >= BATCH:
                BATCH_WAITING.set()
            return index
        finally:
            self.release(owner)

    def records(self) -> list[JournalRecord]:
        """Every record of the current generation, oldest first (the caller holds the lock)."""
        return [record for record, _ in self._scan(FIRST_RECORD)]

    def has_records(self) -> bool:
        """A lock-free hint for readers: is anything waiting to be integrated? Every read of a
        log's head asks, so an open file is not looked up by path again."""
        if self._fd < 0 and not self.path.exists():
            return False
        self._open()
        _, generation, _ = FILE_HEADER.unpack(os.pread(self._fd, FILE_HEADER.size, 0))
        head = os.pread(self._fd, RECORD_HEADER.size, FIRST_RECORD)
        return len(head) == RECORD_HEADER.size and RECORD_HEADER.unpack(head)[0] == generation

    def writing(self) -> None:
        """The holder is a transaction that will write the tables: flagged in the header until
        it commits (`empty`) or rolls back (`release`), so that if it dies in between, the next
        holder knows the stored sizes may have changed."""
        self._write_header(writing=True)

    def empty(self) -> None:
        """Start a new generation (the caller holds the lock and has committed the records).
        Not synced: only a committed integration empties it, and records it left behind are
        recognised by their index and skipped."""
        self._generation += 1
        self._write_header(writing=False)
        self._tail, self._next, self._stored, self._count = FIRST_RECORD, {}, {}, 0

    def close_if_idle(self) -> bool:
        """Close the file and the reader unless in use (a later use opens them again)."""
        with self._owner_lock:
            if self._owner is not None:
                return False
            with self._open_lock:
                if self._fd >= 0:
                    os.close(self._fd)
                self._fd, self._generation = -1, 0
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            return True

    def _write_header(self, *, writing: bool) -> None:
        self._writing = writing
        os.pwrite(self._fd, FILE_HEADER.pack(MAGIC, self._generation, int(writing)), 0)

    def forget(self) -> None:
        """Drop what this process remembers of the file (tests that roll back committed data)."""
        self._generation = 0

    def _stored_size(self, origin: str) -> int:
        """The log's committed size, read on a connection of our own without any write lock
        (a WAL read), since the write lock may be queued behind this journal's lock."""
        known = self._stored.get(origin)
        if known is not None:
            return known
        if self._reader is None:
            self._reader = sqlite3.connect(self.database, check_same_thread=False)
        row = self._reader.execute(
            "SELECT tree_size FROM ledger_log WHERE origin = ?", (origin,)
        ).fetchone()
        self._stored[origin] = size = 0 if row is None else int(row[0])
        return size


def _crc(generation: int, payload: bytes) -> int:
    return zlib.crc32(payload, zlib.crc32(struct.pack("<Q", generation)))


def _fsync_directory(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_JOURNALS: dict[Path, Journal] = {}
OPEN_LIMIT = 64
_BY_NAME: dict[str, Journal] = {}  # as the URL names it: no path resolution per call
_JOURNALS_LOCK = threading.Lock()


def journal_at(database: str | None) -> Journal | None:
    """The journal beside a SQLite database file; None for an in-memory database."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    with _JOURNALS_LOCK:
        found = _BY_NAME.get(database)
        if found is None:
            path = Path(database).resolve()
            found = _JOURNALS.get(path)
            if found is None:
                if len(_JOURNALS) >= OPEN_LIMIT:
                    _close_idle()
                found = _JOURNALS[path] = Journal(path.with_name(path.name + "-ledger"), path)
            _BY_NAME[database] = found
        return found


def _close_idle() -> None:
    """Keep open files bounded in a process that meets many databases (a test run)."""
    closed = {path for path, journal in _JOURNALS.items() if journal.close_if_idle()}
    for path in closed:
        del _JOURNALS[path]
    for name in [name for name, journal in _BY_NAME.items() if journal.database in closed]:
        del _BY_NAME[name]


def forget_journals() -> None:
    with _JOURNALS_LOCK:
        for journal in _JOURNALS.values():
            journal.forget()


def _forget_after_fork() -> None:
    """A forked child shares the parent's open file, and so its flock: it must open its own."""
    _JOURNALS.clear()
    _BY_NAME.clear()


os.register_at_fork(after_in_child=_forget_after_fork)
