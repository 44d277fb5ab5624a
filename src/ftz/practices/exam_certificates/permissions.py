"""p12 permissions: which roles may call which routes (departments are checked in the service)."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import EVERYONE, declare

CATALOG = declare(
    "exam_certificates.catalog",
    EVERYONE,
    "Read the certificate catalog, merged standards and rules",
)
APPLY = declare(
    "exam_certificates.apply",
    {Role.ENTERPRISE, Role.OFFICER},
    "Register candidates and edit applications before the exam",
)
READ = declare(
    "exam_certificates.read",
    {Role.ENTERPRISE, Role.OFFICER},
    "Read applications (enterprises: their own employees only)",
)
SCORE = declare(
    "exam_certificates.score",
    {Role.OFFICER},
    "Record the theory and practical exam (joint exam centre)",
)
REVIEW = declare(
    "exam_certificates.review",
    {Role.OFFICER},
    "Review results and issue certificates (each department its own)",
)
STATS = declare("exam_certificates.stats", {Role.ENTERPRISE, Role.OFFICER}, "Read statistics")

ALL = [CATALOG, APPLY, READ, SCORE, REVIEW, STATS]
