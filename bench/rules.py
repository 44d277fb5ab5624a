"""Rule evaluation: our RuleSet (ZenEngine loader path, with trace and fired rows) side by side
with zen-engine's ZenDecision path (create_decision + decision.evaluate) on the p12 tables.

Run: .venv/bin/python -m bench.rules   (appends nothing; prints a Markdown table)
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import zen

from ftz.core.rules import RuleSet
from ftz.practices.exam_certificates.catalog import RULES

CONTEXTS: list[tuple[str, dict[str, Any]]] = [
    (
        "special_operation_conditions.json",
        {"age": 30, "gender": "M", "health_ok": True, "education": 2},
    ),
    (
        "skill_level_conditions.json",
        {
            "age": 30,
            "level": "intermediate",
            "experience_years": 5,
            "holds_lower_level": True,
            "apprenticeship_done": False,
            "vocational_graduate": False,
        },
    ),
    (
        "issuance.json",
        {
            "certificate_type": "special_operation",
            "eligible": True,
            "theory_score": 85,
            "practical_score": 90,
        },
    ),
]


def _time(fn: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def main(rounds: int = 3000) -> None:
    ours = RuleSet(RULES)
    engine = zen.ZenEngine()
    decisions = {key: engine.create_decision(json.dumps(ours.document(key))) for key, _ in CONTEXTS}
    print(
        "| decision | ours: RuleSet.evaluate (trace + fired rows) µs median | "
        "zen ZenDecision.evaluate (trace) µs median | ratio |"
    )
    print("|---|---|---|---|")
    for key, context in CONTEXTS:
        mine = _time(lambda k=key, c=context: ours.evaluate(k, c), rounds)
        peer = _time(lambda k=key, c=context: decisions[k].evaluate(c, {"trace": True}), rounds)
        m, p = statistics.median(mine) * 1e6, statistics.median(peer) * 1e6
        print(f"| {key} | {m:.1f} | {p:.1f} | {p / m:.1f}× |")


if __name__ == "__main__":
    main()
