"""The log in the database: append with every completed node, proofs in one query each.

Appends to one log are serialized by a lock on its row (BEGIN IMMEDIATE on SQLite, SELECT … FOR
UPDATE on PostgreSQL), so indices are never lost or duplicated; the (log, index) primary key
would refuse a duplicate anyway.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, SessionTransaction

from ftz.core.kit.errors import FtzError, not_found
from ftz.core.ledger.journal import (
    MAX_ENTRY,
    Journal,
    JournalRecord,
    forget_journals,
    journal_at,
)
from ftz.core.ledger.merkle import (
    EMPTY_ROOT,
    Frontier,
    NodeKey,
    ProofError,
    consistency_ranges,
    inclusion_ranges,
    leaf_hash,
    resolve,
)
from ftz.core.ledger.models import LedgerLog

ORIGIN_MAX = 200


@dataclass(frozen=True)
class LogHead:
    log_id: int
    origin: str
    size: int
    root: bytes


class LedgerError(FtzError):
    pass


def _damaged(detail: str) -> LedgerError:
    return LedgerError(
        detail=detail, status=500, title="Ledger damaged", type_slug="ledger-damaged"
    )


def _query(connection: Connection, sql: str, params: Sequence[object]) -> list[Any]:
    """A read on the driver's own cursor: proofs are hot, and SQLAlchemy's result layer cost
    as much as the query itself (measured: about half of a 115 µs proof)."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _write(connection: Connection, sql: str, rows: Sequence[Sequence[object]]) -> None:
    """Writes on the driver's cursor too: four statements per append through SQLAlchemy's
    execution layer cost more than the SQLite commit (fsync) itself."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if len(rows) == 1:
            cursor.execute(sql, tuple(rows[0]))
        else:
            cursor.executemany(sql, rows)
    finally:
        cursor.close()


def _placeholder(connection: Connection) -> str:
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


class FrontierCache:
    """The right edge of each log, kept between appends; trusted only while the log's stored
    size and root still match (another process, or a rolled-back transaction, makes it stale)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_log: dict[tuple[str, int], tuple[int, bytes, list[bytes]]] = {}

    def get(self, key: tuple[str, int], size: int, root: bytes) -> Frontier | None:
        with self._lock:
            cached = self._by_log.get(key)
        if cached is None or cached[0] != size or cached[1] != root:
            return None
        return Frontier(size, list(cached[2]))

    def put(self, key: tuple[str, int], frontier: Frontier) -> None:
        with self._lock:
            self._by_log[key] = (frontier.size, frontier.root(), list(frontier.hashes))


FRONTIERS = FrontierCache()

CACHED_LEVEL = 4  # nodes covering 16+ leaves: n/8 of them in all, on every proof path
CACHE_LIMIT = 2_000_000


class NodeCache:
    """Committed interior nodes never change, so upper ones are kept in memory. Only nodes read
    by a transaction that appended nothing are cached: those are committed, never rolled back.
    Nested per log and level so a lookup is two dict probes, not a tuple key per node."""

    def __init__(self) -> None:
        self._logs: dict[tuple[str, int], dict[int, dict[int, bytes]]] = {}
        self._count = 0

    def split(
        self, scope: str, log_id: int, keys: Sequence[NodeKey]
    ) -> tuple[dict[NodeKey, bytes], list[NodeKey]]:
        levels = self._logs.get((scope, log_id))
        found: dict[NodeKey, bytes] = {}
        missing: list[NodeKey] = []
        for key in keys:
            level = key[0]
            value = levels[level].get(key[1]) if levels and level in levels else None
            if value is None:
                missing.append(key)
            else:
                found[key] = value
        return found, missing

    def keep(self, scope: str, log_id: int, nodes: dict[NodeKey, bytes]) -> None:
        if self._count > CACHE_LIMIT:
            self._logs.clear()
            self._count = 0
        levels = self._logs.setdefault((scope, log_id), {})
        for (level, index), value in nodes.items():
            if level >= CACHED_LEVEL:
                levels.setdefault(level, {})[index] = value
                self._count += 1


NODES = NodeCache()
WROTE = "ftz_ledger_appended"
HELD = "ftz_ledger_journal"  # session.info: the journal this transaction holds


_KNOWN: dict[tuple[str, str], tuple[int, int]] = {}


def reset_caches() -> None:
    """Forget every cached frontier, node and head. The caches rely on committed data never
    disappearing; only a test that rolls back committed-looking data needs this."""
    FRONTIERS._by_log.clear()
    NODES._logs.clear()
    _KNOWN.clear()
    forget_journals()


