"""The ledger as the platform uses it: append, queue, integrate, checkpoint, prove, receipt."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import rfc8785
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ftz.config import Settings
from ftz.core.kit.errors import not_found
from ftz.core.ledger import sm2, store
from ftz.core.ledger.models import LedgerCheckpoint, LedgerLog, LedgerPending
from ftz.core.ledger.notes import Checkpoint, KeyRing, NoteSigner, sign_note
from ftz.core.ledger.receipts import build_receipt
from ftz.core.ledger.sm2 import Sm2Signer
from ftz.core.ledger.tsa import TimeStampAuthority
from ftz.core.ledger.tsa_protocol import ExternalTimeStampAuthority

AUDIT_LOG = "ftz.local/audit"
EVIDENCE_LOG = "ftz.local/evidence"
BATCH_LIMIT = 256


class TimeStamper(Protocol):
    """The built-in TSA or an external one: a token over the data, and the trust anchor."""

    @property
    def certificate_pem(self) -> bytes: ...

    def timestamp(self, data: bytes) -> bytes: ...


@dataclass(frozen=True)
class Signing:
    keyring: KeyRing
    tsa: TimeStamper
    sm2: Sm2Signer | None = None

    def signers(self) -> list[NoteSigner]:
        """Ed25519 always; an SM2 line too when the `[sm]` extra is installed and enabled."""
        active: list[NoteSigner] = [self.keyring.active()]
        return [*active, self.sm2] if self.sm2 is not None else active


@lru_cache(maxsize=4)
def _signing(
    keys_dir: Path, name: str, with_sm2: bool, tsa_url: str | None, tsa_certificate: Path | None
) -> Signing:
    sm2_signer = sm2.load_or_create(keys_dir, name) if with_sm2 else None
    tsa: TimeStamper
    if tsa_url is None:
        tsa = TimeStampAuthority.load_or_create(keys_dir)
    elif tsa_certificate is None:
        raise ValueError("FTZ_LEDGER_TSA_URL needs FTZ_LEDGER_TSA_CERTIFICATE (the TSA's PEM)")
    else:
        tsa = ExternalTimeStampAuthority(tsa_url, tsa_certificate)
    return Signing(KeyRing(keys_dir, name), tsa, sm2_signer)


def signing(settings: Settings) -> Signing:
    with_sm2 = settings.ledger_sm2 and sm2.available()
    return _signing(
        settings.keys_dir.resolve(),
        settings.ledger_key_name,
        with_sm2,
        settings.ledger_tsa_url,
        settings.ledger_tsa_certificate,
    )


def builtin_tsa(settings: Settings) -> TimeStampAuthority | None:
    """The platform's own TSA, which the RFC 3161 endpoint serves; None with an external one."""
    tsa = signing(settings).tsa
    return tsa if isinstance(tsa, TimeStampAuthority) else None


def canonical(value: Any) -> bytes:
    """RFC 8785 (JCS) bytes: the same object always gives the same entry, in any language."""
    return bytes(rfc8785.dumps(value))


def append(
    session: Session, origin: str, entries: list[bytes], refs: list[str | None] | None = None
) -> list[int]:
    first, _ = store.append_entries(session, origin, entries, refs)
    return list(range(first, first + len(entries)))


def enqueue(session: Session, origin: str, entry: bytes, ref: str | None = None) -> None:
    """Durable with the caller's transaction; integrated by the next batch."""
    store.validate_origin(origin)
    session.add(LedgerPending(origin=origin, entry=entry, ref=ref))


def integrate_pending(session: Session, limit: int = BATCH_LIMIT) -> dict[str, int]:
    """Move up to `limit` queued entries into their logs, oldest first, in this transaction,
    after every entry waiting in the journal (direct appends on SQLite)."""
    store.sync_journal(session)
    query = select(LedgerPending).order_by(LedgerPending.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    pending = list(session.scalars(query))
    by_origin: dict[str, list[LedgerPending]] = defaultdict(list)
    for row in pending:
        by_origin[row.origin].append(row)
    for origin, rows in by_origin.items():
        store.append_entries(session, origin, [r.entry for r in rows], [r.ref for r in rows])
    if pending:
        session.execute(
            delete(LedgerPending).where(LedgerPending.id.in_([row.id for row in pending]))
        )
    return {origin: len(rows) for origin, rows in by_origin.items()}


def latest_checkpoint(session: Session, origin: str) -> LedgerCheckpoint | None:
    log = store.head(session, origin)
    query = (
        select(LedgerCheckpoint)
        .where(LedgerCheckpoint.log_id == log.log_id)
        .order_by(LedgerCheckpoint.tree_size.desc())
        .limit(1)
    )
    return session.scalar(query)


def make_checkpoint(session: Session, origin: str, signer: Signing) -> LedgerCheckpoint:
    """Sign (and timestamp) the log's current head, unless that size is signed already."""
    log = store.head(session, origin)
    existing = session.get(LedgerCheckpoint, (log.log_id, log.size))
    if existing is not None:
        return existing
    note = sign_note(Checkpoint(origin, log.size, log.root).text(), signer.signers())
    checkpoint = LedgerCheckpoint(
        log_id=log.log_id,
        tree_size=log.size,
        root_hash=log.root,
        note=note,
        timestamp_token=signer.tsa.timestamp(note.encode()),
    )
    session.add(checkpoint)
    session.flush()
    return checkpoint


def checkpoint_stale(session: Session, signer: Signing) -> list[str]:
    """Sign every log that grew since its last checkpoint (direct appends are not queued)."""
    signed = []
    for log in logs(session):
        latest = latest_checkpoint(session, log.origin)
        if log.tree_size and (latest is None or latest.tree_size != log.tree_size):
            make_checkpoint(session, log.origin, signer)
            signed.append(log.origin)
    return signed


def checkpoint_at(session: Session, origin: str, size: int) -> LedgerCheckpoint:
    log = store.head(session, origin)
    found = session.get(LedgerCheckpoint, (log.log_id, size))
    if found is None:
        raise not_found(f"checkpoint of {origin} at size {size}")
    return found


def receipt(session: Session, origin: str, index: int, signer: Signing) -> dict[str, Any]:
    """A receipt against the newest checkpoint covering the entry (signed now if none does)."""
    _hashed, entry, _ref = store.get_leaf(session, origin, index)
    checkpoint = latest_checkpoint(session, origin)
    if checkpoint is None or checkpoint.tree_size <= index:
        checkpoint = make_checkpoint(session, origin, signer)
    proof = store.inclusion_proof(session, origin, index, checkpoint.tree_size)
    return build_receipt(
        origin=origin,
        index=index,
        entry=entry,
        note=checkpoint.note,
        size=checkpoint.tree_size,
        proof=proof,
        timestamp_token=checkpoint.timestamp_token,
        tsa_certificate=signer.tsa.certificate_pem,
        verifier_key=str(signer.keyring.active().verifier),
    )


def find_ref(session: Session, ref: str) -> tuple[str, int] | None:
    """(origin, index) of the entry that anchors `ref`, e.g. "core_audit_event:42"."""
    connection = session.connection()
    p = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    row = connection.exec_driver_sql(
        f"SELECT l.origin, f.idx FROM ledger_leaf f JOIN ledger_log l ON l.id = f.log_id "
        f"WHERE f.ref = {p} ORDER BY f.idx LIMIT 1",
        (ref,),
    ).first()
    return None if row is None else (str(row[0]), int(row[1]))


def logs(session: Session) -> list[LedgerLog]:
    return list(session.scalars(select(LedgerLog).order_by(LedgerLog.origin)))
