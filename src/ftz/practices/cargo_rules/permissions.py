"""p05 permissions: anyone (shippers included, signed in or not) looks cargoes up and runs the
moisture check, since the Codes' conditions are public; enterprises ask for assessments of
unlisted goods and follow their own; maritime safety officers (department `msa`) keep the
registry, record assessments with the three administrations' sign-off and track proposals."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, EVERYONE, declare

DEPARTMENTS = ("msa",)

LOOKUP = declare("cargo_rules.lookup", EVERYONE, "Look up cargoes, conditions and proposals")
REQUEST = declare("cargo_rules.request", {Role.ENTERPRISE}, "Ask for an assessment of goods")
READ = declare("cargo_rules.read", ALL_SIGNED_IN, "Follow assessments (enterprises: own ones)")
MANAGE = declare(
    "cargo_rules.manage", {Role.OFFICER}, "Keep the registry, assess goods, track proposals"
)

ALL = [LOOKUP, REQUEST, READ, MANAGE]
