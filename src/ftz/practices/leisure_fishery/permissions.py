"""p17 permissions. Operators (enterprises) keep their vessels' records and file catch reports;
fishery officers (department `fishery`) inspect, license, review reports and allocate the
indicators; the leisure fishery association (department `fishery_association`) keeps the
self-regulation records and the monitoring statistics. Catch limits, demonstration bases and the
province's statistics are public information."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, EVERYONE, declare

FISHERY = "fishery"
ASSOCIATION = "fishery_association"
DEPARTMENTS = (FISHERY, ASSOCIATION)

READ = declare("leisure_fishery.read", ALL_SIGNED_IN, "Read vessels, licences, reports (own ones)")
OPERATE = declare(
    "leisure_fishery.operate",
    {Role.ENTERPRISE, Role.OFFICER},
    "Register vessels, safety officers, insurance; file catch reports",
)
SUPERVISE = declare(
    "leisure_fishery.supervise",
    {Role.OFFICER},
    "Inspect vessels, issue licences, review catch reports, allocate indicators",
)
ASSOCIATE = declare(
    "leisure_fishery.associate", {Role.OFFICER}, "Self-regulation records and monitoring statistics"
)
PUBLIC = declare(
    "leisure_fishery.public", EVERYONE, "Catch limits, demonstration bases, statistics"
)

ALL = [READ, OPERATE, SUPERVISE, ASSOCIATE, PUBLIC]
