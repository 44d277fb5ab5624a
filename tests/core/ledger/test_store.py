"""The ledger in the database, on SQLite and PostgreSQL: appends, proofs, lookups, receipts,
queued integration and the anchored audit trail."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ftz.config import Settings
from ftz.core.audit import AuditEvent
from ftz.core.ledger import service, store
from ftz.core.ledger.audit_check import audit_logs
from ftz.core.ledger.merkle import MemoryLog, verify_consistency, verify_inclusion
from ftz.core.ledger.receipts import verify_receipt

LOG = "test.local/store"


@pytest.fixture
def signer(tmp_path: Path) -> service.Signing:
    return service.signing(Settings(data_dir=tmp_path, secret_key="x"))


def _fill(session: Session, count: int, batches: tuple[int, ...] = (1, 7, 64, 300)) -> MemoryLog:
    memory = MemoryLog()
    position = 0
    while position < count:
        for size in batches:
            chunk = [f"entry-{i}".encode() for i in range(position, min(count, position + size))]
            if not chunk:
                break
            store.append_entries(session, LOG, chunk)
            for entry in chunk:
                memory.append(entry)
            position += len(chunk)
    return memory


def test_appends_match_the_in_memory_tree(session: Session) -> None:
    memory = _fill(session, 1000)
    head = store.head(session, LOG)
    assert (head.size, head.root) == (1000, memory.root())
    for size in (1, 2, 3, 255, 256, 257, 999, 1000):
        assert store.root_at(session, LOG, size) == memory.root(size)
    for index, size in ((0, 1), (5, 6), (511, 1000), (999, 1000), (300, 513)):
        proof = store.inclusion_proof(session, LOG, index, size)
        assert proof == memory.inclusion_proof(index, size)
        verify_inclusion(index, size, memory.levels[0][index], proof, memory.root(size))
    for old, new in ((1, 1000), (255, 256), (256, 257), (700, 1000), (1000, 1000)):
        proof = store.consistency_proof(session, LOG, old, new)
        verify_consistency(old, new, memory.root(old), memory.root(new), proof)


def test_proof_outside_the_tree_is_a_clear_error(session: Session) -> None:
    _fill(session, 10)
    with pytest.raises(store.LedgerError) as too_big:
        store.inclusion_proof(session, LOG, 3, 11)
    assert too_big.value.status == 422
    with pytest.raises(store.LedgerError):
        store.inclusion_proof(session, LOG, 10, 10)


def test_hash_lookup(session: Session) -> None:
    memory = _fill(session, 300)
    assert store.find_leaf(session, LOG, memory.levels[0][123]) == 123
    assert store.find_leaf(session, LOG, b"\x00" * 32) is None


def test_receipt_verifies_offline_and_detects_tampering(
    session: Session, signer: service.Signing
) -> None:
    _fill(session, 20)
    receipt = service.receipt(session, LOG, 7, signer)
    key = str(signer.keyring.active().verifier)
    assert verify_receipt(receipt, key).ok
    assert json.loads(json.dumps(receipt)) == receipt  # plain JSON
    forged = dict(receipt, entry=base64.b64encode(b"entry-8").decode())
    assert not verify_receipt(forged, key).ok
    other = service.signing(
        Settings(data_dir=Path(signer.keyring.folder).parent / "other", secret_key="x")
    )
    assert not verify_receipt(receipt, str(other.keyring.active().verifier)).ok
    moved = dict(receipt, leaf_index=6)
    assert not verify_receipt(moved, key).ok


def test_key_rotation_keeps_old_checkpoints_verifiable(
    session: Session, signer: service.Signing
) -> None:
    _fill(session, 5)
    old_receipt = service.receipt(session, LOG, 1, signer)
    old_key = str(signer.keyring.active().verifier)
    signer.keyring.rotate()
    store.append_entries(session, LOG, [b"after rotation"])
    service.make_checkpoint(session, LOG, signer)
    new_key = str(signer.keyring.active().verifier)
    assert new_key != old_key
    assert verify_receipt(old_receipt, old_key).ok
    assert verify_receipt(service.receipt(session, LOG, 5, signer), new_key).ok
    assert all(r.as_dict()["ok"] for r in audit_logs(session, signer, LOG))


def test_audit_events_are_anchored_through_the_queue(
    session: Session, signer: service.Signing
) -> None:
    from ftz.core.audit import record_event

    record_event(
        session,
        action="test",
        entity_type="t",
        entity_id="1",
        owner_org_id=None,
        details={"n": 1.5, "name": "张三"},
    )
    event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event is not None
    while service.integrate_pending(session):
        pass
    found = service.find_ref(session, f"core_audit_event:{event.id}")
    assert found is not None and found[0] == service.AUDIT_LOG
    _, entry, _ = store.get_leaf(session, *found)
    assert "张三" not in entry.decode()  # the ledger holds the digest, not the content
    assert verify_receipt(service.receipt(session, found[0], found[1], signer)).ok
    report = audit_logs(session, signer, service.AUDIT_LOG)[0]
    assert report.problems == []
    event.changes = {"n": 2}
    session.flush()
    report = audit_logs(session, signer, service.AUDIT_LOG)[0]
    assert any("altered after anchoring" in p for p in report.problems)
    # An event written behind the platform's back (no anchor queued with it) is reported too.
    session.execute(
        text(
            "INSERT INTO core_audit_event (occurred_at, actor_username, action, "
            "entity_type, entity_id, changes) VALUES (:t, 'x', 'forged', 't', '1', "
            "'{}')"
        ),
        {"t": event.occurred_at},
    )
    report = audit_logs(session, signer, service.AUDIT_LOG)[0]
    assert any("neither anchored nor queued" in p for p in report.problems)
