"""`ftz ledger audit` finds one changed byte in a leaf, a node or a checkpoint."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from ftz.config import Settings
from ftz.core.ledger import service, store
from ftz.core.ledger.audit_check import audit_logs

LOG = "test.local/tamper"


@pytest.fixture
def signed(session: Session, tmp_path: Path) -> service.Signing:
    signer = service.signing(Settings(data_dir=tmp_path, secret_key="x"))
    for start in range(0, 40, 10):
        store.append_entries(session, LOG, [f"e{i}".encode() for i in range(start, start + 10)])
        service.make_checkpoint(session, LOG, signer)
    assert audit_logs(session, signer, LOG)[0].problems == []
    return signer


def _flip(session: Session, sql: str) -> None:
    session.execute(text(sql))


def _problems(session: Session, signer: service.Signing) -> list[str]:
    return audit_logs(session, signer, LOG)[0].problems


def test_changed_entry_byte(session: Session, signed: service.Signing) -> None:
    log_id = store.head(session, LOG).log_id
    row = session.execute(
        text(f"SELECT entry FROM ledger_leaf WHERE log_id={log_id} AND idx=17")
    ).scalar_one()
    changed = bytes([row[0] ^ 1]) + bytes(row[1:])
    session.execute(
        text("UPDATE ledger_leaf SET entry=:e WHERE log_id=:l AND idx=17"),
        {"e": changed, "l": log_id},
    )
    assert any("leaf 17" in p for p in _problems(session, signed))


def test_changed_node_byte(session: Session, signed: service.Signing) -> None:
    log_id = store.head(session, LOG).log_id
    value = session.execute(
        text(f"SELECT hash FROM ledger_node WHERE log_id={log_id} AND level=2 AND idx=3")
    ).scalar_one()
    session.execute(
        text("UPDATE ledger_node SET hash=:h WHERE log_id=:l AND level=2 AND idx=3"),
        {"h": bytes([value[0] ^ 0x80]) + bytes(value[1:]), "l": log_id},
    )
    assert any("node (2, 3)" in p for p in _problems(session, signed))


def test_changed_checkpoint_byte(session: Session, signed: service.Signing) -> None:
    log_id = store.head(session, LOG).log_id
    note = session.execute(
        text(f"SELECT note FROM ledger_checkpoint WHERE log_id={log_id} AND tree_size=20")
    ).scalar_one()
    tampered = note.replace("\n20\n", "\n21\n")
    session.execute(
        text("UPDATE ledger_checkpoint SET note=:n WHERE log_id=:l AND tree_size=20"),
        {"n": tampered, "l": log_id},
    )
    assert any("size 20" in p for p in _problems(session, signed))


def test_changed_checkpoint_root(session: Session, signed: service.Signing) -> None:
    log_id = store.head(session, LOG).log_id
    session.execute(
        text("UPDATE ledger_checkpoint SET root_hash=:r WHERE log_id=:l AND tree_size=30"),
        {"r": b"\x00" * 32, "l": log_id},
    )
    assert any("size 30" in p for p in _problems(session, signed))
