"""Receipts: everything needed to check one entry offline, and the checker itself.

A receipt holds the entry, its index, a signed checkpoint, the inclusion proof up to that
checkpoint and the checkpoint's RFC 3161 timestamp with the TSA certificate. With the log's
verifier key (published at /api/ledger/keys and in every receipt's `verifier_key`, which the
checker trusts only when told to), nothing else is needed.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from ftz.core.ledger.merkle import ProofError, leaf_hash, verify_inclusion
from ftz.core.ledger.notes import Checkpoint, NoteError, Verifier, open_note
from ftz.core.ledger.tsa import TimestampError, verify_token

FORMAT = "ftz-ledger-receipt/1"


def build_receipt(
    *,
    origin: str,
    index: int,
    entry: bytes,
    note: str,
    size: int,
    proof: list[bytes],
    timestamp_token: bytes | None,
    tsa_certificate: bytes,
    verifier_key: str,
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "origin": origin,
        "leaf_index": index,
        "entry": base64.b64encode(entry).decode(),
        "leaf_hash": leaf_hash(entry).hex(),
        "tree_size": size,
        "checkpoint": note,
        "inclusion_proof": [value.hex() for value in proof],
        "timestamp_token": base64.b64encode(timestamp_token).decode() if timestamp_token else None,
        "tsa_certificate": tsa_certificate.decode(),
        "verifier_key": verifier_key,
    }


@dataclass
class ReceiptCheck:
    ok: bool
    origin: str = ""
    leaf_index: int = -1
    tree_size: int = 0
    timestamp: str | None = None
    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "origin": self.origin,
            "leaf_index": self.leaf_index,
            "tree_size": self.tree_size,
            "timestamp": self.timestamp,
            "checks": [{"check": c, "ok": ok, "detail": d} for c, ok, d in self.checks],
        }


def verify_receipt(receipt: dict[str, Any], trusted_key: str | None = None) -> ReceiptCheck:
    """Check a receipt with only itself and the log's public key (`trusted_key`; without it the
    receipt's own key is used, which proves integrity but not who signed)."""
    result = ReceiptCheck(ok=False)

    def check(name: str, passed: bool, detail: str = "") -> bool:
        result.checks.append((name, passed, detail))
        return passed

    try:
        if not check("format", receipt.get("format") == FORMAT, str(receipt.get("format"))):
            return result
        entry = base64.b64decode(receipt["entry"], validate=True)
        index, size = int(receipt["leaf_index"]), int(receipt["tree_size"])
        result.origin, result.leaf_index, result.tree_size = receipt["origin"], index, size
        key = Verifier.parse(trusted_key or receipt["verifier_key"])
        check(
            "trusted key",
            trusted_key is not None,
            "given by the caller" if trusted_key else "taken from the receipt itself",
        )
        text, _ = open_note(receipt["checkpoint"], [key])
        check("checkpoint signature", True, f"signed by {key.name}+{key.id.hex()}")
        checkpoint = Checkpoint.parse(text)
        if not check(
            "checkpoint matches receipt",
            checkpoint.origin == result.origin and checkpoint.size == size,
            f"{checkpoint.origin} @ {checkpoint.size}",
        ):
            return result
        hashed = leaf_hash(entry)
        check("leaf hash", hashed.hex() == receipt["leaf_hash"], hashed.hex())
        proof = [bytes.fromhex(value) for value in receipt["inclusion_proof"]]
        verify_inclusion(index, size, hashed, proof, checkpoint.root)
        check("inclusion proof", True, f"leaf {index} in tree of {size}")
        token = receipt.get("timestamp_token")
        if token:
            moment = verify_token(
                base64.b64decode(token),
                receipt["checkpoint"].encode(),
                receipt["tsa_certificate"].encode(),
            )
            result.timestamp = moment.isoformat()
            check("timestamp", True, f"RFC 3161 token of {result.timestamp}")
        else:
            check("timestamp", False, "no timestamp token")
    except (NoteError, ProofError, TimestampError, KeyError, ValueError, TypeError) as exc:
        check("receipt", False, str(exc))
        return result
    result.ok = all(passed for name, passed, _ in result.checks if name != "trusted key")
    return result