_SCOPES: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def _scope(engine: Engine) -> str:
    """The database the caches belong to. Rendering the URL each time cost 3 µs of a 45 µs
    proof, so it is remembered per engine."""
    found = _SCOPES.get(engine)
    if found is None:
        found = _SCOPES[engine] = str(engine.url)
    return found


def _proof_log(session: Session, origin: str, size: int) -> int:
    """The log's id for a proof up to `size`, without a query when a committed read already
    showed the log at least that large (logs only grow); otherwise read and check the head."""
    scope = _scope(session.connection().engine)
    known = _KNOWN.get((scope, origin))
    if known is not None and 0 <= size <= known[1]:
        return known[0]
    log = head(session, origin)
    _check_size(log, size)
    if not session.info.get(WROTE):
        _KNOWN[(scope, origin)] = (log.log_id, log.size)
    return log.log_id


def _lookup(session: Session, log_id: int) -> Callable[[list[NodeKey]], dict[NodeKey, bytes]]:
    connection = session.connection()
    if session.info.get(WROTE):
        return lambda keys: fetch_nodes(connection, log_id, keys)
    scope = _scope(connection.engine)

    def cached(keys: list[NodeKey]) -> dict[NodeKey, bytes]:
        found, missing = NODES.split(scope, log_id, keys)
        if missing:
            fetched = fetch_nodes(connection, log_id, missing)
            NODES.keep(scope, log_id, fetched)
            found.update(fetched)
        return found

    return cached


def validate_origin(origin: str) -> str:
    if not origin or len(origin) > ORIGIN_MAX or any(c.isspace() for c in origin):
        raise LedgerError(
            detail="a log origin is 1-200 characters without spaces",
            status=422,
            title="Invalid input",
            type_slug="validation",
        )
    return origin


def ensure_log(session: Session, origin: str) -> LedgerLog:
    validate_origin(origin)
    query = select(LedgerLog).where(LedgerLog.origin == origin)
    log = session.scalar(query)
    if log is None:
        try:
            with session.begin_nested():  # two first appends may race to create the log
                session.add(LedgerLog(origin=origin, tree_size=0, root_hash=EMPTY_ROOT))
        except IntegrityError:
            pass
        log = session.scalar(query)
        assert log is not None
    return log


def head(session: Session, origin: str, *, lock: bool = False) -> LogHead:
    """The log's current size and root (locked for update when appending), counting entries
    acknowledged into the journal (they are integrated into this transaction first)."""
    sync_journal(session)
    connection = session.connection()
    p = _placeholder(connection)
    sql = f"SELECT id, tree_size, root_hash FROM ledger_log WHERE origin = {p}"
    if lock and connection.dialect.name == "postgresql":
        sql += " FOR UPDATE"  # SQLite's BEGIN IMMEDIATE already holds the write lock
    rows = _query(connection, sql, [origin])
    if not rows:
        raise not_found(f"log {origin}")
    row = rows[0]
    return LogHead(int(row[0]), origin, int(row[1]), bytes(row[2]))


HASH_CHUNK_BITS = 12  # 4,096 leaves per chunk of the hash index (see LedgerLeafHash)


def hash_prefix(hashed: bytes) -> int:
    return int.from_bytes(hashed[:8], "big", signed=True)


def fetch_nodes(
    connection: Connection, log_id: int, keys: Sequence[NodeKey]
) -> dict[NodeKey, bytes]:
    """Stored hashes for (level, index) keys, leaves and interior nodes in one round trip.

    One primary-key SELECT per key joined by UNION ALL: with an OR of many terms (or a row-value
    IN) SQLite's planner scans the whole log instead (20 µs against 20 ms at a million leaves).
    """
    if not keys:
        return {}
    p = _placeholder(connection)
    leaf_sql = f"SELECT 0, idx, leaf_hash FROM ledger_leaf WHERE log_id = {p} AND idx = {p}"
    node_sql = (
        f"SELECT level, idx, hash FROM ledger_node WHERE log_id = {p} AND level = {p} AND idx = {p}"
    )
    parts: list[str] = []
    params: list[int] = []
    for level, index in keys:
        if level == 0:
            parts.append(leaf_sql)
            params += [log_id, index]
        else:
            parts.append(node_sql)
            params += [log_id, level, index]
    rows = _query(connection, " UNION ALL ".join(parts), params)
    found = {(int(level), int(index)): bytes(value) for level, index, value in rows}
    if len(found) != len(set(keys)):
        missing = sorted(set(keys) - found.keys())
        raise _damaged(f"log {log_id} is missing stored nodes {missing[:3]}")
    return found


def _load_frontier(connection: Connection, log: LogHead) -> Frontier:
    frontier = Frontier(log.size)
    keys = frontier.keys()
    found = fetch_nodes(connection, log.log_id, keys)
    frontier.hashes = [found[key] for key in keys]
    if frontier.root() != log.root:
        raise _damaged(f"log {log.origin}: stored nodes do not give the stored root")
    return frontier


