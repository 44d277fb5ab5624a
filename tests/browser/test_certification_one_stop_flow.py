"""p28 in a real browser, the main flow through the forms: the enterprise applies for SIRIM
certification of a refrigerator and attaches every document (each file hashed in the browser),
then submits; the laboratory accepts the file and records the three tests with their reports;
the SIRIM desk issues the certificate within the 30-day limit and anyone can check its code.
Then the enterprise subscribes to HS 8418, the standards centre publishes a new version of a
refrigerator standard, and the enterprise sees the notice with the clause that changed."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.certification_one_stop.demo_staff import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
BASE = "/certification-one-stop"


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def _pdf(name: str) -> dict[str, Any]:
    return {
        "name": f"{name}.pdf",
        "mimeType": "application/pdf",
        "buffer": f"%PDF-1.4 {name}".encode(),
    }


def _hashed(page: Any, file_input: str, field: str, name: str) -> None:
    page.set_input_files(file_input, files=[_pdf(name)])
    digest = hashlib.sha256(f"%PDF-1.4 {name}".encode()).hexdigest()
    page.wait_for_function(f"document.getElementById('{field}').value === '{digest}'")


def test_apply_test_certify_and_watch(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    ent = _signed_in(browser, base, "co.ent.a")
    ent.goto(f"{base}{BASE}/applications?lang=en")
    ent.click("#apply-link")
    ent.select_option("#scheme", "MY-SIRIM")
    ent.fill("#product", "Two-door refrigerator")
    ent.fill("#model", "XJ-520")
    ent.fill("#hs_code", "8418.21")
    ent.fill("#trade_value_cny", "1800000")
    ent.click("#apply-submit")
    ent.wait_for_selector("#application-status")
    assert ent.locator("#application-status").inner_text() == "draft"
    assert ent.locator("#submit-application").is_disabled()
    kinds = ent.locator("#kind option").evaluate_all("options => options.map(o => o.value)")
    assert kinds[:3] == ["application_form", "business_licence", "product_specification"]
    for kind in kinds:
        ent.select_option("#kind", kind)
        _hashed(ent, "#document-file", "sha256", kind)
        ent.click("#document-submit")
        ent.wait_for_selector("#document-form")
    assert ent.locator("#documents tr.failed").count() == 0
    ent.click("#submit-application")
    ent.wait_for_selector("#application-status >> text=submitted")
    url = ent.url.split("?")[0]

    lab = _signed_in(browser, base, "co.lab")
    lab.goto(f"{base}{BASE}?lang=en")
    lab.locator("#waiting-lab + ul a").first.click()
    lab.wait_for_url(f"{url}*")
    lab.click("#accept-application")
    lab.wait_for_selector("#test-form")
    for code in ("safety", "energy", "emc"):
        lab.select_option("#test_code", code)
        lab.select_option("#passed", "yes")
        lab.fill("#findings", f"{code}: within limits")
        _hashed(lab, "#report-file", "report_sha256", f"report-{code}")
        lab.click("#test-submit")
        lab.wait_for_selector(f"#test-{code} .test-result >> text=passed")
    lab.click("#conclude-submit")
    lab.wait_for_selector("#application-status >> text=tested")

    sirim = _signed_in(browser, base, "co.sirim")
    sirim.goto(f"{url}?lang=en")
    sirim.click("#issue-certificate")
    sirim.wait_for_selector("#certificate")
    assert sirim.locator("#application-status").inner_text() == "issued"
    assert sirim.locator("#sla-status").inner_text() == "met"
    code = sirim.locator("#verification-code").inner_text()
    number = sirim.locator("#certificate-number").inner_text()
    assert number.startswith("SIRIM-CN-")

    ent.goto(f"{base}{BASE}/verify?lang=en")
    ent.fill("#code", code)
    ent.click("#verify-submit")
    ent.wait_for_selector("#verification")
    assert ent.locator("#verification-result strong").inner_text() == "valid"
    assert ent.locator("#verified-number").inner_text() == number

    ent.goto(f"{base}{BASE}/watch?lang=en")
    ent.select_option("#sub-kind", "hs")
    ent.fill("#sub-value", "8418")
    ent.click("#subscribe-submit")
    ent.wait_for_selector("#subscriptions >> text=8418")

    officer = _signed_in(browser, base, "co.standards")
    officer.goto(f"{base}{BASE}/standards?lang=en")
    officer.fill("#number", "MS IEC 62552-3")
    officer.fill("#country", "MY")
    officer.fill("#body", "Department of Standards Malaysia")
    officer.select_option("#mandatory", "yes")
    officer.fill("#version", "2015")
    officer.fill("#title", "Household refrigerating appliances: energy consumption")
    officer.fill("#hs_codes", "8418")
    officer.fill("#effective_on", "2016-01-01")
    officer.fill("#text", "1 Scope household refrigerators\n4.2 Annual energy E <= 450 kWh")
    officer.click("#standard-submit")
    officer.wait_for_selector("#version-form")
    officer.fill("#version", "2024")
    officer.fill("#title", "Household refrigerating appliances: energy consumption")
    officer.fill("#hs_codes", "8418")
    officer.fill("#effective_on", "2027-01-01")
    officer.fill("#text", "1 Scope household refrigerators\n4.2 Annual energy E <= 420 kWh")
    officer.click("#version-submit")
    officer.wait_for_selector("#version-2024")

    ent.goto(f"{base}{BASE}?lang=en")
    ent.click("#unread-notices a")
    ent.wait_for_selector(".notice-item")
    latest = ent.locator(".notice-item").first
    assert "MS IEC 62552-3:2024" in latest.inner_text()
    assert "4.2 changed: 450 → 420" in latest.locator(".notice-summary").inner_text()
    latest.locator(".mark-read").click()
    ent.wait_for_selector(".notice-item")
    assert ent.locator(".notice-item.unread").count() == 1
