"""p21 permissions. Forwarders (enterprises) register their vehicles and drivers and file
declarations, and edit, deactivate and reactivate their own registrations; border-check officers
(department `border_check`) see everything, resolve the lanes' exceptions and may take a vehicle or
driver off the fast lane. Lane devices are officer accounts of the lane-device organization
(department `border_check_lane`), each with an API token: they may post transactions and read
nothing, so a stolen device token reveals no one's records."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

DEPARTMENTS = ("border_check",)
DEVICE_DEPARTMENT = "border_check_lane"

READ = declare(
    "border_fast_lane.read", ALL_SIGNED_IN, "Read registrations, declarations, lane records"
)
REGISTER = declare(
    "border_fast_lane.register", {Role.ENTERPRISE}, "Register vehicles, drivers; file declarations"
)
LANE = declare("border_fast_lane.lane", {Role.OFFICER}, "Post lane transactions (lane devices)")
RESOLVE = declare("border_fast_lane.resolve", {Role.OFFICER}, "Resolve manual checks")
# The service narrows this down: the forwarder for its own records, officers of `border_check`.
STATUS = declare(
    "border_fast_lane.status",
    {Role.ENTERPRISE, Role.OFFICER},
    "Deactivate or reactivate a registered vehicle or driver",
)

ALL = [READ, REGISTER, LANE, RESOLVE, STATUS]
