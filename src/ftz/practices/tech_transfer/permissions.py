"""p15 permissions. A pilot unit (university, institute, hospital, provincial enterprise) is an
organization confined to its own records; inside it, the tech-transfer office (a practice table
of members) keeps the registry, decides transfers, records income and runs the fund pool, while
researchers disclose achievements and read what concerns them. The provincial department of
science and technology (department `sci_tech`) admits pilot units and reads every unit's
statistics. Officers of other agencies, state-asset administrators included, see no record: the
registry is kept apart from state-asset management (case 15)."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

DEPARTMENTS = ("sci_tech",)

READ = declare(
    "tech_transfer.read", ALL_SIGNED_IN, "Read the achievement registry, transfers, statistics"
)
DISCLOSE = declare("tech_transfer.disclose", {Role.ENTERPRISE}, "Disclose a service invention")
MANAGE = declare(
    "tech_transfer.manage", {Role.ENTERPRISE}, "Tech-transfer office: registry, transfers, pool"
)
OVERSEE = declare("tech_transfer.oversee", {Role.OFFICER}, "Admit pilot units, read statistics")

ALL = [READ, DISCLOSE, MANAGE, OVERSEE]
