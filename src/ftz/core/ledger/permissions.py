"""Ledger permissions: reading heads, proofs and receipts is public (that is the point of a
transparency log; entries hold hashes and commitments only); appending raw entries is not."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, EVERYONE, declare

READ = declare("ledger.read", EVERYONE, "Read log heads, checkpoints, proofs and receipts")
APPEND = declare("ledger.append", {Role.ADMIN}, "Append raw entries and sign checkpoints")
AUDIT = declare("ledger.audit", {Role.ADMIN}, "Re-derive a whole log and report tampering")
# Signed-in only: an open time-stamping service would sign anything for anyone.
TIMESTAMP = declare("ledger.timestamp", ALL_SIGNED_IN, "Time-stamp a digest (RFC 3161 over HTTP)")
