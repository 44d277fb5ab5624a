"""p06 in a real browser, the main flow: the importer declares a batch of hair dryers through
the form; the inspection officer opens the workbench, clicks the batch's risk view (the
nonconformity on record for the code, the standards, the assessment and recommended action),
records a nonconforming result confirmed as a risk case, and sees it anchored in the ledger and
in the risk-case database."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.hs_inspection import importer
from ftz.practices.hs_inspection.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
RECORD = {"record_no": "NC-BR-1", "hs_code": "8516310000", "record_date": "2025-01-10",
          "product": "电吹风", "risk_type": "electric_shock", "defect": "带电部件可触及",
          "severity": 4}  # fmt: skip


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        importer.import_records(
            session,
            principal=SYSTEM,
            source="nonconformity",
            filename="b.json",
            content=json.dumps([RECORD]).encode(),
        )
    engine.dispose()


def test_declare_look_up_and_record(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    firm = _signed_in(browser, base, "hs.importer")
    firm.goto(f"{base}/hs-inspection?lang=en")
    firm.click("#new-batch")
    firm.wait_for_url("**/hs-inspection/batches/new")
    firm.fill("#hs_code", "8516.31.00.00")
    firm.fill("#product", "Hair dryer BR")
    firm.fill("#quantity", "120")
    firm.fill("#arrival_date", date.today().isoformat())
    firm.click("#batch-submit")
    firm.wait_for_selector("#status")
    assert firm.locator("#status").inner_text() == "pending"
    assert firm.locator("#result-form").count() == 0

    officer = _signed_in(browser, base, "hs.officer")
    officer.goto(f"{base}/hs-inspection?lang=en")
    officer.locator("#today a.risk-view").first.click()
    officer.wait_for_selector("#risk-level")
    assert officer.locator("#count-nonconformity").inner_text() == "1"
    assert "GB 4706.1-2005" in officer.locator("#standards").inner_text()
    assert officer.locator("#recommended").inner_text() in ("lab_test", "sampling")
    officer.select_option("#result-select", "nonconforming")
    officer.select_option("#risk_type", "electric_shock")
    officer.fill("#defect", "Accessible live parts")
    officer.check("#confirm_case")
    officer.fill("#case_title", "Hair dryer shock BR")
    officer.click("#result-submit")
    officer.wait_for_selector("#status >> text=inspected")
    assert officer.locator("#ledger").count() == 1
    officer.goto(f"{base}/hs-inspection/cases?lang=en")
    assert "Hair dryer shock BR" in officer.locator("#case-list").inner_text()
