"""p03 in a real browser: an admitted enterprise enters a batch with its pre-inspection
fingerprint, reports a final outcome above 5 % of the quantity, sees the verdict with the reading
and the row that fired, and the officer's dashboard lists the batch to watch."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.bonded_repair import service
from ftz.practices.bonded_repair.demo import _who, ensure_staff
from ftz.practices.bonded_repair.schemas import AdmissionIn, DecisionIn
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
NUMBER = "TJBR-B-0001"


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        made = service.apply(session, principal=_who(session, "br.ent.a"), data=AdmissionIn(
            business="保税维修", high_tech=True, value_added_pct=180, toxic_air=False,
            toxic_water=False, risk_level="general", documents_complete=True,
            permits_complete=True))  # fmt: skip
        service.decide(session, principal=_who(session, "br.customs"), admission_id=made.id,
                       data=DecisionIn(event="admit"))  # fmt: skip
    engine.dispose()


def test_batch_exceeding_the_limit(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    ent = _signed_in(browser, base, "br.ent.a")
    ent.goto(f"{base}/bonded-repair/batches?lang=en")
    ent.fill("#number", NUMBER)
    ent.fill("#goods", "Fuel control unit")
    ent.fill("#quantity", "100")
    ent.fill("#value_cny", "1000000")
    ent.fill("#preinspection_sha256", "a" * 64)
    ent.click("#batch-submit")
    ent.wait_for_url("**/bonded-repair/batches/*")
    assert ent.locator("#batch-status").inner_text() == "open"
    ent.fill("#repaired_qty", "94")
    ent.fill("#irreparable_qty", "6")
    ent.fill("#irreparable_value_cny", "10000")
    ent.check("#final")
    ent.click("#outcome-submit")
    ent.wait_for_selector("#verdict")
    assert ent.locator("#verdict").inner_text() == "exceeded"
    assert "IR-BOTH-QTY" in ent.locator("#why").inner_text()
    assert ent.locator("#reading").inner_text() != ""

    officer = _signed_in(browser, base, "br.ecology")
    officer.goto(f"{base}/bonded-repair?lang=en")
    assert NUMBER in officer.locator("#watch").inner_text()
