"""Chinese resident identity numbers: validated (GB 11643), never stored in clear.

A keyed hash (HMAC-SHA256) lets a practice recognize the same person again; a plain hash of an
18-digit number with a known structure could be reversed by enumeration.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from ftz.core.kit.errors import validation_error


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: date
    gender: str  # "M" or "F": GB 11643 puts it in the 17th digit (odd = male)

    @property
    def masked(self) -> str:
        return f"{self.number[:6]}********{self.number[-4:]}"

    def fingerprint(self, key: str) -> str:
        return hmac.new(key.encode(), f"cn-ric:{self.number}".encode(), hashlib.sha256).hexdigest()


def parse_resident_id(value: str, field: str = "id_number") -> ResidentId:
    try:
        number = ric.validate(value)
        birth = ric.get_birth_date(number)
    except ValidationError as exc:
        raise validation_error(field, f"not a valid resident identity number ({exc})") from exc
    gender = "M" if int(number[16]) % 2 == 1 else "F"
    return ResidentId(number=number, birth_date=birth, gender=gender)


def make_resident_id(region: str, birth: date, sequence: int) -> str:
    """A checksum-valid number, for demo data and tests (sequence 0-999 sets the gender)."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + str(ric.calc_check_digit(body + "0"))  # it expects a placeholder digit


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
