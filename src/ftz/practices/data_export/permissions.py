"""p01 permissions: enterprises assess, scan, file and record their own exports; the
cyberspace administration's officers (department `cyberspace`) review filings and audit."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, EVERYONE, declare

DEPARTMENTS = ("cyberspace",)

ASSESS = declare("data_export.assess", EVERYONE, "Evaluate the export path of a scenario")
CATALOG = declare("data_export.catalog", EVERYONE, "Read the catalogs and lists")
FILE = declare("data_export.file", {Role.ENTERPRISE}, "File flows, record batches, self-assess")
READ = declare(
    "data_export.read", ALL_SIGNED_IN, "Read filings, batches, findings (enterprises: their own)"
)
REVIEW = declare("data_export.review", {Role.OFFICER}, "Approve, return or reject filings")
EDIT_CATALOG = declare("data_export.catalog_edit", {Role.ADMIN}, "Save new catalog versions")
AUDIT = declare(
    "data_export.audit", {Role.OFFICER, Role.ENTERPRISE}, "Run audits (enterprises: self-check)"
)

ALL = [ASSESS, CATALOG, EDIT_CATALOG, FILE, READ, REVIEW, AUDIT]
