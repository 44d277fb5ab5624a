"""Test data with real check digits, computed here independently of the scanner's code."""

from __future__ import annotations

_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(region: str = "110105", birth: str = "19900307", seq: str = "123") -> str:
    body = region + birth + seq
    total = sum(int(d) * w for d, w in zip(body, _RIC_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def wrong_check(number: str) -> str:
    last = number[-1]
    return number[:-1] + ("0" if last != "0" else "1")


def luhn(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


_VIN_VALUES = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True))}
_VIN_VALUES.update(dict(zip("JKLMN", range(1, 6), strict=True)) | {"P": 7, "R": 9})
_VIN_VALUES.update(dict(zip("STUVWXYZ", range(2, 10), strict=True)))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin(stem: str = "LSVAU2180N2183294") -> str:
    """Put the ISO 3779 check digit into position 9 of a 17-character stem."""
    total = sum(_VIN_VALUES[c] * w for c, w in zip(stem, _VIN_WEIGHTS, strict=True))
    check = "X" if total % 11 == 10 else str(total % 11)
    return stem[:8] + check + stem[9:]


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(body: str = "91110108MA01ABCD2") -> str:
    weights = [pow(3, i, 31) for i in range(17)]
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(body, weights, strict=True))
    return body + _USCC_ALPHABET[(31 - total % 31) % 31]


def write_table(url: str, name: str, data: dict[str, list[object]]) -> None:
    """Create and fill a table with plain SQLAlchemy (polars' writer would need pandas)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    columns = [
        sa.Column(key, sa.Integer if isinstance(values[0], int) else sa.String(200))
        for key, values in data.items()
    ]
    table = sa.Table(name, sa.MetaData(), *columns)
    rows = [dict(zip(data, row, strict=True)) for row in zip(*data.values(), strict=True)]
    with engine.begin() as conn:
        table.create(conn)
        conn.execute(table.insert(), rows)
    engine.dispose()
