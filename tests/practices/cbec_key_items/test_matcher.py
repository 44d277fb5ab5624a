"""The compiled matcher without a database: normalization (full-width, case), English words
whole and Chinese substrings, HS intervals, enterprise lists, thresholds (strictly over), the
same hits as the per-line regex baseline and as the pure-Python automaton, and the list's
validation."""

from __future__ import annotations

import random

import pytest
from pydantic import ValidationError

from ftz.practices.cbec_key_items import matcher as m
from ftz.practices.cbec_key_items.keylist import KeyItemListIn, compiled, shipped, to_rules
from ftz.practices.cbec_key_items.matcher import Line, Matcher, RegexBaseline


def ids(found: Matcher, lines: list[Line], codes: tuple[str, ...] = ()) -> list[list[str]]:
    return [[found.rules[h.rule].id for h in hits] for hits in found.screen(lines, codes)]


@pytest.fixture(scope="module")
def v1() -> Matcher:
    return compiled(1, shipped())


def test_keywords_hs_enterprises_and_thresholds(v1: Matcher) -> None:
    lines = [
        Line("ＰＯＷＥＲ　ＢＡＮＫ 20000mAh", "", 0.5, 100),  # full-width, upper case
        Line("pink ink pen; sparklers", "960810", 1, 10),  # "sparkler" is no whole word here
        Line("锂电池组 48V", "850760", 5.001, 900),  # keyword over 5 kg, and the HS range
        Line("锂电池组 48V", "", 5, 900),  # exactly 5 kg is not over the limit
        Line("纯棉T恤", "610910", 30, 50),
        Line("Gold necklace", "711319", 0.1, 20000.01),
        Line("Gold necklace", "711319", 0.1, 20000),
        Line("香水\n礼盒", "330300", 1, 1),  # a newline inside a line stays on its line
    ]
    assert ids(v1, lines) == [
        ["KI-BAT-POWERBANK"],
        [],
        ["KI-BAT-CELLS", "KI-BAT-HS"],
        [],
        [],
        ["KI-VALUABLES"],
        [],
        ["KI-FLAM-LIQUID"],
    ]
    hits = v1.screen(lines[:1])[0]
    assert (hits[0].trigger, hits[0].matched) == ("keyword", "power bank")
    listed = ids(v1, [Line("纯棉T恤", "610910", 1, 1)], ("4501960999",))
    assert listed == [["KI-ENT-WATCH"]]


def test_hs_ranges_cover_headings_and_spans(v1: Matcher) -> None:
    lines = [Line("x", code, 0, 0) for code in ("3208", "320990", "321000", "321100", "8507")]
    assert ids(v1, lines) == [["KI-FLAM-LIQUID"]] * 3 + [[], ["KI-BAT-HS"]]


def test_same_hits_as_the_baseline_and_the_python_automaton(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(7)
    rules = to_rules(shipped())
    words = [k for r in rules for k in r.keywords] + ["T恤", "mug", "ink", "bank"]
    codes = ["850760", "330300", "610910", "711319", "3604", "950300", ""]
    lines = [
        Line(
            " ".join(rng.choice(words) for _ in range(rng.randint(1, 3))),
            rng.choice(codes),
            rng.uniform(0, 8),
            rng.uniform(0, 30000),
        )
        for _ in range(400)
    ]
    fast = Matcher(rules, 1).screen(lines, ["4501960999"])
    slow = RegexBaseline(rules).screen(lines, ["4501960999"])
    assert [{h.rule for h in x} for x in fast] == [{h.rule for h in x} for x in slow]
    assert sum(1 for x in fast if x) > 100
    monkeypatch.setattr(m, "_ahocorasick", None)
    python = Matcher(rules, 1).screen(lines, ["4501960999"])
    assert python == fast


def test_the_list_is_validated() -> None:
    doc = {k: v for k, v in shipped().items() if k != "version"}
    assert len(KeyItemListIn.model_validate(doc).rules) == len(doc["rules"])
    rule = doc["rules"][0]
    for bad, message in (
        ({**rule, "hs": ["9999"]}, "does not exist"),
        ({**rule, "hs": ["3210-3208"]}, "ends before"),
        ({**rule, "category": "misc"}, "one of"),
        (
            {
                "id": "KI-X",
                "category": "other",
                "reason_zh": "原因",
                "reason_en": "why",
                "source": "案例22",
            },
            "give keywords",
        ),
    ):
        with pytest.raises(ValidationError, match=message):
            KeyItemListIn.model_validate({**doc, "rules": [bad]})
    with pytest.raises(ValidationError, match="appears twice"):
        KeyItemListIn.model_validate({**doc, "rules": [rule, rule]})
