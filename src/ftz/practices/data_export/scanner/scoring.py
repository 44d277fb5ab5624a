"""From tallies to a column verdict: share, confidence, catalog class, level, flags."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from .detectors import ColumnCounts
from .rules import load_rules

NegativeMatch = Callable[[str], dict[str, Any] | None]


@dataclass
class ColumnResult:
    name: str
    entity: str | None
    share: float
    confidence: float
    category: str | None
    level: str | None
    personal_info: bool
    sensitive: bool
    on_negative_list: bool
    evidence: list[str]
    nonempty: int = 0
    negative_list: dict[str, Any] | None = None
    other_entities: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnResult:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def confidence(entity: str, column: str, share: float, hot: int, hits: int) -> float:
    """Validator strength (base), +0.25 for a column-name hint, +0.2 × the share of matches
    with a hotword nearby; then scaled by coverage, so a few stray matches stay low."""
    rule = load_rules().entities[entity]
    raw = rule.base + (0.25 if rule.hinted_by(column) else 0.0) + 0.2 * (hot / max(hits, 1))
    return round(min(0.99, raw) * (0.5 + 0.5 * min(1.0, share / 0.8)), 3)


def classify(counts: ColumnCounts, negative_match: NegativeMatch | None = None) -> ColumnResult:
    rules = load_rules()
    scored: list[tuple[float, float, str]] = []
    for entity, hits in counts.hits.items():
        share = hits / counts.nonempty if counts.nonempty else 0.0
        conf = confidence(entity, counts.name, share, counts.hot.get(entity, 0), hits)
        scored.append((round(share, 4), conf, entity))
    scored.sort(reverse=True)
    primary = next((s for s in scored if s[0] >= rules.min_share), None)
    negative = negative_match(counts.name) if negative_match else None
    others = [
        {"entity": e, "share": s, "confidence": c, "evidence": counts.samples.get(e, [])}
        for s, c, e in scored
        if primary is None or e != primary[2]
    ]
    if primary is None:
        return ColumnResult(
            name=counts.name,
            entity=None,
            share=0.0,
            confidence=0.0,
            category=None,
            level=None,
            personal_info=False,
            sensitive=False,
            on_negative_list=negative is not None,
            evidence=[],
            nonempty=counts.nonempty,
            negative_list=negative,
            other_entities=others,
        )
    share, conf, entity = primary
    rule = rules.entities[entity]
    return ColumnResult(
        name=counts.name,
        entity=entity,
        share=share,
        confidence=conf,
        category=rule.category,
        level=rule.level,
        personal_info=rule.personal_info,
        sensitive=rule.sensitive,
        on_negative_list=negative is not None,
        evidence=counts.samples.get(entity, []),
        nonempty=counts.nonempty,
        negative_list=negative,
        other_entities=others,
    )
