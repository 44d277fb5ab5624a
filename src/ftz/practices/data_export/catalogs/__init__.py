"""p01 catalogs: GB/T 43697-2024 levels, the Tianjin-style classification catalog, the FTZ
negative lists, the Lingang general data list, field-level catalogs and the pre-assessment set.

All of it is data under ../data/; this package only types, versions and looks it up. The level
functions below use the catalogs in effect today; use `load_catalogs(on)` for another date.
"""

from __future__ import annotations

from collections.abc import Iterable

from ftz.practices.data_export.catalogs.indicators import (
    Indicator,
    Major,
    PreAssessmentIndicators,
)
from ftz.practices.data_export.catalogs.levels import LevelDecision
from ftz.practices.data_export.catalogs.loader import (
    CATALOG_FOLDER,
    PREASSESSMENT_FILE,
    CatalogError,
    load_catalogs,
    load_preassessment,
    parse_document,
)
from ftz.practices.data_export.catalogs.models import (
    FTZ_IDS,
    FieldEntry,
    GeneralCategory,
    GeneralDomain,
    GeneralScenario,
    Klass,
    LevelId,
    Mechanism,
    NegativeEntry,
    Source,
    SubClass,
)
from ftz.practices.data_export.catalogs.registry import Catalogs, normalize_field


def level_for(impact_object: str, impact_degree: str) -> LevelDecision:
    """GB/T 43697-2024 level for an impact object × degree (ids, Chinese or English names).
    The result is a str such as "core" carrying `.row` and `.citation`."""
    return load_catalogs().level_for(impact_object, impact_degree)


def stricter(a: str, b: str) -> str:
    return load_catalogs().stricter(a, b)


def dataset_level(levels: Iterable[str]) -> str:
    return load_catalogs().dataset_level(levels)


def level_rank(level: str) -> int:
    return load_catalogs().level_rank(level)


__all__ = [
    "CATALOG_FOLDER",
    "FTZ_IDS",
    "PREASSESSMENT_FILE",
    "CatalogError",
    "Catalogs",
    "FieldEntry",
    "GeneralCategory",
    "GeneralDomain",
    "GeneralScenario",
    "Indicator",
    "Klass",
    "LevelDecision",
    "LevelId",
    "Major",
    "Mechanism",
    "NegativeEntry",
    "PreAssessmentIndicators",
    "Source",
    "SubClass",
    "dataset_level",
    "level_for",
    "level_rank",
    "load_catalogs",
    "load_preassessment",
    "normalize_field",
    "parse_document",
    "stricter",
]
