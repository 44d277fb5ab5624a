"""p03 in a real browser, the main flow through the forms: the enterprise applies for admission
and the customs officer admits it on the criteria table; the enterprise enters a batch (the
pre-inspection report hashed in the browser), reports a final outcome above 5 % of the quantity
and sees the verdict with its reading and the row that fired; it records hazardous waste with
its disposal certificate and sees the ledger's totals; the ecology officer finds the flagged
batch on the dashboard and accepts it with a note, which the batch's history shows."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.bonded_repair.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
NUMBER = "TJBR-B-0001"
REPORT = b"%PDF-1.4 overseas pre-inspection report TJBR-B-0001"
CERTIFICATE = b"%PDF-1.4 hazardous waste disposal certificate HW08"


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def _pdf(name: str, content: bytes) -> dict[str, Any]:
    return {"name": name, "mimeType": "application/pdf", "buffer": content}


def test_apply_admit_batch_waste_review(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    ent = _signed_in(browser, base, "br.ent.a")
    ent.goto(f"{base}/bonded-repair?lang=en")
    ent.click("#my-admission a")
    ent.wait_for_url("**/bonded-repair/admissions/new")
    ent.fill("#business", "Aero-engine fuel control repair")
    ent.fill("#value_added_pct", "180")
    ent.select_option("#risk_level", "general")
    for question, answer in (
        ("high_tech", "yes"),
        ("toxic_air", "no"),
        ("toxic_water", "no"),
        ("documents_complete", "yes"),
        ("permits_complete", "yes"),
    ):
        ent.select_option(f"#{question}", answer)
    ent.click("#apply-submit")
    ent.wait_for_selector("#admission-status")
    assert ent.locator("#admission-status").inner_text() == "submitted"
    assert ent.locator("#criteria .criterion-result", has_text="not met").count() == 0

    customs = _signed_in(browser, base, "br.customs")
    customs.goto(f"{base}/bonded-repair/admissions?status=submitted&lang=en")
    customs.locator("#admissions tr", has_text="Aero-engine fuel control repair").locator(
        "a"
    ).click()
    customs.wait_for_selector("#decision-form")
    assert customs.locator("#criteria tbody tr").count() == 7
    customs.fill("#decision-note", "Documents complete; criteria met")
    customs.click("#admit-submit")
    customs.wait_for_selector("#exit-blockers, #admission-status >> text=admitted")
    assert customs.locator("#admission-status").inner_text() == "admitted"

    ent.goto(f"{base}/bonded-repair/batches?lang=en")
    ent.fill("#number", NUMBER)
    ent.fill("#goods", "Fuel control unit")
    ent.fill("#quantity", "100")
    ent.fill("#value_cny", "1000000")
    ent.set_input_files("#preinspection-file", files=[_pdf("report.pdf", REPORT)])
    expected = hashlib.sha256(REPORT).hexdigest()
    ent.wait_for_function(f"document.getElementById('preinspection_sha256').value === '{expected}'")
    ent.click("#batch-submit")
    ent.wait_for_url("**/bonded-repair/batches/*")
    assert ent.locator("#batch-status").inner_text() == "open"
    ent.fill("#repaired_qty", "94")
    ent.fill("#irreparable_qty", "6")
    ent.fill("#irreparable_value_cny", "10000")
    ent.check("#final")
    ent.click("#outcome-submit")
    ent.wait_for_selector("#batch-status >> text=flagged")
    assert ent.locator("#verdict").inner_text() == "exceeded"
    assert "IR-BOTH-QTY" in ent.locator("#why").inner_text()
    assert ent.locator("#reading").inner_text().startswith("both limits apply")

    ent.goto(f"{base}/bonded-repair/waste?lang=en")
    ent.fill("#year", "2024")
    ent.select_option("#category", "hazardous")
    ent.fill("#description", "Waste mineral oil (HW08)")
    ent.fill("#tonnes", "6")
    ent.select_option("#method", "disposed")
    ent.fill("#receiver", "Tianjin licensed disposer")
    ent.set_input_files("#certificate-file", files=[_pdf("certificate.pdf", CERTIFICATE)])
    certificate = hashlib.sha256(CERTIFICATE).hexdigest()
    ent.wait_for_function(
        f"document.getElementById('certificate_sha256').value === '{certificate}'"
    )
    ent.click("#waste-submit")
    ent.wait_for_url("**/bonded-repair/waste/*")
    assert ent.locator("#certificate").inner_text() == certificate
    ent.goto(f"{base}/bonded-repair/waste?lang=en")
    assert ent.locator("#totals-2024 .hazardous-total").inner_text() == "6.000"

    ecology = _signed_in(browser, base, "br.ecology")
    ecology.goto(f"{base}/bonded-repair?lang=en")
    assert NUMBER in ecology.locator("#watch").inner_text()
    ecology.click("#waiting a[href*='status=flagged']")
    ecology.click(f"#batches a:text('{NUMBER}')")
    ecology.wait_for_selector("#review-form")
    ecology.check("#decision-accept")
    ecology.fill("#review-note", "Irreparable units re-exported under supervision")
    ecology.click("#review-submit")
    ecology.wait_for_selector("#batch-status >> text=reviewed")
    history = ecology.locator("#history").inner_text()
    assert "accept the batch" in history and "Irreparable units re-exported" in history
