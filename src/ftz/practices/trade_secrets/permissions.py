"""p27 permissions. Fingerprint verification is public (anyone holding a file may check it);
records, receipts and keys belong to the enterprise; the certification body audits."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import EVERYONE, declare

VERIFY = declare("trade_secrets.verify", EVERYONE, "Check a file or hash against the registry")
REGISTER = declare(
    "trade_secrets.register",
    {Role.ENTERPRISE},
    "Register fingerprints and manage the enterprise's keys",
)
READ = declare(
    "trade_secrets.read",
    {Role.ENTERPRISE},
    "Read own records, receipts, certificates, contributions",
)
CERTIFY_APPLY = declare(
    "trade_secrets.certification",
    {Role.ENTERPRISE, Role.OFFICER},
    "Apply for or audit the trade-secret protection certification",
)

ALL = [VERIFY, REGISTER, READ, CERTIFY_APPLY]
