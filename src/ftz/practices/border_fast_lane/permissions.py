"""p21 permissions. Forwarders (enterprises) register their vehicles and drivers and file
declarations; border-check officers (department `border_check`) see everything and resolve the
lanes' exceptions. Lane devices are officer accounts of the lane-device organization (department
`border_check_lane`), each with an API token: they may post transactions and read nothing, so a
stolen device token reveals no one's records."""

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

ALL = [READ, REGISTER, LANE, RESOLVE]
