"""p03 permissions. Repair enterprises apply for admission and keep their batch and waste
ledgers; officers of customs and ecology-environment (生态环境) review admissions and watch
batches and waste. Other agencies' officers may read the practice but see no records."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

DEPARTMENTS = ("customs", "ecology")

READ = declare("bonded_repair.read", ALL_SIGNED_IN, "Read admissions, batches, waste ledger")
RECORD = declare(
    "bonded_repair.record", {Role.ENTERPRISE}, "Apply for admission, record batches and waste"
)
REVIEW = declare("bonded_repair.review", {Role.OFFICER}, "Decide admissions and exits")

ALL = [READ, RECORD, REVIEW]
