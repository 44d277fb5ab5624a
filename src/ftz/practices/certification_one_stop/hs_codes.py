"""HS code check against the platform's HS 2022 nomenclature (`ftz.domain.hs`): a code is 2 to
10 digits of even length whose chapter, heading and subheading exist in HS 2022; digits beyond
the sixth are national tariff lines, only checked for form and kept whole. Chapters 98–99
(national use) and the reserved chapter 77 are not in the nomenclature and are refused."""

from __future__ import annotations

import re

from ftz.core.kit.errors import FtzError, validation_error
from ftz.domain.hs.nomenclature import LEVELS, HsCodeError, nomenclature
from ftz.domain.hs.nomenclature import normalize as hs_normalize

BAD_FORM = "an HS code is 2, 4, 6, 8 or 10 digits"


def normalize(code: str) -> str:
    """Dots and spaces removed: "8418.21" and "8418 21" are "841821"."""
    return re.sub(r"[\s.]", "", code)


def problem(code: str, field: str = "hs_code") -> FtzError | None:
    """The validation problem with `code`, or None when it is a valid HS 2022 code or prefix."""
    digits = normalize(code)
    # domain/hs also takes hyphens and section numerals ("XVI"); a p28 code is digits only.
    if not digits.isdecimal():
        return validation_error(field, BAD_FORM)
    try:
        hs_normalize(digits)  # the length rule, and the code's own level (8/10 cut to 6) exists
    except HsCodeError as error:
        if not error.unknown:
            return validation_error(field, BAD_FORM)
        return validation_error(field, _missing_level(digits))
    return None


def _missing_level(digits: str) -> str:
    """The reason naming the highest level that HS 2022 lacks: "8499" of "849910" is a missing
    heading, not a missing subheading (domain/hs names only the code's own level)."""
    known = nomenclature().entries
    for length, level in LEVELS.items():
        if digits[:length] not in known:
            return f"{level} {digits[:length]} does not exist in HS 2022"
    raise AssertionError(f"{digits} was refused as unknown but all its levels exist")


def check(code: str, field: str = "hs_code") -> str:
    """The normalized code, or a 422 naming the field and what is wrong."""
    found = problem(code, field)
    if found is not None:
        raise found
    return normalize(code)
