"""p22 permissions. Forwarders and e-commerce exporters (enterprises) submit export
declarations for screening; officers of customs (Nanning Post Office Customs) and of the
railway (China Railway Nanning Group) inspect the lines that hit, side by side, confirm or
clear them, and keep the key-items list. Officers of other agencies see no declarations."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

CUSTOMS = "customs"
RAILWAY = "railway"
DEPARTMENTS = (CUSTOMS, RAILWAY)

READ = declare(
    "cbec_key_items.read", ALL_SIGNED_IN, "Read the key-items list, declarations and reports"
)
DECLARE = declare(
    "cbec_key_items.declare", {Role.ENTERPRISE}, "Submit CBEC export declarations for screening"
)
INSPECT = declare(
    "cbec_key_items.inspect",
    {Role.OFFICER},
    "Confirm or clear screened lines at the parallel customs and railway check",
)
MAINTAIN = declare(
    "cbec_key_items.maintain", {Role.OFFICER}, "Save a new version of the key-items list"
)

ALL = [READ, DECLARE, INSPECT, MAINTAIN]
