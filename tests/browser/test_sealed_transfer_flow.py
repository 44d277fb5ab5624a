"""p18 in a real browser, each step by its owner on the case page: the court registers a case
(a mistake first, shown on its row) and screens it, the notary drafts the agreement, the
parties consent (the bank and the debtor on their accounts, the applicant witnessed by the
notary), the notary notarizes it, the court approves the sale in sealed status, buyer and
seller sign, the buyer pays into escrow, the notary certifies the escrow and applies for
registration, the registration centre transfers the title while sealed, the notary pays the
creditors in the agreed order and the debtor the remainder, the court lifts the seal and closes
the case."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.domain.parties.identity import make_resident_id
from ftz.practices.sealed_transfer.demo import ensure_staff, uscc_of
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
NUMBER = "(2025)鲁0102执0808号"


@pytest.fixture(scope="module")
def staff(live_server: str, browser_database_url: str) -> None:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
    engine.dispose()


def _register(page: Any, base: str) -> str:
    today = date.today()
    page.goto(f"{base}/sealed-transfer/cases/new?lang=en")
    fields = {
        "#number": NUMBER,
        "#registered_on": (today - timedelta(days=200)).isoformat(),
        "#judgment": "600000.00",
        "#property_certificate_no": "鲁(2019)济南市不动产权第0808080号",
        "#property_address": "历下区泉城路8号2单元802室",
        "#property_area_m2": "96.40",
        "#property_appraised_value": "2000000.00",
        "#property_appraised_on": (today - timedelta(days=20)).isoformat(),
        "#seal-1-court_name": "济南市历下区人民法院",
        "#seal-1-order_no": "(2025)鲁0102执0808号之一",
        "#seal-1-sealed_on": (today - timedelta(days=180)).isoformat(),
        "#seal-1-expires_on": (today + timedelta(days=900)).isoformat(),
        "#party-1-name": "孙浩",
        "#party-1-id_number": make_resident_id("370100", date(1990, 5, 6), 11),
        "#party-1-claim": "600000.00",
        "#party-2-name": "山东鲁中示范贸易有限公司",
        "#party-2-id_number": uscc_of(2),
        "#party-2-account": "st.debtor",
        "#party-3-name": "济南示范农村商业银行",
        "#party-3-id_number": "913701021234",
        "#party-3-account": "st.bank",
        "#party-3-claim": "800000.00",
        "#party-3-secured_on": (today - timedelta(days=1500)).isoformat(),
    }
    for selector, value in fields.items():
        page.fill(selector, value)
    page.select_option("#party-2-kind", "organization")
    page.select_option("#party-3-kind", "organization")
    page.select_option("#party-1-claim_basis", "seal")
    page.select_option("#party-3-claim_basis", "mortgage")
    page.click("#case-submit")
    page.wait_for_selector("[role=alert]")
    assert "party 3 · id_number" in page.locator("[role=alert]").inner_text()
    assert page.input_value("#party-3-name") == "济南示范农村商业银行"
    page.fill("#party-3-id_number", uscc_of(1))
    page.click("#case-submit")
    page.wait_for_selector("#progress")
    return str(page.url.rsplit("/", 1)[1].split("?")[0].split("#")[0])


def _step(
    page: Any, url: str, path: str, fill: dict[str, str] | None = None, pick: str = ""
) -> None:
    page.goto(url)
    for selector, value in (fill or {}).items():
        page.fill(selector, value)
    if pick:  # an option of the form's select, by its text
        page.select_option(f"#form-{path} select", label=pick)
    page.click(f"#submit-{path}")
    page.wait_for_selector("#step-log")
    assert page.locator("[role=alert]").count() == 0, page.locator("[role=alert]").inner_text()


def test_court_screens_notary_settles_title_moves_seal_lifted(
    browser: Any, live_server: str, staff: None
) -> None:
    base = live_server
    court = _signed_in(browser, base, "st.court")
    case_id = _register(court, base)
    url = f"{base}/sealed-transfer/cases/{case_id}?lang=en"
    assert court.locator("#case-status").inner_text() == "on file"
    _step(court, url, "screen")
    assert court.locator("#case-status").inner_text() == "settling"

    notary = _signed_in(browser, base, "st.notary")
    notary.goto(f"{base}/sealed-transfer?lang=en")
    notary.click(f"text={NUMBER}")
    _step(notary, url, "agreement", {"#agreement_no": "(2025)鲁济明证民字第0808号"})
    _step(notary, url, "consents", pick="孙浩 (applicant)")  # witnessed by the notary
    for party in ("st.bank", "st.debtor"):
        _step(_signed_in(browser, base, party), url, "consents")
    _step(notary, url, "notarize-agreement")
    assert notary.locator("#case-status").inner_text() == "notarized"

    _step(court, url, "approve", {"#document_no-approve": "(2025)鲁0102执0808号之二"})
    assert court.locator("#price-verdict").inner_text() == "ok"
    _step(
        notary,
        url,
        "contract",
        {
            "#contract_no": "JNFW-2025-0808",
            "#mandate_no": "(2025)鲁济明证民字第0809号",
            "#escrow_account": "3701 0102 8800 0000 188",
            "#buyer_name": "王明",
            "#buyer_id_number": make_resident_id("370100", date(1992, 3, 4), 21),
            "#buyer_account": "st.buyer",
        },
    )
    buyer = _signed_in(browser, base, "st.buyer")
    _step(buyer, url, "signatures")
    _step(_signed_in(browser, base, "st.debtor"), url, "signatures")
    _step(notary, url, "notarize-contract")
    _step(buyer, url, "deposits", {"#deposit-reference": "ICBC-20250808-01"})
    assert buyer.locator("#escrow-balance").inner_text() == "2,000,000.00"
    _step(
        notary,
        url,
        "escrow-certificate",
        {"#certificate_no-escrow-certificate": "(2025)提字第0808号"},
    )
    _step(notary, url, "registration")

    registry = _signed_in(browser, base, "st.registry")
    _step(
        registry, url, "transfer", {"#certificate_no-transfer": "鲁(2025)济南市不动产权第0909090号"}
    )
    assert registry.locator("#new-certificate").inner_text() == "鲁(2025)济南市不动产权第0909090号"
    assert (
        registry.locator("#seals .seal-state").inner_text() == "sealed"
    )  # transferred while sealed

    for n in (1, 2):  # the agreed order: the mortgagee bank first, then the applicant
        _step(notary, url, "payouts", {"#payout-reference": f"PAY-0808-{n}"})
    _step(notary, url, "remainder", {"#remainder-reference": "REM-0808"})
    _step(notary, url, "paid")
    assert notary.locator("#escrow-balance").inner_text() == "0.00"

    _step(court, url, "lift-seal", {"#document_no-lift-seal": "(2025)鲁0102执0808号之三"})
    _step(court, url, "close")
    assert court.locator("#case-status").inner_text() == "closed"
    assert court.locator("#seals .seal-state").inner_text() == "lifted"
    paid = court.locator("#parties .paid").all_inner_texts()
    assert "800,000.00" in paid and "600,000.00" in paid
    assert court.locator("#step-log tbody tr").count() >= 20
    assert court.locator("#no-actions").count() == 1
