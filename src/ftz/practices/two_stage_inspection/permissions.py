"""p20 permissions. Enterprises apply for the pilot and file their goods; customs officers
(department "customs") assess applications, record violations, issue control instructions and
check goods: the port customs office named on an instruction does the external check (and the
full port inspection), the destination customs office the destination check. Which office may
act on an instruction is checked in the service."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

DEPARTMENTS = ("customs",)

READ = declare("two_stage_inspection.read", ALL_SIGNED_IN, "Read pilot filings and instructions")
APPLY = declare(
    "two_stage_inspection.apply", {Role.ENTERPRISE}, "Apply for the pilot and file goods"
)
ASSESS = declare(
    "two_stage_inspection.assess",
    {Role.OFFICER},
    "Assess pilot applications and revoke a pilot for a violation",
)
INSPECT = declare(
    "two_stage_inspection.inspect",
    {Role.OFFICER},
    "Issue control instructions, record external, port and destination checks",
)

ALL = [READ, APPLY, ASSESS, INSPECT]
