"""p12 in a real browser: sign in, switch language, register, score, three departments issue."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth.service import DEMO_PASSWORD
from tests.practices.exam_certificates.factories import id_number

pytestmark = pytest.mark.browser


def _signed_in(browser: Any, base: str, username: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", DEMO_PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{base}/")
    return page


def test_register_to_issued_certificates(browser: Any, live_server: str) -> None:
    base = live_server
    page = _signed_in(browser, base, "ent.a")
    assert page.locator("h1").inner_text() == "自贸试验区第六批最佳实践案例"
    page.click("#lang-switch")
    page.wait_for_url("**lang=en")
    assert (
        page.locator("h1").inner_text()
        == "Sixth batch of Pilot Free Trade Zone best-practice cases"
    )

    page.goto(f"{base}/exam-certificates/applications/new")
    page.fill("#full_name", "Browser Candidate")
    page.fill("#id_number", id_number())
    page.select_option("#education", "3")
    page.check("#health_ok")
    # HTMX swaps the certificate list when the trade changes (htmx served locally).
    page.select_option("#trade", "welder")
    page.wait_for_selector("input[value=EM-WELD-CUT]")
    page.select_option("#trade", "electrician")
    page.wait_for_selector("input[value=EM-LV-ELEC]")
    for code in ("EM-LV-ELEC", "HR-ELEC-JR", "CW-WEAK-5"):
        page.check(f"input[value={code}]")
    page.fill("#experience_years", "3")
    page.click("#application-form button[type=submit]")
    page.wait_for_url("**/exam-certificates/applications/*")
    detail_url = page.url
    assert page.locator("#application-status").inner_text() == "checked"
    assert page.locator(".request .status-eligible").count() == 3

    exam = _signed_in(browser, base, "exam.officer")
    exam.goto(detail_url)
    exam.fill("input[name=theory_score]", "86")
    exam.fill("input[name=practical_score]", "91")
    exam.click("#scores-form button[type=submit]")
    exam.wait_for_selector("#theory:text('86')")
    assert exam.locator("#application-status").inner_text() == "已考试"

    for officer in ("emergency.officer", "hrss.officer", "housing.officer"):
        review = _signed_in(browser, base, officer)
        review.goto(f"{base}/exam-certificates/reviews")
        assert review.locator("table a", has_text="Browser Candidate").count() == 1
        review.goto(detail_url)
        review.click("button.decide")
        review.wait_for_load_state()

    page.goto(detail_url)
    assert page.locator(".certificate-number").count() == 3
    assert page.locator("#application-status").inner_text() == "decided"
    assert "IS-SO-PASS" in page.content()
