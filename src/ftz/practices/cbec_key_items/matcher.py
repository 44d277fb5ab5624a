"""The key-items list compiled into one matcher that screens declaration lines in bulk.

- Keywords (Chinese and English, with their synonyms) go into one Aho-Corasick automaton
  (pyahocorasick, C) over normalized text: NFKC (full-width → half-width) and lower case. A
  batch of lines is joined into one string and scanned once; each match is placed on its line
  by bisection. English keywords must stand as words (no letter or digit either side), so
  "ink" does not fire on "pink"; Chinese keywords match as substrings.
- HS ranges are intervals of 6-digit subheadings; a line's code is looked up once per distinct
  code (declarations repeat codes) against the intervals sorted by their start.
- Enterprise lists are a set per code; thresholds (weight, value) are checked on candidates only.

No database here: the service compiles a version once per process (by its content hash) and
the benchmark (bench/key_items.py) runs the same class beside `RegexBaseline`, the
straightforward per-line, per-rule regular expressions, which must find the same hits."""

from __future__ import annotations

import importlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add
from typing import Any, NamedTuple

try:  # pyahocorasick ships no type information
    _ahocorasick: Any = importlib.import_module("ahocorasick")
except ImportError:  # pragma: no cover - the pure-Python automaton below is used instead
    _ahocorasick = None

WORD = re.compile(r"[a-z0-9]")


