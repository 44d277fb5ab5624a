"""p28 pieces without a database: the clause-level diff, the HS 2022 check, China's working
days and the SLA arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from ftz.core.kit.errors import FtzError
from ftz.practices.certification_one_stop import diffing, hs_codes, sla, workdays

OLD = """本标准规定家用电冰箱的安全要求。
1 范围 适用于额定电压不超过 250 V 的器具。
4.2 年耗电量 E ≤ 450 kWh/a。
5 标签 应贴于箱体正面。
6 试验方法 按 MS IEC 62552-3:2015。"""
NEW = """本标准规定家用电冰箱的安全要求。
1 范围 适用于额定电压不超过 250 V 的器具。
4.2 年耗电量 E ≤ 420 kWh/a。
6 试验方法 按 MS IEC 62552-3:2020，
  并记录环境温度。
7 抑菌性能 抑菌率不低于 90%。"""


def test_clauses_are_split_by_number_and_continued() -> None:
    found = diffing.clauses(NEW)
    assert list(found) == ["0", "1", "4.2", "6", "7"]
    assert found["6"] == "试验方法 按 MS IEC 62552-3:2020， 并记录环境温度。"


def test_compare_finds_changed_added_removed_clauses() -> None:
    diff = diffing.compare(OLD, NEW)
    assert diff["counts"] == {"changed": 2, "added": 1, "removed": 1, "unchanged": 2}
    kinds = {c["clause"]: c["kind"] for c in diff["changes"]}
    assert kinds == {"4.2": "changed", "5": "removed", "6": "changed", "7": "added"}
    energy = next(c for c in diff["changes"] if c["clause"] == "4.2")
    assert energy["edits"] == [{"op": "replace", "old": "450", "new": "420"}]
    assert 0.8 < energy["ratio"] < 1
    lines = diffing.summary(diff).splitlines()
    assert lines[0] == "2 changed, 1 added, 1 removed, 2 unchanged"
    assert "4.2 changed: 450 → 420" in lines
    assert any(line.startswith("5 removed: 标签") for line in lines)
    assert any(line.startswith("7 added: 抑菌性能") for line in lines)


def test_identical_texts_and_a_first_version() -> None:
    same = diffing.compare(OLD, OLD)
    assert same["changes"] == [] and same["counts"]["unchanged"] == 5
    first = diffing.first_version(OLD)
    assert first["counts"]["added"] == 5 and first["counts"]["changed"] == 0


@pytest.mark.parametrize(
    ("code", "normal"),
    [("8418", "8418"), ("8418.21", "841821"), ("8418 21 1000", "8418211000"), ("25", "25")],
)
def test_valid_hs_codes(code: str, normal: str) -> None:
    assert hs_codes.check(code) == normal


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("841", "an HS code is 2, 4, 6, 8 or 10 digits"),
        ("84A8", "an HS code is 2, 4, 6, 8 or 10 digits"),
        ("77", "chapter 77 does not exist in HS 2022"),
        ("9999", "chapter 99 does not exist in HS 2022"),
        ("8499", "heading 8499 does not exist in HS 2022"),
        ("841877", "subheading 841877 does not exist in HS 2022"),
        # domain/hs names only the code's own level; p28 names the highest missing one
        ("8499 10 0000", "heading 8499 does not exist in HS 2022"),
        ("77010000", "chapter 77 does not exist in HS 2022"),
        # domain/hs also reads hyphens and section numerals; p28 takes digits, dots and spaces
        ("8418-21", "an HS code is 2, 4, 6, 8 or 10 digits"),
        ("XVI", "an HS code is 2, 4, 6, 8 or 10 digits"),
        ("", "an HS code is 2, 4, 6, 8 or 10 digits"),
    ],
)
def test_invalid_hs_codes_name_the_field_and_reason(code: str, reason: str) -> None:
    with pytest.raises(FtzError) as caught:
        hs_codes.check(code, "value")
    assert caught.value.status == 422
    assert caught.value.errors[0].field == "value" and caught.value.errors[0].reason == reason


def test_working_days_follow_chinas_calendar() -> None:
    # 2025-09-30 (Tue) + 3 working days: Oct 1–8 are the National Day holiday, 9, 10, 11 (a
    # Saturday made a working day) count.
    assert workdays.add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)
    assert workdays.working_days_between(date(2025, 9, 30), date(2025, 10, 11)) == 3
    assert workdays.is_working_day(date(2025, 9, 28))  # a Sunday made a working day
    assert not workdays.is_working_day(date(2025, 10, 3))
    assert workdays.calendar_complete(date(2025, 1, 1), date(2026, 12, 31))
    assert not workdays.calendar_complete(date(2026, 12, 1), date(2027, 1, 31))


def test_due_dates_by_day_kind() -> None:
    assert sla.due_date(date(2025, 9, 20), 30, "calendar") == date(2025, 10, 20)
    # 20 working days from 2025-09-20 (Sat): Sep 22–26, Sep 28 (a working Sunday), 29, 30; the
    # holiday Oct 1–8; Oct 9, 10, 11 (a working Saturday), 13–17, 20–23.
    assert sla.due_date(date(2025, 9, 20), 20, "working") == date(2025, 10, 23)
    assert sla.days_used(date(2025, 9, 20), date(2025, 10, 23), "working") == 20


def test_edits_close_together_read_as_one_replacement() -> None:
    old = "碘含量为 50 mg/kg 至 80 mg/kg。"
    new = "碘含量为 30 mg/kg 至 50 mg/kg。"
    assert diffing.edits(old, new) == [
        {"op": "replace", "old": "50 mg/kg至80 mg/kg", "new": "30 mg/kg至50 mg/kg"}
    ]
    far = diffing.edits("A 1 b c d e f g 2", "A 9 b c d e f g 8")
    assert [(e["old"], e["new"]) for e in far] == [("1", "9"), ("2", "8")]
