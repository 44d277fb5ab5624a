"""p11 permissions. Enterprises declare their shipments; customs officers (department `customs`)
issue release instructions, select for inspection and resolve holds; the airport's gate
operators (officers of department `airport`) register manifests, post gate transactions and
report the airport's daily volumes. The department checks are in the service."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

CUSTOMS = "customs"
AIRPORT = "airport"
DEPARTMENTS = (CUSTOMS, AIRPORT)

READ = declare(
    "zone_port_gate.read", ALL_SIGNED_IN, "Read declarations and gate transactions (own for firms)"
)
DECLARE = declare("zone_port_gate.declare", {Role.ENTERPRISE}, "Declare shipments for the gate")
INSTRUCT = declare(
    "zone_port_gate.instruct", {Role.OFFICER}, "Customs: release, select, resolve holds"
)
OPERATE = declare(
    "zone_port_gate.operate", {Role.OFFICER}, "Airport: manifests, gate transactions, volumes"
)
STATS = declare("zone_port_gate.stats", {Role.OFFICER}, "Gate dashboard and daily statistics")

ALL = [READ, DECLARE, INSTRUCT, OPERATE, STATS]
