"""Regions the statistics are reported for: the nation (CN), a province (its GB/T 2260 code, e.g.
53) or a city within it (53/昆明市). A park lies in one province and one city; a region contains
a park when the codes (and the city, for a city) match."""

from __future__ import annotations

from dataclasses import dataclass

from ftz.core.kit.errors import validation_error
from ftz.practices.industry_transfer.reference import province_name, provinces

NATION = "CN"
SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


@dataclass(frozen=True, order=True)
class Region:
    province: str | None = None  # None: the whole nation
    city: str | None = None

    @property
    def level(self) -> str:
        if self.province is None:
            return "nation"
        return "province" if self.city is None else "city"

    @property
    def key(self) -> str:
        if self.province is None:
            return NATION
        return self.province if self.city is None else f"{self.province}/{self.city}"

    def contains(self, province: str, city: str) -> bool:
        if self.province is None:
            return True
        return self.province == province and (self.city is None or self.city == city)

    def label(self, lang: str = "zh") -> str:
        if self.province is None:
            return "全国" if lang == "zh" else "Nation"
        name = province_name(self.province, lang)
        return name if self.city is None else f"{name} {self.city}"


def _province_code(text: str) -> str:
    wanted = text.strip()
    for code, province in provinces().items():
        short = province.name_zh
        for suffix in SUFFIXES:
            short = short.removesuffix(suffix)
        if wanted in (code, province.name_zh, short) or wanted.lower() == province.name_en.lower():
            return code
    raise validation_error("region", f"no province {wanted!r} (use a GB/T 2260 code like 53)")


def parse_region(text: str) -> Region:
    """CN, a province (code or name: 53, 云南, 云南省, Yunnan) or province/city (53/昆明市)."""
    cleaned = text.strip()
    if cleaned.upper() in (NATION, "") or cleaned in ("全国", "nation"):
        return Region()
    head, _, city = cleaned.partition("/")
    code = _province_code(head)
    city = city.strip()
    if "/" in city or len(city) > 64:
        raise validation_error("region", "at most one city after the province: 53/昆明市")
    return Region(code, city or None)
