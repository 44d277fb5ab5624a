"""p13 permissions. Shippers (enterprises) declare their containers at the origin; maritime
officers (department "msa") of the origin office inspect at the packing site and those of the
transit port check the arrival. Which office may act on a declaration is checked in the service:
only the office named on it."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

DEPARTMENTS = ("msa",)

READ = declare("nev_containers.read", ALL_SIGNED_IN, "Read NEV container declarations")
DECLARE = declare(
    "nev_containers.declare", {Role.ENTERPRISE}, "Declare, edit and withdraw NEV containers"
)
INSPECT = declare(
    "nev_containers.inspect",
    {Role.OFFICER},
    "Inspect at the packing site (origin office) and check arrivals (transit port office)",
)

ALL = [READ, DECLARE, INSPECT]
