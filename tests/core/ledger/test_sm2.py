"""The optional SM2 line on checkpoints (GmSSL via gmssl-pyx, installed with the dev extra)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from ftz.config import Settings
from ftz.core.ledger import service, store
from ftz.core.ledger.audit_check import audit_logs
from ftz.core.ledger.notes import NoteError, open_note
from ftz.core.ledger.receipts import verify_receipt

pytest.importorskip("gmssl_pyx")
LOG = "test.local/sm2"


def test_checkpoint_carries_both_signatures(session: Session, tmp_path: Path) -> None:
    signer = service.signing(Settings(data_dir=tmp_path, secret_key="x", ledger_sm2=True))
    assert signer.sm2 is not None
    store.append_entries(session, LOG, [b"a", b"b", b"c"])
    note = service.make_checkpoint(session, LOG, signer).note
    assert note.count("\u2014 ") == 2
    _, good = open_note(note, [signer.sm2.verifier])  # SM2 alone verifies
    assert good == [signer.sm2.verifier]
    _, good = open_note(note, [signer.keyring.active().verifier])  # Ed25519 alone too
    with pytest.raises(NoteError):
        open_note(note.replace("\n3\n", "\n4\n"), [signer.sm2.verifier])
    receipt = service.receipt(session, LOG, 1, signer)
    assert verify_receipt(receipt, str(signer.keyring.active().verifier)).ok
    assert audit_logs(session, signer, LOG)[0].problems == []


def test_audit_finds_a_broken_sm2_line(session: Session, tmp_path: Path) -> None:
    signer = service.signing(Settings(data_dir=tmp_path, secret_key="x", ledger_sm2=True))
    assert signer.sm2 is not None
    store.append_entries(session, LOG, [b"a"])
    note = service.make_checkpoint(session, LOG, signer).note
    lines = note.split("\n")
    sm2_line = next(
        i for i, line in enumerate(lines) if line.startswith("\u2014") and i == len(lines) - 2
    )
    head, encoded = lines[sm2_line].rsplit(" ", 1)
    lines[sm2_line] = f"{head} {encoded[:-8]}AAAAAAA="
    session.execute(
        text("UPDATE ledger_checkpoint SET note = :n WHERE tree_size = 1 AND log_id = :l"),
        {"n": "\n".join(lines), "l": store.head(session, LOG).log_id},
    )
    problems = audit_logs(session, signer, LOG)[0].problems
    assert any("SM2" in p for p in problems)
