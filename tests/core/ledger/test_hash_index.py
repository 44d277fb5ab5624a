"""The hash → index lookup across several chunks of the index, and its migration both ways
(the 0005 revision rebuilds the index from the stored leaves)."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from ftz.core.db import make_sessionmaker
from ftz.core.db.migrate import downgrade, upgrade
from ftz.core.ledger import store
from ftz.core.ledger.merkle import leaf_hash

LOG = "test.local/hash-index"
COUNT = (1 << store.HASH_CHUNK_BITS) * 2 + 17  # three chunks, the last one partial


def _entries() -> list[bytes]:
    return [f"hash-index-{i}".encode() for i in range(COUNT)]


def _probe(session: Session, entries: list[bytes]) -> None:
    for index in (0, 1, 4095, 4096, 8191, COUNT - 1):
        assert store.find_leaf(session, LOG, leaf_hash(entries[index])) == index
    assert store.find_leaf(session, LOG, leaf_hash(b"never appended")) is None


def test_lookup_in_every_chunk(session: Session) -> None:
    entries = _entries()
    store.append_entries(session, LOG, entries)
    _probe(session, entries)


def test_duplicate_entry_finds_the_first_index(session: Session) -> None:
    store.append_entries(session, LOG, [b"twice", b"other", b"twice"])
    assert store.find_leaf(session, LOG, leaf_hash(b"twice")) == 0


def test_migration_rebuilds_the_index_both_ways(fresh_engine: Engine) -> None:
    entries = _entries()
    factory = make_sessionmaker(fresh_engine)
    with factory.begin() as session:
        store.append_entries(session, LOG, entries)
    url = fresh_engine.url.render_as_string(hide_password=False)
    fresh_engine.dispose()
    downgrade(url, "20261124_0004")
    with fresh_engine.connect() as connection:
        columns = connection.execute(text("SELECT * FROM ledger_leaf_hash")).keys()
        assert "chunk" not in columns
        assert connection.scalar(text("SELECT count(*) FROM ledger_leaf_hash")) >= COUNT
    fresh_engine.dispose()
    upgrade(url)
    store.reset_caches()
    with factory() as session:
        _probe(session, entries)
