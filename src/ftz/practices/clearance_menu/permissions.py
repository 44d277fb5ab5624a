"""p10 permissions: anyone may browse the menu and get a recommendation; enterprises' requests and
choices are recorded for them; customs officers (department `customs`) read the statistics."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, EVERYONE, declare

DEPARTMENTS = ("customs",)

BROWSE = declare(
    "clearance_menu.browse", EVERYONE, "Browse the combinations and get a recommendation"
)
CHOOSE = declare(
    "clearance_menu.choose", {Role.ENTERPRISE}, "Record a request and the combination chosen"
)
READ = declare(
    "clearance_menu.read", ALL_SIGNED_IN, "Read recorded requests (enterprises: their own)"
)
STATS = declare(
    "clearance_menu.stats", {Role.OFFICER}, "Read the statistics of enterprises' choices"
)

ALL = [BROWSE, CHOOSE, READ, STATS]
