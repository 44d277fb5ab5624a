"""p08 permissions: enterprises (the platforms) declare lists and returns and track them; customs
officers (department `customs`) review returns, read statistics and reconcile the accounts."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

DEPARTMENTS = ("customs",)

DECLARE = declare("cbec_returns.declare", {Role.ENTERPRISE}, "Declare lists and returns")
READ = declare("cbec_returns.read", ALL_SIGNED_IN, "Track lists and returns (own ones)")
REVIEW = declare("cbec_returns.review", {Role.OFFICER}, "Approve or refuse return declarations")
STATS = declare("cbec_returns.stats", {Role.OFFICER}, "Statistics and reconciliation")

ALL = [DECLARE, READ, REVIEW, STATS]