def normalize_text(text: str) -> str:
    """NFKC (full-width letters, digits and spaces become half-width) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def hs_interval(code: str) -> tuple[int, int]:
    """The 6-digit subheadings a normalized HS code (2, 4 or 6 digits) covers."""
    return int(code.ljust(6, "0")), int(code.ljust(6, "9"))


@dataclass(frozen=True)
class Rule:
    """One compiled item of the list. A rule fires on a line when one of its triggers does
    (keyword, HS range, enterprise; a rule with none fires on every line) and every threshold
    it has is exceeded."""

    id: str
    category: str
    reason_zh: str
    reason_en: str
    source: str
    keywords: tuple[str, ...] = ()
    hs: tuple[tuple[int, int], ...] = ()
    enterprises: frozenset[str] = frozenset()
    weight_over_kg: float | None = None
    value_over_cny: float | None = None

    def over_thresholds(self, weight_kg: float, value_cny: float) -> bool:
        if self.weight_over_kg is not None and not weight_kg > self.weight_over_kg:
            return False
        return self.value_over_cny is None or value_cny > self.value_over_cny


class Line(NamedTuple):
    """What the matcher reads of a declaration line: its text (name and specification), its
    normalized HS code ("" when none), weight and value."""

    text: str
    hs: str
    weight_kg: float
    value_cny: float


class Hit(NamedTuple):
    rule: int  # index into Matcher.rules
    trigger: str  # keyword / hs / enterprise / threshold
    matched: str


class _PyAutomaton:
    """A small pure-Python Aho-Corasick automaton with pyahocorasick's interface, used only
    when pyahocorasick is not installed (same results, slower)."""

    def __init__(self) -> None:
        self._goto: list[dict[str, int]] = [{}]
        self._out: list[list[Any]] = [[]]
        self._fail: list[int] = [0]

    def add_word(self, key: str, value: Any) -> None:
        node = 0
        for char in key:
            nxt = self._goto[node].get(char)
            if nxt is None:
                nxt = len(self._goto)
                self._goto[node][char] = nxt
                self._goto.append({})
                self._out.append([])
                self._fail.append(0)
            node = nxt
        self._out[node] = [value]

    def make_automaton(self) -> None:
        queue = list(self._goto[0].values())
        for node in queue:
            for char, nxt in self._goto[node].items():
                queue.append(nxt)
                back = self._fail[node]
                while back and char not in self._goto[back]:
                    back = self._fail[back]
                target = self._goto[back].get(char, 0)
                self._fail[nxt] = target if target != nxt else 0
                self._out[nxt] = self._out[nxt] + self._out[self._fail[nxt]]

    def iter(self, text: str) -> Iterator[tuple[int, Any]]:
        node = 0
        for index, char in enumerate(text):
            while node and char not in self._goto[node]:
                node = self._fail[node]
            node = self._goto[node].get(char, 0)
            for value in self._out[node]:
                yield index, value


def _automaton() -> Any:
    return _ahocorasick.Automaton() if _ahocorasick is not None else _PyAutomaton()


ENGINE = "pyahocorasick" if _ahocorasick is not None else "python"


@dataclass
class Matcher:
    rules: Sequence[Rule]
    version: int
    _automaton: Any = field(init=False, repr=False)
    _starts: list[int] = field(init=False, repr=False)
    _intervals: list[tuple[int, int, int]] = field(init=False, repr=False)
    _enterprises: dict[str, list[int]] = field(init=False, repr=False)
    _everywhere: list[int] = field(init=False, repr=False)
    _hs_cache: dict[str, tuple[int, ...]] = field(init=False, repr=False)
    _has_words: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        words: dict[str, list[int]] = {}
        self._enterprises = {}
        self._everywhere = []
        self._intervals = []
        for index, rule in enumerate(self.rules):
            for keyword in rule.keywords:
                words.setdefault(normalize_text(keyword), []).append(index)
            for code in rule.enterprises:
                self._enterprises.setdefault(code.upper(), []).append(index)
            for lo, hi in rule.hs:
                self._intervals.append((lo, hi, index))
            if not (rule.keywords or rule.hs or rule.enterprises):
                self._everywhere.append(index)
        self._automaton = _automaton()
        for word, indexes in words.items():
            ascii_word = word.isascii()
            self._automaton.add_word(word, (len(word), ascii_word, word, tuple(indexes)))
        self._has_words = bool(words)
        if words:
            self._automaton.make_automaton()
        self._intervals.sort()
        self._starts = [lo for lo, _, _ in self._intervals]
        self._hs_cache = {}

    @property
    def keyword_count(self) -> int:
        return sum(len(rule.keywords) for rule in self.rules)

    def _hs_rules(self, code: str) -> tuple[int, ...]:
        found = self._hs_cache.get(code)
        if found is None:
            lo, hi = hs_interval(code)
            upto = bisect_right(self._starts, hi)
            found = tuple(sorted({i for a, b, i in self._intervals[:upto] if b >= lo}))
            self._hs_cache[code] = found
        return found

    def _keywords(self, lines: Sequence[Line]) -> dict[int, dict[int, Hit]]:
        """Keyword hits by line, one per rule (the first keyword that fired)."""
        found: dict[int, dict[int, Hit]] = {}
        if not self._has_words or not lines:
            return found
        text = normalize_text("\n".join(line.text.replace("\n", " ") for line in lines))
        # where each line starts in the joined text, computed in C (no Python loop per line)
        ends = accumulate(map(len, text.split("\n")))
        starts = [0, *map(add, ends, range(1, len(lines)))]
        size = len(text)
        for end, (length, ascii_word, word, indexes) in self._automaton.iter(text):
            begin = end - length + 1
            if ascii_word and (
                (begin > 0 and WORD.match(text[begin - 1]))
                or (end + 1 < size and WORD.match(text[end + 1]))
            ):
                continue
            row = bisect_right(starts, begin) - 1
            hits = found.setdefault(row, {})
            for index in indexes:
                if index not in hits:
                    hits[index] = Hit(index, "keyword", word)
        return found

    def screen(self, lines: Sequence[Line], enterprises: Iterable[str] = ()) -> list[list[Hit]]:
        """The hits of every line, in rule order; `enterprises` are the codes the declaration
        names (declarant, e-commerce enterprise)."""
        keyword_hits = self._keywords(lines)
        listed: dict[int, str] = {}
        for code in enterprises:
            for index in self._enterprises.get(code.upper(), ()):
                listed.setdefault(index, code)
        rules = self.rules
        result: list[list[Hit]] = []
        for row, line in enumerate(lines):
            candidates = keyword_hits.get(row)
            if line.hs:
                for index in self._hs_rules(line.hs):
                    candidates = candidates if candidates is not None else {}
                    candidates.setdefault(index, Hit(index, "hs", line.hs))
            if listed:
                candidates = candidates if candidates is not None else {}
                for index, code in listed.items():
                    candidates.setdefault(index, Hit(index, "enterprise", code))
            if self._everywhere:
                candidates = candidates if candidates is not None else {}
                for index in self._everywhere:
                    candidates.setdefault(index, Hit(index, "threshold", ""))
            if not candidates:
                result.append([])
                continue
            result.append(
                [
                    hit
                    for index, hit in sorted(candidates.items())
                    if rules[index].over_thresholds(line.weight_kg, line.value_cny)
                ]
            )
        return result


class RegexBaseline:
    """The straightforward screen: for each line, each rule's own compiled regular expression
    (its keywords as an alternation) and its HS ranges, enterprises and thresholds in turn."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = rules
        self._patterns: list[re.Pattern[str] | None] = []
        for rule in rules:
            parts = []
            for keyword in rule.keywords:
                word = re.escape(normalize_text(keyword))
                ascii_word = normalize_text(keyword).isascii()
                parts.append(rf"(?<![a-z0-9]){word}(?![a-z0-9])" if ascii_word else word)
            self._patterns.append(re.compile("|".join(parts)) if parts else None)

    def screen(self, lines: Sequence[Line], enterprises: Iterable[str] = ()) -> list[list[Hit]]:
        codes = {c.upper() for c in enterprises}
        result: list[list[Hit]] = []
        for line in lines:
            text = normalize_text(line.text.replace("\n", " "))
            span = hs_interval(line.hs) if line.hs else None
            hits: list[Hit] = []
            for index, rule in enumerate(self.rules):
                hit: Hit | None = None
                pattern = self._patterns[index]
                match = pattern.search(text) if pattern is not None else None
                if match is not None:
                    hit = Hit(index, "keyword", match.group(0))
                elif span is not None and any(a <= span[1] and b >= span[0] for a, b in rule.hs):
                    hit = Hit(index, "hs", line.hs)
                elif rule.enterprises & codes:
                    hit = Hit(index, "enterprise", sorted(rule.enterprises & codes)[0])
                elif not (rule.keywords or rule.hs or rule.enterprises):
                    hit = Hit(index, "threshold", "")
                if hit is not None and rule.over_thresholds(line.weight_kg, line.value_cny):
                    hits.append(hit)
            result.append(hits)
        return result
