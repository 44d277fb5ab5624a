"""p08 in a real browser: the platform declares a list with two lines through the declaration
form (a mistake first, shown on its row), then a return of it at Ningbo customs on the list's
page; the Hangzhou officer approves it in the review queue, and the list then shows the
returned quantity."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.cbec_returns import service
from ftz.practices.cbec_returns.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
NUMBER = "L-BROWSER-0801"


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def _declare(page: Any, base: str) -> str:
    """Declares NUMBER through the form; returns the list's id from the detail page's URL."""
    page.goto(f"{base}/cbec-returns?lang=en")
    page.click("#declare-link")
    page.wait_for_url("**/cbec-returns/lists/new")
    assert "data/customs.json" in page.locator("#customs-source").inner_text()
    page.fill("#number", NUMBER)
    page.fill("#order_no", "O-BROWSER")
    page.fill("#buyer_id", "330106199001019999")
    page.fill("#customs_code", "2900")
    page.fill("#release_date", (service.today() - timedelta(days=3)).isoformat())
    for row, (hs, name, qty, price) in enumerate(
        (("3304990099", "面霜", "3", "500.00"), ("19011010", "婴儿奶粉", "2", "250")), 1
    ):
        page.fill(f"#line-{row}-hs_code", hs)
        page.fill(f"#line-{row}-name", name)
        page.fill(f"#line-{row}-quantity", qty)
        page.fill(f"#line-{row}-unit_price", price)
    page.fill("#line-2-hs_code", "1901-10")  # a typo: the form comes back with it on row 2
    page.click("#declare-submit")
    page.wait_for_selector("[role=alert]")
    assert "line 2 · hs_code" in page.locator("[role=alert]").inner_text()
    assert page.input_value("#line-2-name") == "婴儿奶粉"
    page.fill("#line-2-hs_code", "1901101000")
    page.click("#declare-submit")
    page.wait_for_url("**/cbec-returns/lists/*")
    assert page.locator("#lines tbody tr").count() == 2
    return str(page.url.rsplit("/", 1)[1].split("?")[0])


def test_declared_returned_approved_and_shown(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    platform = _signed_in(browser, base, "cr.platform")
    list_id = _declare(platform, base)
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
