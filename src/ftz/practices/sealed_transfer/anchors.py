"""Checking a case's steps against the evidence ledger: each stored step's entry must be the
leaf at its index, and the entry must commit to the step's stored details and note."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.ledger import service as ledger
from ftz.core.ledger import store
from ftz.practices.sealed_transfer import repository, steps
from ftz.practices.sealed_transfer.models import TransferCase


def verify(session: Session, case: TransferCase) -> dict[str, Any]:
    problems: list[dict[str, Any]] = []
    found = repository.steps(session, case.id)
    for step in found:
        _hashed, entry, _ref = store.get_leaf(session, ledger.EVIDENCE_LOG, step.ledger_index)
        body = json.loads(entry)
        expected = {
            "sha256": step.entry_sha256,
            "seq": step.seq,
            "step": step.step,
            "case": case.id,
            "details_sha256": steps.digest(step.details),
            "note_sha256": hashlib.sha256(step.note.encode()).hexdigest(),
        }
        actual = {
            "sha256": hashlib.sha256(entry).hexdigest(),
            "seq": body.get("seq"),
            "step": body.get("step"),
            "case": body.get("case"),
            "details_sha256": body.get("details_sha256"),
            "note_sha256": body.get("note_sha256"),
        }
        if actual != expected:
            problems.append({"seq": step.seq, "expected": expected, "actual": actual})
    contiguous = [s.seq for s in found] == list(range(1, case.steps_taken + 1))
    return {
        "case": case.number,
        "steps": len(found),
        "contiguous": contiguous,
        "ok": contiguous and not problems,
        "problems": problems,
    }
