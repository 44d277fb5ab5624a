"""p15 in a real browser, the main flow through the forms: the tech-transfer office registers a
patent in the separate register (a wrong check character is refused first), proposes a licence
priced on a technology exchange, records the unit's own decision (no approval, no filing; the
due-diligence exemption record shows every condition met), signs, records the licence fee with
its costs, and reads the inventors' reward: 70 % of the net income split 60/40 by their shares.
The inventor then finds the reward among their own."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.tech_transfer.demo import ensure_staff
from ftz.practices.tech_transfer.demo_flow import company_uscc
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_register_decide_licence_record_income_reward(
    browser: Any, live_server: str, staff: None
) -> None:
    base = live_server
    office = _signed_in(browser, base, "tt.office")
    office.goto(f"{base}/tech-transfer?lang=en")
    office.click("#new-achievement")
    office.wait_for_url("**/tech-transfer/achievements/new")
    office.fill("#title", "Laser additive repair of superalloy blades")
    office.select_option("#kind", "patent")
    office.fill("#ip_number", "ZL201710601862.4")
    office.fill("#college", "School of Materials")
    office.fill("#completed_on", "2025-04-01")
    office.select_option("#inventor_1", label="陈嘉禾 · 材料科学与工程学院 (QL-T001)")
    office.fill("#share_1", "60")
    office.select_option("#inventor_2", label="赵雨桐 · 机械工程学院 (QL-T002)")
    office.fill("#share_2", "40")
    office.check("#register")
    office.click("#achievement-submit")
    assert "the check character of 201710601862 is 3" in office.locator(".error").inner_text()
    assert office.input_value("#title") == "Laser additive repair of superalloy blades"
    office.fill("#ip_number", "ZL201710601862.3")
    office.select_option("#inventor_1", label="陈嘉禾 · 材料科学与工程学院 (QL-T001)")
    office.select_option("#inventor_2", label="赵雨桐 · 机械工程学院 (QL-T002)")
    office.click("#achievement-submit")
    office.wait_for_selector("#achievement-status")
    assert office.locator("#achievement-status").inner_text() == "registered"
    assert "SL-PATENT" in office.locator(".why").inner_text()

    office.click("#propose-link")
    office.select_option("#mode", "licence")
    office.select_option("#licence_scope", "non_exclusive")
    office.fill("#term_years", "5")
    office.fill("#counterparty", "Shaanxi Qinhang Power Technology")
    office.fill("#counterparty_uscc", company_uscc(1501))
    office.select_option("#pricing", "listing")
    office.fill("#price", "800000")
    office.click("#transfer-submit")
    office.wait_for_selector("#transfer-status")
    assert office.locator("#transfer-status").inner_text() == "proposed"
    assert "no approval and no filing" in office.locator("#authority").inner_text()
    assert "DA-LICENCE" in office.locator(".why").inner_text()

    office.fill("#meeting", "President's office meeting")
    office.fill("#meeting_no", "2026-18")
    office.fill("#meeting_date", "2026-02-01")
    office.fill("#decision-text", "Licence agreed at the listed price")
    office.fill("#makers", "Li Weidong\nWang Zhenhua")
    office.check("#conflict_declared")
    office.click("#decision-submit")
    office.wait_for_selector("#exemption")
    assert office.locator("#transfer-status").inner_text() == "decided"
    assert office.locator("#exemption .met", has_text="not met").count() == 0
    assert office.locator("#exemption tbody tr").count() == 5
    assert office.locator("#covered").inner_text() == "Li Weidong、Wang Zhenhua"

    office.fill("#contract_no", "QL-JS-2026-031")
    office.fill("#signed_on", "2026-02-05")
    office.click("#contract-submit")
    office.wait_for_selector("#income-form")
    office.fill("#received_on", "2026-03-01")
    office.select_option("#income-kind", "licence_fee")
    office.fill("#gross", "800000")
    office.fill("#cost_evaluation", "20000")
    office.fill("#cost_agency", "30000")
    office.fill("#cost_taxes", "48000")
    office.click("#income-submit")
    office.wait_for_selector("#income-1")
    income = office.locator("#income-1")
    assert income.locator(".net").inner_text() == "702000.00"
    assert income.locator(".rate").inner_text() == "70.0%"
    assert income.locator(".reward").inner_text() == "491400.00"
    assert income.locator(".lines .amount").all_inner_texts() == ["294840.00", "196560.00"]
    assert "RW-QL-LICENCE" in income.inner_text()

    inventor = _signed_in(browser, base, "tt.inventor")
    inventor.goto(f"{base}/tech-transfer/rewards?lang=en")
    assert inventor.locator("#rewards .amount").all_inner_texts() == ["294840.00"]
