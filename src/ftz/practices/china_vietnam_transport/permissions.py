"""p24 permissions. Carriers and the railway (enterprises) register trucks, post loads, plan
trips and file multimodal applications; the transport bureau issues route permits; customs
checks seals and releases multimodal containers. Officers of other agencies see no records."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

CUSTOMS = "customs"
TRANSPORT = "transport"
DEPARTMENTS = (CUSTOMS, TRANSPORT)

READ = declare("china_vietnam_transport.read", ALL_SIGNED_IN, "Read trucks, permits and trips")
OPERATE = declare(
    "china_vietnam_transport.operate",
    {Role.ENTERPRISE},
    "Register trucks, post loads, plan trips, match return loads, file multimodal applications",
)
REVIEW = declare(
    "china_vietnam_transport.review",
    {Role.OFFICER},
    "Issue route permits, check seals, release multimodal containers",
)

ALL = [READ, OPERATE, REVIEW]
