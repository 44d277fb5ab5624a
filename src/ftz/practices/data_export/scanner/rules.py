"""The entity table (entities.yaml) loaded once into typed rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

# The entity names of the output contract; other detected kinds keep their own names.
CONTRACT_ENTITIES = (
    "PERSON_NAME",
    "CN_RESIDENT_ID",
    "CN_MOBILE",
    "PHONE_NUMBER",
    "EMAIL",
    "BANK_CARD",
    "CN_USCC",
    "CN_LICENSE_PLATE",
    "IP_ADDRESS",
    "ADDRESS",
    "VIN",
    "GPS_COORDINATE",
    "CN_PASSPORT",
)


@dataclass(frozen=True)
class EntityRule:
    name: str
    category: str
    level: str
    personal_info: bool
    sensitive: bool
    base: float
    mask: tuple[int, int]
    hints: re.Pattern[str] | None
    hint_excludes: re.Pattern[str] | None
    hotwords: tuple[str, ...]
    citation: str

    def hinted_by(self, column: str) -> bool:
        """Whether a column name suggests this entity (names are compared lower-cased)."""
        low = column.lower()
        if self.hint_excludes is not None and self.hint_excludes.search(low):
            return False
        return bool(self.hints and self.hints.search(low))


@dataclass(frozen=True)
class Rules:
    entities: dict[str, EntityRule]
    min_share: float
    hotword_window: int
    surname_regex: str
    health_terms: tuple[str, ...]
    biometric_terms: tuple[str, ...]


def _compile(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


@cache
def load_rules() -> Rules:
    text = resources.files(__package__).joinpath("entities.yaml").read_text(encoding="utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    entities = {
        name: EntityRule(
            name=name,
            category=str(e["category"]),
            level=str(e["level"]),
            personal_info=bool(e["personal_info"]),
            sensitive=bool(e["sensitive"]),
            base=float(e["base"]),
            mask=(int(e["mask"][0]), int(e["mask"][1])),
            hints=_compile(e.get("hints")),
            hint_excludes=_compile(e.get("hint_excludes")),
            hotwords=tuple(str(h) for h in e.get("hotwords", [])),
            citation=str(e["citation"]),
        )
        for name, e in raw["entities"].items()
    }
    singles = "".join(str(raw["surnames"]).split())
    compounds = "|".join(str(c) for c in raw["compound_surnames"])
    return Rules(
        entities=entities,
        min_share=float(raw["min_share"]),
        hotword_window=int(raw["hotword_window"]),
        surname_regex=f"(?:{compounds}|[{singles}])",
        health_terms=tuple(str(t) for t in raw["health_terms"]),
        biometric_terms=tuple(str(t) for t in raw["biometric_terms"]),
    )
