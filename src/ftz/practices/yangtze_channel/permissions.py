"""p29 permissions. Shippers and operators (enterprises) post orders and offers, book and
track; the channel administration (officers of the `channel` department) keeps the registry of
partner operators and fixed services, sees every order and the statistics. Everyone signed in
reads the channel, the route planner and the public board."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

CHANNEL = "channel"
DEPARTMENTS = (CHANNEL,)

READ = declare(
    "yangtze_channel.read", ALL_SIGNED_IN, "Read the channel, plan routes, see the public board"
)
TRADE = declare(
    "yangtze_channel.trade",
    {Role.ENTERPRISE, Role.OFFICER},
    "Post cargo orders and capacity offers, book, record tracking events",
)
ADMINISTER = declare(
    "yangtze_channel.administer",
    {Role.OFFICER},
    "Register partner operators and fixed services, read every order and the statistics",
)

ALL = [READ, TRADE, ADMINISTER]
