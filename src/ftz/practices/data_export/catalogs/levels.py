"""GB/T 43697-2024 level logic over the level table in data/catalogs/levels.yaml.

Ranking decision (documented in PROVENANCE.md): core > important > general-4 > general-3 >
general-2 > general-1, and a plain `general` (not subdivided) ranks as general-1, the least
strict general level, because an unsubdivided label carries no evidence of a higher sub-level.
On a tie the subdivided label wins, since it says more than plain `general`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ftz.practices.data_export.catalogs.models import LevelFramework, LevelRow, Named


class LevelDecision(str):
    """A level id (compares equal to e.g. "core") that also carries the table row that decided."""

    row: LevelRow
    impact_object: str
    impact_degree: str

    def __new__(cls, level: str, row: LevelRow, impact_object: str, degree: str) -> LevelDecision:
        decision = super().__new__(cls, level)
        decision.row = row
        decision.impact_object = impact_object
        decision.impact_degree = degree
        return decision

    @property
    def level(self) -> str:
        return str(self)

    @property
    def citation(self) -> str:
        return self.row.citation


def _key(text: str) -> str:
    return text.strip().casefold().replace(" ", "_").replace("-", "_")


class LevelTable:
    """Lookups over one LevelFramework; ids and Chinese/English names are accepted as input."""

    def __init__(self, framework: LevelFramework) -> None:
        self.framework = framework
        self._rank: dict[str, int] = {level.id: level.rank for level in framework.levels}
        self._objects = _name_index(framework.impact_objects)
        self._degrees = _name_index(framework.impact_degrees)
        self._rows = {obj: row for row in framework.table for obj in row.objects}

    def level_rank(self, level: str) -> int:
        try:
            return self._rank[level]
        except KeyError:
            raise ValueError(f"unknown level {level!r}; known: {sorted(self._rank)}") from None

    def level_for(self, impact_object: str, impact_degree: str) -> LevelDecision:
        obj = self._objects.get(_key(impact_object))
        degree = self._degrees.get(_key(impact_degree))
        if obj is None:
            raise ValueError(f"unknown impact object {impact_object!r}")
        if degree is None:
            raise ValueError(f"unknown impact degree {impact_degree!r}")
        row = self._rows[obj]
        return LevelDecision(row.levels[degree], row, obj, degree)

    def stricter(self, a: str, b: str) -> str:
        rank_a, rank_b = self.level_rank(a), self.level_rank(b)
        if rank_a != rank_b:
            return a if rank_a > rank_b else b
        return b if a == "general" else a

    def dataset_level(self, levels: Iterable[str]) -> str:
        """A dataset takes the strictest level of its items (GB/T 43697-2024 "从高" principle)."""
        result: str | None = None
        for level in levels:
            result = level if result is None else self.stricter(result, level)
        if result is None:
            raise ValueError("dataset_level needs at least one level")
        self.level_rank(result)  # validates a single-item input too
        return result


def _name_index(items: Iterable[Named]) -> dict[str, str]:
    return {_key(name): item.id for item in items for name in (item.id, item.name_zh, item.name_en)}
