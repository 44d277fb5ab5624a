"""p23 reference data and rule tables, loaded once: provinces (GB/T 2260 codes with the NBS
economic zones), industries (GB/T 4754-2017 sections and the divisions the seed names), the
indicators a project is counted by, the seed's figures, and the quarters indicator reports are
filed for."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from ftz.core.kit.errors import validation_error
from ftz.core.rules import RuleSet

HERE = Path(__file__).parent
DATA = HERE / "data"
LOCAL = ZoneInfo("Asia/Shanghai")

STAGES = ("intention", "signed", "under_construction", "in_operation", "withdrawn")
SIDES = ("sponsor", "receiving")
PARK_ROLES = ("sponsor", "receiving")
SIGNATORIES = ("administrations", "operators")
ARRANGEMENT_KINDS = ("enclave", "reverse_enclave")
AGREEMENT_STATUSES = ("in_force", "terminated")
ZONES = ("east", "central", "west", "northeast")
# The indicators an indicator report carries (the others come from the project's own record).
REPORTED = ("output_value", "tax", "employment", "investment_completed")


@dataclass(frozen=True)
class Province:
    code: str
    name_zh: str
    name_en: str
    zone: str


@dataclass(frozen=True)
class Industry:
    code: str
    section: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Indicator:
    key: str
    name_zh: str
    name_en: str
    unit: str
    category: str
    source: str
    aggregation: str


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def provinces() -> dict[str, Province]:
    return {row["code"]: Province(**row) for row in _csv("provinces.csv")}


@cache
def industries() -> dict[str, Industry]:
    return {row["code"]: Industry(**row) for row in _csv("industries.csv")}


@cache
def indicators() -> tuple[Indicator, ...]:
    loaded = yaml.safe_load((DATA / "indicators.yaml").read_text(encoding="utf-8"))
    return tuple(Indicator(**row) for row in loaded["indicators"])


def indicator(key: str) -> Indicator:
    return next(i for i in indicators() if i.key == key)


@cache
def seed() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "seed.yaml").read_text(encoding="utf-8"))
    return loaded


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


def today() -> date:
    return datetime.now(LOCAL).date()


def province_name(code: str, lang: str = "zh") -> str:
    found = provinces().get(code)
    if found is None:
        return code
    return found.name_zh if lang == "zh" else found.name_en


PERIOD = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar quarter, written 2025-Q1: the unit indicator reports are filed for."""

    year: int
    quarter: int

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @classmethod
    def of(cls, day: date) -> Period:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str, field: str = "period") -> Period:
        match = PERIOD.match(text.strip())
        if match is None or not 2000 <= int(match.group(1)) <= 2100:
            raise validation_error(field, "a quarter written like 2025-Q1 (years 2000-2100)")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def last_day(self) -> date:
        following = self.following()
        return date.fromordinal(following.first_day.toordinal() - 1)

    def following(self) -> Period:
        return Period(self.year + self.quarter // 4, self.quarter % 4 + 1)


def current_period() -> Period:
    return Period.of(today())
