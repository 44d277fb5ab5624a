"""p09 permissions. Airlines and forwarders abroad build ULD manifests; the ground handler,
airport security, customs and the trucking company record their events; trucking companies
keep their trailers. Officers of other agencies may open the practice but see no ULDs."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

CUSTOMS = "customs"
SECURITY = "airport_security"
DEPARTMENTS = (CUSTOMS, SECURITY)

READ = declare("pallet_air_road.read", ALL_SIGNED_IN, "Read ULDs, events, trailers and metrics")
BUILD = declare("pallet_air_road.build", {Role.ENTERPRISE}, "Build ULD manifests abroad")
ACT = declare(
    "pallet_air_road.act",
    {Role.ENTERPRISE, Role.OFFICER},
    "Record ULD events (handling, security, customs, trucking)",
)
FLEET = declare("pallet_air_road.fleet", {Role.ENTERPRISE}, "Register trucking trailers")

ALL = [READ, BUILD, ACT, FLEET]
