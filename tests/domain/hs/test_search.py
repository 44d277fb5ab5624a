from __future__ import annotations

import pytest

from ftz.domain.hs.nomenclature import HsCodeError
from ftz.domain.hs.search import HsIndex, search, tokens

# (query, expected code or code prefix): each must be among the top 5.
QUALITY = [
    ("锂离子蓄电池", "850760"),
    ("lithium-ion battery", "850760"),
    ("咖啡豆", "0901"),
    ("frozen shrimp", "030617"),
    ("冻虾", "030617"),
    ("笔记本电脑", "847130"),
    ("smartphone", "851713"),
    ("电动汽车", "870380"),
    ("冷冻牛肉", "0202"),
    ("green tea", "0902"),
    ("red wine", "2204"),
    ("游艇", "8903"),
    ("cotton T-shirt", "6109"),
    ("大豆", "1201"),
    ("女式连衣裙", "6204"),
    # headings with no Chinese name in names_zh.csv: found through the multilingual embeddings
    ("钢琴", "9201"),
    ("雨伞", "6601"),
]


@pytest.mark.parametrize(("query", "expected"), QUALITY)
def test_search_quality(index: HsIndex, query: str, expected: str) -> None:
    codes = [hit.code for hit in search(query, 5)]
    assert any(code.startswith(expected) for code in codes), codes


def test_cross_language_agrees(index: HsIndex) -> None:
    assert search("frozen shrimp", 1)[0].code == search("冻虾", 1)[0].code == "030617"


def test_results_are_subheadings_best_first(index: HsIndex) -> None:
    hits = search("lithium-ion battery", 10)
    assert len(hits) == 10
    assert all(len(h.code) == 6 and h.code.isdigit() for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].description_zh == "锂离子蓄电池"


def test_code_prefix_lists_subheadings_in_order() -> None:
    assert [h.code for h in search("8507", 3)] == ["850710", "850720", "850730"]
    assert [h.code for h in search("8507.6", 5)] == ["850760"]
    assert [h.code for h in search("8507600000", 5)] == ["850760"]


@pytest.mark.parametrize(("query", "k"), [("   ", 5), ("8599", 5), ("battery", 0), ("battery", 51)])
def test_bad_search_input(query: str, k: int) -> None:
    with pytest.raises(HsCodeError):
        search(query, k)


def test_tokens_mix_languages_and_singularize() -> None:
    assert tokens("Batteries and shrimps") == ["battery", "shrimp"]
    assert "锂离子" in tokens("锂离子蓄电池")
