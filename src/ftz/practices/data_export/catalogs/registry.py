"""`Catalogs`: the set of catalog versions in effect on one date, with the lookups callers need."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TypeVar

from ftz.practices.data_export.catalogs.levels import LevelDecision, LevelTable
from ftz.practices.data_export.catalogs.models import (
    FTZ_IDS,
    Classification,
    FieldCatalog,
    FieldEntry,
    Frozen,
    GeneralDomain,
    GeneralList,
    Klass,
    LevelFramework,
    NegativeEntry,
    NegativeList,
    SubClass,
)

T = TypeVar("T")
_SEPARATORS = re.compile(r"[\s_\-./·（）()]+")


def normalize_field(name: str) -> str:
    """Case- and separator-insensitive key, so `Licence_Plate`, `licence plate`, `licencePlate`
    and `车牌号` / `车牌 号` compare equal; matching stays exact to avoid substring false hits."""
    return _SEPARATORS.sub("", name.casefold())


class Catalogs(Frozen):
    on: dt.date
    versions: dict[str, str]  # catalog name -> version in effect on `on`
    levels: LevelFramework
    classification: Classification
    negative_lists: tuple[NegativeList, ...] = ()
    general_lists: tuple[GeneralList, ...] = ()
    field_catalogs: tuple[FieldCatalog, ...] = ()

    # --- indices, built once per instance (cached_property bypasses the frozen setattr) ---

    @cached_property
    def level_table(self) -> LevelTable:
        return LevelTable(self.levels)

    @cached_property
    def _classes(self) -> dict[str, Klass]:
        return {klass.id: klass for klass in self.classification.classes}

    @cached_property
    def _subclasses(self) -> dict[str, SubClass]:
        return {sub.id: sub for klass in self.classification.classes for sub in klass.subclasses}

    @cached_property
    def _negative(self) -> dict[str, list[NegativeEntry]]:
        index: dict[str, list[NegativeEntry]] = {ftz: [] for ftz in FTZ_IDS}
        for nlist in self.negative_lists:
            index[nlist.ftz].extend(_flatten(nlist))
        return index

    @cached_property
    def _domains(self) -> dict[str, GeneralDomain]:
        return {d.id: d for glist in self.general_lists for d in glist.domains}

    @cached_property
    def _fields(self) -> dict[str, list[FieldEntry]]:
        index: dict[str, list[FieldEntry]] = {}
        for catalog in self.field_catalogs:
            for scenario in catalog.scenarios:
                index.setdefault(scenario.scenario, []).extend(scenario.fields)
        return index

    # --- lookups ---

    def klass(self, class_id: str) -> Klass:
        return _get(self._classes, class_id, "class")

    def subclass(self, subclass_id: str) -> SubClass:
        return _get(self._subclasses, subclass_id, "sub-class")

    def has_subclass(self, subclass_id: str) -> bool:
        return subclass_id in self._subclasses

    def class_of(self, subclass_id: str) -> Klass:
        return self.klass(self.subclass(subclass_id).id.split(".", 1)[0])

    def negative_list(self, ftz: str) -> list[NegativeEntry]:
        return list(_get(self._negative, ftz, "FTZ"))

    def negative_match(self, ftz: str, field_name: str) -> NegativeEntry | None:
        """The entry whose field names/aliases equal `field_name` (normalized); when several
        match, the strictest: security assessment before contract, then the higher level."""
        key = normalize_field(field_name)
        if not key:
            return None
        hits = [
            entry
            for entry in self.negative_list(ftz)
            if any(normalize_field(name) == key for name in entry.fields)
        ]
        if not hits:
            return None
        return max(
            hits,
            key=lambda e: (e.mechanism == "security_assessment", self.level_rank(e.level)),
        )

    def general_domains(self) -> list[GeneralDomain]:
        return list(self._domains.values())

    def general_list(self, domain: str) -> GeneralDomain:
        return _get(self._domains, domain, "general-list domain")

    def field_catalog(self, scenario: str) -> list[FieldEntry]:
        return list(_get(self._fields, scenario, "field-catalog scenario"))

    def field_scenarios(self) -> list[str]:
        return list(self._fields)

    # --- GB/T 43697-2024 levels ---

    def level_for(self, impact_object: str, impact_degree: str) -> LevelDecision:
        return self.level_table.level_for(impact_object, impact_degree)

    def level_rank(self, level: str) -> int:
        return self.level_table.level_rank(level)

    def stricter(self, a: str, b: str) -> str:
        return self.level_table.stricter(a, b)

    def dataset_level(self, levels: Iterable[str]) -> str:
        return self.level_table.dataset_level(levels)


def _get(index: Mapping[str, T], key: str, what: str) -> T:
    try:
        return index[key]
    except KeyError:
        raise KeyError(f"unknown {what} {key!r}") from None


def _flatten(nlist: NegativeList) -> Iterable[NegativeEntry]:
    for sector in nlist.sectors:
        for scenario in sector.scenarios:
            for item in scenario.items:
                yield NegativeEntry(
                    **item.model_dump(),
                    ftz=nlist.ftz,
                    sector=sector.id,
                    sector_zh=sector.name_zh,
                    scenario=scenario.id,
                    scenario_zh=scenario.name_zh,
                    status=nlist.status,
                    catalog_version=nlist.version,
                )
