"""Who may use the HS nomenclature: every signed-in user (officers and enterprises alike
classify goods). Not anonymous visitors: a product search runs the embedding model, which is
too costly to offer to anyone on the network."""

from __future__ import annotations

from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

READ = declare("hs.read", ALL_SIGNED_IN, "Search and browse the HS 2022 nomenclature")
