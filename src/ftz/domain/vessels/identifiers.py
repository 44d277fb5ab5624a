"""Ship identifiers: the IMO number (python-stdnum `imo`) and the MMSI with its MID.

IMO numbers are checked leniently: a number of seven digits whose check digit is wrong is kept
with a warning, because registries, PSC databases and charter parties carry typing errors and a
ship must not vanish from the record over one digit. Anything that is not seven digits is
rejected. The MMSI of a ship station is nine digits and starts with its MID (ITU-R M.585); other
station kinds (group, coast, SAR aircraft, aids to navigation, craft associated with a ship)
carry the MID after their prefix.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from stdnum import imo
from stdnum.exceptions import InvalidChecksum, ValidationError

DATA = Path(__file__).with_name("data")


class IdentifierError(ValueError):
    """A ship identifier that cannot be read at all (the message says why)."""


@dataclass(frozen=True)
class ImoNumber:
    number: str  # seven digits, no "IMO" prefix
    checksum_ok: bool
    warning: str | None


def check_imo(value: str) -> ImoNumber:
    """Seven digits, with or without the "IMO" prefix; a bad check digit only warns."""
    compact = imo.compact(str(value))
    if len(compact) != 7 or not compact.isdigit():
        raise IdentifierError("an IMO number has seven digits (e.g. IMO 9074729)")
    try:
        imo.validate(compact)
    except InvalidChecksum:
        return ImoNumber(compact, False, f"IMO {compact}: the check digit does not match")
    except ValidationError as exc:  # pragma: no cover - compact() already ruled these out
        raise IdentifierError(str(exc)) from exc
    return ImoNumber(compact, True, None)


@dataclass(frozen=True)
class Mid:
    mid: int
    country: str  # ISO 3166-1 alpha-2
    name_en: str

    def name(self, lang: str) -> str:
        if lang == "zh":
            return str(Locale.parse("zh").territories.get(self.country, self.name_en))
        return self.name_en


@cache
def mid_table() -> dict[int, Mid]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "mid.yaml").read_text("utf-8"))
    return {int(k): Mid(int(k), str(v[0]), str(v[1])) for k, v in loaded["mids"].items()}


@dataclass(frozen=True)
class Mmsi:
    number: str
    station: str  # ship / group / coast / sar_aircraft / aid_to_navigation / craft_with_ship
    mid: Mid


# (prefix, station kind): the MID follows the prefix. Order matters: longest prefix first.
_PREFIXES = (
    ("111", "sar_aircraft"),
    ("00", "coast"),
    ("98", "craft_with_ship"),
    ("99", "aid_to_navigation"),
    ("0", "group"),
)


def check_mmsi(value: str) -> Mmsi:
    """Nine digits whose MID is allocated; the station kind follows from the prefix."""
    number = str(value).replace(" ", "")
    if len(number) != 9 or not number.isdigit():
        raise IdentifierError("an MMSI has nine digits (e.g. 413123456)")
    if number.startswith(("970", "972", "974")):
        raise IdentifierError("970/972/974 numbers identify SART, MOB and EPIRB devices, not ships")
    station, rest = "ship", number
    for prefix, kind in _PREFIXES:
        if number.startswith(prefix):
            station, rest = kind, number[len(prefix) :]
            break
    if station == "ship" and number[0] not in "234567":
        raise IdentifierError("a ship station's MMSI starts with its MID (2xx to 7xx)")
    found = mid_table().get(int(rest[:3]))
    if found is None:
        raise IdentifierError(f"MID {rest[:3]} is not allocated by ITU")
    return Mmsi(number, station, found)
