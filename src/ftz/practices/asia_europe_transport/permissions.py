"""p14 permissions. Shippers and forwarders (enterprises) book, pay, amend, surrender and offer
their bills as collateral; the land-port operator (officers of the `landport` department, the
一单制 issuing carrier) issues bills and records tracking and hand-overs; banks (officers of the
`bank` department) take and release pledges. Reefer plans are made by the operator and by
enterprises running their own pools."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

LANDPORT = "landport"
BANK = "bank"
DEPARTMENTS = (LANDPORT,)

READ = declare("asia_europe_transport.read", ALL_SIGNED_IN, "Read timetables and through bills")
BOOK = declare("asia_europe_transport.book", {Role.ENTERPRISE}, "Book, pay and hold through bills")
OPERATE = declare(
    "asia_europe_transport.operate", {Role.OFFICER}, "Issue bills, record tracking, take pledges"
)
REEFER = declare(
    "asia_europe_transport.reefer", {Role.OFFICER, Role.ENTERPRISE}, "Plan reefer repositioning"
)

ALL = [READ, BOOK, OPERATE, REEFER]
