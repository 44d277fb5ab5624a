"""Finding a cargo by what a shipper types: a Chinese or English name, a synonym, a UN number.

Chinese is cut into words by jieba (search mode, so 重晶石粉 also yields 重晶石 and 晶石), with
the registry's own names added to its dictionary; English is cut at non-letters. Every cargo
stores its tokens (`Cargo.search_text`); a query matches a token exactly or as a prefix, and
when nothing matches that way, names close in spelling are found by difflib (a typo such as
"iron ore fnies" still finds IRON ORE FINES). Ranking is explained: each hit says what matched.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from typing import Any

import jieba  # type: ignore[import-untyped, unused-ignore]

from ftz.practices.cargo_rules import reference

CJK = re.compile(r"[\u3400-\u9fff]+")
WORD = re.compile(r"[a-z0-9]+")
UN_QUERY = re.compile(r"^\s*(?:un\s*)?(\d{4})\s*$", re.IGNORECASE)
FUZZY_CUTOFF = 0.8


@cache
def _segmenter() -> Any:
    jieba.setLogLevel(logging.WARNING)  # its start-up chatter would break one-line CLI errors
    segmenter = jieba.Tokenizer()
    for cargo in reference.listed_cargoes()["cargoes"]:
        for name in [cargo["name_zh"], *cargo.get("synonyms", [])]:
            if CJK.fullmatch(name):
                segmenter.add_word(name)
    return segmenter


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().strip()


def tokens(text: str) -> list[str]:
    """The words of `text`: jieba's search-mode words for Chinese runs, letters/digits else."""
    text = normalize(text)
    found: list[str] = []
    for run in CJK.findall(text):
        found.extend(w for w in _segmenter().lcut_for_search(run) if w.strip())
        found.append(run)
    found.extend(WORD.findall(CJK.sub(" ", text)))
    return list(dict.fromkeys(found))


def un_query(query: str) -> str | None:
    """ "UN1495", "un 1495" or "1495": the four digits; anything else is a name."""
    match = UN_QUERY.match(query)
    return match.group(1) if match else None


def search_text(names: Iterable[str], un_numbers: Iterable[str]) -> str:
    words: list[str] = []
    for name in names:
        words.extend(tokens(name))
    for un in un_numbers:
        if un:
            words.extend((un, f"un{un}"))
    return " " + " ".join(dict.fromkeys(words)) + " "


@dataclass
class Hit:
    cargo: Any
    score: float
    matched: list[str] = field(default_factory=list)


def _names(cargo: Any) -> list[str]:
    return [cargo.name_zh, cargo.name_en, *cargo.synonyms]


def query_words(query: str) -> list[str]:
    """The words of a query worth matching: one Chinese character (粉, 石) matches too much, so
    single characters count only when they are the whole query."""
    words = tokens(query)
    kept = [w for w in words if len(w) > 1 or not CJK.fullmatch(w)]
    return kept or words


def _close(word: str, own: list[str]) -> tuple[float, str]:
    """The candidate token closest in spelling to `word` (a typo such as "fnies")."""
    best, found = 0.0, ""
    for token in own:
        ratio = SequenceMatcher(None, word, token).ratio()
        if ratio > best:
            best, found = ratio, token
    return best, found


def rank(query: str, candidates: Iterable[Any]) -> list[Hit]:
    """Score each candidate by how the query meets its names; best first, ties by name."""
    q = normalize(query)
    wanted = query_words(query)
    hits: list[Hit] = []
    for cargo in candidates:
        hit = Hit(cargo, 0.0)
        names = [normalize(n) for n in _names(cargo)]
        if q in names:
            hit.score += 100
            hit.matched.append(f"name = {q}")
        elif any(q in n for n in names):
            hit.score += 40
            hit.matched.append(f"name contains {q}")
        own = cargo.search_text.split()
        for word in wanted:
            if word in own:
                hit.score += 10
                hit.matched.append(word)
            elif any(o.startswith(word) for o in own):
                hit.score += 6
                hit.matched.append(f"{word}…")
            elif len(word) >= 4 and not CJK.fullmatch(word):
                ratio, token = _close(word, own)
                if ratio >= FUZZY_CUTOFF:
                    hit.score += round(5 * ratio, 2)
                    hit.matched.append(f"{word} ≈ {token}")
        if hit.score:
            hits.append(hit)
    return sorted(hits, key=lambda h: (-h.score, h.cargo.name_en))


def fuzzy(query: str, candidates: Iterable[Any]) -> list[Hit]:
    """Names close in spelling to the whole query or to one of its words (typos)."""
    q = normalize(query)
    words = [w for w in query_words(query) if len(w) >= 4 or CJK.fullmatch(w)]
    hits: list[Hit] = []
    for cargo in candidates:
        best, why = 0.0, ""
        for name in _names(cargo):
            n = normalize(name)
            ratio = SequenceMatcher(None, q, n).ratio()
            if ratio > best:
                best, why = ratio, name
            for word in words:
                for part in n.split():
                    ratio = SequenceMatcher(None, word, part).ratio()
                    if ratio > best:
                        best, why = ratio, name
        if best >= FUZZY_CUTOFF:
            hits.append(Hit(cargo, round(5 * best, 2), [f"≈ {why}"]))
    return sorted(hits, key=lambda h: (-h.score, h.cargo.name_en))
