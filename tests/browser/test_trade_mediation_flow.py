"""p19 in a real browser: an enterprise applies, the mediator runs the case, the foreign
respondent signs with a one-time code, the notary notarizes."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.trade_mediation.demo import ensure_staff
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def test_mediation_in_the_browser(browser: Any, live_server: str, staff: None) -> None:
    base = live_server
    applicant = _signed_in(browser, base, "ent.a")
    applicant.goto(f"{base}/trade-mediation/cases/new?lang=en")
    applicant.select_option("#dispute_type", "ip_license")
    applicant.fill("#summary", "Licence for Korea only; sold elsewhere")
    applicant.fill("#amount_cny", "800000")
    applicant.fill("#respondent_name", "K-Brand Co.")
    applicant.fill("#respondent_country", "KR")
    applicant.click("#case-form button[type=submit]")
    applicant.wait_for_url("**/trade-mediation/cases/*")
    case_url = applicant.url

    mediator = _signed_in(browser, base, "mediator")
    mediator.goto(case_url)
    mediator.click("#act-accept")
    mediator.wait_for_selector("#act-session")
    mediator.click("#act-session")
    mediator.wait_for_selector("#agreement-form")
    mediator.fill("#terms-input", "K-Brand pays 500,000 CNY and signs a licence for the rest.")
    mediator.fill("#payment_cny", "500000")
    mediator.check("input[name=enforcement_consent]")
    mediator.click("#agreement-form button[type=submit]")
    mediator.wait_for_selector("#act-code")
    mediator.click("#act-code")
    code = mediator.locator("#signing-code").inner_text()

    applicant.goto(case_url)
    applicant.fill("input[name=name]", "Legal representative")
    applicant.click("#act-sign")
    applicant.wait_for_load_state()

    respondent = browser.new_context().new_page()
    respondent.goto(case_url.replace("/cases/", "/sign/") + "?lang=en")
    respondent.fill("#sign-name", "Kim")
    respondent.fill("#sign-code", code)
    respondent.click("#sign-form button[type=submit]")
    respondent.wait_for_selector("#confirm")
    assert "500,000" in respondent.locator("#terms").inner_text()
    respondent.check("#confirm")
    respondent.click("#confirm-sign")
    respondent.wait_for_selector("#signed")

    notary = _signed_in(browser, base, "notary")
    notary.goto(case_url)
    notary.click("#act-notarize")
    notary.wait_for_selector("#notarial-number")
    assert notary.locator("#case-status").inner_text() == "已公证"
