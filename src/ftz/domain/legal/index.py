"""A searchable corpus: a BM25 index (bm25s over jieba terms) and, for hybrid search, dense
vectors fused with reciprocal rank fusion (RRF, Cormack et al. 2009: score = Σ 1/(60 + rank)).

Indexes are built at first use, saved under FTZ_DATA_DIR/legal/<corpus>-<digest>/ and loaded
from there by later processes; the digest covers every document's key and text, so a changed
corpus gets a new index and an unchanged one is never rebuilt. Nothing here touches the network.

Dense retrieval covers the whole corpus when every document under the filter has a vector
(small corpora are embedded at first use; a large one after `laws embed`); otherwise the hybrid
reranks the lexical candidates with their vectors (embedded on demand and cached)."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import bm25s  # type: ignore[import-untyped]
import numpy as np
from numpy.typing import NDArray

from ftz.config import get_settings
from ftz.domain.legal.embeddings import Embedder, EmbeddingCache, default_embedder
from ftz.domain.legal.text import signature, tokens

Mode = Literal["bm25", "hybrid"]
RRF_K = 60
CANDIDATES = 40  # lexical candidates reranked by the dense model when not fully embedded
SMALL_CORPUS = 1500  # corpora up to this size are embedded whole at first hybrid use
_LOCK = threading.Lock()
_LOADED: dict[str, CorpusIndex] = {}


@dataclass(frozen=True)
class Document:
    key: str  # our row id
    text: str  # what is indexed (title, headings and body)


@dataclass
class Hit:
    key: str
    score: float
    bm25: float = 0.0
    bm25_rank: int | None = None
    dense: float | None = None
    dense_rank: int | None = None
    parts: list[str] = field(default_factory=list)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_root() -> Path:
    return get_settings().data_dir / "legal"


class CorpusIndex:
    def __init__(
        self, name: str, documents: Sequence[Document], retriever: bm25s.BM25, embedder: Embedder
    ) -> None:
        self.name = name
        self.keys = [d.key for d in documents]
        self.texts = [d.text for d in documents]
        self.shas = [_sha(t) for t in self.texts]
        self.position = {key: i for i, key in enumerate(self.keys)}
        self.retriever = retriever
        self.vocabulary: dict[str, int] = dict(retriever.vocab_dict)
        self.embeddings = EmbeddingCache(cache_root() / "embeddings", embedder)
        self.stamp = ""

    def __len__(self) -> int:
        return len(self.keys)

    def mask(self, keys: Sequence[str] | None) -> NDArray[np.bool_]:
        if keys is None:
            return np.ones(len(self.keys), dtype=bool)
        allowed = np.zeros(len(self.keys), dtype=bool)
        allowed[[self.position[k] for k in keys if k in self.position]] = True
        return allowed

    def bm25_scores(self, query: str) -> NDArray[np.float32]:
        terms = [t for t in tokens(query) if t in self.vocabulary]
        if not terms or not self.keys:
            return np.zeros(len(self.keys), dtype=np.float32)
        return np.asarray(self.retriever.get_scores(terms), dtype=np.float32)

    def _ranked(self, scores: NDArray[np.float32], allowed: NDArray[np.bool_], k: int) -> list[int]:
        masked = np.where(allowed & (scores > 0), scores, -np.inf)
        k = min(k, int(np.isfinite(masked).sum()))
        if k <= 0:
            return []
        top = np.argpartition(-masked, k - 1)[:k]
        return [int(i) for i in top[np.argsort(-masked[top], kind="stable")]]

    def _dense(
        self, query: str, allowed: NDArray[np.bool_], candidates: list[int], k: int
    ) -> tuple[list[int], NDArray[np.float32]]:
        """Dense ranking over the whole filtered corpus when it is embedded (or small enough to
        embed now), else over the lexical candidates."""
        pool = np.flatnonzero(allowed)
        known = self.embeddings.known([self.shas[i] for i in pool])
        if not (known.all() or len(self.keys) <= SMALL_CORPUS):
            pool = np.array(candidates, dtype=np.int64)
        if len(pool) == 0:
            return [], np.zeros(0, dtype=np.float32)
        vectors = self.embeddings.vectors(
            [self.shas[i] for i in pool], [self.texts[i] for i in pool]
        )
        similarity = vectors @ self.embeddings.embedder.query(query)
        order = np.argsort(-similarity, kind="stable")[:k]
        scores = np.full(len(self.keys), np.nan, dtype=np.float32)
        scores[pool] = similarity
        return [int(pool[i]) for i in order], scores

    def search(
        self, query: str, *, keys: Sequence[str] | None = None, k: int = 10, mode: Mode = "bm25"
    ) -> list[Hit]:
        """The best `k` documents for `query` among `keys` (all when None)."""
        allowed = self.mask(keys)
        scores = self.bm25_scores(query)
        lexical = self._ranked(scores, allowed, max(k, CANDIDATES))
        if mode == "bm25":
            return [
                Hit(self.keys[i], float(scores[i]), float(scores[i]), r, parts=["bm25"])
                for r, i in enumerate(lexical[:k], start=1)
            ]
        dense, similarity = self._dense(query, allowed, lexical, max(k, CANDIDATES))
        fused: dict[int, Hit] = {}
        for rank, i in enumerate(lexical, start=1):
            hit = fused.setdefault(i, Hit(self.keys[i], 0.0, float(scores[i])))
            hit.bm25_rank, hit.score = rank, hit.score + 1 / (RRF_K + rank)
            hit.parts.append("bm25")
        for rank, i in enumerate(dense, start=1):
            hit = fused.setdefault(i, Hit(self.keys[i], 0.0, float(scores[i])))
            hit.dense_rank, hit.score = rank, hit.score + 1 / (RRF_K + rank)
            hit.parts.append("dense")
        for i, hit in fused.items():
            hit.dense = None if np.isnan(similarity[i]) else float(similarity[i])
        best = sorted(fused.values(), key=lambda h: (-h.score, h.bm25_rank or 10**9))
        return best[:k]

    def embed_all(self, keys: Sequence[str] | None = None, batch: int = 32) -> int:
        """Embed (and cache) the documents under `keys`; returns how many were new."""
        pool = np.flatnonzero(self.mask(keys))
        fresh = [
            i
            for i, known in zip(
                pool, self.embeddings.known([self.shas[i] for i in pool]), strict=True
            )
            if not known
        ]
        for start in range(0, len(fresh), batch):
            part = fresh[start : start + batch]
            self.embeddings.vectors([self.shas[i] for i in part], [self.texts[i] for i in part])
        return len(fresh)


def _digest(documents: Sequence[Document]) -> str:
    digest = hashlib.sha256(signature().encode())
    for doc in documents:
        digest.update(doc.key.encode())
        digest.update(b"\x1f")
        digest.update(_sha(doc.text).encode())
    return digest.hexdigest()[:20]


def _build(folder: Path, documents: Sequence[Document]) -> bm25s.BM25:
    retriever = bm25s.BM25()
    retriever.index([tokens(d.text) for d in documents] or [[""]], show_progress=False)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    retriever.save(str(tmp), show_progress=False)
    (tmp / "keys.json").write_text(json.dumps([d.key for d in documents]), "utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return retriever


def corpus_index(
    name: str,
    stamp: str,
    documents: Callable[[], Sequence[Document]],
    embedder: Embedder | None = None,
) -> CorpusIndex:
    """The index of corpus `name` at version `stamp` (a cheap fingerprint the caller reads from
    its tables): the in-process one, else the one saved on disk, else built now."""
    key = f"{get_settings().data_dir}|{name}"
    with _LOCK:
        loaded = _LOADED.get(key)
        if loaded is not None and loaded.stamp == stamp:
            return loaded
        docs = list(documents())
        folder = cache_root() / f"{name}-{_digest(docs)}"
        if (folder / "keys.json").exists():
            retriever = bm25s.BM25.load(str(folder), show_progress=False)
        else:
            folder.parent.mkdir(parents=True, exist_ok=True)
            retriever = _build(folder, docs)
        index = CorpusIndex(name, docs, retriever, embedder or default_embedder())
        index.stamp = stamp
        _LOADED[key] = index
        return index