def append_entries(
    session: Session,
    origin: str,
    entries: Sequence[bytes],
    refs: Sequence[str | None] | None = None,
) -> tuple[int, list[bytes]]:
    """Integrate entries at the end of the log in the session's transaction.

    Returns the first new index and the leaf hashes. Durable when the caller commits.
    """
    journal = _journal(session)
    if journal is not None:
        _hold_journal(session, journal)
    return _append_rows(session, origin, entries, refs)


def append_acknowledged(session: Session, origin: str, entry: bytes) -> tuple[int, bytes]:
    """One entry, durable when this returns (not when the caller commits): its index and hash.

    On a SQLite file the entry goes to the journal with one fdatasync and is integrated into
    the tables by the next batch; elsewhere, when this transaction already writes the ledger,
    or for an entry over 1 MiB, it is appended in the session's transaction like
    `append_entries` (durable when the caller commits).
    """
    journal = _journal(session)
    if journal is None or HELD in session.info or len(entry) > MAX_ENTRY:
        first, hashes = append_entries(session, origin, [entry])
        return first, hashes[0]
    validate_origin(origin)
    return journal.append(origin, entry), leaf_hash(entry)


def _append_rows(
    session: Session,
    origin: str,
    entries: Sequence[bytes],
    refs: Sequence[str | None] | None,
) -> tuple[int, list[bytes]]:
    try:
        log = head(session, origin, lock=True)
    except FtzError:
        ensure_log(session, origin)
        log = head(session, origin, lock=True)
    connection = session.connection()
    cache_key = (_scope(connection.engine), log.log_id)
    frontier = FRONTIERS.get(cache_key, log.size, log.root) or _load_frontier(connection, log)
    first = frontier.size
    leaves: list[tuple[int, int, bytes, bytes, str | None]] = []
    nodes: list[tuple[int, int, bytes]] = []
    ref_list = refs or [None] * len(entries)
    for offset, entry in enumerate(entries):
        hashed = leaf_hash(entry)
        leaves.append((log.log_id, first + offset, hashed, entry, ref_list[offset]))
        frontier.append(hashed, nodes)
    p = _placeholder(connection)
    _write(
        connection,
        "INSERT INTO ledger_leaf (log_id, idx, leaf_hash, entry, ref) "
        f"VALUES ({p}, {p}, {p}, {p}, {p})",
        leaves,
    )
    _write(
        connection,
        f"INSERT INTO ledger_leaf_hash (log_id, chunk, prefix, idx) VALUES ({p}, {p}, {p}, {p})",
        sorted(
            (log.log_id, leaf[1] >> HASH_CHUNK_BITS, hash_prefix(leaf[2]), leaf[1])
            for leaf in leaves
        ),
    )
    if nodes:
        _write(
            connection,
            f"INSERT INTO ledger_node (log_id, level, idx, hash) VALUES ({p}, {p}, {p}, {p})",
            [(log.log_id, level, index, value) for level, index, value in nodes],
        )
    _write(
        connection,
        f"UPDATE ledger_log SET tree_size = {p}, root_hash = {p} WHERE id = {p}",
        [(frontier.size, frontier.root(), log.log_id)],
    )
    FRONTIERS.put(cache_key, frontier)
    session.info[WROTE] = True
    return first, [leaf[2] for leaf in leaves]


def _journal(session: Session) -> Journal | None:
    url = session.get_bind().engine.url
    return journal_at(url.database) if url.get_backend_name() == "sqlite" else None


def sync_journal(session: Session) -> None:
    """Take entries waiting in the journal into this transaction (the integrator calls it every
    second; reads call it so that an acknowledged entry is always found)."""
    journal = _journal(session)
    if journal is not None and HELD not in session.info and journal.has_records():
        _hold_journal(session, journal)


def _hold_journal(session: Session, journal: Journal) -> None:
    """Hold the journal until this transaction ends, integrating its records first."""
    if HELD in session.info:
        return
    # Begin first: SQLite's BEGIN IMMEDIATE takes the write lock, and every writer takes the
    # database lock before the journal's, so two writers never wait on each other.
    session.connection()
    journal.acquire(session)
    session.info[HELD] = journal
    journal.writing()
    records = journal.records()
    if records:
        _integrate(session, records)


