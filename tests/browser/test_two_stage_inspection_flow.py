"""p20 in a real browser, the main flow through the forms: the enterprise applies for the pilot
and files its goods (one per line) and sees each judged by its packing; the Suzhou Industrial
Park officer records the risk assessment and the enterprise is admitted with the fired rows; the
Pudong airport officer issues a control instruction on a filed good, which is two-stage, and
records an external check without anomaly, which routes it; the Suzhou officer records the
destination check and closes it; the history shows each step."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.two_stage_inspection.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
GOODS = (
    "3707.90, KrF光刻胶, 1加仑/瓶, light_proof, 6200000\n847130, 笔记本电脑, 纸箱, ordinary, 50000"
)


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_apply_assess_issue_route_close(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    ent = _signed_in(browser, base, "tsi.ent")
    ent.goto(f"{base}/two-stage-inspection?lang=en")
    ent.click("#new-pilot")
    ent.wait_for_url("**/two-stage-inspection/pilots/new")
    ent.fill("#contact", "Customs desk, Wang")
    ent.fill("#recommendation_ref", "SZ-FTZ-2026-12")
    ent.fill("#goods", GOODS)
    ent.click("#pilot-submit")
    ent.wait_for_selector("#status")
    assert ent.locator("#status").inner_text() == "applied"
    assert ent.locator("#goods .eligible").all_inner_texts() == ["yes", "no"]
    pilot_url = ent.url.split("?")[0]

    officer = _signed_in(browser, base, "tsi.sip")
    officer.goto(f"{pilot_url}?lang=en")
    officer.select_option("#credit_level", "advanced_certified")
    officer.fill("#seizures_3y", "0")
    officer.click("#assessment-submit")
    officer.wait_for_selector("#status >> text=admitted")
    assert "AD-CREDIT-ADVANCED" in officer.locator("#why-assessment").inner_text()
    assert officer.locator("#ledger").count() == 1

    port = _signed_in(browser, base, "tsi.pvg")
    port.goto(f"{base}/two-stage-inspection/instructions?lang=en")
    port.click("#new-instruction")
    port.wait_for_url("**/instructions/new")
    port.fill("#enterprise", "tsi-ent-photo")
    port.fill("#entry_no", "221820261000000101")
    port.fill("#tariff_code", "3707900000")
    port.fill("#goods_name", "KrF photoresist")
    port.fill("#quantity", "40")
    port.fill("#unit", "bottle")
    port.fill("#value_usd", "186000")
    port.fill("#requirements", "Check name, specification, quantity; open and inspect")
    port.fill("#arrived_on", "2026-11-16")
    port.click("#instruction-submit")
    port.wait_for_selector("#status >> text=issued")
    assert "RT-TWO-STAGE" in port.locator("#why-routing").inner_text()
    port.fill("#external-date", "2026-11-16")
    port.click("#external-submit")
    port.wait_for_selector("#status >> text=routed")
    assert "EC-CLEAR" in port.locator("#checks").inner_text()
    assert port.locator("#released").inner_text() == "2026-11-16"
    instruction_url = port.url.split("?")[0]

    officer.goto(f"{instruction_url}?lang=en")
    officer.select_option("#conform", "yes")
    officer.click("#result-submit")
    officer.wait_for_selector("#status >> text=closed")
    assert officer.locator("#checks .result").all_inner_texts() == ["passed", "passed"]
    history = officer.locator("#history").inner_text()
    assert "route to the destination customs" in history and "destination check" in history
