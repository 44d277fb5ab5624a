"""The menu's reference data: the 11 modes, the 18 combinations and their expected savings, read
from data/*.yaml through pydantic models (a broken file fails at start-up, not mid-request)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

HERE = Path(__file__).parent
DATA = HERE / "data"
RULES = HERE / "rules"
Direction = Literal["import", "export"]


class Mode(BaseModel):
    model_config = ConfigDict(frozen=True)
    code: str
    name_zh: str
    name_en: str
    kind: Literal["declaration", "logistics", "tax"]


class Place(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    where_zh: str
    where_en: str
    when_zh: str = ""
    when_en: str = ""


class Saving(BaseModel):
    model_config = ConfigDict(frozen=True)
    time_saving_pct: int
    cost_cny_per_teu: int
    yard_hours: tuple[int, int]
    basis: Literal["seed", "estimate"]


class Combination(BaseModel):
    model_config = ConfigDict(frozen=True)
    code: str
    direction: Direction
    rank: int
    modes: tuple[str, ...]
    name_zh: str
    name_en: str
    declare: Place
    inspect: Place
    pickup: Place


class Catalog(BaseModel):
    modes: dict[str, Mode]
    combinations: list[Combination]
    savings: dict[str, Saving]
    savings_sources: list[str]

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        codes = [c.code for c in self.combinations]
        if len(set(codes)) != len(codes):
            raise ValueError("duplicate combination code")
        for combo in self.combinations:
            unknown = set(combo.modes) - set(self.modes)
            if unknown:
                raise ValueError(f"{combo.code}: unknown modes {sorted(unknown)}")
        if set(self.savings) != set(codes):
            raise ValueError("savings.yaml must give every combination, and only those")
        return self

    def for_direction(self, direction: str) -> list[Combination]:
        return sorted(
            (c for c in self.combinations if c.direction == direction), key=lambda c: c.rank
        )

    def combination(self, code: str) -> Combination | None:
        return next((c for c in self.combinations if c.code == code), None)


def _yaml(name: str) -> object:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    modes = _yaml("modes.yaml")
    savings = _yaml("savings.yaml")
    assert isinstance(modes, dict) and isinstance(savings, dict)
    return Catalog.model_validate(
        {
            "modes": {code: {"code": code, **body} for code, body in modes.items()},
            "combinations": _yaml("combinations.yaml"),
            "savings": savings["combinations"],
            "savings_sources": savings.get("sources", []),
        }
    )
