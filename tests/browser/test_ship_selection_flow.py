"""p07 in a real browser: the carrier asks for the rating of a ship, the shipper reads the
advice with its reasons and declines the ship; the agent files a grain call and uploads the
papers and the loading condition (checked at once), the officer ticks the checklist and
approves, and the terminal reads the approved call."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.domain.vessels import importer
from ftz.practices.ship_selection.demo import ensure_staff
from ftz.practices.ship_selection.demo_data import CONDITION
from tests.browser.test_exam_certificates_flow import _signed_in
from tests.practices.ship_selection.conftest import NAMES, small_fleet

pytestmark = pytest.mark.browser
PAPERS = ("authorization", "loading_manual", "stability_data", "loading_plan")


def _imo(name: str) -> str:
    return next(s.imo_number for s in small_fleet().ships if s.name == name)


@pytest.fixture(scope="module")
def maritime(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        importer.import_fleet(session, small_fleet())
    engine.dispose()


def test_rating_advice_and_grain_pre_review(browser: Any, live_server: str, maritime: None) -> None:
    base = live_server
    carrier = _signed_in(browser, base, "ss.carrier")
    carrier.goto(f"{base}/ship-selection/ratings/new?lang=en")
    carrier.fill("#imo_number", _imo(NAMES["assistance"]))
    carrier.select_option("#shipper_org", "ss-shipper")
    carrier.fill("#voyage", "Yingkou → Guangzhou")
    carrier.fill("#cargo_name", "maize")
    carrier.fill("#quantity_t", "20000")
    carrier.click("#rating-submit")
    carrier.wait_for_url("**/ship-selection/ratings/*")
    assert carrier.locator("#rating").get_attribute("data-rating") == "not_recommended"

    shipper = _signed_in(browser, base, "ss.shipper")
    shipper.goto(f"{base}/ship-selection/ratings?lang=en")
    shipper.click("#ratings tbody a")
    shipper.wait_for_selector("#reasons")
    reasons = shipper.locator("#reasons").inner_text()
    assert "Assistance investigations: The ship is currently under an assistance investigation" in (
        reasons
    )
    assert shipper.locator("#dim-assistance_investigations").get_attribute("data-level") == "poor"
    assert "AI-OPEN" in shipper.locator("#dimensions").inner_text()
    shipper.fill("#note", "declined on the advice")
    shipper.click("#decline")
    shipper.wait_for_selector("#rating-status")
    assert "declined" in shipper.locator("#rating-status").inner_text()

    agent = _signed_in(browser, base, "ss.agent")
    agent.goto(f"{base}/ship-selection/grain/new?lang=en")
    agent.fill("#imo_number", _imo(NAMES["clean"]))
    agent.fill("#eta", "2026-12-01T08:00")
    agent.fill("#cargo_name", "maize")
    agent.fill("#quantity_t", "50000")
    agent.select_option("#terminal_org", "ss-terminal")
    agent.click("#call-submit")
    agent.wait_for_url("**/ship-selection/grain/*")
    call_url = agent.url.split("?")[0]
    for kind in (*PAPERS, "condition"):
        agent.select_option("#kind", kind)
        content = CONDITION if kind == "condition" else f"%PDF {kind}".encode()
        name = "condition.json" if kind == "condition" else f"{kind}.pdf"
        agent.set_input_files(
            "#file", files=[{"name": name, "mimeType": "application/pdf", "buffer": content}]
        )
        agent.click("#upload-submit")
        agent.wait_for_selector("#paper-list")
    assert agent.locator("#stability-result").inner_text() == "pass"
    agent.click("#event-submit")
    agent.wait_for_selector("#call-status")
    assert agent.locator("#call-status").inner_text() == "submitted"

    officer = _signed_in(browser, base, "ss.msa")
    officer.goto(f"{call_url}?lang=en")
    for box in officer.locator("#checklist input[type=checkbox]").all():
        box.check()
    officer.fill("#comment", "papers complete")
    officer.click("#event-approve")
    officer.wait_for_selector("#trimming")
    assert officer.locator("#call-status").inner_text() == "approved"
    assert officer.locator("#trimming").inner_text() == "onboard"

    terminal = _signed_in(browser, base, "ss.terminal")
    terminal.goto(f"{call_url}?lang=en")
    assert terminal.locator("#call-status").inner_text() == "approved"
    assert terminal.locator("#paper-list tbody tr").count() == 5
