"""Legal-basis search over the law corpus: free text (jieba + BM25, optionally fused with e5
embeddings), citations written in the query (《海关法》第六十条 is looked up directly and put
first), and filters by law, article number, date and status.

Which articles are searched: by default the current text (source statuses 现行有效 and
已被修改). With `on=DATE`, the version of each law in force on that date instead: among the
versions of a law (same name), the one with the latest effective date on or before DATE —
so a dispute of 2024 is searched against the 对外贸易法 of 2022, not the one of 2026. Repealed
laws (已废止) are left out of both, since the source does not say when they were repealed."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.kit.errors import not_found, validation_error
from ftz.domain.legal.index import CorpusIndex, Document, Mode, corpus_index
from ftz.domain.legal.models import CURRENT_STATUSES, Law, LawArticle
from ftz.domain.legal.text import citations

CORPUS = "laws"
MAX_K = 50


@dataclass(frozen=True)
class LawFilter:
    law: str | None = None  # full or short name: 中华人民共和国海关法 / 海关法
    article: int | None = None  # article number (60 for 第六十条)
    on: date | None = None  # the versions in force on this date
    department: str | None = None  # 民法商法, 经济法, 行政法, …


@dataclass
class LawHit:
    article_id: str
    law: str
    law_short: str
    article_no: str
    number: int | None
    chapter: str
    text: str
    effective_date: date | None
    status: str
    score: float
    rank: int
    how: list[str] = field(default_factory=list)
    bm25_rank: int | None = None
    dense_rank: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "law": self.law,
            "law_short": self.law_short,
            "article_no": self.article_no,
            "number": self.number,
            "chapter": self.chapter,
            "text": self.text,
            "effective_date": self.effective_date,
            "status": self.status,
            "score": round(self.score, 6),
            "rank": self.rank,
            "how": self.how,
            "bm25_rank": self.bm25_rank,
            "dense_rank": self.dense_rank,
        }


@dataclass
class LawSearchResult:
    query: str
    mode: Mode
    filters: dict[str, Any]
    searched: int  # articles under the filters
    hits: list[LawHit]
    took_ms: float


@dataclass(frozen=True)
class _Meta:
    law_id: str
    name: str
    short_name: str
    number: int | None
    status: str
    effective: date | None
    department: str


def corpus_stamp(session: Session) -> str:
    count, latest = session.execute(
        select(func.count(LawArticle.id), func.max(LawArticle.updated_at))
    ).one()
    laws, law_latest = session.execute(select(func.count(Law.id), func.max(Law.updated_at))).one()
    return f"{count}:{latest}:{laws}:{law_latest}"


_META: dict[str, dict[str, _Meta]] = {}


def _index(session: Session) -> tuple[CorpusIndex, dict[str, _Meta]]:
    stamp = corpus_stamp(session)
    rows = None

    def documents() -> list[Document]:
        nonlocal rows
        rows = _rows(session)
        return [
            Document(r.id, f"{r.short_name} {r.article_no} {r.chapter} {r.section} {r.text}")
            for r in rows
        ]

    index = corpus_index(CORPUS, stamp, documents)
    if stamp not in _META:
        rows = rows if rows is not None else _rows(session)
        _META.clear()
        _META[stamp] = {
            r.id: _Meta(
                r.law_id,
                r.name,
                r.short_name,
                r.number,
                r.law_status,
                r.effective_date,
                r.department,
            )
            for r in rows
        }
    return index, _META[stamp]


def _rows(session: Session) -> list[Any]:
    query = (
        select(
            LawArticle.id,
            LawArticle.article_no,
            LawArticle.number,
            LawArticle.chapter,
            LawArticle.section,
            LawArticle.text,
            Law.id.label("law_id"),
            Law.name,
            Law.short_name,
            Law.status.label("law_status"),
            Law.effective_date,
            Law.department,
        )
        .join(Law, Law.id == LawArticle.law_id)
        .order_by(Law.source_key, LawArticle.position)
    )
    return list(session.execute(query))


def _in_force(meta: dict[str, _Meta], on: date | None) -> set[str]:
    """Law ids searched: current texts, or each law's version in force on `on`."""
    if on is None:
        return {m.law_id for m in meta.values() if m.status in CURRENT_STATUSES}
    versions: dict[str, dict[str, date]] = defaultdict(dict)
    for m in meta.values():
        if m.status != "已废止" and m.effective is not None and m.effective <= on:
            versions[m.name][m.law_id] = m.effective
    return {max(v.items(), key=lambda kv: kv[1])[0] for v in versions.values()}


