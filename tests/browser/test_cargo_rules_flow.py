"""p05 in a real browser: a shipper looks iron ore fines up by its Chinese name, reads what to
provide, and runs the moisture check twice (refused at the TML, accepted below it, with the
rule rows shown); then the MSA officer submits a drafted proposal, puts it under consideration
and adopts it, and its cargo shows the adopted status."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.cargo_rules import proposals
from ftz.practices.cargo_rules.demo import load_listed
from ftz.practices.cargo_rules.demo_people import OFFICER, ensure_staff
from ftz.practices.cargo_rules.schemas import ConditionsIn, DocumentIn, ProposalIn
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
NUMBER = "CN-DL-2098-01"


@pytest.fixture(scope="module")
def registry(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        officer = accounts.acting_as(session, OFFICER)
        load_listed(session, officer)
        proposals.create(
            session,
            principal=officer,
            data=ProposalIn(
                number=NUMBER,
                title_zh="关于萤石运输条件的提案",
                title_en="Fluorspar conditions",
                instrument="IMSBC",
                change="amend_conditions",
                proposer="辽宁海事局",
                body="IMO CCC",
                cargo="FLUORSPAR",
                target_amendment="IMSBC 07-23",
                proposed=ConditionsIn(
                    regime="imsbc",
                    imsbc_group="A",
                    tml_test="flow table test",
                    conditions_en="Moisture below the TML; trim level",
                ),
            ),
        )
        proposals.add_document(
            session,
            principal=officer,
            key=NUMBER,
            data=DocumentIn(
                symbol="CCC 11/3/1",
                title="Fluorspar conditions",
                kind="proposal",
                dated="2025-06-01",
            ),
        )
    engine.dispose()


def test_lookup_check_and_proposal(browser: Any, live_server: str, registry: None) -> None:
    base = live_server
    shipper = _signed_in(browser, base, "cgr.shipper")
    shipper.goto(f"{base}/cargo-rules?lang=en")
    shipper.fill("#q", "铁矿粉")
    shipper.click("#lookup-submit")
    shipper.locator("#results a.cargo-link").first.click()
    shipper.wait_for_url("**/cargo-rules/cargoes/IRON-ORE-FINES*")
    assert shipper.locator("#requirements tr.req-tml_certificate").count() == 1
    shipper.fill("#moisture_pct", "9.6")
    shipper.fill("#tml_pct", "9.6")
    shipper.click("#check-submit")
    shipper.wait_for_selector("#verdict")
    assert "verdict-may_not_load" in (shipper.locator("#verdict").get_attribute("class") or "")
    assert "moisture_check-4" in shipper.locator("#check-why").inner_text()
    shipper.fill("#moisture_pct", "8.1")
    shipper.click("#check-submit")
    shipper.wait_for_selector("#verdict.verdict-may_load")
    assert "moisture_check-3" in shipper.locator("#check-why").inner_text()

    officer = _signed_in(browser, base, "cgr.officer")
    officer.goto(f"{base}/cargo-rules/proposals/{NUMBER}?lang=en")
    officer.fill("#event-session", "CCC 11")
    officer.click("#event-submit")
    officer.wait_for_selector("#event-consider")
    assert officer.locator("#proposal-status").inner_text() == "submitted"
    officer.click("#event-consider")
    officer.wait_for_selector("#event-adopt")
    officer.fill("#event-note", "Adopted at MSC")
    officer.click("#event-adopt")
    officer.wait_for_selector("#proposal-status:has-text('adopted')")
    officer.click("#proposal-cargo")
    officer.wait_for_url("**/cargo-rules/cargoes/FLUORSPAR*")
    assert officer.locator("#cargo-status").inner_text() == "adopted"
    assert NUMBER in officer.locator("#status-history").inner_text()
