"""p26 permissions. Court users (judges, division chiefs, presidents, quality reviewers) handle
and supervise the cases of their own court; parties and their lawyers (enterprise users of the
party's or the law firm's organization) read their own cases and submit search reports; every
signed-in user may search the laws and the court's judgments (the seed's 诉讼引导: enterprises
get the three searches too). Which court user may supervise is decided by their position
(`case_handling_member`), checked in the service."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

READ = declare("case_handling.read", ALL_SIGNED_IN, "Read cases (own court, own party's cases)")
SEARCH = declare("case_handling.search", ALL_SIGNED_IN, "Search laws and the court's judgments")
JUDGE = declare(
    "case_handling.judge", {Role.COURT}, "Register cases, run the three searches, answer, report"
)
SUPERVISE = declare(
    "case_handling.supervise", {Role.COURT}, "Reading and approval (阅核), quality review, surveys"
)
SUBMIT = declare(
    "case_handling.submit", {Role.ENTERPRISE}, "Parties and lawyers submit their own search reports"
)
STATS = declare("case_handling.stats", {Role.COURT}, "Statistics of the court's cases")

ALL = [READ, SEARCH, JUDGE, SUPERVISE, SUBMIT, STATS]

# Positions of court users and what they may do beyond handling their own cases.
JUDGE_POSITIONS = frozenset({"judge", "division_chief", "president"})
APPROVERS = frozenset({"division_chief", "president"})  # 院庭长: reading and approval (阅核)
QUALITY_REVIEWERS = frozenset({"division_chief", "president", "quality_reviewer"})  # 评查
POSITIONS = ("judge", "division_chief", "president", "quality_reviewer")
