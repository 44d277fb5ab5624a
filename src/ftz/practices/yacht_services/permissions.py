"""p16 permissions. Yacht owners and clubs (enterprises) file transfers and sailing reports;
officers of the maritime administration (registry, transfers, zones), the border check
(passenger pre-declaration) and the transport bureau (dispatch, rental operations) review.
Other agencies' officers may open the practice but see no records."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

MARITIME = "maritime"
BORDER = "border"
TRANSPORT = "transport"
DEPARTMENTS = (MARITIME, BORDER, TRANSPORT)

READ = declare("yacht_services.read", ALL_SIGNED_IN, "Read yachts, transfers and sailings")
REPORT = declare(
    "yacht_services.report", {Role.ENTERPRISE}, "File transfers, sailing reports and tracks"
)
REVIEW = declare(
    "yacht_services.review",
    {Role.OFFICER},
    "Register yachts, decide transfers, clear passengers, review flags, publish zones",
)

ALL = [READ, REPORT, REVIEW]
