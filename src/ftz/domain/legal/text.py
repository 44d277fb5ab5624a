"""Chinese legal text for the lexical index: jieba (search-mode segmentation, so 民事诉讼法 also
yields 民事 / 诉讼) with our legal user dictionary (data/legal_dict.yaml: law names and terms
such as 滞纳金, 融资租赁, 保理人 that jieba's general dictionary splits wrongly), a short stop
list, and the parsing of citations such as 《海关法》第六十条 or 民法典第577条.

The tokenizer is built at first use, never at import time; jieba's prefix-dictionary cache is
kept under FTZ_DATA_DIR."""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jieba  # type: ignore[import-untyped]
import yaml

from ftz.config import get_settings

DATA = Path(__file__).parent / "data"
_LOCK = threading.Lock()
TOKENIZER_VERSION = 1  # bump when tokens() changes, so cached indexes are rebuilt
DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
PRC = "中华人民共和国"
# Words that run into a law's name when it is cited without 《》: 及民法典, 参照关税法.
LEADING = re.compile(r"^(?:.*?(?:以及|依据|根据|依照|按照|参照|适用|违反|援引|及|和|与|或|并|、))+")
CITATION = re.compile(
    r"《?(?P<law>[\u4e00-\u9fff]{1,30}?(?:法典|法|条例|规定|解释))》?"
    r"(?:的)?第(?P<number>[0-9零〇一二两三四五六七八九十百千]+)条"
)


def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text("utf-8"))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(str(w) for w in _yaml("stopwords.yaml")["words"])


@cache
def dictionary() -> tuple[tuple[str, int, str], ...]:
    return tuple((str(w), int(f), str(p)) for w, f, p in _yaml("legal_dict.yaml")["terms"])


@cache
def signature() -> str:
    """Changes whenever segmentation would: part of every index's cache key."""
    data = repr((TOKENIZER_VERSION, dictionary(), sorted(stopwords()), jieba.__version__))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def dictionary_terms() -> tuple[str, ...]:
    return tuple(word for word, _, _ in dictionary())


@cache
def tokenizer() -> jieba.Tokenizer:
    with _LOCK:
        jieba.setLogLevel(logging.WARNING)
        made = jieba.Tokenizer()
        cache_dir = get_settings().data_dir / "legal"
        cache_dir.mkdir(parents=True, exist_ok=True)
        made.tmp_dir = str(cache_dir)
        for word, frequency, tag in dictionary():
            made.add_word(word, frequency, tag)
        return made


WORD = re.compile(r"[^\W_]")  # a letter or digit of any script


def _keep(token: str, stop: frozenset[str]) -> bool:
    return token not in stop and WORD.search(token) is not None


def tokens(text: str) -> list[str]:
    """Index terms of `text`: search-mode jieba words, stop words and punctuation left out."""
    normalized = unicodedata.normalize("NFKC", text).lower()
    stop = stopwords()
    found = [t for t in tokenizer().lcut_for_search(normalized) if _keep(t, stop)]
    return found + [part for word in found if len(word) > 4 for part in _legal_parts(word)]


def _legal_parts(word: str) -> list[str]:
    """Legal terms inside a longer word (融资租赁 in 融资租赁合同): jieba's search mode adds only
    2- and 3-character parts, so a query for the 4-character term would miss the longer word."""
    terms = legal_terms()
    return [
        word[i : i + n]
        for n in range(4, len(word))
        for i in range(len(word) - n + 1)
        if word[i : i + n] in terms
    ]


@cache
def legal_terms() -> frozenset[str]:
    return frozenset(dictionary_terms())


def chinese_number(text: str) -> int | None:
    """第六十条 → 60; also accepts Arabic digits; None when it is not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (current or 1) * UNITS[ch]
            current = 0
        else:
            return None
    return total + current


@dataclass(frozen=True)
class Citation:
    law: str  # as written: 海关法, 中华人民共和国民法典, 民法典
    number: int


def citations(text: str) -> list[Citation]:
    """Every `law + article` citation in `text`, in order, without repeats."""
    found: list[Citation] = []
    for match in CITATION.finditer(unicodedata.normalize("NFKC", text)):
        number = chinese_number(match["number"])
        law = match["law"]
        law = law.split(PRC)[-1] if PRC in law else LEADING.sub("", law)
        if number is not None and Citation(law, number) not in found:
            found.append(Citation(law, number))
    return found
