"""Validation of the numbers an achievement carries, where a rule exists to check them.

Chinese patent application numbers (CNIPA standard ZC 0006-2003): since 2003, 12 digits (year,
type, 7-digit serial) and a check character after a dot; before, 8 digits (2-digit year, type,
5-digit serial). The check is Σ dᵢ·wᵢ mod 11 with weights 2,3,4,5,6,7,8,9,2,3,4,5 (the first 8
for the old form), 10 written X. A granted patent's number is "ZL" + the application number.
Software copyright registrations are numbered year + "SR" + serial (no check digit)."""

from __future__ import annotations

import re
from dataclasses import dataclass

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
PATENT_TYPES = {"1": "invention", "2": "utility_model", "3": "design", "8": "invention",
                "9": "utility_model"}  # fmt: skip  # 8/9: PCT applications entering China
_PATENT = re.compile(r"^(?:ZL|CN)?\s*(\d{12}|\d{8})\.?([0-9X])$")
_SOFTWARE = re.compile(r"^(19[9]\d|20\d\d)SR\d{6,7}$")


@dataclass(frozen=True)
class Checked:
    number: str  # normalized: digits, dot, check character
    patent_type: str


def check_digit(digits: str) -> str:
    total = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=False))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def check_patent(raw: str) -> Checked:
    """The normalized number and patent type, or ValueError saying what is wrong."""
    text = raw.strip().upper().replace(" ", "")
    match = _PATENT.match(text)
    if match is None:
        raise ValueError(
            "专利号应为12位（2003年起）或8位申请号加校验位，如 ZL201710601862.3 / "
            "a patent number is a 12-digit (8-digit before 2003) application number and a "
            "check character, e.g. ZL201710601862.3"
        )
    digits, given = match.groups()
    expected = check_digit(digits)
    if given != expected:
        raise ValueError(
            f"专利号校验位应为{expected}，不是{given} / the check character of {digits} is "
            f"{expected}, not {given}"
        )
    type_digit = digits[4] if len(digits) == 12 else digits[2]
    if type_digit not in PATENT_TYPES:
        raise ValueError(f"专利类型位{type_digit}无效 / unknown patent type digit {type_digit}")
    return Checked(number=f"{digits}.{given}", patent_type=PATENT_TYPES[type_digit])


def check_software(raw: str) -> str:
    text = raw.strip().upper().replace(" ", "")
    if not _SOFTWARE.match(text):
        raise ValueError(
            "软件著作权登记号应为“年份+SR+6至7位流水号”，如 2023SR0123456 / a software "
            "registration number is year + SR + 6-7 digits, e.g. 2023SR0123456"
        )
    return text


def make_patent_number(year: int, type_digit: str, serial: int) -> str:
    """A valid application number (demo data and tests)."""
    digits = f"{year:04d}{type_digit}{serial:07d}"
    return f"{digits}.{check_digit(digits)}"
