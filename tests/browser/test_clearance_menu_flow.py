"""p10 in a real browser: an enterprise fills in the wizard, reads the result as a timeline,
takes a combination (anchored in the ledger); the customs officer sees it in the statistics."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.clearance_menu.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_wizard_choice_and_statistics(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    enterprise = _signed_in(browser, base, "cm.rail")
    enterprise.goto(f"{base}/clearance-menu/wizard?lang=en")
    enterprise.select_option("#direction", "import")
    enterprise.fill("#hs_code", "8703.23.90")
    enterprise.check("#taxable")
    enterprise.select_option("#transport", "rail")
    enterprise.fill("#port", "阿拉山口")
    enterprise.fill("#pickup_place", "郑州")
    enterprise.check("#manifest_before_arrival")
    enterprise.check("#declare_before_arrival")
    enterprise.check("#guarantee_filed")
    enterprise.click("#menu-submit")
    enterprise.wait_for_selector("#menu-result")
    assert enterprise.locator("#combination-code").inner_text() == "I02"
    assert enterprise.locator("#timeline li").count() == 3
    assert "郑州" in enterprise.locator("#step-pickup").inner_text()
    assert enterprise.locator("#excluded tbody tr").count() >= 3
    enterprise.click("#choose-I02")
    enterprise.wait_for_selector("#chosen-code")
    assert enterprise.locator("#chosen-code").inner_text() == "I02"
    assert enterprise.locator("#ledger-index").inner_text().isdigit()

    officer = _signed_in(browser, base, "cm.officer")
    officer.goto(f"{base}/clearance-menu/statistics?lang=en")
    assert officer.locator("svg[role=img]").count() == 4
    assert "I02" in officer.locator("main").inner_text()
