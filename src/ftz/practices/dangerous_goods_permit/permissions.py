"""p25 permissions. Carriers (enterprises) plan trips, choosing the destination station, and
submit their vehicles' tracks; the transport department issues, edits and revokes permits; the
police and emergency management read everything (joint supervision); other agencies see none."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

TRANSPORT = "transport"
POLICE = "police"
EMERGENCY = "emergency"
DEPARTMENTS = (TRANSPORT, POLICE, EMERGENCY)

READ = declare("dangerous_goods_permit.read", ALL_SIGNED_IN, "Read permits, trips and points")
OPERATE = declare(
    "dangerous_goods_permit.operate", {Role.ENTERPRISE}, "Plan trips and choose the station"
)
TRACK = declare(
    "dangerous_goods_permit.track",
    {Role.ENTERPRISE, Role.OFFICER},
    "Submit a trip's GPS track (the carrier or the escorting officer)",
)
ISSUE = declare(
    "dangerous_goods_permit.issue", {Role.OFFICER}, "Issue, edit and revoke two-route permits"
)

ALL = [READ, OPERATE, TRACK, ISSUE]
