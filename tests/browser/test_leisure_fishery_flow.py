"""p17 in a real browser: the operator files a catch report over the grouper limit on the report
form, sees it flagged with the rule row; the fishery officer finds it in the queue of flagged
reports, reads why and records the action taken; then allocates indicators to Lingao on the
indicators page and sees the allocation in the table."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.leisure_fishery import allocations, indicators, licences, service
from ftz.practices.leisure_fishery.demo import OFFICER, OPERATOR_A, ensure_staff
from ftz.practices.leisure_fishery.reference import today
from ftz.practices.leisure_fishery.schemas import (
    InspectionIn,
    InsuranceIn,
    LicenceIn,
    SafetyOfficerIn,
    VesselIn,
)
from tests.browser.test_exam_certificates_flow import _signed_in

pytestmark = pytest.mark.browser
NAME = "浏览器测试1号"


@pytest.fixture(scope="module")
def vessel_id(live_server: str, browser_database_url: str) -> str:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        ensure_staff(session)
        officer = accounts.acting_as(session, OFFICER)
        operator = accounts.acting_as(session, OPERATOR_A)
        year, day = today().year, today()
        allocations.set_quota(
            session,
            principal=officer,
            year=year,
            total=indicators.Amount(20, 3_000_000, 240),
            note="browser",
        )
        allocations.allocate(
            session,
            principal=officer,
            year=year,
            code="460200",
            amount=indicators.Amount(2, 300_000, 24),
            note="browser",
        )
        vessel = service.create_vessel(
            session,
            principal=operator,
            data=VesselIn(
                name=NAME,
                registration_no="琼三亚休B0001",
                length_m=Decimal("13.5"),
                power_kw=Decimal("110"),
                passenger_capacity=10,
                home_port="崖州中心渔港",
                area_code="460200",
            ),
        )
        service.record_inspection(
            session,
            principal=officer,
            vessel_id=vessel.id,
            data=InspectionIn(
                kind="annual", inspected_on=day - timedelta(days=5), inspector="检验员"
            ),
        )
        service.add_safety_officer(
            session,
            principal=operator,
            vessel_id=vessel.id,
            data=SafetyOfficerIn(
                name="林海",
                certificate_no="AQ-B0001",
                valid_from=day - timedelta(days=30),
                valid_to=day + timedelta(days=300),
            ),
        )
        service.add_insurance(
            session,
            principal=operator,
            vessel_id=vessel.id,
            data=InsuranceIn(
                policy_no="P-B0001",
                insurer="人保",
                cover="passenger_accident",
                sum_insured_yuan=5_000_000,
                seats=10,
                starts_on=day - timedelta(days=30),
                expires_on=day + timedelta(days=300),
            ),
        )
        licences.issue(
            session,
            principal=officer,
            data=LicenceIn(
                vessel_id=vessel.id,
                valid_from=day - timedelta(days=2),
                valid_to=day + timedelta(days=300),
                sea_areas=["460200"],
                gear=["rod"],
                gear_units=8,
            ),
        )
        found = vessel.id
    engine.dispose()
    return found


def test_over_limit_report_flagged_reviewed_and_allocation(
    browser: Any, live_server: str, vessel_id: str
) -> None:
    base = live_server
    operator = _signed_in(browser, base, OPERATOR_A)
    operator.goto(f"{base}/leisure-fishery/vessels/{vessel_id}?lang=en")
    assert operator.locator("#sailing .status-issued").first.inner_text() == "yes"
    operator.click("text=File a catch report")
    operator.wait_for_url("**/catch-reports/new*")
    operator.fill("#anglers", "2")
    operator.fill("#crew", "1")
    operator.select_option("#species_0", "grouper")
    operator.fill("#count_0", "12")
    operator.fill("#weight_kg_0", "14")
    operator.fill("#min_length_cm_0", "30")
    operator.click("#report-submit")
    operator.wait_for_url("**/catch-reports/*")
    assert "over limit" in operator.locator("#report-flags").inner_text()
    assert "CS-GROUPER-PP" in operator.locator("#why").inner_text()
    report_url = operator.url.split("?")[0]

    officer = _signed_in(browser, base, OFFICER)
    officer.goto(f"{base}/leisure-fishery/catch-reports?lang=en")
    officer.click("#awaiting")
    officer.wait_for_url("**flagged=yes**")
    row = officer.locator("#reports tr.flagged", has_text=NAME)
    assert row.count() == 1
    row.locator("a").first.click()
    officer.wait_for_url(report_url + "*")
    assert "more than 5 per angler" in officer.locator("#why").inner_text()
    officer.fill("#note", "Told the crew to release the extra groupers; warned the operator")
    officer.click("#review-submit")
    officer.wait_for_selector("#review-note")
    assert officer.locator("#report-status").inner_text() == "reviewed"

    officer.goto(f"{base}/leisure-fishery/indicators?lang=en")
    officer.select_option("#allocate-area", "469024")
    officer.fill("#allocate-vessels", "3")
    officer.fill("#allocate-power", "450")
    officer.fill("#allocate-gear", "36")
    officer.click("#allocate-submit")
    officer.wait_for_url("**/indicators?year=*")
    assert officer.locator("#area-469024 .allocated").inner_text() == "3"
    assert officer.locator("#area-460200 .used").inner_text() == "1"
    assert "15 vessels" in officer.locator("#unallocated").inner_text()
