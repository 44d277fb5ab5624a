"""p26 in a real browser, the main flow: the judge opens a case a lawyer has already sent a
search report on, runs the three searches (legal basis, similar cases, related cases) from the
case page, answers the lawyer's report, completes the checklists and the analysis and finalizes
the report; the division chief then reads and approves it (阅核), which the case page shows."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, unit_of_work
from ftz.practices.case_handling import reporting, service
from ftz.practices.case_handling.schemas import CaseIn, SubmissionIn
from tests.browser.test_exam_certificates_flow import _signed_in
from tests.practices.case_handling.conftest import add_corpus, case_body

pytestmark = pytest.mark.browser
NUMBER = "（2026）湘1002民初9501号"


@pytest.fixture(scope="module")
def case_id(live_server: str, browser_database_url: str) -> str:
    engine = make_engine(browser_database_url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        add_corpus(session)
        judge = accounts.acting_as(session, "ch.judge")
        case = service.register(
            session, principal=judge, data=CaseIn.model_validate(case_body(NUMBER))
        )
        lawyer = accounts.acting_as(session, "ch.lawyer")
        reporting.submit(
            session,
            principal=lawyer,
            case_id=case.id,
            data=SubmissionIn(
                kind="legal_basis",
                query="举证责任",
                cited=["《民事诉讼法》第六十七条"],
                argument="被告主张已协商延期付款，应由被告举证。",
            ),
        )
        made = case.id
    engine.dispose()
    return made


def test_three_searches_answer_finalize_and_approve(
    browser: Any, live_server: str, case_id: str
) -> None:
    base = live_server
    judge = _signed_in(browser, base, "ch.judge")
    judge.goto(f"{base}/case-handling?lang=en")
    judge.locator("#my-cases a", has_text=NUMBER).click()
    judge.wait_for_selector("#search-form")
    assert judge.locator("#case-status").inner_text() == "open"
    assert judge.locator("#case-track").inner_text().startswith("full")

    judge.select_option("#search-kind", "legal_basis")
    judge.fill("#search-query", "民事诉讼法第六十七条 举证责任")
    judge.click("#search-submit")
    judge.wait_for_selector("#search-legal_basis .search-results")
    first = judge.locator("#search-legal_basis .search-results tbody tr").first
    assert "《民事诉讼法》第六十七条" in first.inner_text()
    for kind in ("similar_cases", "related_cases"):
        judge.select_option("#search-kind", kind)
        judge.fill("#search-query", "")
        judge.click("#search-submit")
        judge.wait_for_selector(f"#search-{kind} .search-results")
    assert judge.locator("#search-similar_cases .search-results tbody tr").count() >= 1
    judge.fill("#conclusion-legal_basis", "采纳：依第六十七条分配举证责任。")
    judge.click("#conclude-legal_basis")
    judge.wait_for_selector("#report-gaps")
    assert "submissions" in judge.locator("#report-gaps").inner_text()

    row = judge.locator("#submission-list tr.submission").first
    row.locator(".answer-position").select_option("adopted")
    row.locator(".answer-text").fill("予以采纳，被告应就延期付款的约定举证。")
    row.locator(".answer-submit").click()
    judge.wait_for_selector("#submission-list .status-issued")

    for select in judge.locator(".checklist-state").all():
        select.select_option("done")
    judge.click("#checklist-submit")
    judge.wait_for_selector("#analysis")
    judge.fill("#analysis", "三项检索：法律依据明确，类案裁判尺度一致，无冲突关联案件。")
    judge.click("#analysis-submit")
    judge.wait_for_selector("#finalize-submit")
    assert judge.locator("#report-gaps").count() == 0
    judge.click("#finalize-submit")
    judge.wait_for_selector("#report-final")
    assert judge.locator("#case-status").inner_text() == "report final"

    chief = _signed_in(browser, base, "ch.chief")
    chief.goto(f"{base}/case-handling?lang=en")
    chief.locator("#approval-queue a", has_text=NUMBER).click()
    chief.wait_for_selector("#approval-form")
    chief.fill("#approval-note", "三项检索完整，同意签发。")
    chief.click("#approve-submit")
    chief.wait_for_selector("#reviews .review")
    assert chief.locator("#case-status").inner_text() == "approved"
    assert chief.locator("#reviews .review-outcome").first.inner_text() == "approved"
    chief.goto(f"{base}/case-handling/cases/{case_id}/report?lang=en")
    assert "三项检索完整" in chief.content()
