"""Segmentation with the legal user dictionary, the stop list, and citation parsing."""

from __future__ import annotations

from ftz.domain.legal.text import chinese_number, citations, dictionary_terms, tokens


def test_legal_terms_stay_whole() -> None:
    words = tokens("承租人经催告后仍不支付租金的，出租人可以解除融资租赁合同并主张滞纳金")
    for term in ("承租人", "出租人", "融资租赁", "滞纳金", "租金"):
        assert term in words
    assert "的" not in words and "，" not in words


def test_search_mode_also_yields_the_parts_of_long_names() -> None:
    words = tokens("依照民事诉讼法和海关法")
    assert {"民事诉讼法", "海关法"} <= set(words)
    assert "诉讼" in words  # search mode: a query for 诉讼 still finds 民事诉讼法


def test_every_dictionary_line_has_a_term() -> None:
    terms = dictionary_terms()
    assert len(terms) >= 150 and len(set(terms)) == len(terms)
    assert {"海关法", "关税法", "对外贸易法", "民法典", "民事诉讼法"} <= set(terms)


def test_chinese_numbers() -> None:
    assert chinese_number("六十") == 60
    assert chinese_number("一百六十五") == 165
    assert chinese_number("七百五十二") == 752
    assert chinese_number("十") == 10
    assert chinese_number("一千二百六十") == 1260
    assert chinese_number("577") == 577
    assert chinese_number("六十x") is None


def test_citations_in_free_text() -> None:
    found = citations("依据《中华人民共和国海关法》第六十条及民法典第577条，参照关税法第四十三条")
    assert [(c.law, c.number) for c in found] == [("海关法", 60), ("民法典", 577), ("关税法", 43)]
    assert citations("没有引用") == []
