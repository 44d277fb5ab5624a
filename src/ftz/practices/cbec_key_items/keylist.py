"""The key-items list as a versioned document: its shape (pydantic), the shipped first version
(data/key_items.yaml) and its compilation into a `Matcher`, once per process per content.

HS codes and range bounds are normalized by `ftz.domain.hs.normalize` (8- and 10-digit tariff
codes are cut to their HS 2022 subheading; unknown codes are refused)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, field_validator, model_validator

from ftz.domain.hs import HsCodeError, normalize
from ftz.practices.cbec_key_items.matcher import Matcher, Rule, hs_interval

HERE = Path(__file__).parent
SHIPPED = HERE / "data" / "key_items.yaml"
CATEGORIES = (
    "battery",
    "flammable",
    "explosive",
    "liquid",
    "magnet",
    "corrosive",
    "controlled",
    "valuables",
    "enterprise",
    "other",
)


def hs_range(text: str) -> tuple[str, str]:
    """ "8507" or "3208-3210" → the normalized bounds; ValueError when malformed."""
    lo, _, hi = text.partition("-")
    try:
        low = normalize(lo)
        high = normalize(hi) if hi else low
    except HsCodeError as exc:
        raise ValueError(str(exc)) from exc
    if not low.isdigit() or not high.isdigit():
        raise ValueError(f"{text!r}: a range of HS codes, not a section")
    if hs_interval(high)[1] < hs_interval(low)[0]:
        raise ValueError(f"{text!r}: the range ends before it starts")
    return low, high


class KeyItemRuleIn(BaseModel):
    id: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]{1,39}$")
    category: str
    reason_zh: str = Field(min_length=2, max_length=300)
    reason_en: str = Field(min_length=2, max_length=300)
    source: str = Field(min_length=2, max_length=300)
    keywords: list[str] = Field(default_factory=list, max_length=200)
    hs: list[str] = Field(default_factory=list, max_length=50)
    enterprises: list[str] = Field(default_factory=list, max_length=500)
    weight_over_kg: float | None = Field(None, ge=0)
    value_over_cny: float | None = Field(None, ge=0)

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"one of {', '.join(CATEGORIES)}")
        return value

    @field_validator("keywords")
    @classmethod
    def _keywords(cls, values: list[str]) -> list[str]:
        cleaned = [" ".join(v.split()) for v in values]
        if any(len(v) < 2 or len(v) > 60 for v in cleaned):
            raise ValueError("each keyword has 2 to 60 characters")
        return cleaned

    @field_validator("hs")
    @classmethod
    def _hs(cls, values: list[str]) -> list[str]:
        bounds = [hs_range(v) for v in values]
        return [lo if lo == hi else f"{lo}-{hi}" for lo, hi in bounds]

    @field_validator("enterprises")
    @classmethod
    def _enterprises(cls, values: list[str]) -> list[str]:
        cleaned = [v.strip().upper() for v in values]
        if any(not v.isalnum() or not 2 <= len(v) <= 32 for v in cleaned):
            raise ValueError("enterprise codes are 2 to 32 letters or digits")
        return cleaned

    @model_validator(mode="after")
    def _fires_somehow(self) -> KeyItemRuleIn:
        triggers = self.keywords or self.hs or self.enterprises
        if not triggers and self.weight_over_kg is None and self.value_over_cny is None:
            raise ValueError(f"{self.id}: give keywords, HS ranges, enterprises or a threshold")
        return self


class KeyItemListIn(BaseModel):
    """A whole version of the list, as officers save it."""

    effective_from: date
    title_zh: str = Field("铁路混装跨境电商重点物品清单", min_length=2, max_length=200)
    title_en: str = Field("Key items list", min_length=2, max_length=200)
    note: str = Field("", max_length=2000)
    rules: list[KeyItemRuleIn] = Field(min_length=1, max_length=20_000)

    @model_validator(mode="after")
    def _unique(self) -> KeyItemListIn:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id} appears twice")
            seen.add(rule.id)
        return self


@cache
def shipped() -> dict[str, Any]:
    """The first version, as shipped (validated; version 1)."""
    raw: dict[str, Any] = yaml.safe_load(SHIPPED.read_text("utf-8"))
    version = int(raw.pop("version"))
    doc = KeyItemListIn.model_validate(raw).model_dump(mode="json")
    return {"version": version, **doc}


def digest(doc: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def to_rules(doc: dict[str, Any]) -> list[Rule]:
    rules = []
    for item in doc["rules"]:
        spans = tuple(
            (hs_interval(lo)[0], hs_interval(hi or lo)[1])
            for lo, _, hi in (text.partition("-") for text in item.get("hs", []))
        )
        rules.append(
            Rule(
                id=item["id"],
                category=item["category"],
                reason_zh=item["reason_zh"],
                reason_en=item["reason_en"],
                source=item["source"],
                keywords=tuple(item.get("keywords", [])),
                hs=spans,
                enterprises=frozenset(item.get("enterprises", [])),
                weight_over_kg=item.get("weight_over_kg"),
                value_over_cny=item.get("value_over_cny"),
            )
        )
    return rules


_COMPILED: dict[str, Matcher] = {}


def compiled(version: int, doc: dict[str, Any]) -> Matcher:
    """The matcher of one version, compiled once per process (keyed by version and content, so
    a test's rolled-back version never serves another)."""
    key = f"{version}:{digest(doc)}"
    found = _COMPILED.get(key)
    if found is None:
        if len(_COMPILED) > 16:
            _COMPILED.clear()
        found = _COMPILED[key] = Matcher(to_rules(doc), version)
    return found
