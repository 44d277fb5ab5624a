"""The law corpus: an idempotent import that follows the source (changed and removed articles),
and search with citations, filters (law, article, date), BM25 and the hybrid with e5."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.kit.errors import FtzError
from ftz.domain.legal import index as index_module
from ftz.domain.legal.importer import bundled_database, import_laws
from ftz.domain.legal.index import Document, corpus_index
from ftz.domain.legal.models import Law, LawArticle, LawImport
from ftz.domain.legal.search import LawFilter, search_laws


def test_import_is_idempotent(session: Session, corpus: LawImport) -> None:
    # Other tests may have committed some of these laws already: count what is there.
    laws = session.scalars(
        select(Law).where(Law.short_name.in_(("海关法", "关税法", "对外贸易法", "民事诉讼法")))
    )
    assert len(list(laws)) == 5  # 对外贸易法 has two versions in the source
    assert corpus.articles_total > 600
    again = import_laws(session, names=("海关法", "关税法", "对外贸易法", "民事诉讼法"))
    assert (again.articles_added, again.articles_updated, again.articles_removed) == (0, 0, 0)
    assert again.note.startswith("no change")
    customs = session.scalar(select(Law).where(Law.short_name == "海关法"))
    assert customs is not None and customs.effective_date == date(1987, 7, 1)
    sixty = session.scalar(
        select(LawArticle).where(LawArticle.law_id == customs.id, LawArticle.number == 60)
    )
    assert sixty is not None and sixty.article_no == "第六十条" and "滞纳金" in sixty.text


def test_reimport_follows_a_changed_source(session: Session, tmp_path: Path) -> None:
    source = tmp_path / "laws.db"
    shutil.copy(bundled_database(), source)
    import_laws(session, path=source, names=("关税法",))
    with sqlite3.connect(source) as conn:
        conn.execute(
            "UPDATE articles SET article_text = article_text || '（修订）' "
            "WHERE law_name = '中华人民共和国关税法' AND article_no_arabic = 1"
        )
        conn.execute(
            "DELETE FROM articles WHERE law_name = '中华人民共和国关税法' "
            "AND article_no_arabic = 72"
        )
    changed = import_laws(session, path=source, names=("关税法",))
    assert (changed.articles_updated, changed.articles_removed) == (1, 1)
    assert changed.articles_total == 71
    tariff = select(Law.id).where(Law.short_name == "关税法")
    count = session.scalar(select(func.count(LawArticle.id)).where(LawArticle.law_id.in_(tariff)))
    assert count == 71


def test_import_refuses_a_file_that_is_not_the_corpus(session: Session, tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_bytes(b"not a database at all, just bytes" * 100)
    with pytest.raises(FtzError) as caught:
        import_laws(session, path=bad)
    assert caught.value.status == 422 and caught.value.errors[0].field == "from"
    with pytest.raises(FtzError) as unknown:
        import_laws(session, names=("没有这部法",))
    assert unknown.value.errors[0].field == "law"


def test_citation_comes_first_then_text_matches(session: Session, corpus: LawImport) -> None:
    found = search_laws(session, "海关法第六十条 滞纳金")
    assert found.hits[0].law_short == "海关法" and found.hits[0].number == 60
    assert found.hits[0].how == ["citation"]
    assert len({(h.law_short, h.number) for h in found.hits}) == len(found.hits)


def test_plain_question_finds_the_rule(session: Session, corpus: LawImport) -> None:
    found = search_laws(session, "进出口货物逾期缴纳税款要交多少滞纳金", k=5)
    top = {(h.law_short, h.number) for h in found.hits}
    assert ("海关法", 60) in top or ("关税法", 50) in top
    small = search_laws(session, "小额诉讼的程序 标的额 上年度就业人员年平均工资", k=3)
    assert small.hits[0].law_short == "民事诉讼法" and small.hits[0].number == 165


def test_filters_by_law_and_article(session: Session, corpus: LawImport) -> None:
    only = search_laws(session, "纳税义务人 缴纳税款", filters=LawFilter(law="关税法"))
    assert only.hits and {h.law_short for h in only.hits} == {"关税法"}
    sixty = search_laws(session, "", filters=LawFilter(article=60))
    assert {h.law_short for h in sixty.hits} >= {"海关法", "关税法", "民事诉讼法", "对外贸易法"}
    assert {h.number for h in sixty.hits} == {60}
    with pytest.raises(FtzError) as caught:
        search_laws(session, "税款", filters=LawFilter(law="不存在法"))
    assert caught.value.errors[0].field == "law"
    with pytest.raises(FtzError):
        search_laws(session, "  ")


def test_date_filter_uses_the_version_in_force(session: Session, corpus: LawImport) -> None:
    then = search_laws(
        session, "对外贸易经营者", filters=LawFilter(law="对外贸易法", on=date(2024, 6, 1))
    )
    assert then.hits and {h.effective_date for h in then.hits} == {date(2004, 7, 1)}
    assert {h.status for h in then.hits} == {"历史版本"}
    now = search_laws(session, "对外贸易经营者", filters=LawFilter(law="对外贸易法"))
    assert {h.status for h in now.hits} == {"现行有效"}


class CountingEmbedder:
    """The real e5 model, counting how many passages it was asked to embed."""

    name = "test-e5-counting"

    def __init__(self) -> None:
        from ftz.domain.legal.embeddings import E5Embedder

        self.inner = E5Embedder()
        self.embedded = 0

    def passages(self, texts: list[str]) -> np.ndarray:
        self.embedded += len(texts)
        return self.inner.passages(texts)

    def query(self, text: str) -> np.ndarray:
        return self.inner.query(text)


def test_hybrid_fuses_dense_and_lexical_and_caches_vectors() -> None:
    docs = [
        Document("a", "承租人经催告后在合理期限内仍不支付租金的，出租人可以请求支付全部租金"),
        Document("b", "出卖人应当按照约定的时间交付标的物"),
        Document("c", "借款人应当按照约定的期限返还借款"),
        Document("d", "保理人可以向应收账款债务人主张应收账款债权"),
        Document("e", "托运人应当向承运人支付运费"),
    ]
    embedder = CountingEmbedder()
    index = corpus_index("test-hybrid", "v1", lambda: docs, embedder)
    hits = index.search("租户一直拖欠房租，出租方能否要求一次付清", k=3, mode="hybrid")
    assert hits[0].key == "a" and "dense" in hits[0].parts
    assert embedder.embedded == 5  # a small corpus is embedded whole, once
    index.search("欠钱不还", k=3, mode="hybrid")
    assert embedder.embedded == 5  # vectors come from the cache
    lexical = index.search("应收账款", k=3, mode="bm25")
    assert [h.key for h in lexical] == ["d"] and lexical[0].dense is None


def test_large_corpus_hybrid_reranks_only_the_lexical_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(index_module, "SMALL_CORPUS", 2)
    monkeypatch.setattr(index_module, "CANDIDATES", 3)
    docs = [Document(str(i), f"第{i}条 合同 违约金 条款 编号{i}") for i in range(8)]
    embedder = CountingEmbedder()
    index = corpus_index("test-rerank", "v1", lambda: docs, embedder)
    index.search("合同违约金", k=3, mode="hybrid")
    assert embedder.embedded == 3
