"""p16 in a real browser: a club files a night sailing report whose route leaves the night-
navigation zone and sees it flagged with the segment and time; the maritime officer finds it on
the dispatch board and records a warning; then a buyer files a one-application transfer with a
committed document, the seller consents and the officer accepts and completes it within the
7-working-day limit."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work, utcnow
from ftz.practices.yacht_services import yachts
from ftz.practices.yacht_services.common import local
from ftz.practices.yacht_services.demo import ensure_staff, who
from ftz.practices.yacht_services.schemas import YachtIn
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
CHANNEL = [[109.5010, 18.2450], [109.4975, 18.2405], [109.4860, 18.2372], [109.4700, 18.2350]]
OUTSIDE = [*CHANNEL, [109.4400, 18.2450], [109.4100, 18.2150], [109.4400, 18.2450], *CHANNEL[::-1]]


def _yacht(n: int, owner: str, usage: str) -> YachtIn:
    return YachtIn(
        owner_org_code=owner,
        name_zh=f"浏览器{n}号",
        hull_id=f"CN-BRW{n:05d}H324",
        registration_no=f"460097{n:06d}",
        length_m=Decimal("16"),
        capacity=12,
        usage=usage,
        owner_name="船东",
        home_port="SY-VISUN",
        registration_cert_no=f"SYO9{n:04d}",
        nationality_cert_no=f"SYN9{n:04d}",
        nationality_cert_expiry=date(2030, 1, 1),
        survey_cert_no=f"SYJ9{n:04d}",
        survey_cert_expiry=date(2035, 1, 1),
        rental_filed=usage == "rental",
        night_certified=True,
    )


@pytest.fixture(scope="module")
def fleet(live_server: str, browser_database_url: str) -> dict[str, str]:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        officer = who(session, "ys.maritime")
        club = yachts.register(session, principal=officer, data=_yacht(1, "ys-club", "rental"))
        sold = yachts.register(session, principal=officer, data=_yacht(2, "ys-owner", "private"))
        found = {"club": club.id, "sold": sold.registration_no}
    engine.dispose()
    return found


def test_night_report_flagged_and_transfer_completed(
    browser: Any, live_server: str, fleet: dict[str, str]
) -> None:
    base = live_server
    club = _signed_in(browser, base, "ys.club")
    club.goto(f"{base}/yacht-services/sailings/new?lang=en")
    evening = local(utcnow() + timedelta(days=1)).replace(hour=19, minute=0)
    club.select_option("#yacht_id", fleet["club"])
    club.fill("#captain_name", "Wang Hai")
    club.fill("#captain_cert_no", "HN20240001")
    club.select_option("#marina", "SY-VISUN")
    club.fill("#depart_at", evening.strftime("%Y-%m-%dT%H:%M"))
    club.fill("#return_at", evening.replace(hour=21).strftime("%Y-%m-%dT%H:%M"))
    club.fill("#crew", "2")
    club.check("#lookout_aboard")
    club.fill("#route", "\n".join(f"{lon}, {lat}" for lon, lat in OUTSIDE))
    club.fill("#passengers", "Anna Berg, SWE, passport, AB1234567")
    club.click("#sailing-submit")
    club.wait_for_url("**/yacht-services/sailings/*")
    assert "left night zone" in club.locator("#flags").inner_text()
    assert club.locator("#period").inner_text() == "night"
    segment = club.locator("#excursions tbody tr").first.inner_text()
    assert evening.strftime("%Y-%m-%d 19:") in segment
    assert club.locator("svg#map path.outside").count() == 1
    assert "…4567" in club.locator("#passengers").inner_text()
    number = club.locator("h1").inner_text().split()[0]

    officer = _signed_in(browser, base, "ys.maritime")
    officer.goto(f"{base}/yacht-services?lang=en")
    assert number in officer.locator("#flagged").inner_text()
    officer.click(f"#flagged >> text={number}")
    officer.wait_for_selector("#review-form")
    assert "SF-LEFT-ZONE" in officer.locator("#why").inner_text()
    officer.select_option("#disposition-select", "warned")
    officer.fill("#review-note", "Left the night zone: warned")
    officer.click("#review-submit")
    officer.wait_for_selector("#disposition")
    assert officer.locator("#disposition").inner_text().startswith("warned")

    buyer = _signed_in(browser, base, "ys.buyer")
    buyer.goto(f"{base}/yacht-services/transfers/new?lang=en")
    buyer.fill("#registration_no", fleet["sold"])
    buyer.fill("#new_name_zh", "蓝湾浏览器号")
    buyer.fill("#new_owner_name", "Blue Bay Yacht Rental")
    buyer.select_option("#new_home_port", "SY-PHOENIX")
    for n, row in enumerate(buyer.locator("#documents tbody tr").all()):
        code = row.locator("select").get_attribute("name").removeprefix("mode_")
        if code == "tax_receipt":
            row.locator("select").select_option("committed")
        else:
            buyer.fill(f"#sha256_{code}", f"{n + 1:064x}")
    buyer.click("#transfer-submit")
    buyer.wait_for_url("**/yacht-services/transfers/*")
    case_url = buyer.url
    assert buyer.locator("#transfer-status").inner_text() == "submitted"

    seller = _signed_in(browser, base, "ys.owner")
    seller.goto(case_url + "?lang=en")
    seller.click("#event-consent")
    seller.wait_for_selector("#transfer-status")
    assert seller.locator("#transfer-status").inner_text() == "consented"

    officer.goto(case_url + "?lang=en")
    officer.click("#event-accept")
    officer.wait_for_selector("#event-complete")
    officer.click("#event-complete")
    officer.wait_for_selector("#new-certificate")
    assert officer.locator("#transfer-status").inner_text() == "completed"
    assert officer.locator("#sla").inner_text().startswith("met")
    assert officer.locator("#elapsed").inner_text().startswith("0")
