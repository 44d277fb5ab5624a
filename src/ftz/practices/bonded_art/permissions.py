"""p04 permissions. Enterprises register works, apply, pay the guarantee, return or sell; customs
officers (department `customs`, their organization being their customs district) act as home
or destination customs of an application; which one is checked in the service."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

CUSTOMS = "customs"
DEPARTMENTS = (CUSTOMS,)

READ = declare("bonded_art.read", ALL_SIGNED_IN, "Read artworks and exhibitions (own for firms)")
APPLY = declare(
    "bonded_art.apply", {Role.ENTERPRISE}, "Register artworks, apply, pay, return, sell"
)
SUPERVISE = declare(
    "bonded_art.supervise", {Role.OFFICER}, "Customs: consult, consent, capture, verify, settle"
)
STATS = declare("bonded_art.stats", ALL_SIGNED_IN, "Exhibition and sales statistics")

ALL = [READ, APPLY, SUPERVISE, STATS]
