"""Typed, frozen models of the catalog files under data/catalogs/ (one model per file kind).

Every file starts with the same versioning header; `kind` tells the loader which body to expect,
so a misnamed or misplaced file fails validation instead of being silently read as another kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Status = Literal["official", "demo"]
FtzId = Literal["beijing", "tianjin", "shanghai-lingang"]
Mechanism = Literal["security_assessment", "standard_contract_or_certification"]
# GB/T 43697-2024 levels; general-1..general-4 are the optional subdivision of "general".
LevelId = Literal[
    "core", "important", "general", "general-1", "general-2", "general-3", "general-4"
]
FTZ_IDS: tuple[FtzId, ...] = ("beijing", "tianjin", "shanghai-lingang")


class Frozen(BaseModel):
    # extra="forbid" so that a typo in a key is an error naming the key, not silently ignored.
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Frozen):
    title: str
    issuer: str
    date: dt.date | None = None
    url: str | None = None
    note: str | None = None


class Header(Frozen):
    catalog: str
    version: str
    effective_from: dt.date
    supersedes: str | None = None
    status: Status
    sources: tuple[Source, ...] = ()


# --- GB/T 43697-2024 level framework -------------------------------------------------------


class LevelDef(Frozen):
    id: LevelId
    rank: int
    name_zh: str
    name_en: str


class Named(Frozen):
    id: str
    name_zh: str
    name_en: str


class LevelRow(Frozen):
    """One row of the level table: the impact objects it covers and the level per degree."""

    id: str
    objects: tuple[str, ...]
    levels: dict[str, LevelId]
    citation: str


class LevelFramework(Header):
    kind: Literal["levels"]
    levels: tuple[LevelDef, ...]
    impact_objects: tuple[Named, ...]
    impact_degrees: tuple[Named, ...]
    table: tuple[LevelRow, ...]

    @model_validator(mode="after")
    def _table_is_complete(self) -> LevelFramework:
        objects = {o.id for o in self.impact_objects}
        degrees = {d.id for d in self.impact_degrees}
        seen: set[str] = set()
        for row in self.table:
            if set(row.levels) != degrees:
                raise ValueError(f"table row {row.id}: levels must name exactly {sorted(degrees)}")
            unknown = set(row.objects) - objects
            if unknown or seen & set(row.objects):
                raise ValueError(f"table row {row.id}: unknown or repeated objects")
            seen |= set(row.objects)
        if seen != objects:
            raise ValueError(f"table: impact objects without a row: {sorted(objects - seen)}")
        return self


# --- Tianjin-style classification catalog --------------------------------------------------


class SubClass(Frozen):
    id: str
    name_zh: str
    name_en: str
    features_zh: str
    features_en: str
    examples_zh: tuple[str, ...]
    examples_en: tuple[str, ...] = ()
    default_level: LevelId
    personal_info: bool = False
    sensitive: bool = False

    @model_validator(mode="after")
    def _sensitive_is_personal(self) -> SubClass:
        # PIPL art. 28: sensitive personal information is a kind of personal information.
        if self.sensitive and not self.personal_info:
            raise ValueError(f"{self.id}: sensitive requires personal_info")
        return self


class Klass(Frozen):
    id: str
    name_zh: str
    name_en: str
    subclasses: tuple[SubClass, ...]

    @model_validator(mode="after")
    def _ids_are_prefixed(self) -> Klass:
        for sub in self.subclasses:
            if not sub.id.startswith(f"{self.id}."):
                raise ValueError(f"sub-class {sub.id} must start with '{self.id}.'")
        return self


class Classification(Header):
    kind: Literal["classification"]
    classes: tuple[Klass, ...]


# --- Negative lists (scenario, field level) ------------------------------------------------


class NegativeItem(Frozen):
    id: str
    item_zh: str
    item_en: str
    fields: tuple[str, ...] = Field(min_length=1)
    class_id: str
    level: LevelId
    mechanism: Mechanism
    conditions_zh: str
    conditions_en: str


class NegativeScenario(Named):
    items: tuple[NegativeItem, ...]


class NegativeSector(Named):
    scenarios: tuple[NegativeScenario, ...]


class NegativeList(Header):
    kind: Literal["negative_list"]
    ftz: FtzId
    sectors: tuple[NegativeSector, ...]


class NegativeEntry(Frozen):
    """One negative-list item flattened with its FTZ, sector and scenario (what callers use)."""

    id: str
    ftz: FtzId
    sector: str
    sector_zh: str
    scenario: str
    scenario_zh: str
    item_zh: str
    item_en: str
    fields: tuple[str, ...]
    class_id: str
    level: LevelId
    mechanism: Mechanism
    conditions_zh: str
    conditions_en: str
    status: Status
    catalog_version: str


# --- Lingang general data list -------------------------------------------------------------


class GeneralCategory(Named):
    class_ids: tuple[str, ...] = Field(min_length=1)
    conditions_zh: tuple[str, ...] = ()
    conditions_en: tuple[str, ...] = ()


class GeneralScenario(Named):
    categories: tuple[GeneralCategory, ...]


class GeneralDomain(Named):
    scenarios: tuple[GeneralScenario, ...]


class GeneralList(Header):
    kind: Literal["general_list"]
    ftz: FtzId
    domains: tuple[GeneralDomain, ...]


# --- Field-level catalogs per scenario -----------------------------------------------------


class FieldEntry(Frozen):
    name: str
    name_zh: str
    aliases: tuple[str, ...] = ()
    category: str | None = None  # id of a general-list category, when the field is on the list
    class_id: str
    level: LevelId
    personal_info: bool = False
    sensitive: bool = False
    condition_zh: str | None = None
    condition_en: str | None = None


class FieldScenario(Frozen):
    scenario: str  # id of a general-list scenario
    fields: tuple[FieldEntry, ...]


class FieldCatalog(Header):
    kind: Literal["field_catalog"]
    domain: str
    scenarios: tuple[FieldScenario, ...]


CatalogFile = Annotated[
    LevelFramework | Classification | NegativeList | GeneralList | FieldCatalog,
    Field(discriminator="kind"),
]
