"""`ftz ledger audit`: re-derive every node and checkpoint from the leaves and report tampering.

Nothing stored is trusted: leaf hashes are recomputed from the entries, every interior node from
the leaves, every checkpoint's root from the nodes, its signature against the key ring and its
timestamp against the TSA certificate; entries anchoring audit events are checked against the
events as they now read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.trail import AUDIT_FIELDS, audit_digest
from ftz.core.ledger.merkle import MemoryLog, leaf_hash
from ftz.core.ledger.models import LedgerCheckpoint, LedgerLog, LedgerPending
from ftz.core.ledger.notes import (
    Checkpoint,
    NoteError,
    NoteVerifier,
    open_note,
    signature_key_ids,
)
from ftz.core.ledger.service import AUDIT_LOG, Signing
from ftz.core.ledger.tsa import TimestampError, verify_token

CHUNK = 10_000
MAX_PROBLEMS = 100


@dataclass
class LogReport:
    origin: str
    entries: int = 0
    nodes: int = 0
    checkpoints: int = 0
    problems: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "entries": self.entries,
            "nodes": self.nodes,
            "checkpoints": self.checkpoints,
            "ok": not self.problems,
            "problems": self.problems,
        }


def _rows(session: Session, sql: str, params: tuple[object, ...]) -> Any:
    connection = session.connection()
    p = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    return connection.exec_driver_sql(sql.replace("?", p), params)


def _rebuild(session: Session, log: LedgerLog, report: LogReport) -> MemoryLog:
    rebuilt = MemoryLog()
    audit_refs: list[tuple[int, bytes, str]] = []
    result = _rows(
        session,
        "SELECT idx, leaf_hash, entry, ref FROM ledger_leaf WHERE log_id = ? ORDER BY idx",
        (log.id,),
    )
    for index, stored_hash, entry, ref in result:
        entry = bytes(entry)
        if index != rebuilt.size:
            report.problem(f"leaf index {index} found where {rebuilt.size} was expected")
        rebuilt.append(entry)
        if bytes(stored_hash) != leaf_hash(entry):
            report.problem(f"leaf {index}: stored leaf hash does not match its entry")
        if ref and ref.startswith("core_audit_event:"):
            audit_refs.append((index, entry, ref))
    report.entries = rebuilt.size
    _check_audit_anchors(session, audit_refs, report)
    if log.origin == AUDIT_LOG:
        _check_every_event_anchored(session, {ref for _, _, ref in audit_refs}, report)
    return rebuilt


def _check_every_event_anchored(session: Session, anchored: set[str], report: LogReport) -> None:
    """An audit event that is neither in the log nor queued for it was slipped in unanchored."""
    queued = set(
        session.scalars(select(LedgerPending.ref).where(LedgerPending.origin == AUDIT_LOG))
    )
    for event_id in session.scalars(select(AuditEvent.id).order_by(AuditEvent.id)):
        ref = f"core_audit_event:{event_id}"
        if ref not in anchored and ref not in queued:
            report.problem(f"audit event {event_id} is neither anchored nor queued")


def _check_nodes(session: Session, log: LedgerLog, rebuilt: MemoryLog, report: LogReport) -> None:
    result = _rows(
        session,
        "SELECT level, idx, hash FROM ledger_node WHERE log_id = ? ORDER BY level, idx",
        (log.id,),
    )
    for level, index, value in result:
        report.nodes += 1
        expected = (
            rebuilt.levels[level][index]
            if level < len(rebuilt.levels) and index < len(rebuilt.levels[level])
            else None
        )
        if expected is None:
            report.problem(f"node ({level}, {index}) is stored but no such subtree is complete")
        elif bytes(value) != expected:
            report.problem(f"node ({level}, {index}) does not match its re-derived hash")
    complete = sum(len(level) for level in rebuilt.levels[1:])
    if report.nodes != complete:
        report.problem(f"{complete} interior nodes expected, {report.nodes} stored")
    if log.tree_size != rebuilt.size or bytes(log.root_hash) != rebuilt.root():
        report.problem("the log's recorded size and root differ from the re-derived tree")


def _check_checkpoints(
    session: Session,
    log: LedgerLog,
    rebuilt: MemoryLog,
    verifiers: list[NoteVerifier],
    tsa_pem: bytes,
    report: LogReport,
    sm2_verifier: NoteVerifier | None = None,
) -> None:
    query = select(LedgerCheckpoint).where(LedgerCheckpoint.log_id == log.id)
    for checkpoint in session.scalars(query.order_by(LedgerCheckpoint.tree_size)):
        report.checkpoints += 1
        size = checkpoint.tree_size
        where = f"checkpoint at size {size}"
        if size > rebuilt.size:
            report.problem(f"{where} is beyond the log's {rebuilt.size} entries")
            continue
        root = rebuilt.root(size)
        if bytes(checkpoint.root_hash) != root:
            report.problem(f"{where}: stored root differs from the re-derived root")
        try:
            text, good = open_note(checkpoint.note, verifiers)
            if (
                sm2_verifier is not None
                and sm2_verifier not in good
                and sm2_verifier.id in signature_key_ids(checkpoint.note)
            ):
                report.problem(f"{where}: the SM2 signature does not verify")
            parsed = Checkpoint.parse(text)
            if (parsed.origin, parsed.size, parsed.root) != (log.origin, size, root):
                report.problem(f"{where}: signed note does not state the re-derived head")
        except NoteError as exc:
            report.problem(f"{where}: {exc}")
        if checkpoint.timestamp_token:
            try:
                verify_token(bytes(checkpoint.timestamp_token), checkpoint.note.encode(), tsa_pem)
            except TimestampError as exc:
                report.problem(f"{where}: timestamp token: {exc}")


def _check_audit_anchors(
    session: Session, refs: list[tuple[int, bytes, str]], report: LogReport
) -> None:
    for start in range(0, len(refs), CHUNK):
        chunk = refs[start : start + CHUNK]
        ids = [int(ref.split(":", 1)[1]) for _, _, ref in chunk]
        events = {
            e.id: e for e in session.scalars(select(AuditEvent).where(AuditEvent.id.in_(ids)))
        }
        for (index, entry, _ref), event_id in zip(chunk, ids, strict=True):
            event = events.get(event_id)
            if event is None:
                report.problem(f"leaf {index}: anchored audit event {event_id} is missing")
                continue
            row = {name: getattr(event, name) for name in AUDIT_FIELDS}
            if json.loads(entry).get("sha256") != audit_digest(row):
                report.problem(f"leaf {index}: audit event {event_id} was altered after anchoring")


def audit_logs(session: Session, signer: Signing, origin: str | None = None) -> list[LogReport]:
    query = select(LedgerLog).order_by(LedgerLog.origin)
    if origin:
        query = query.where(LedgerLog.origin == origin)
    reports = []
    verifiers: list[NoteVerifier] = list(signer.keyring.verifiers())
    sm2_verifier = signer.sm2.verifier if signer.sm2 is not None else None
    if sm2_verifier is not None:
        verifiers.append(sm2_verifier)
    for log in session.scalars(query):
        report = LogReport(log.origin)
        rebuilt = _rebuild(session, log, report)
        _check_nodes(session, log, rebuilt, report)
        _check_checkpoints(
            session, log, rebuilt, verifiers, signer.tsa.certificate_pem, report, sm2_verifier
        )
        reports.append(report)
    return reports
