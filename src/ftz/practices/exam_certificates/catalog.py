"""The certificate catalog and merged exam standards, read from data/ (not code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data")
RULES = Path(__file__).with_name("rules")
REVIEWING_DEPARTMENTS = ("emergency", "hrss", "housing")
EXAM_DEPARTMENT = "exam_center"


@dataclass(frozen=True)
class Certificate:
    code: str
    department: str
    certificate_type: str
    trade: str
    level: str
    lower_level: str | None
    name_zh: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class Catalog:
    departments: dict[str, dict[str, str]]
    certificate_types: dict[str, dict[str, str]]
    trades: dict[str, dict[str, str]]
    certificates: dict[str, Certificate]
    standards: dict[str, dict[str, Any]]

    def for_trade(self, trade: str) -> list[Certificate]:
        return [c for c in self.certificates.values() if c.trade == trade]

    def label(self, group: str, key: str, lang: str) -> str:
        entry = getattr(self, group).get(key, {})
        return str(entry.get("name_zh" if lang == "zh" else "name_en", key))


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    raw = yaml.safe_load((DATA / "certificates.yaml").read_text(encoding="utf-8"))
    departments = raw["departments"]
    certificates = {
        row["code"]: Certificate(
            code=row["code"],
            department=row["department"],
            certificate_type=departments[row["department"]]["certificate_type"],
            trade=row["trade"],
            level=row.get("level") or "",
            lower_level=row.get("lower_level"),
            name_zh=row["name_zh"],
            name_en=row["name_en"],
        )
        for row in raw["certificates"]
    }
    standards = yaml.safe_load((DATA / "standards.yaml").read_text(encoding="utf-8"))
    return Catalog(
        departments=departments,
        certificate_types=raw["certificate_types"],
        trades=raw["trades"],
        certificates=certificates,
        standards=standards,
    )
