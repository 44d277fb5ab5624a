"""p18 permissions. The court registers and screens enforcement cases, approves the self-sale
and lifts the seal; the notary settles, keeps the escrow account and pays; the registration
authority (officers of department `real_estate`) transfers the title; the parties (applicant,
creditors, debtor, buyer: enterprise accounts) consent, sign and pay in. Which case a user sees
is narrowed in the repository (their court, their notary office, their own cases)."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import declare

# Officers of these departments see every case: the registration authority also registers the
# seals, so every sealed property is on its books already.
DEPARTMENTS = ("real_estate",)
ALL_ROLES: frozenset[str] = frozenset({Role.COURT, Role.NOTARY, Role.OFFICER, Role.ENTERPRISE})

READ = declare("sealed_transfer.read", ALL_ROLES, "Read sealed-transfer cases (own ones)")
COURT = declare(
    "sealed_transfer.court", {Role.COURT}, "Register, screen and approve cases; lift seals"
)
NOTARY = declare(
    "sealed_transfer.notary", {Role.NOTARY}, "Settle, keep the escrow account and pay creditors"
)
REGISTRY = declare(
    "sealed_transfer.registry", {Role.OFFICER}, "Transfer the title of sealed property"
)
PARTY = declare(
    "sealed_transfer.party",
    {Role.ENTERPRISE, Role.NOTARY},
    "Consent, sign and pay in (parties; the notary records what it witnessed)",
)
COLLAPSE = declare(
    "sealed_transfer.collapse", {Role.COURT, Role.NOTARY}, "Record that a sale collapsed"
)
STATS = declare(
    "sealed_transfer.stats", {Role.COURT, Role.NOTARY, Role.OFFICER}, "Statistics and reconcile"
)

ALL = [READ, COURT, NOTARY, REGISTRY, PARTY, COLLAPSE, STATS]
