"""p02 permissions. Consignees and shippers (enterprises) file shipments and follow their own
containers; customs (department `customs`), terminal operators (`terminal`) and barge operators
(`barge`) are officer users of agency organizations with those departments: they read every
container and post the events of their own party (checked per event in the service)."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, EVERYONE, declare

CUSTOMS, TERMINAL, BARGE = "customs", "terminal", "barge"
DEPARTMENTS = (CUSTOMS, TERMINAL, BARGE)

PORTS = declare("linked_unloading.ports", EVERYONE, "Read the linked-port registry")
COMPARE = declare("linked_unloading.compare", EVERYONE, "Compare barge, truck and transshipment")
FILE = declare("linked_unloading.file", {Role.ENTERPRISE}, "File shipments and their containers")
EDIT = declare(
    "linked_unloading.edit", {Role.ENTERPRISE}, "Correct own shipments while their boxes allow it"
)
READ = declare(
    "linked_unloading.read", ALL_SIGNED_IN, "Read shipments and containers (enterprises: own)"
)
POST = declare("linked_unloading.post", {Role.OFFICER, Role.ENTERPRISE}, "Post container events")
STATS = declare("linked_unloading.stats", ALL_SIGNED_IN, "Statistics (enterprises: own)")

ALL = [PORTS, COMPARE, FILE, EDIT, READ, POST, STATS]
