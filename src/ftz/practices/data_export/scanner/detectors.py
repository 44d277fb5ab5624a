"""Detect entities in one column: polars string kernels find candidates for the whole column
at once; only distinct candidates reach Python validators (stdnum), never every cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import polars as pl

from . import patterns as pat
from . import validators as val
from .masking import mask
from .rules import load_rules

IdMode = Literal["checksum", "strict"]
MAX_SAMPLES = 3
_PLATE_BODY = (
    r"^(?:[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])$"
)
_LAT, _LON = (3.8, 53.6), (73.4, 135.1)  # China's extent, degrees


@dataclass
class ColumnCounts:
    """Mergeable per-column tallies (a Spark partition produces one per column)."""

    name: str
    nonempty: int = 0
    hits: dict[str, int] = field(default_factory=dict)  # cells with ≥1 validated match
    hot: dict[str, int] = field(default_factory=dict)  # of those, with a hotword nearby
    samples: dict[str, list[str]] = field(default_factory=dict)  # masked evidence

    def merge(self, other: ColumnCounts) -> ColumnCounts:
        out = ColumnCounts(self.name, self.nonempty + other.nonempty)
        for key in {*self.hits, *other.hits}:
            out.hits[key] = self.hits.get(key, 0) + other.hits.get(key, 0)
            out.hot[key] = self.hot.get(key, 0) + other.hot.get(key, 0)
            seen = [*self.samples.get(key, []), *other.samples.get(key, [])]
            out.samples[key] = list(dict.fromkeys(seen))[:MAX_SAMPLES]
        return out


@dataclass
class Detection:
    counts: ColumnCounts
    rows: dict[str, pl.Series]  # entity -> row indices (in memory only, for head-counts)


def _as_text(s: pl.Series, name: str) -> pl.Series | None:
    """A string view of the column, or None when the type cannot hold these entities."""
    dt = s.dtype
    if dt == pl.String:
        return s
    if dt.is_integer() or dt == pl.Categorical or isinstance(dt, pl.Enum):
        return s.cast(pl.String)
    if isinstance(dt, pl.Struct):
        return s.struct.json_encode()
    if isinstance(dt, pl.List | pl.Array):
        return s.cast(pl.List(pl.String), strict=False).list.join(" ")
    return None


def _tokens(work: pl.DataFrame, pattern: str, min_len: int) -> pl.DataFrame:
    return (
        work.select("row", t=pl.col("v").str.extract_all(pattern))
        .explode("t")
        .filter(pl.col("t").str.len_chars() >= min_len)
    )


def _take(found: dict[str, list[pl.DataFrame]], entity: str, frame: pl.DataFrame) -> None:
    if frame.height:
        found.setdefault(entity, []).append(frame.select("row", pl.col("t").alias("value")))


def _python_ok(frame: pl.DataFrame, check: Callable[[str], bool]) -> pl.DataFrame:
    """Rows whose candidate `c` passes a Python validator, run once per distinct candidate."""
    if not frame.height:
        return frame
    return frame.filter(pl.col("c").is_in(val.valid_set(frame["c"], check).implode()))


def _digit_tokens(work: pl.DataFrame, found: dict[str, list[pl.DataFrame]], mode: IdMode) -> None:
    toks = _tokens(work.filter(pl.col("v").str.contains("[0-9]")), pat.TOKEN, 9)
    if not toks.height:
        return
    c, t = pl.col("c"), pl.col("t")
    toks = toks.with_row_index("tid").with_columns(
        c=t.str.replace_all("-", "", literal=True).str.to_uppercase()
    )
    toks = toks.with_columns(n=c.str.len_bytes(), digits=c.str.contains("^[0-9]+$"))
    n, digits, undashed = pl.col("n"), pl.col("digits"), ~t.str.contains("-", literal=True)

    def shape(expr: pl.Expr) -> pl.DataFrame:
        return toks.filter(expr)

    # Cheap shape filters first; checksums and stdnum then see only their own candidates.
    ric = shape((n == 18) & c.str.contains(pat.RIC)).filter(val.ric_checksum_ok(c))
    if mode == "strict":
        ric = _python_ok(ric, val.ric_strict)
    uscc = shape((n == 18) & c.str.contains(pat.USCC)).filter(val.uscc_checksum_ok(c))
    vin = shape((n == 17) & c.str.contains(pat.VIN) & c.str.contains("[A-Z]"))
    card = shape(digits & n.is_between(16, 19) & c.str.contains(pat.BANK_CARD))
    imei = shape(digits & (n == 15)).filter(val.luhn_ok(c))
    ranked = [  # one token is one entity: the first listed wins (an ID passing Luhn is an ID)
        ("CN_RESIDENT_ID", ric),
        ("CN_USCC", _python_ok(uscc, val.uscc_valid)),
        ("VIN", _python_ok(vin, val.vin_valid)),
        ("BANK_CARD", card.filter(val.luhn_ok(c))),
        ("IMEI", _python_ok(imei, val.imei_valid)),
        ("CN_MOBILE", shape(n.is_between(11, 15) & c.str.contains(pat.CN_MOBILE))),
        ("PHONE_NUMBER", shape(n.is_between(10, 14) & t.str.contains(pat.PHONE_DASHED))),
        ("CN_PASSPORT", shape((n <= 10) & undashed & c.str.contains(pat.CN_PASSPORT))),
        ("HK_MACAO_TAIWAN_PERMIT", shape((n <= 11) & undashed & c.str.contains(pat.PERMIT))),
        ("IBAN", _python_ok(shape((n >= 15) & c.str.contains(pat.IBAN)), val.iban_valid)),
        ("MAC_ADDRESS", shape((n == 12) & t.str.contains(pat.MAC_DASHED))),
    ]
    parts = [
        f.select("tid", "row", "t", rank=pl.lit(i), ent=pl.lit(name))
        for i, (name, f) in enumerate(ranked)
        if f.height
    ]
    if not parts:
        return
    best = pl.concat(parts).sort("rank").unique("tid", keep="first")
    for (name,), part in best.group_by("ent"):
        _take(found, str(name), part)


def _net_tokens(work: pl.DataFrame, found: dict[str, list[pl.DataFrame]]) -> None:
    rows = work.filter(pl.col("v").str.contains(r"[0-9A-Fa-f][.:][0-9A-Fa-f]"))
    toks = _tokens(rows, pat.NET_TOKEN, 3).with_columns(pl.col("t").str.strip_chars(".:"))
    if not toks.height:
        return
    _take(found, "IP_ADDRESS", toks.filter(pl.col("t").str.contains(pat.IPV4)))
    _take(found, "MAC_ADDRESS", toks.filter(pl.col("t").str.contains(pat.MAC_COLON)))
    v6 = toks.filter(pl.col("t").str.count_matches(":", literal=True) >= 2)
    v6 = v6.filter(~pl.col("t").str.contains(pat.MAC_COLON))
    if v6.height:
        good = val.valid_set(v6["t"], val.ipv6_valid)
        _take(found, "IP_ADDRESS", v6.filter(pl.col("t").is_in(good.implode())))


def _text_patterns(work: pl.DataFrame, found: dict[str, list[pl.DataFrame]]) -> None:
    v = pl.col("v")
    mails = _tokens(work.filter(v.str.contains("@", literal=True)), pat.EMAIL, 6)
    _take(found, "EMAIL", mails.filter(pl.col("t").str.contains(pat.EMAIL_STRICT)))
    gps = _tokens(work.filter(v.str.contains(r"[0-9]\.[0-9]{3}")), pat.GPS_PAIR, 9)
    a = pl.col("t").str.extract(r"^(-?[0-9.]+)", 1).cast(pl.Float64, strict=False)
    b = pl.col("t").str.extract(r"(-?[0-9.]+)$", 1).cast(pl.Float64, strict=False)
    in_cn = (a.is_between(*_LAT) & b.is_between(*_LON)) | (
        a.is_between(*_LON) & b.is_between(*_LAT)
    )
    _take(found, "GPS_COORDINATE", gps.filter(in_cn))
    plates = _tokens(work, pat.PLATE, 7).with_columns(
        body=pl.col("t").str.slice(2).str.replace_all(r"[·\- ]", "")
    )
    _take(found, "CN_LICENSE_PLATE", plates.filter(pl.col("body").str.contains(_PLATE_BODY)))
    # Patterns without a validator: count with contains, extract only the evidence rows.
    for kind, pattern in (
        ("ADDRESS", pat.ADDRESS),
        ("HEALTH", pat.term_pattern("HEALTH")),
        ("BIOMETRIC", pat.term_pattern("BIOMETRIC")),
    ):
        hit = work.filter(v.str.contains(pattern))
        evidence = hit.head(MAX_SAMPLES).select("row", t=v.str.extract(pattern, 0))
        _take(found, kind, pl.concat([evidence, hit.slice(MAX_SAMPLES).select("row", t=v)]))


def _names(work: pl.DataFrame, found: dict[str, list[pl.DataFrame]], hinted: bool) -> None:
    whole, in_text, prefix = pat.name_patterns()
    cell = work.select("row", t=pl.col("v").str.strip_chars())
    full = cell.filter(pl.col("t").str.contains(whole))
    if hinted:
        full = pl.concat([full, cell.filter(pl.col("t").str.contains(pat.ENGLISH_NAME))])
    # Without a name-like column name, bare 2–3 character cells count only when most are names.
    if hinted or full.height >= 0.5 * max(work.height, 1):
        _take(found, "PERSON_NAME", full)
    near = _tokens(work, in_text, 2).with_columns(pl.col("t").str.replace(prefix, ""))
    _take(found, "PERSON_NAME", near)


def _summarize(work: pl.DataFrame, name: str, found: dict[str, list[pl.DataFrame]]) -> Detection:
    counts = ColumnCounts(name, work.height)
    rows: dict[str, pl.Series] = {}
    rules = load_rules().entities
    for entity, frames in found.items():
        hits = pl.concat(frames)
        hit_rows = hits["row"].unique().sort()
        rows[entity] = hit_rows
        counts.hits[entity] = hit_rows.len()
        window = pat.hot_window(entity)
        hot = 0
        if window is not None:
            cells = work.filter(pl.col("row").is_in(hit_rows.implode()))["v"]
            hot = int(cells.str.contains(window).sum())
        counts.hot[entity] = hot
        head, tail = rules[entity].mask
        values = hits["value"].head(1000)  # evidence comes from the first matches
        distinct = values.unique(maintain_order=True).head(MAX_SAMPLES).to_list()
        counts.samples[entity] = [mask(str(x), head, tail) for x in distinct]
    return Detection(counts, rows)


def _numeric_gps(s: pl.Series, name: str) -> dict[str, list[pl.DataFrame]]:
    """Separate latitude / longitude columns: only with a GPS-like column name."""
    if not load_rules().entities["GPS_COORDINATE"].hinted_by(name):
        return {}
    low = name.lower()
    lo, hi = (
        _LAT
        if ("纬" in low or "lat" in low)
        else _LON
        if "经" in low or "lo" in low
        else (3.8, 135.1)
    )
    frame = pl.DataFrame({"t": s.cast(pl.Float64)}).with_row_index("row").drop_nulls("t")
    inside = frame.filter(pl.col("t").is_between(lo, hi))
    inside = inside.select("row", value=pl.col("t").round(1).cast(pl.String))
    return {"GPS_COORDINATE": [inside]} if inside.height else {}


def detect(
    series: pl.Series, name: str | None = None, *, id_mode: IdMode = "checksum"
) -> Detection:
    """Validated entity matches in one column, with masked evidence and row indices."""
    name = name if name is not None else series.name
    rules = load_rules().entities
    text = _as_text(series, name)
    if text is None:
        # Not text: only a GPS-named float column or a biometric-named blob column can qualify.
        frame = pl.DataFrame({"v": series.rename("v")}).with_row_index("row")
        frame = frame.filter(pl.col("v").is_not_null()).with_columns(v=pl.lit(""))
        if series.dtype.is_float():
            return _summarize(frame, name, _numeric_gps(series, name))
        if series.dtype == pl.Binary and rules["BIOMETRIC"].hinted_by(name):
            blob = frame.select("row", value=pl.lit("<binary>"))
            return _summarize(frame, name, {"BIOMETRIC": [blob]})
        return _summarize(frame, name, {})
    work = (
        pl.DataFrame({"v": text.rename("v")})
        .with_row_index("row")
        .filter(pl.col("v").str.strip_chars().str.len_bytes() > 0)
    )
    found: dict[str, list[pl.DataFrame]] = {}
    if work.height:
        _digit_tokens(work, found, id_mode)
        _net_tokens(work, found)
        _text_patterns(work, found)
        _names(work, found, rules["PERSON_NAME"].hinted_by(name))
        if rules["BIOMETRIC"].hinted_by(name):
            blobs = work.filter(pl.col("v").str.contains(pat.BASE64_BLOB))
            _take(found, "BIOMETRIC", blobs.select("row", t=pl.lit("<template>")))
    return _summarize(work, name, found)
