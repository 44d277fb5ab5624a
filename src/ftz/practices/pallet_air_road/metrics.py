"""Per-ULD metrics computed from the event times (never typed in): touches of the goods (each
event's count comes from rules/touches.json), tally and loading minutes, crew, dwell at the
entry airport and road time; each judged against the seed's figures by rules/targets.json.
`summary` compares the two modes over delivered ULDs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from ftz.practices.pallet_air_road.common import decide
from ftz.practices.pallet_air_road.models import Uld, UldEvent

# Seed case 9 二(二)/(三): conventional → new, shown beside the measured averages.
SEED = {
    "touches": {"baseline": "4", "target": "1"},
    "tally_minutes": {"baseline": "10", "target": "< 1"},
    "loading_minutes": {"baseline": "180", "target": "< 20"},
    "crew": {"baseline": "4–5", "target": "1–2"},
}
VOLUME = {"tonnes_2022_2024": 1_117_000, "growth_2024_vs_2022": "84.5%", "cagr": "35.8%"}
JUDGED = ("touches", "tally_minutes", "loading_minutes", "crew")


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 60, 2)


def compute(events: Iterable[UldEvent], status: str) -> dict[str, Any]:
    at: dict[str, datetime] = {}
    touched: dict[str, int] = {}
    crews: list[int] = []
    for e in events:
        at.setdefault(e.event, e.at)
        if e.event == "deliver":  # a broken-down ULD is delivered with its last road leg
            at["deliver"] = e.at
        # Touches of any one piece: a broken-down ULD's road legs each depart and deliver
        # their own share, so an event repeated per leg touches each piece once, not per leg.
        touched[e.event] = max(touched.get(e.event, 0), e.touches)
        if e.crew is not None:
            crews.append(e.crew)
    touches = sum(touched.values())
    hours = {
        "dwell_hours": _minutes(at.get("arrive"), at.get("finish_loading")),
        "road_hours": _minutes(at.get("depart"), at.get("deliver")),
        "total_hours": _minutes(at.get("arrive"), at.get("deliver")),
    }
    values: dict[str, Any] = {
        "touches": touches if status == "delivered" else None,
        "touches_so_far": touches,
        "tally_minutes": _minutes(at.get("start_tally"), at.get("finish_tally")),
        "loading_minutes": _minutes(at.get("start_loading"), at.get("finish_loading")),
        "crew": max(crews) if crews else None,
        **{k: round(v / 60, 2) if v is not None else None for k, v in hours.items()},
    }
    judged = []
    for metric in JUDGED:
        if values[metric] is None:
            continue
        decision = decide("targets.json", {"metric": metric, "value": values[metric]})
        judged.append({"metric": metric, "value": values[metric], **decision.result,
                       "fired": decision.explanation()})  # fmt: skip
    return {**values, "targets": judged}


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def summary(ulds: Iterable[Uld]) -> dict[str, Any]:
    """Averages per mode over delivered ULDs, beside the seed's conventional and new figures."""
    by_mode: dict[str, list[dict[str, Any]]] = {"whole_uld": [], "breakdown": []}
    for uld in ulds:
        by_mode.setdefault(uld.mode, []).append(uld.metrics)
    modes = {}
    for mode, found in by_mode.items():
        averages = {m: _mean([x[m] for x in found if x.get(m) is not None]) for m in JUDGED}
        averages["total_hours"] = _mean([x["total_hours"] for x in found if x.get("total_hours")])
        modes[mode] = {"count": len(found), **averages}
    return {"modes": modes, "seed": SEED, "volume": VOLUME}
