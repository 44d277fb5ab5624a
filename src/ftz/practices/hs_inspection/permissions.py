"""p06 permissions. Inspection officers of customs (department "inspection") look up risk
elements, assess and inspect batches and confirm risk cases; enterprises (importers) declare
their batches and see only their own; administrators import the four sources' records."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

DEPARTMENTS = ("inspection",)

READ = declare(
    "hs_inspection.read", ALL_SIGNED_IN, "Read inspection batches (own, or all as inspector)"
)
LOOKUP = declare(
    "hs_inspection.lookup", {Role.OFFICER}, "Search risk elements by HS code and assess risk"
)
DECLARE = declare("hs_inspection.declare", {Role.ENTERPRISE}, "Declare an import batch")
INSPECT = declare(
    "hs_inspection.inspect", {Role.OFFICER}, "Record inspection results and confirm risk cases"
)
IMPORT = declare("hs_inspection.import", {Role.ADMIN}, "Import risk records of the four sources")

ALL = [READ, LOOKUP, DECLARE, INSPECT, IMPORT]
