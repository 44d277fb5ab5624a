"""p09 in a real browser: a forwarder abroad builds a ULD for Beijing (one destination, so the
whole ULD is the package); the ground handler receives, tallies and stores it whole; airport
security screens it and customs clears it; loading it on an ordinary box truck is refused with
the road-leg rule's row, a ULD-capable trailer is accepted; the trucking company departs and
delivers, and the ULD shows one touch of the goods against the seed's four."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.pallet_air_road import service
from ftz.practices.pallet_air_road.demo import ensure_staff, who
from ftz.practices.pallet_air_road.schemas import TrailerIn
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def fleet(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        trucker = who(session, "par.trucker")
        for plate, kind in (("豫A7001挂", "uld_roller"), ("豫A7002挂", "box")):
            service.add_trailer(session, principal=trucker,
                                data=TrailerIn(plate=plate, kind=kind, positions=4))  # fmt: skip
    engine.dispose()


def _event(page: Any, name: str, **fields: str) -> None:
    for field, value in fields.items():
        page.fill(f"#{field}", value)
    page.click(f"#event-{name}")
    page.wait_for_load_state()


def test_whole_uld_from_abroad_to_beijing(browser: Any, live_server: str, fleet: None) -> None:
    base = live_server
    forwarder = _signed_in(browser, base, "par.forwarder")
    forwarder.goto(f"{base}/pallet-air-road?lang=en")
    forwarder.click("#new-uld")
    forwarder.fill("#uld_code", "pmc 77001 cv")
    forwarder.fill("#mawb_no", "172-31000012")
    forwarder.fill("#flight_no", "CV9701")
    forwarder.fill("#flight_date", "2026-11-20")
    forwarder.fill("#origin", "LUX")
    forwarder.fill("#lines", "H1, 精密仪器, 12, 850.5, PEK\nH2, 电子元器件, 30, 412.0, PEK")
    forwarder.click("#uld-submit")
    forwarder.wait_for_url("**/pallet-air-road/ulds/*")
    assert forwarder.locator("#uld-code").inner_text() == "PMC 77001 CV"
    assert forwarder.locator("#package-type").inner_text() == "ULD"
    assert "BM-ONE-DEST" in forwarder.locator("#why").inner_text()
    uld_url = forwarder.url

    handler = _signed_in(browser, base, "par.handler")
    handler.goto(uld_url + "?lang=en")
    _event(handler, "arrive")
    _event(handler, "start_tally", crew="2")
    _event(handler, "finish_tally")
    assert "1 × ULD" in handler.locator("#events").inner_text()
    _event(handler, "store")
    for user, event in (("par.security", "screen"), ("par.customs", "clear")):
        officer = _signed_in(browser, base, user)
        officer.goto(uld_url + "?lang=en")
        _event(officer, event)
    handler.goto(uld_url + "?lang=en")
    _event(handler, "start_loading", crew="2", trailer_plate="豫A7002挂")
    assert "RL-WHOLE-NOT-CAPABLE" in handler.locator("[role=alert]").inner_text()
    _event(handler, "start_loading", crew="2", trailer_plate="豫A7001挂")
    assert handler.locator("#uld-status").inner_text() == "loading"
    assert handler.locator("svg#map path").count() == 1
    _event(handler, "finish_loading")

    trucker = _signed_in(browser, base, "par.trucker")
    trucker.goto(uld_url + "?lang=en")
    _event(trucker, "depart")
    _event(trucker, "deliver", note="拆板出库提离")
    assert trucker.locator("#uld-status").inner_text() == "delivered"
    assert trucker.locator("#metric-touches").inner_text().split("\t")[1:3] == ["1", "4"]
    assert "met" in trucker.locator("#metric-tally_minutes").inner_text()
    assert trucker.locator("#record-digest").count() == 1
