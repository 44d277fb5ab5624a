"""p29 in a real browser, the main flow: the shipper plans a route on the channel map, posts a
cargo order through the form with the time its cargo is ready (the route's legs come timed),
sees the fitting capacity offer with the rule row that fired and books it (the route becomes
the booked offer's); the rail operator, now a party of the order, records the departure and
the delivery on the shared tracking; the shipper sees the operator's events and the order
delivered."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.yangtze_channel import reference, service
from ftz.practices.yangtze_channel.demo import ensure_registry
from ftz.practices.yangtze_channel.schemas import OfferIn
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


def _day(n: int) -> str:
    return (reference.today() + timedelta(days=n)).isoformat()


@pytest.fixture(scope="module")
def offer(live_server: str, browser_database_url: str) -> str:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_registry(session)
        rail = accounts.acting_as(session, "yc.op.guangtie")
        start = reference.today() + timedelta(days=2)
        data = OfferIn(service_code="S1-GT-NS", mode="rail", origin="changsha_xianing",
                       destination="guangzhou_nansha", departs_on=start,
                       arrives_on=start + timedelta(days=2), capacity_teu=100,
                       cargo_types=["machinery"], price_cny_per_teu=4200)  # fmt: skip
        number = service.post_offer(session, principal=rail, data=data).number
    engine.dispose()
    return number


def test_plan_post_book_and_track(browser: Any, live_server: str, offer: str) -> None:
    base = live_server
    shipper = _signed_in(browser, base, "yc.shipper.a")
    shipper.goto(f"{base}/yangtze-channel?lang=en")
    assert shipper.locator("#channel-map #line-MAIN").count() == 1
    assert shipper.locator("#channels tbody tr").count() == 6
    shipper.click("#plan-link")
    shipper.fill("#origin", "changsha_xianing")
    shipper.fill("#destination", "guangzhou_nansha")
    shipper.click("#route-submit")
    shipper.wait_for_selector("#route-map .leg-rail")
    assert "S1" in shipper.locator("#route-channels").inner_text()

    shipper.goto(f"{base}/yangtze-channel/orders/new?lang=en")
    shipper.fill("#origin", "changsha_xianing")
    shipper.fill("#destination", "guangzhou_nansha")
    shipper.select_option("#cargo_type", "machinery")
    shipper.select_option("#trade", "export")
    shipper.fill("#teu", "40")
    shipper.fill("#ready_at", f"{_day(1)}T09:30")
    shipper.fill("#deliver_by", _day(10))
    shipper.click("#order-submit")
    shipper.wait_for_selector(f"#match-{offer}")
    assert f"{_day(1)} 09:30" in shipper.locator("#order-ready").inner_text()
    assert shipper.locator("#legs .departs").count() >= 1  # timed from the ready time
    row = shipper.locator(f"#match-{offer}")
    assert "M-FIT" in row.inner_text()
    row.locator("button.book").click()
    shipper.wait_for_selector("#ledger-index")
    assert shipper.locator("#order-status").inner_text() == "booked"
    # The route is now the booked offer's: its legs marked, on the service's timetable.
    assert shipper.locator("#legs tr.booked").count() >= 1
    assert offer in shipper.locator("#legs tr.booked").first.inner_text()
    assert "Booked route" in shipper.content()
    order_url = shipper.url.split("#")[0].split("?")[0]

    rail = _signed_in(browser, base, "yc.op.guangtie")
    rail.goto(f"{order_url}?lang=en")
    assert rail.locator("#order-party").inner_text() == "operator"
    rail.select_option("#kind", "departed")
    rail.select_option("#node_id", "changsha_xianing")
    rail.click("#event-submit")
    rail.wait_for_selector("#events .event-departed")
    assert rail.locator("#order-status").inner_text() == "in transit"
    rail.select_option("#kind", "delivered")
    rail.select_option("#node_id", "guangzhou_nansha")
    rail.click("#event-submit")
    rail.wait_for_selector("#events .event-delivered")

    shipper.goto(f"{order_url}?lang=en")
    assert shipper.locator("#order-status").inner_text() == "delivered"
    assert shipper.locator("#events .event").count() == 2
    assert "T-DEPART" in shipper.locator("#events").inner_text()
