"""IATA ULD identifiers: type code (category, base size, contour), a 4- or 5-digit serial and
the owner's 2-character IATA designator, e.g. `PMC12345CA` or `AKE 1234 MU`. Parsed and
normalized here; the type code table is data (data/uld_types.yaml, see PROVENANCE.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ftz.core.kit.errors import validation_error

DATA = Path(__file__).parent / "data"
# Separators people type between the parts (spaces, hyphens) are dropped. The owner code is an
# airline designator: two letters, or a letter and a digit in either order (never two digits).
PATTERN = re.compile(r"^([A-Z]{3})(\d{4,5})([A-Z]{2}|[A-Z]\d|\d[A-Z])$")


@cache
def types() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "uld_types.yaml").read_text("utf-8"))
    return loaded


@dataclass(frozen=True)
class UldId:
    type_code: str
    serial: str
    owner: str

    @property
    def code(self) -> str:
        return f"{self.type_code}{self.serial}{self.owner}"

    @property
    def spaced(self) -> str:
        return f"{self.type_code} {self.serial} {self.owner}"

    @property
    def category(self) -> dict[str, Any]:
        found: dict[str, Any] = types()["categories"][self.type_code[0]]
        return found

    @property
    def base(self) -> dict[str, Any]:
        found: dict[str, Any] = types()["bases"][self.type_code[1]]
        return found

    @property
    def known(self) -> dict[str, Any] | None:
        found: dict[str, Any] | None = types()["known"].get(self.type_code)
        return found

    def describe(self) -> dict[str, Any]:
        return {
            "code": self.code, "spaced": self.spaced, "type_code": self.type_code,
            "serial": self.serial, "owner": self.owner, "category": self.category,
            "base": self.base, "known": self.known,
        }  # fmt: skip


def parse(text: str, field: str = "uld_code") -> UldId:
    """The ULD id in `text`, or a 422 naming `field` and what is wrong with it."""
    compact = re.sub(r"[\s\-]", "", text or "").upper()
    match = PATTERN.match(compact)
    if match is None:
        raise validation_error(
            field, "not an IATA ULD id: 3-letter type, 4–5 digit serial, 2-character owner"
        )
    type_code, serial, owner = match.groups()
    table = types()
    if type_code[0] not in table["categories"]:
        raise validation_error(field, f"unknown ULD category letter {type_code[0]!r}")
    if type_code[1] not in table["bases"]:
        raise validation_error(field, f"unknown ULD base size letter {type_code[1]!r}")
    return UldId(type_code=type_code, serial=serial, owner=owner)
