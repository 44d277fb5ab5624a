"""p08 in a real browser: the platform declares a return of a list at Ningbo customs on the
list's page, the Hangzhou officer approves it in the review queue, and the list then shows the
returned quantity."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.cbec_returns import service
from ftz.practices.cbec_returns.demo import PLATFORM, ensure_staff
from ftz.practices.cbec_returns.schemas import LineIn, ListIn
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
NUMBER = "L-BROWSER-0801"


@pytest.fixture(scope="module")
def list_id(live_server: str, browser_database_url: str) -> str:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        platform = accounts.acting_as(session, PLATFORM)
        item = service.declare_list(session, principal=platform, data=ListIn(
            number=NUMBER, order_no="O-BROWSER", buyer_id="330106199001019999",
            customs_code="2900", release_date=service.today() - timedelta(days=3),
            lines=[LineIn(hs_code="3304990099", name="面霜", quantity=3,
                          unit_price=Decimal("500.00"))]))  # fmt: skip
        found = item.id
    engine.dispose()
    return found


def test_return_declared_approved_and_shown(browser: Any, live_server: str, list_id: str) -> None:
    base = live_server
    platform = _signed_in(browser, base, "cr.platform")
    platform.goto(f"{base}/cbec-returns?q=BROWSER&lang=en")
    platform.click(f"text={NUMBER}")
    platform.wait_for_url(f"**/cbec-returns/lists/{list_id}*")
    platform.select_option("#customs_code", "3100")
    platform.fill("#qty_1", "2")
    platform.click("#return-submit")
    platform.wait_for_selector("#returns .return-status")
    assert platform.locator("#returns .return-status").inner_text() == "requested"
    assert platform.locator("#returned-1").inner_text() == "0"

    officer = _signed_in(browser, base, "cr.officer")
    officer.goto(f"{base}/cbec-returns/review?lang=en")
    row = officer.locator("#pending tr", has_text=NUMBER)
    row.locator("input[name=note]").fill("Goods back in the Ningbo bonded zone")
    row.locator("button.approve").click()
    officer.wait_for_url("**/cbec-returns/review")
    assert officer.locator("#pending tr", has_text=NUMBER).count() == 0

    platform.goto(f"{base}/cbec-returns/lists/{list_id}?lang=en")
    assert platform.locator("#returned-1").inner_text() == "2"
    assert platform.locator("#returns .return-status").inner_text() == "approved"
    officer.goto(f"{base}/cbec-returns/statistics?lang=en")
    assert "3100" in officer.locator("#months").inner_text()
