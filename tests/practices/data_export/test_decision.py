"""p01 export-path decision: golden cases, trace, validation, art. 9 dates, cumulative counts."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

from ftz.core.kit.errors import FtzError
from ftz.core.rules import load_golden, run_case
from ftz.practices.data_export.decision import (
    RULES,
    assess,
    assessment_expiry,
    cumulative_counts,
    extension_window,
    in_extension_window,
    rules,
)
from ftz.practices.data_export.decision_schemas import ScenarioIn
from ftz.practices.data_export.workdays import CalendarGapError, is_working_day

CASES = load_golden(RULES)


def scenario(**changes: Any) -> dict[str, Any]:
    """A non-CIIO, non-FTZ export of nothing in particular; `changes` set nested keys."""
    base: dict[str, Any] = {
        "exporter": {"ciio": False, "ftz": None},
        "purpose": "other",
        "data": {
            "personal_info": False,
            "important_data": False,
            "collected_abroad": False,
            "trade_transport_academic_manufacturing": False,
            "on_negative_list": None,
        },
        "individuals_since_jan1": {"personal_info": 0, "sensitive_personal_info": 0},
    }
    for dotted, value in changes.items():
        *path, last = dotted.split("__")
        target = base
        for part in path:
            target = target[part]
        target[last] = value
    return base


# -- golden cases ---------------------------------------------------------------------------


def test_golden_file_covers_every_decision() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert sum(case.decision == "export_path.json" for case in CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_a_wrong_expectation_is_reported() -> None:
    case = CASES[0]
    broken = type(case)(
        name="broken", decision=case.decision, input=case.input, expect={"mechanism": "nope"}
    )
    assert run_case(rules(), broken) is not None


# -- articles and trace ---------------------------------------------------------------------


def test_standard_contract_trace_shows_why_no_exemption_then_art8() -> None:
    result = assess(
        scenario(data__personal_info=True, individuals_since_jan1__personal_info=150_000)
    )
    assert result.mechanism == "standard_contract_or_certification"
    assert result.articles == ["art8"]
    assert [row.row_id for row in result.trace] == ["EX-NONE", "SC-PI-100K"]
    assert [row.decisive for row in result.trace] == [False, True]
    for row in result.trace:
        assert row.reason_zh and row.reason_en and row.table
        assert row.citation.startswith("《促进和规范数据跨境流动规定》第")
    assert result.trace[1].citation.endswith("第八条")
    assert result.validity["valid_years"] is None
    assert "no fixed term" in result.validity["reason_en"]


def test_exemption_trace_is_the_one_exempting_row() -> None:
    result = assess(
        scenario(
            purpose="contract_with_individual",
            data__personal_info=True,
            individuals_since_jan1__sensitive_personal_info=50_000,
        )
    )
    assert (result.mechanism, result.articles) == ("exempt", ["art5"])
    assert [(row.row_id, row.provision) for row in result.trace] == [("EX-ART5-1", "art5(1)")]
    assert result.trace[0].citation.endswith("第五条第一项")


def test_unknown_negative_list_status_is_explained() -> None:
    result = assess(
        scenario(
            exporter__ftz="tianjin",
            data__personal_info=True,
            individuals_since_jan1__personal_info=2_000_000,
        )
    )
    assert result.mechanism == "security_assessment"
    assert result.trace[0].row_id == "EX-NONE-FTZ-UNKNOWN"
    assert result.validity["valid_years"] == 3
    assert result.validity["citation"].endswith("第九条")


def test_to_dict_shape_and_model_input() -> None:
    model = ScenarioIn.model_validate(scenario(data__important_data=True))
    out = assess(model).to_dict()
    assert set(out) == {"mechanism", "articles", "trace", "validity"}
    assert out["mechanism"] == "security_assessment" and out["articles"] == ["art7"]
    assert out["trace"][-1]["row_id"] == "SA-IMPORTANT"
    assert out["trace"][-1]["provision"] == "art7(2)"


STRICTNESS = {"exempt": 0, "standard_contract_or_certification": 1, "security_assessment": 2}


def test_every_combination_is_decided_and_precedence_holds() -> None:
    grid = itertools.product(
        [False, True], [None, "beijing"], ["contract_with_individual", "other"],
        [False, True], [False, True], [False, True], [None, True, False],
        [0, 99_999, 100_000, 1_000_000], [0, 1, 10_000],
    )  # fmt: skip
    for ciio, ftz, purpose, pi, important, abroad, listed, n, s in grid:
        case = scenario(
            exporter__ciio=ciio, exporter__ftz=ftz, purpose=purpose, data__personal_info=pi,
            data__important_data=important, data__collected_abroad=abroad,
            data__on_negative_list=listed, individuals_since_jan1__personal_info=n,
            individuals_since_jan1__sensitive_personal_info=s,
        )  # fmt: skip
        result = assess(case)
        provision = result.trace[-1].provision
        art6 = ftz is not None and listed is False
        if important and not art6:
            assert result.mechanism == "security_assessment", case
        if ciio and (pi or n or s) and result.mechanism == "exempt":
            assert provision in {"art4", "art5(1)", "art6"}, case
        if provision == "art5(4)":
            assert not ciio and not important and s == 0 and n < 100_000, case
        if art6:
            assert result.mechanism == "exempt", case


def test_more_individuals_never_loosen_the_mechanism() -> None:
    counts = [0, 99_999, 100_000, 999_999, 1_000_000]
    for sensitive in [0, 1, 9_999, 10_000]:
        levels = [
            STRICTNESS[assess(scenario(data__personal_info=True,
                                       individuals_since_jan1__personal_info=n,
                                       individuals_since_jan1__sensitive_personal_info=sensitive)
                              ).mechanism]
            for n in counts
        ]  # fmt: skip
        assert levels == sorted(levels)


# -- input validation -----------------------------------------------------------------------


def _fields(bad: dict[str, Any]) -> set[str]:
    with pytest.raises(FtzError) as caught:
        assess(bad)
    assert caught.value.status == 422
    return {problem.field for problem in caught.value.errors}


def test_unknown_keys_are_refused_with_their_path() -> None:
    assert _fields({**scenario(), "volume": 3}) == {"volume"}
    assert _fields(scenario(data__importantdata=True)) == {"data.importantdata"}


def test_negative_counts_and_bad_ftz_are_refused() -> None:
    bad = scenario(exporter__ftz="shenzhen", individuals_since_jan1__sensitive_personal_info=-1)
    assert _fields(bad) == {"exporter.ftz", "individuals_since_jan1.sensitive_personal_info"}


def test_strings_are_not_booleans_and_keys_are_required() -> None:
    bad = scenario(exporter__ciio="false")
    del bad["data"]["on_negative_list"]
    assert _fields(bad) == {"exporter.ciio", "data.on_negative_list"}


# -- art. 9 validity dates ------------------------------------------------------------------


def test_assessment_is_valid_three_years() -> None:
    assert assessment_expiry(date(2024, 3, 22)) == date(2027, 3, 22)
    assert assessment_expiry(date(2024, 2, 29)) == date(2027, 2, 28)


def test_calendar_knows_holidays_and_adjusted_workdays() -> None:
    assert not is_working_day(date(2026, 2, 16))  # Monday in the Spring Festival
    assert is_working_day(date(2026, 2, 28))  # Saturday made a working day
    assert not is_working_day(date(2025, 10, 8))  # Wednesday, National Day and Mid-Autumn
    assert is_working_day(date(2025, 9, 28))  # Sunday made a working day


def test_extension_window_across_spring_festival() -> None:
    # Counted by hand: 14 working days in March 2026 up to the 19th, 16 in February (incl.
    # Sat 14th and 28th, without 16-23), 21 in January (incl. Sun 4th, without 1-2), then 9
    # back from 31 December 2025.
    approved = date(2023, 3, 20)
    assert extension_window(approved) == (date(2025, 12, 19), date(2026, 3, 19))
    assert in_extension_window(approved, date(2025, 12, 19))
    assert not in_extension_window(approved, date(2025, 12, 18))
    assert in_extension_window(approved, date(2026, 2, 18))
    assert not in_extension_window(approved, date(2026, 3, 20))  # the expiry day itself


def test_extension_window_across_national_day() -> None:
    # 13 working days in November 2025, 18 in October (9th-11th, 13th-31st), 23 in September
    # (incl. Sun 28th), then 6 back from 29 August.
    assert extension_window(date(2022, 11, 20)) == (date(2025, 8, 22), date(2025, 11, 19))


def test_a_year_without_an_official_notice_is_refused() -> None:
    with pytest.raises(CalendarGapError):
        extension_window(date(2024, 6, 1))  # expires in 2027


# -- cumulative counts ----------------------------------------------------------------------


def test_cumulative_counts_stop_at_the_year_boundary() -> None:
    filings = [
        (date(2024, 12, 31), 100, 5),
        (date(2025, 1, 1), 10, 1),
        (date(2025, 6, 30), 20, 0),
        (date(2026, 1, 1), 1_000, 1_000),
    ]
    assert cumulative_counts(filings, 2025) == (30, 1)
    assert cumulative_counts(filings, 2024) == (100, 5)
    assert cumulative_counts([], 2025) == (0, 0)
    with pytest.raises(FtzError):
        cumulative_counts([(date(2025, 1, 2), -1, 0)], 2025)
