"""p07 fixtures: the demo's maritime officers, carrier, shippers, agent and terminal with API
tokens, and a small fleet from the demo fleet (one ship of each profile the tests need)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.domain.vessels import importer
from ftz.domain.vessels.demo_fleet import PROFILES, demo_fleet
from ftz.domain.vessels.models import Ship
from ftz.domain.vessels.repository import ship_by_imo
from ftz.practices.ship_selection.demo import ensure_staff
from tests.conftest import ApiClients

STAFF = (
    "ss.msa",
    "ss.msa.dl",
    "ss.carrier",
    "ss.shipper",
    "ss.shipper.b",
    "ss.agent",
    "ss.terminal",
)
# The demo ship names the tests use, by profile.
NAMES = {
    "clean": "HUA LIANG HAI 1",
    "clean2": "NAN LIANG 1",
    "no_grain_doc": "HUA LIANG HAI 6",
    "detained_recent": "OCEANIC MAIZE",
    "key_tracking": "YUAN FAN 28",
    "assistance": "YUAN FAN 16",
    "old_penalty": "YING GANG SAN YUN 8",
}


def small_fleet() -> importer.FleetFile:
    fleet = demo_fleet()
    wanted = set(NAMES.values())
    return importer.FleetFile(
        companies=fleet.companies, ships=[s for s in fleet.ships if s.name in wanted]
    )


@pytest.fixture
def fleet(session: Session) -> dict[str, Ship]:
    importer.import_fleet(session, small_fleet())
    session.commit()
    found = {}
    for key, name in NAMES.items():
        imo = next(s.imo_number for s in small_fleet().ships if s.name == name)
        ship = ship_by_imo(session, imo)
        assert ship is not None and PROFILES[name]
        found[key] = ship
    return found


@pytest.fixture
def ss(api: ApiClients, session: Session, fleet: dict[str, Ship]) -> ApiClients:
    ensure_staff(session)
    for username in STAFF:
        user = accounts.get_user_by_username(session, username)
        assert user is not None
        api.tokens[username], _ = accounts.create_api_token(session, user=user, name="t")
    session.commit()
    return api


def rate(api: ApiClients, ship: Ship, **extra: Any) -> dict[str, Any]:
    body = {
        "imo_number": ship.imo_number,
        "shipper_org": "ss-shipper",
        "voyage": "营口港 → 广州港",
        "cargo_name": "玉米",
        "quantity_t": 50000,
        **extra,
    }
    made = api.as_("ss.carrier").post("/api/ship-selection/ratings", json=body)
    assert made.status_code == 201, made.text
    return dict(made.json())
