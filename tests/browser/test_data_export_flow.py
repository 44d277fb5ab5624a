"""p01 in a real browser: the guided export-path form explains its verdict; an enterprise files a
flow with a document hashed in the page; the cyberspace officer approves it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.data_export.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_assess_file_and_approve(
    browser: Any, live_server: str, staff: None, tmp_path: Path
) -> None:
    base = live_server
    enterprise = _signed_in(browser, base, "dx.auto")
    enterprise.goto(f"{base}/data-export/assess?lang=en")
    enterprise.check("#personal_info")
    enterprise.fill("#individuals", "150000")
    enterprise.fill("#sensitive_individuals", "12000")
    enterprise.click("#assess-submit")
    enterprise.wait_for_selector("#assess-result")
    assert enterprise.locator("#mechanism").inner_text() == "security assessment"
    assert "art7" in enterprise.locator("#assess-result").inner_text()
    assert enterprise.locator("#trace tbody tr").count() >= 1

    contract = tmp_path / "contract.pdf"
    contract.write_bytes(b"%PDF-1.4 standard contract")
    enterprise.goto(f"{base}/data-export/filings/new?lang=en")
    enterprise.fill("#recipient", "Global R&D Center GmbH")
    enterprise.fill("#country", "DE")
    enterprise.fill("#sector", "automobile")
    enterprise.fill("#inventory", "vin:pi\ngps_track:spi\nbattery_temperature")
    enterprise.fill("#individuals", "150000")
    enterprise.select_option("#document_kind", "standard_contract")
    enterprise.set_input_files("#document_file", str(contract))
    enterprise.wait_for_function("document.getElementById('document_sha256').value.length === 64")
    enterprise.click("#filing-submit")
    enterprise.wait_for_url("**/data-export/filings/*")
    filing_url = enterprise.url
    assert "standard contract" in enterprise.locator("#filing-mechanism").inner_text()
    enterprise.click("#action-submit")
    enterprise.wait_for_selector("#filing-status")
    assert enterprise.locator("#filing-status").inner_text() == "submitted"

    officer = _signed_in(browser, base, "data.officer")
    officer.goto(filing_url + "?lang=en")
    officer.click("#action-approve")
    officer.wait_for_load_state()
    assert officer.locator("#filing-status").inner_text() == "approved"
    officer.goto(f"{base}/data-export?lang=en")
    assert officer.locator("svg[role=img]").count() >= 4
