"""HS search accuracy on HSCodeComp (632 real e-commerce products labelled by experts with US HTS
codes; the first 6 digits are HS), side by side in one run:

- TF-IDF: a plain TF-IDF (log tf, smoothed idf, cosine) over the same subheading texts and the
  same tokens as ours (jieba + lower case), the kind of baseline the issue quotes;
- BM25: our lexical stage alone (bm25s);
- hybrid: `ftz.domain.hs.search` (BM25 + e5 headings + e5 subheadings by reciprocal rank fusion).

    .venv/bin/python -m bench.hs_search [--data ../shared/benchmarks/hscodecomp/test_data.jsonl]
        [--data-dir DIR] [--limit N] [--json]

Two query sets from the same products: "zh" uses the Chinese fields only (the category path,
`cate_lv1_desc_cn` … `cate_lv5_desc_cn`: the data has no Chinese title), "en" the English fields
only (the title and the English category path). Top-1 and top-5 accuracy at chapter (2 digits),
heading (4) and subheading (6): a product counts at a level when one of the first k answers has
its code's first digits (k answers of 6 digits, so top-5 at chapter level is "any of 5").
The data is read here only, never by the platform at run time."""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

DATA = Path(__file__).parents[2] / "shared" / "benchmarks" / "hscodecomp" / "test_data.jsonl"
LEVELS = {"chapter": 2, "heading": 4, "subheading": 6}
Ranker = Callable[[str, int], list[str]]


def _queries(path: Path, limit: int | None) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    out = []
    for row in rows[:limit]:
        zh = list(dict.fromkeys(row[f"cate_lv{i}_desc_cn"] for i in range(1, 6)))
        en = list(dict.fromkeys(row[f"cate_lv{i}_desc"] for i in range(1, 6)))
        code = f"{int(row['hs_code']):010d}"[:6]
        zh_text = " ".join(t for t in zh if t)
        out.append({"code": code, "zh": zh_text, "en": " ".join([row["product_name"], *en])})
    return out


class TfIdf:
    """Plain TF-IDF: (1 + log tf) · idf, idf = log((1 + N) / (1 + df)) + 1, unit rows."""

    def __init__(self, docs: list[list[str]], codes: list[str]) -> None:
        self.codes = codes
        self.vocab = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
        df = Counter(t for d in docs for t in set(d))
        n = len(docs)
        self.idf = np.array(
            [math.log((1 + n) / (1 + df[t])) + 1 for t in sorted(self.vocab)], dtype=np.float64
        )
        self.matrix = sparse.vstack([self._vector(d) for d in docs]).tocsr()

    def _vector(self, terms: list[str]) -> sparse.csr_matrix:
        counts = Counter(t for t in terms if t in self.vocab)
        cols = [self.vocab[t] for t in counts]
        vals = np.array([(1 + math.log(c)) * self.idf[self.vocab[t]] for t, c in counts.items()])
        norm = float(np.linalg.norm(vals)) or 1.0
        return sparse.csr_matrix((vals / norm, ([0] * len(cols), cols)), shape=(1, len(self.vocab)))

    def rank(self, terms: list[str], k: int) -> list[str]:
        scores = (self.matrix @ self._vector(terms).T).toarray().ravel()
        order = np.argsort(-scores, kind="stable")[:k]
        return [self.codes[i] for i in order if scores[i] > 0]


def _accuracy(ranker: Ranker, queries: list[dict[str, str]], field: str) -> dict[str, Any]:
    hits = {f"{level}@{k}": 0 for level in LEVELS for k in (1, 5)}
    latencies = []
    for query in queries:
        started = time.perf_counter()
        ranked = ranker(query[field], 5)
        latencies.append((time.perf_counter() - started) * 1000)
        for level, digits in LEVELS.items():
            want = query["code"][:digits]
            for k in (1, 5):
                if any(code[:digits] == want for code in ranked[:k]):
                    hits[f"{level}@{k}"] += 1
    result: dict[str, Any] = {key: round(100 * v / len(queries), 1) for key, v in hits.items()}
    result["median_ms"] = round(statistics.median(latencies), 1)
    return result


def run(data: Path, limit: int | None) -> dict[str, Any]:
    from ftz.domain.hs.nomenclature import nomenclature
    from ftz.domain.hs.search import hs_index, search, tokens

    queries = _queries(data, limit)
    index = hs_index()
    started = time.perf_counter()
    index.heading_vectors()
    setup_s = time.perf_counter() - started
    codes = [e.code for e in index.subs]
    tfidf = TfIdf([tokens(t) for t in index.lexical_texts], codes)
    vocabulary = index.vocabulary

    def bm25(text: str, k: int) -> list[str]:
        terms = [t for t in tokens(text) if t in vocabulary]
        if not terms:
            return []
        scores = np.asarray(index.retriever.get_scores(terms))
        return [codes[i] for i in np.argsort(-scores, kind="stable")[:k] if scores[i] > 0]

    rankers: dict[str, Ranker] = {
        "TF-IDF": lambda text, k: tfidf.rank(tokens(text), k),
        "BM25": bm25,
        "hybrid": lambda text, k: [hit.code for hit in search(text, k)],
    }
    results: dict[str, Any] = {"products": len(queries), "heading_vectors_s": round(setup_s, 1)}
    for field in ("zh", "en"):
        for name, ranker in rankers.items():
            if name == "hybrid":  # first pass embeds unseen subheadings; time the warm pass
                _accuracy(ranker, queries, field)
            results[f"{name} {field}"] = _accuracy(ranker, queries, field)
    results["subheadings"] = len(nomenclature().level("subheading"))
    return results


def _table(results: dict[str, Any]) -> str:
    keys = [f"{level}@{k}" for level in LEVELS for k in (1, 5)]
    lines = ["| ranker | fields | " + " | ".join(keys) + " | median ms |"]
    lines.append("|---|---|" + "---:|" * (len(keys) + 1))
    for name, row in results.items():
        if isinstance(row, dict):
            ranker, field = name.split(" ")
            cells = " | ".join(f"{row[key]:.1f}" for key in keys)
            lines.append(f"| {ranker} | {field} | {cells} | {row['median_ms']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--data-dir", type=Path, default=None, help="FTZ_DATA_DIR (caches)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="hs_bench_"))
    os.environ["FTZ_DATA_DIR"] = str(data_dir)  # before settings are read: caches go here
    results = run(args.data, args.limit)
    print(json.dumps(results, ensure_ascii=False) if args.json else _table(results))
    if not args.json:
        print(f"\n{results['products']} products; heading vectors {results['heading_vectors_s']} s")


if __name__ == "__main__":
    main()
