"""Reference data read from data/*.yaml through pydantic models: the partner-country schemes
(scope by HS code, tests per product category, fees, legal basis, sources) and the certification
path before and after the one-stop service with the seed's figures. Never from the network."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ftz.core.kit.errors import validation_error

DATA = Path(__file__).parent / "data"
CENT = Decimal("0.01")


class ScopeItem(BaseModel):
    hs: str
    zh: str
    en: str


class TestItem(BaseModel):
    code: str
    standard: str
    zh: str
    en: str


class Fees(BaseModel):
    basis: str  # published / demo
    application_cny: Decimal
    per_test_cny: Decimal
    certificate_cny: Decimal
    pct_of_fob: Decimal  # percent of the FOB value, 0 when the scheme charges none
    min_cny: Decimal  # floor of the percentage fee, 0 for none
    max_cny: Decimal  # cap of the percentage fee, 0 for none


class Scheme(BaseModel):
    code: str
    country: str
    name_zh: str
    name_en: str
    partner_body: str  # the organization code of the partner body's desk
    certificate_zh: str
    certificate_en: str
    validity_months: int
    legal_basis: str
    product_scope: list[ScopeItem]
    tests: dict[str, list[TestItem]]
    fees: Fees
    sources: list[str]

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def covers(self, hs_code: str) -> bool:
        return any(hs_code.startswith(item.hs) for item in self.product_scope)

    def tests_for(self, category: str) -> list[TestItem]:
        return self.tests.get(category) or self.tests["general"]

    def fee(self, trade_value_cny: Decimal, tests: int) -> dict[str, Decimal]:
        """The tariff of one file: fixed parts plus a share of the FOB value within its floor
        and cap (as PVoC-style schemes charge)."""
        f = self.fees
        share = trade_value_cny * f.pct_of_fob / 100
        if f.pct_of_fob and f.min_cny:
            share = max(share, f.min_cny)
        if f.pct_of_fob and f.max_cny:
            share = min(share, f.max_cny)
        parts = {
            "application": f.application_cny,
            "testing": f.per_test_cny * tests,
            "certificate": f.certificate_cny,
            "inspection": share,
        }
        parts = {k: v.quantize(CENT, ROUND_HALF_UP) for k, v in parts.items()}
        parts["total"] = sum(parts.values(), Decimal(0))
        return parts


class Catalog(BaseModel):
    version: str
    schemes: list[Scheme]


@cache
def catalog() -> Catalog:
    raw = yaml.safe_load((DATA / "schemes.yaml").read_text("utf-8"))
    return Catalog.model_validate(raw)


def schemes() -> list[Scheme]:
    return catalog().schemes


def scheme(code: str) -> Scheme:
    for found in schemes():
        if found.code == code:
            return found
    raise validation_error("scheme", f"unknown scheme {code!r}")


@cache
def paths() -> dict[str, Any]:
    """The ten steps before, the three after, and the seed's figures."""
    loaded: dict[str, Any] = yaml.safe_load((DATA / "paths.yaml").read_text("utf-8"))
    return loaded


def seed() -> dict[str, Any]:
    figures: dict[str, Any] = paths()["seed"]
    return figures
