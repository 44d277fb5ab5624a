"""p23 permissions. TransferPark administrations (officers of a park's administration organization)
register projects, agreements and enclave arrangements and report indicators; statistics
offices (national, provincial) read the reports and roll-ups; admins keep the park register.
Which parks and projects a reader reaches is decided in `access.py`."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import declare

READ = declare(
    "industry_transfer.read",
    {Role.OFFICER},
    "Read parks, agreements, projects, indicator reports and statistics (within reach)",
)
REGISTER = declare(
    "industry_transfer.register",
    {Role.OFFICER},
    "Register and advance projects, agreements and enclave arrangements (park administrations)",
)
REPORT = declare(
    "industry_transfer.report",
    {Role.OFFICER},
    "File and correct a project's periodic indicators (the receiving park's administration)",
)
PARKS = declare("industry_transfer.parks", {Role.ADMIN}, "Keep the register of parks and offices")

ALL = [READ, REGISTER, REPORT, PARKS]
