"""The CBEC tax as data: statutory rates by HS code (rules/tax_rates.json), the regime by the
per-transaction and annual limits (rules/tax_regime.json) and the return windows
(rules/return_window.json). Python only applies the formula:
duty = V·t·tf; base = V·(1 + t·tf)/(1 − c); tax = duty + base·(c + v)·f
which, for CBEC (tf = 0, f = 0.7), is V·(c + v)/(1 − c)·70%, the issue's combined rate."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from ftz.core.rules import RuleSet

RULES = Path(__file__).parent / "rules"
DATA = Path(__file__).parent / "data"


@cache
def rules() -> RuleSet:
    return RuleSet(RULES)


@cache
def tax_due() -> dict[str, Any]:
    """The days after release within which tax on goods not returned falls due, with citation;
    data rather than a constant so a policy change is an edit of data/tax_due.json."""
    loaded: dict[str, Any] = json.loads((DATA / "tax_due.json").read_text(encoding="utf-8"))
    return loaded


@cache
def customs_districts() -> list[dict[str, str]]:
    """The participating customs districts a return may be declared at (data/customs.json)."""
    loaded = json.loads((DATA / "customs.json").read_text(encoding="utf-8"))
    return list(loaded["districts"])


@cache
def customs_source() -> dict[str, str]:
    """Where the participating-customs list comes from, shown wherever the list is offered."""
    loaded = json.loads((DATA / "customs.json").read_text(encoding="utf-8"))
    return {"zh": loaded["source_zh"], "en": loaded["source_en"], "file": "data/customs.json"}


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


def rates(hs_code: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    decision = rules().evaluate("tax_rates.json", {"hs_code": hs_code})
    return dict(decision.result), decision.explanation()


def regime(transaction_yuan: Decimal, annual_after_yuan: Decimal) -> tuple[dict[str, Any], Any]:
    decision = rules().evaluate(
        "tax_regime.json",
        {"transaction_value": float(transaction_yuan), "annual_after": float(annual_after_yuan)},
    )
    return dict(decision.result), decision.explanation()


def line_tax_fen(value_fen: int, rate: dict[str, Any], how: dict[str, Any]) -> int:
    value = Decimal(value_fen)
    t, v, c = _dec(rate["tariff_rate"]), _dec(rate["vat_rate"]), _dec(rate["consumption_rate"])
    tf, f = _dec(how["tariff_factor"]), _dec(how["tax_factor"])
    duty = value * t * tf
    base = value * (1 + t * tf) / (1 - c)
    tax = duty + base * (c + v) * f
    return int(tax.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def window(days_since_release: int, zone_entry_days: int) -> tuple[dict[str, Any], Any]:
    decision = rules().evaluate(
        "return_window.json",
        {"days_since_release": days_since_release, "zone_entry_days": zone_entry_days},
    )
    return dict(decision.result), decision.explanation()