def _allowed(meta: dict[str, _Meta], filters: LawFilter) -> list[str]:
    laws = _in_force(meta, filters.on)
    if filters.law:
        named = {m.law_id for m in meta.values() if filters.law in (m.name, m.short_name)}
        if not named:
            raise validation_error("law", f"no law named {filters.law} in the corpus")
        laws &= named
    return [
        key
        for key, m in meta.items()
        if m.law_id in laws
        and (filters.article is None or m.number == filters.article)
        and (filters.department is None or m.department == filters.department)
    ]


def _cited(meta: dict[str, _Meta], allowed: set[str], query: str) -> list[str]:
    keys: list[str] = []
    for cite in citations(query):
        keys += [
            k
            for k, m in meta.items()
            if k in allowed and m.number == cite.number and cite.law.endswith(m.short_name)
        ]
    return keys


def search_laws(
    session: Session,
    query: str,
    *,
    filters: LawFilter | None = None,
    k: int = 10,
    mode: Mode = "bm25",
) -> LawSearchResult:
    """The `k` articles that best answer `query` under `filters`."""
    filters = filters or LawFilter()
    text = query.strip()
    if not text and filters.article is None:
        raise validation_error("query", "enter words to search for, or an article number")
    if not 1 <= k <= MAX_K:
        raise validation_error("k", f"between 1 and {MAX_K}")
    started = time.perf_counter()
    index, meta = _index(session)
    allowed = _allowed(meta, filters)
    cited = _cited(meta, set(allowed), text)
    found = index.search(text, keys=allowed, k=k, mode=mode) if text else []
    order: list[tuple[str, float, list[str], int | None, int | None]] = [
        (key, 1.0, ["citation"], None, None) for key in cited
    ]
    order += [
        (h.key, h.score, h.parts, h.bm25_rank, h.dense_rank) for h in found if h.key not in cited
    ]
    if not text:  # an article number alone: every law's article of that number
        order = [(key, 0.0, ["filter"], None, None) for key in allowed]
    hits = _hits(session, order[:k])
    took = (time.perf_counter() - started) * 1000
    shown = {
        "law": filters.law,
        "article": filters.article,
        "on": filters.on,
        "department": filters.department,
    }
    return LawSearchResult(text, mode, shown, len(allowed), hits, round(took, 1))


def _hits(
    session: Session, order: list[tuple[str, float, list[str], int | None, int | None]]
) -> list[LawHit]:
    keys = [o[0] for o in order]
    rows = {
        a.id: (a, law)
        for a, law in session.execute(
            select(LawArticle, Law)
            .join(Law, Law.id == LawArticle.law_id)
            .where(LawArticle.id.in_(keys))
        )
    }
    hits = []
    for rank, (key, score, how, bm25_rank, dense_rank) in enumerate(order, start=1):
        article, law = rows[key]
        hits.append(
            LawHit(
                article.id,
                law.name,
                law.short_name,
                article.article_no,
                article.number,
                article.chapter,
                article.text,
                law.effective_date,
                law.status,
                score,
                rank,
                how,
                bm25_rank,
                dense_rank,
            )
        )
    return hits


def laws_index(session: Session) -> CorpusIndex:
    """The built index (for `laws embed` and the benchmark)."""
    return _index(session)[0]


def current_keys(session: Session, names: list[str] | None = None) -> list[str]:
    _, meta = _index(session)
    keys = _allowed(meta, LawFilter())
    if names:
        keys = [k for k in keys if meta[k].name in names or meta[k].short_name in names]
    return keys


def get_article(session: Session, article_id: str) -> tuple[LawArticle, Law]:
    found = session.execute(
        select(LawArticle, Law)
        .join(Law, Law.id == LawArticle.law_id)
        .where(LawArticle.id == article_id)
    ).first()
    if found is None:
        raise not_found("article")
    return found[0], found[1]


def list_laws(session: Session, *, q: str = "", current_only: bool = True) -> list[dict[str, Any]]:
    counts = (
        select(LawArticle.law_id, func.count(LawArticle.id).label("n"))
        .group_by(LawArticle.law_id)
        .subquery()
    )
    query = select(Law, counts.c.n).join(counts, counts.c.law_id == Law.id)
    if current_only:
        query = query.where(Law.status.in_(CURRENT_STATUSES))
    if q:
        query = query.where(Law.name.like(f"%{q}%"))
    return [
        {
            "id": law.id,
            "name": law.name,
            "short_name": law.short_name,
            "status": law.status,
            "effective_date": law.effective_date,
            "department": law.department,
            "articles": n,
        }
        for law, n in session.execute(query.order_by(Law.department, Law.name))
    ]
