"""p02 in a real browser: a consignee files an import shipment and corrects it while nothing has
moved, customs releases a container, the barge operator loads and lands it at Wuhu, the terminal
hands it over; the timeline shows every party's step with its ledger entry."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.linked_unloading.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def _act(page: Any, base: str, url: str, event: str, status: str) -> None:
    page.goto(f"{base}{url}?lang=en")
    page.click(f"#event-{event}")
    page.wait_for_selector("#container-status")
    assert page.locator("#container-status").inner_text() == status


def test_import_container_from_declaration_to_pickup(
    browser: Any, live_server: str, staff: None
) -> None:
    base = live_server
    consignee = _signed_in(browser, base, "lu.wuhu")
    consignee.goto(f"{base}/linked-unloading/compare?lang=en&port=WUH&direction=import&teu=2")
    assert consignee.locator("#recommended").inner_text().startswith("barge")
    assert consignee.locator("#saved-cny").inner_text() == "400"

    consignee.goto(f"{base}/linked-unloading/shipments/new?lang=en")
    consignee.select_option("#port_code", "WUH")
    consignee.fill("#consignee", "Wuhu Linked Trading Co.")
    consignee.fill("#bill_of_lading", "YSLU-BROWSER-1")
    consignee.check("#declared_in_advance")
    consignee.fill("#containers", "CSQU3054384 40")  # wrong check digit
    consignee.click("#shipment-submit")
    assert "ISO 6346" in consignee.locator("[role=alert]").inner_text()
    assert consignee.locator("#bill_of_lading").input_value() == "YSLU-BROWSER-1"
    consignee.fill("#containers", "CSQU3054383 40")
    consignee.click("#shipment-submit")
    consignee.wait_for_url("**/linked-unloading/shipments/*")
    assert "eligible" in consignee.locator("#fast-track").inner_text()
    shipment_url = consignee.url.split("?")[0]

    # Before anything moves the consignee corrects the vessel and the box size; a bad box
    # number comes back with the message and what was typed.
    consignee.click("#edit-shipment")
    consignee.wait_for_url("**/edit*")
    consignee.fill("#vessel", "XIN AN QING")
    consignee.fill("#containers", "CSQU3054383 20\nTGHU8841590 40")
    consignee.click("#edit-submit")
    assert "ISO 6346" in consignee.locator("[role=alert]").inner_text()
    assert consignee.locator("#vessel").input_value() == "XIN AN QING"
    consignee.fill("#containers", "CSQU3054383 20")
    consignee.click("#edit-submit")
    consignee.wait_for_url(shipment_url + "*")
    assert consignee.locator("#shipment-vessel").inner_text() == "XIN AN QING"
    assert consignee.locator("#shipment-teu").inner_text() == "1"
    assert consignee.locator("#shipment-history tbody tr").count() == 2
    assert "EW-VESSEL-IMP" in consignee.locator("#shipment-history").inner_text()
    consignee.click("#shipment-containers a")
    consignee.wait_for_url("**/linked-unloading/containers/*")
    box = consignee.url.removeprefix(base).split("?")[0]
    assert consignee.locator("#container-status").inner_text() == "declared"

    _act(_signed_in(browser, base, "lu.customs"), base, box, "release", "released")
    barge = _signed_in(browser, base, "lu.barge")
    _act(barge, base, box, "load_barge", "on_barge")
    _act(barge, base, box, "arrive", "at_linked_port")
    _act(_signed_in(browser, base, "lu.terminal"), base, box, "pick_up", "picked_up")

    consignee.goto(f"{base}{box}?lang=en")
    assert consignee.locator("#timeline tbody tr").count() == 5
    assert consignee.locator("#delay").inner_text() == "on_time"
    assert "#" in consignee.locator("#timeline tbody tr").last.inner_text()
