"""p19 permissions: enterprises file and follow their cases; the mediation centre runs them;
notaries notarize; signing by one-time code and statistics are public."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import EVERYONE, declare

FILE = declare("trade_mediation.file", {Role.ENTERPRISE}, "File and withdraw own cases")
READ = declare(
    "trade_mediation.read",
    {Role.ENTERPRISE, Role.OFFICER, Role.NOTARY},
    "Read cases (enterprises: their own)",
)
EVIDENCE = declare(
    "trade_mediation.evidence", {Role.ENTERPRISE, Role.OFFICER}, "Submit evidence fingerprints"
)
MEDIATE = declare(
    "trade_mediation.mediate",
    {Role.OFFICER},
    "Accept, hold sessions, draft settlements, close or refer",
)
SIGN = declare("trade_mediation.sign", EVERYONE, "Sign a settlement (account or one-time code)")
NOTARIZE = declare("trade_mediation.notarize", {Role.NOTARY}, "Notarize settlements")
STATS = declare("trade_mediation.stats", EVERYONE, "Read the centre's statistics")

ALL = [FILE, READ, EVIDENCE, MEDIATE, SIGN, NOTARIZE, STATS]
