"""Validators: checksums as polars expressions where the arithmetic is simple (resident-ID
mod 11, Luhn), python-stdnum on the distinct candidates where it is not (region table, USCC,
IBAN, IMEI, VIN transliteration). Every function takes candidates, never whole columns."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import polars as pl
from stdnum import iban, imei
from stdnum.cn import ric, uscc

_RIC_CHECK = {**{i: str(i) for i in range(10)}, 10: "X"}


def ric_checksum_ok(col: pl.Expr) -> pl.Expr:
    """GB 11643 check character of 18-character candidates (already `[1-9][0-9]{16}[0-9X]`).
    Its weights are 2^(17-i) mod 11 and 13 ≡ 2 (mod 11), so the check digit is
    (1 - 2 × the 17 digits read in base 13) mod 11, as in stdnum's calc_check_digit: one
    integer parse instead of 17 string slices."""
    body = col.str.slice(0, 17).str.to_integer(base=13, strict=False) % 11
    expected = ((1 - 2 * body) % 11 + 11) % 11
    return expected.replace_strict(_RIC_CHECK, return_dtype=pl.String) == col.str.slice(17, 1)


def luhn_ok(col: pl.Expr, max_len: int = 19) -> pl.Expr:
    """Luhn (ISO/IEC 7812) over digit strings of up to 19 digits (fits in a u64): digits taken
    from the right by integer division, every second one doubled."""
    n = col.cast(pl.UInt64, strict=False)
    terms = []
    for i in range(max_len):
        d = (n // (10**i)) % 10
        if i % 2:
            d = pl.when(d >= 5).then(d * 2 - 9).otherwise(d * 2)
        terms.append(d)
    return pl.sum_horizontal(terms) % 10 == 0


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {ch: i for i, ch in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_checksum_ok(col: pl.Expr) -> pl.Expr:
    """GB 32100 check character (weights 3^i mod 31 over a 31-symbol alphabet): a vectorized
    pre-filter, so stdnum only confirms the few candidates that pass."""
    total = pl.sum_horizontal(
        col.str.slice(i, 1).replace_strict(_USCC_VALUES, default=0, return_dtype=pl.Int32) * w
        for i, w in enumerate(_USCC_WEIGHTS)
    )
    check = (31 - total % 31) % 31
    expected = check.replace_strict(dict(enumerate(_USCC_ALPHABET)), return_dtype=pl.String)
    return expected == col.str.slice(17, 1)


def _safe(check: Callable[[str], bool]) -> Callable[[str], bool]:
    def run(value: str) -> bool:
        try:
            return bool(check(value))
        except Exception:  # stdnum raises KeyError on some region codes; treat as invalid
            return False

    return run


ric_strict = _safe(ric.is_valid)
uscc_valid = _safe(uscc.is_valid)
iban_valid = _safe(iban.is_valid)
imei_valid = _safe(imei.is_valid)

# ISO 3779 transliteration (I, O, Q never occur) and position weights.
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_valid(vin: str) -> bool:
    """ISO 3779 / GB 16735 check digit in position 9 (mandatory for Chinese VINs)."""
    if len(vin) != 17 or any(c not in _VIN_VALUES for c in vin):
        return False
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    check = total % 11
    return vin[8] == ("X" if check == 10 else str(check))


def ipv6_valid(value: str) -> bool:
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return True


def valid_set(candidates: pl.Series, check: Callable[[str], bool]) -> pl.Series:
    """Run a Python validator once per distinct candidate; returns the valid values."""
    distinct = candidates.unique().drop_nulls().to_list()
    return pl.Series(candidates.name, [v for v in distinct if check(v)], dtype=pl.String)
