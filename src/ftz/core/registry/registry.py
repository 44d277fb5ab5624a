"""The map of all 29 practices: the catalog declares them, built modules register themselves."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ftz.core.registry.spec import PracticeSpec

CATALOG = Path(__file__).with_name("catalog.yaml")

# Practice packages that are complete; each exports `practice: PracticeSpec`.
BUILT_MODULES = (
    "ftz.practices.data_export",
    "ftz.practices.linked_unloading",
    "ftz.practices.clearance_menu",
    "ftz.practices.zone_port_gate",
    "ftz.practices.border_fast_lane",
    "ftz.practices.bonded_repair",
    "ftz.practices.bonded_art",
    "ftz.practices.cargo_rules",
    "ftz.practices.ship_selection",
    "ftz.practices.cbec_returns",
    "ftz.practices.exam_certificates",
    "ftz.practices.tech_transfer",
    "ftz.practices.yacht_services",
    "ftz.practices.leisure_fishery",
    "ftz.practices.case_handling",
    "ftz.practices.sealed_transfer",
    "ftz.practices.trade_mediation",
    "ftz.practices.industry_transfer",
    "ftz.practices.trade_secrets",
    "ftz.practices.certification_one_stop",
    "ftz.practices.dangerous_goods_permit",
    "ftz.practices.asia_europe_transport",
    "ftz.practices.nev_containers",
    "ftz.practices.pallet_air_road",
    "ftz.practices.china_vietnam_transport",
    "ftz.practices.yangtze_channel",
    "ftz.practices.cbec_key_items",
    "ftz.practices.hs_inspection",
    "ftz.practices.two_stage_inspection",
)


def _catalog() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    return rows


def _validate(spec: PracticeSpec, row: dict[str, Any]) -> None:
    for key in ("id", "name", "case", "title_zh", "title_en"):
        if getattr(spec, key) != row[key]:
            raise ValueError(f"{spec.id}: {key} differs from the catalog ({row[key]!r})")
    if spec.built and (spec.router is None or spec.pages is None or spec.cli is None):
        raise ValueError(f"{spec.id}: a built practice needs a router, pages and a CLI")


@lru_cache(maxsize=1)
def practices() -> tuple[PracticeSpec, ...]:
    """All 29 in case order; startup fails loudly if a module disagrees with the catalog."""
    built: dict[str, PracticeSpec] = {}
    for module_name in BUILT_MODULES:
        spec: PracticeSpec = importlib.import_module(module_name).practice
        built[spec.id] = spec
    result = []
    for row in _catalog():
        if row["id"] not in built:
            spec = PracticeSpec(**row)
        else:
            spec = built.pop(row["id"])
            _validate(spec, row)
        result.append(spec)
    if built or len(result) != 29:
        raise ValueError(f"registry mismatch: unknown {sorted(built)}, {len(result)} in catalog")
    return tuple(result)


def built_practices() -> list[PracticeSpec]:
    return [p for p in practices() if p.built]


def get_practice(practice_id: str) -> PracticeSpec:
    for spec in practices():
        if practice_id in (spec.id, spec.name, spec.slug):
            return spec
    raise KeyError(practice_id)
