"""p23 in a real browser, the main flow through the forms: the sponsor park (Lingang) registers
a project under its agreement with the Kunming area and records its signing, construction and
operation; the receiving park (Kunming) files the quarter's indicators; the statistics officer
finds the project in full in both regions' reports (Shanghai through the sponsor row, Kunming
through the receiving rows, investment only there) and once in the national roll-up, where the
overlap of the two regions' reports is shown and removed."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.industry_transfer.demo import ensure_parties
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
CODE = "B-FLOW-001"


@pytest.fixture(scope="module")
def parties(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_parties(session)
    engine.dispose()


def _step(page: Any, event: str, on: str, expected: str) -> None:
    page.select_option("#event", event)
    page.fill("#on", on)
    page.click("#stage-submit")
    page.wait_for_selector(f"#project-stage >> text={expected}")


def test_register_report_and_count(browser: Any, live_server: str, parties: None) -> None:
    base = live_server
    sponsor = _signed_in(browser, base, "it.lingang")
    sponsor.goto(f"{base}/industry-transfer/projects?lang=en")
    sponsor.select_option("#agreement", "SH-KM-2022-01")
    sponsor.fill("#code", CODE)
    sponsor.fill("#name", "Biomedicine pilot plant")
    sponsor.fill("#enterprise", "Lingang Biomedicine (Kunming) Co., Ltd.")
    sponsor.select_option("#industry_code", "C27")
    sponsor.fill("#intention_on", "2024-03-01")
    sponsor.fill("#planned_investment", "600000000")
    sponsor.click("#register-submit")
    sponsor.wait_for_url("**/industry-transfer/projects/*")
    assert sponsor.locator("#project-stage").inner_text() == "intention"
    _step(sponsor, "sign", "2024-04-01", "signed")
    _step(sponsor, "start_construction", "2024-06-01", "under construction")
    _step(sponsor, "start_operation", "2024-12-01", "in operation")
    assert sponsor.locator("#report-form").count() == 0  # the receiving park reports

    receiving = _signed_in(browser, base, "it.kunming")
    receiving.goto(f"{base}/industry-transfer/projects?q={CODE}&lang=en")
    receiving.click(f"#projects a:text('{CODE}')")
    receiving.wait_for_selector("#report-form")
    receiving.fill("#period", "2025-Q1")
    receiving.fill("#output_value", "30000000")
    receiving.fill("#tax", "1500000")
    receiving.fill("#employment", "80")
    receiving.click("#report-submit")
    receiving.wait_for_selector("#report-2025-Q1")
    assert receiving.locator("#report-2025-Q1 .output").inner_text() == "30,000,000.00"
    assert "REP-OPERATION" in receiving.locator("#report-2025-Q1").inner_text()

    officer = _signed_in(browser, base, "it.stats")
    officer.goto(f"{base}/industry-transfer/statistics/region?lang=en")
    officer.fill("#region", "31")
    officer.click("#region-submit")
    officer.wait_for_selector(f"#line-{CODE}")
    shanghai = officer.locator(f"#line-{CODE}")
    assert shanghai.locator(".v-output_value").inner_text() == "30,000,000.00"
    assert shanghai.locator(".v-planned_investment").inner_text() == "not counted"
    assert "ACC-MAIN-SPONSOR" in shanghai.locator(".via").inner_text()
    officer.fill("#region", "53/昆明市")
    officer.click("#region-submit")
    officer.wait_for_selector(f"#line-{CODE}")
    kunming = officer.locator(f"#line-{CODE}")
    assert kunming.locator(".v-output_value").inner_text() == "30,000,000.00"
    assert kunming.locator(".v-planned_investment").inner_text() == "600,000,000.00"
    assert "ACC-INV-RECEIVING" in kunming.locator(".via").inner_text()

    officer.goto(f"{base}/industry-transfer/statistics/rollup?scope=CN&lang=en")
    officer.wait_for_selector("#rollup-total")
    assert officer.locator("#rollup-sum td").nth(2).inner_text() == "60,000,000.00"
    assert officer.locator("#rollup-total .total-output_value").inner_text() == "30,000,000.00"
    assert officer.locator("#rollup-total .projects").inner_text() == "1"
    assert officer.locator(f"#overlap-{CODE}").count() == 1
    assert officer.locator("#rollup-balanced").inner_text().startswith("Check")
    assert "yes" in officer.locator("#rollup-balanced").inner_text()
