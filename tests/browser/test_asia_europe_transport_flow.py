"""p14 in a real browser, the main flow through the forms: the Lao shipper books a reefer
through bill on the Lancang–Mekong–Chengdu–Europe express (legs, priority slot and freight
computed) and pays it once; the land-port operator issues the bill (anchored in the ledger) and
records the gate-in at Vientiane and the hand-over between carriers at Chengdu; the shipper
sees the bill in transit with both hand-overs anchored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.asia_europe_transport.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
BASE = "/asia-europe-transport"


@pytest.fixture(scope="module")
def parties(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def _track(page: Any, kind: str, node: str, **fields: str) -> None:
    page.select_option("#kind", kind)
    page.fill("#node", node)
    for name, value in fields.items():
        page.fill(f"#{name}", value)
    page.click("#track-submit")
    page.wait_for_selector(f"#events tr.event-{kind}")


def test_book_issue_and_track(browser: Any, live_server: str, parties: None) -> None:
    base = live_server
    shipper = _signed_in(browser, base, "aet.shipper")
    shipper.goto(f"{base}{BASE}/bills?lang=en")
    shipper.click("#new-bill")
    shipper.select_option("#corridor", "LMRO")
    shipper.fill("#shipper", "Vientiane Durian Export (browser)")
    shipper.fill("#consignee", "TO ORDER")
    shipper.fill("#goods", "frozen durian")
    shipper.fill("#hs_code", "081090")
    shipper.select_option("#cargo", "reefer")
    shipper.fill("#packages", "800")
    shipper.fill("#gross_kg", "24000")
    shipper.fill("#containers", "SZLU9000010 40 -18")
    ready = datetime.now(UTC) + timedelta(days=2)
    shipper.fill("#requested_departure", ready.strftime("%Y-%m-%dT%H:%M"))
    shipper.click("#book-submit")
    shipper.wait_for_url(f"**{BASE}/bills/*")
    bill_url = shipper.url.split("?")[0]
    assert shipper.locator("#bill-status").inner_text() == "booked"
    assert shipper.locator("#legs tbody tr").count() == 2
    assert "63,600.00 CNY" in shipper.locator("#freight").inner_text()
    assert "PS-REEFER" in shipper.locator("#why").inner_text()
    assert shipper.locator("#map path").count() == 2
    shipper.fill("#payment_ref", "95306-BROWSER-1")
    shipper.click("#pay-submit")
    shipper.wait_for_selector("#bill-status >> text=paid")

    operator = _signed_in(browser, base, "aet.operator")
    operator.goto(f"{bill_url}?lang=en")
    operator.click("#issue-submit")
    operator.wait_for_selector("#bill-status >> text=issued")
    assert len(operator.locator("#bill-sha").inner_text()) == 64
    _track(operator, "gate_in", "vientiane_south", container="SZLU9000010", seal="LCR-1",
           carrier_to="Laos–China Railway")  # fmt: skip
    _track(operator, "departed", "vientiane_south")
    _track(operator, "handover", "chengdu_qingbaijiang", carrier_from="Laos–China Railway",
           carrier_to="CR Chengdu")  # fmt: skip
    assert operator.locator("#bill-status").inner_text() == "in transit"

    shipper.goto(f"{bill_url}?lang=en")
    rows = shipper.locator("#events tbody tr")
    assert rows.count() == 3
    assert shipper.locator("#events tr.event-handover a").inner_text().startswith("#")
    assert shipper.locator("#events tr.event-gate_in a").count() == 1
    assert shipper.locator("#events tr.event-departed a").count() == 0  # not a hand-over
    assert (
        "Laos–China Railway → CR Chengdu"
        in shipper.locator("#events tr.event-handover").inner_text()
    )
