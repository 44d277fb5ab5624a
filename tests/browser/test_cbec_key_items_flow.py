"""p22 in a real browser, the main flow through the forms: the forwarder uploads a declaration's
lines as a CSV and sees the power bank routed to inspection with the rule, its version and the
reason; the railway security officer confirms it at the parallel check (first violation: a
warning, railway grade B); the declaration ends as a violation, the credit page and the monthly
joint report show it."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.cbec_key_items.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
CSV = (
    "item_name,spec,hs_code,quantity,unit,weight_kg,value_cny\n"
    "纯棉T恤,S-XL,6109100021,100,件,18,2900\n"
    "充电宝,20000mAh,8507600090,20,个,8,1600\n"
).encode()


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_upload_screen_confirm_report(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    forwarder = _signed_in(browser, base, "cbk.forwarder")
    forwarder.goto(f"{base}/cbec-key-items?lang=en")
    forwarder.click("#new-declaration")
    forwarder.wait_for_url("**/cbec-key-items/declarations/new")
    forwarder.fill("#entry_no", "4601202611248888")
    forwarder.fill("#ecommerce_code", "4501961234")
    forwarder.fill("#lines", "")
    forwarder.set_input_files(
        "#file", files=[{"name": "lines.csv", "mimeType": "text/csv", "buffer": CSV}]
    )
    forwarder.click("#declaration-submit")
    forwarder.wait_for_selector("#status")
    assert forwarder.locator("#status").inner_text() == "inspection"
    assert forwarder.locator("#hit-count").inner_text() == "1"
    hits = forwarder.locator("#lines .line-inspection .hits").inner_text()
    assert "KI-BAT-POWERBANK" in hits and "v1" in hits and "KI-BAT-HS" in hits
    url = forwarder.url.split("?")[0]

    railway = _signed_in(browser, base, "cbk.railway")
    railway.goto(f"{url}?lang=en")
    railway.select_option("#kind-2", "carriage")
    railway.fill("#note-2", "Opened: 20000 mAh power banks")
    railway.click("#confirm-2")
    railway.wait_for_selector("#status >> text=violation")
    assert "railway:cbk.railway" in railway.locator("#lines .line-confirmed").inner_text()
    assert "inspection → confirmed" in railway.locator("#history").inner_text()

    railway.goto(f"{base}/cbec-key-items/credit?lang=en")
    assert railway.locator("#credit .measure").all_inner_texts() == ["warning"]
    railway.goto(f"{base}/cbec-key-items/report?lang=en")
    total = railway.locator("#report-total").inner_text()
    assert total.split() == ["Total", "1", "2", "1", "0", "1", "0", "1"]
    assert "CR-CARRIAGE" in railway.locator("#violations").inner_text()