def _integrate(session: Session, records: list[JournalRecord]) -> None:
    by_origin: dict[str, list[JournalRecord]] = {}
    for record in records:
        by_origin.setdefault(record.origin, []).append(record)
    for origin, rows in by_origin.items():
        ensure_log(session, origin)
        log = head(session, origin, lock=True)
        done = [row for row in rows if row.index < log.size]
        if done:  # integrated by a transaction that committed just before a crash
            stored = fetch_nodes(session.connection(), log.log_id, [(0, r.index) for r in done])
            if any(stored[(0, r.index)] != leaf_hash(r.entry) for r in done):
                raise _damaged(f"log {origin}: a journal record differs from its stored leaf")
        fresh = rows[len(done) :]
        if [r.index for r in fresh] != list(range(log.size, log.size + len(fresh))):
            raise _damaged(f"log {origin}: journal indices do not follow the stored log")
        if fresh:
            _append_rows(session, origin, [r.entry for r in fresh], None)


@event.listens_for(Session, "after_commit")
def _empty_journal(session: Session) -> None:
    """Its records are committed into the tables now; a new generation also tells other
    processes that the stored sizes changed."""
    journal = session.info.get(HELD)
    if journal is not None and session.get_nested_transaction() is None:  # not a savepoint
        journal.empty()


@event.listens_for(Session, "after_transaction_end")
def _release_journal(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        journal = session.info.pop(HELD, None)
        if journal is not None:
            journal.release(session)


def root_at(session: Session, origin: str, size: int) -> bytes:
    log = head(session, origin)
    _check_size(log, size)
    if size == 0:
        return EMPTY_ROOT
    if size == log.size:
        return log.root
    return resolve([(0, size)], _lookup(session, log.log_id))[0]


def inclusion_proof(session: Session, origin: str, index: int, size: int) -> list[bytes]:
    log_id = _proof_log(session, origin, size)
    try:
        ranges = inclusion_ranges(index, size)
    except ProofError as exc:
        raise LedgerError(
            detail=str(exc), status=422, title="Invalid input", type_slug="validation"
        ) from exc
    return resolve(ranges, _lookup(session, log_id))


def consistency_proof(session: Session, origin: str, old: int, new: int) -> list[bytes]:
    log = head(session, origin)
    _check_size(log, new)
    if old == new:
        return []
    try:
        ranges = consistency_ranges(old, new)
    except ProofError as exc:
        raise LedgerError(
            detail=str(exc), status=422, title="Invalid input", type_slug="validation"
        ) from exc
    return resolve(ranges, _lookup(session, log.log_id))


def _check_size(log: LogHead, size: int) -> None:
    if not 0 <= size <= log.size:
        raise LedgerError(
            detail=f"log {log.origin} has {log.size} entries, not {size}",
            status=422,
            title="Invalid input",
            type_slug="validation",
        )


def find_leaf(session: Session, origin: str, hashed: bytes) -> int | None:
    """The first index whose leaf hash is `hashed`, or None.

    One query doing one index seek per chunk: on SQLite a generated series of chunk numbers
    drives the join (CROSS JOIN fixes the order); on PostgreSQL `chunk = ANY(array)` becomes
    one B-tree search per element (a join there was planned as a scan of the whole index).
    """
    log = head(session, origin)
    if log.size == 0:
        return None
    connection = session.connection()
    last_chunk = (log.size - 1) >> HASH_CHUNK_BITS
    join = "JOIN ledger_leaf l ON l.log_id = h.log_id AND l.idx = h.idx"
    if connection.dialect.name == "postgresql":
        sql = (
            f"SELECT h.idx, l.leaf_hash FROM ledger_leaf_hash h {join} "
            "WHERE h.log_id = %s AND h.chunk = ANY(%s) AND h.prefix = %s ORDER BY h.idx"
        )
        params: tuple[object, ...] = (log.log_id, list(range(last_chunk + 1)), hash_prefix(hashed))
    else:
        sql = (
            "WITH RECURSIVE chunks(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM chunks "
            f"WHERE n < ?) SELECT h.idx, l.leaf_hash FROM chunks CROSS JOIN ledger_leaf_hash h "
            f"{join} WHERE h.log_id = ? AND h.chunk = chunks.n AND h.prefix = ? ORDER BY h.idx"
        )
        params = (last_chunk, log.log_id, hash_prefix(hashed))
    for index, value in _query(connection, sql, params):
        if bytes(value) == hashed:
            return int(index)
    return None


def get_leaf(session: Session, origin: str, index: int) -> tuple[bytes, bytes, str | None]:
    log = head(session, origin)
    connection = session.connection()
    p = _placeholder(connection)
    row = connection.exec_driver_sql(
        f"SELECT leaf_hash, entry, ref FROM ledger_leaf WHERE log_id = {p} AND idx = {p}",
        (log.log_id, index),
    ).first()
    if row is None:
        raise not_found(f"entry {index} of log {origin}")
    return bytes(row[0]), bytes(row[1]), row[2]
