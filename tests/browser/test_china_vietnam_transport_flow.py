"""p24 in a real browser: a carrier plans a through trip on a truck with no permit for the
route and is refused with the permit row; plans it on its reefer instead with fresh produce
sealed at Mengzi (green channel) and departs; the matcher pairs a return load with that truck and
the carrier plans the return trip; customs at the destination sees a different seal number, the
trip is held with the reason, and released after examination."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work, utcnow
from ftz.practices.china_vietnam_transport import fleet, trips
from ftz.practices.china_vietnam_transport.demo import ensure_staff, who
from ftz.practices.china_vietnam_transport.reference import local_zone
from ftz.practices.china_vietnam_transport.schemas import LoadIn, PermitIn, TruckIn
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
BASE = "/china-vietnam-transport"


@pytest.fixture(scope="module")
def p24(live_server: str, browser_database_url: str) -> dict[str, str]:
    engine = make_engine(browser_database_url)
    now = utcnow()
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        carrier = who(session, "cvt.carrier")
        made = {}
        for plate, kind in (("云GB0001", "reefer"), ("云GB0002", "box")):
            made[kind] = fleet.register_truck(
                session,
                principal=carrier,
                data=TruckIn(plate=plate, country="CN", kind=kind, capacity_t=Decimal(25)),
            ).id  # type: ignore[arg-type]
        fleet.issue_permit(
            session,
            principal=who(session, "cvt.transport"),
            data=PermitIn(
                truck_id=made["reefer"],
                route_code="HK-HN",
                valid_from=now.date() - timedelta(days=5),
                valid_to=now.date() + timedelta(days=200),
            ),
        )
        carrier = who(session, "cvt.carrier")
        for direction, cargo, ready in (
            ("south", "蒙自石榴（鲜）", 0),
            ("north", "越南火龙果（鲜）", 14),
        ):
            load = trips.post_load(
                session,
                principal=carrier,
                data=LoadIn(
                    shipper="浏览器测试",
                    cargo=cargo,
                    route_code="HK-HN",
                    direction=direction,
                    fresh=True,
                    weight_t=Decimal(18),
                    ready_at=now + timedelta(hours=ready),
                    deliver_by=now + timedelta(hours=ready + 40),
                ),
            )  # type: ignore[arg-type]
            made[direction] = load.id
    engine.dispose()
    return made


def test_refused_then_green_channel_two_way_and_held_seal(
    browser: Any, live_server: str, p24: dict[str, str]
) -> None:
    base = live_server
    carrier = _signed_in(browser, base, "cvt.carrier")
    carrier.goto(f"{base}{BASE}/trips/new?lang=en")
    depart = (utcnow() + timedelta(hours=1)).astimezone(local_zone()).strftime("%Y-%m-%dT%H:%M")
    carrier.select_option("#truck_id", p24["box"])
    carrier.select_option("#route_code", "HK-HN")
    carrier.fill("#depart_at", depart)
    carrier.select_option("#load_id", p24["south"])
    carrier.check("#local_inspection")
    carrier.fill("#seal_origin", "MZ8888")
    carrier.click("#trip-submit")
    assert "P-NONE" in carrier.locator("div.error").inner_text()
    assert carrier.locator("#seal_origin").input_value() == "MZ8888"
    carrier.select_option("#truck_id", p24["reefer"])
    carrier.click("#trip-submit")
    carrier.wait_for_url("**/trips/*")
    assert carrier.locator("#green").inner_text() == "yes"
    assert "G-OK" in carrier.locator("table.why").inner_text()
    assert carrier.locator("svg#map").count() == 1
    trip_url = carrier.url
    carrier.click("#depart")
    carrier.wait_for_selector("#trip-status")
    assert carrier.locator("#trip-status").inner_text() == "under way"

    carrier.goto(f"{base}{BASE}/match?lang=en")
    assert "B-OK" in carrier.locator("#pairs").inner_text()
    carrier.click("#apply")
    carrier.wait_for_url("**/trips?applied=1")
    carrier.goto(trip_url + "?lang=en")
    assert carrier.locator("#return-link").count() == 1

    customs = _signed_in(browser, base, "cvt.customs")
    customs.goto(trip_url + "?lang=en")
    customs.fill("#seal_destination", "MZ0000")
    customs.fill("#clearance_minutes", "12")
    customs.click("#seal-submit")
    customs.wait_for_selector("#release-form")
    assert "differs" in customs.locator("#hold-reason").inner_text()
    assert "S-MISMATCH" in customs.locator("table.why").inner_text()
    customs.fill("#release-note", "Opened and examined: cargo as declared")
    customs.click("#release-submit")
    customs.wait_for_selector("#trip-status")
    assert customs.locator("#trip-status").inner_text() == "cleared"
