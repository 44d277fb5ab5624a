"""Head-counts: distinct individuals by the best personal identifier a table holds."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from .detectors import Detection
from .scoring import ColumnResult

# Best first: a resident ID names one person; a mobile or a card can be shared or recycled.
IDENTIFIER_ORDER = ("CN_RESIDENT_ID", "CN_PASSPORT", "CN_MOBILE", "EMAIL", "BANK_CARD")
IDENTIFIER_MIN_SHARE = 0.5  # an identifier column, not free text mentioning one


@dataclass
class Heads:
    kind: str | None
    keys: pl.Series  # u64 hashes of identifier values, one per row holding one
    sensitive_keys: pl.Series

    @property
    def individuals(self) -> int:
        return self.keys.n_unique() if self.kind else 0

    @property
    def sensitive_individuals(self) -> int:
        return self.sensitive_keys.n_unique() if self.kind else 0


def _best(columns: list[ColumnResult], entity: str) -> ColumnResult | None:
    found = [c for c in columns if c.entity == entity and c.share >= IDENTIFIER_MIN_SHARE]
    return max(found, key=lambda c: c.share, default=None)


def _key_frame(
    df: pl.DataFrame, columns: list[ColumnResult], found: dict[str, Detection]
) -> tuple[str | None, pl.DataFrame]:
    empty = pl.DataFrame({"row": [], "key": []}, schema={"row": pl.UInt32, "key": pl.UInt64})
    for entity in IDENTIFIER_ORDER:
        col = _best(columns, entity)
        if col is not None:
            rows = found[col.name].rows[entity]
            values = df[col.name].cast(pl.String).gather(rows).str.strip_chars().str.to_uppercase()
            return entity, pl.DataFrame({"row": rows, "key": values.hash(seed=17)})
    name, phone = _best(columns, "PERSON_NAME"), _best(columns, "PHONE_NUMBER")
    if name is None or phone is None:
        return None, empty
    rows = found[name.name].rows["PERSON_NAME"]
    rows = rows.filter(rows.is_in(found[phone.name].rows["PHONE_NUMBER"].implode()))
    pair = pl.DataFrame({"n": df[name.name].gather(rows), "p": df[phone.name].gather(rows)})
    key = pair.select(pl.concat_str("n", "p", separator="\x1f").hash(seed=17))["n"]
    return "PERSON_NAME+PHONE_NUMBER", pl.DataFrame({"row": rows, "key": key})


def count_heads(
    df: pl.DataFrame, columns: list[ColumnResult], found: dict[str, Detection]
) -> Heads:
    """Individuals = distinct identifier values; sensitive individuals = those whose row has a
    validated match in a column classified as sensitive personal information."""
    kind, keys = _key_frame(df, columns, found)
    sensitive_rows = [
        found[c.name].rows[c.entity] for c in columns if c.sensitive and c.entity is not None
    ]
    if sensitive_rows:
        rows = pl.concat(sensitive_rows).unique()
        sensitive = keys.filter(pl.col("row").is_in(rows.implode()))["key"]
    else:
        sensitive = keys["key"].clear()
    return Heads(kind, keys["key"], sensitive)


def dataset_heads(
    tables: list[tuple[str | None, pl.Series | None, pl.Series | None, int, int]],
) -> tuple[int, int]:
    """Union of keys per identifier kind across tables, summed over kinds: one person known by
    an ID in one table and a mobile in another is counted twice (a conservative upper bound).
    Tables restored from a state file carry no keys; their counts are added as they are."""
    by_kind: dict[str, tuple[list[pl.Series], list[pl.Series]]] = {}
    total = sensitive = 0
    for kind, keys, sens, n, s in tables:
        if kind is None:
            continue
        if keys is None or sens is None:
            total, sensitive = total + n, sensitive + s
            continue
        k, sk = by_kind.setdefault(kind, ([], []))
        k.append(keys)
        sk.append(sens)
    for k, sk in by_kind.values():
        total += pl.concat(k).n_unique()
        sensitive += pl.concat(sk).n_unique()
    return total, sensitive
