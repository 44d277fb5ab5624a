"""p01 sensitive-data scan: our polars scanner side by side with Microsoft Presidio.

One synthetic table (Faker zh_CN, seeded; 100,000 rows × 14 columns = 1.4 M cells) with a
ground-truth entity per column. Each implementation runs in a fresh worker process that loads
the same Parquet file, so peak RSS (VmHWM) is comparable. Presidio runs cell by cell with its
built-in no-op NLP engine (no spaCy model) and recognizers equivalent to ours; it is timed on
the first --presidio-rows rows (all columns), ours on the full table.

Run: .venv/bin/python -m bench.data_scan [--rows 100000] [--presidio-rows 2000] [--docs]
(--docs replaces the p01 section at the end of docs/benchmarks.md with this run.)
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

THRESHOLD = 0.5  # a column's entity is its majority entity when it covers ≥ 50 % of cells
DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
SECTION = "## p01 sensitive-data scan (bench/data_scan.py)"
# Ground truth; None = no personal data. NOT_FOR_PRESIDIO: no recognizer without an NLP model.
TRUTH: dict[str, str | None] = {
    "姓名": "PERSON_NAME",
    "身份证号": "CN_RESIDENT_ID",
    "手机": "CN_MOBILE",
    "银行卡号": "BANK_CARD",
    "email": "EMAIL",
    "login_ip": "IP_ADDRESS",
    "地址": "ADDRESS",
    "备注": "CN_MOBILE",
    "公司名称": None,
    "订单号": None,
    "金额": None,
    "下单日期": None,
    "商品名称": None,
    "数量": None,
}
NOT_FOR_PRESIDIO = {"姓名", "地址"}
PRODUCTS = ["无线蓝牙耳机", "不锈钢保温杯", "智能手环", "有机绿茶礼盒", "儿童绘本套装", "机械键盘"]
NOTES = [
    "客户{name}来电咨询订单，联系电话{mobile}，请尽快回复。",
    "请联系{mobile}谢谢",
    "身份证号码：{rid}，手机{mobile}，已核实。",
    "已发货，收件人电话{mobile}，地址{address}",
    "退款已处理，如有疑问请拨打{mobile}。",
]


def _luhn_card(rng: random.Random) -> str:
    """A UnionPay-style number (62…, 16 or 19 digits) with a valid Luhn check digit."""
    body = "62" + "".join(rng.choice("0123456789") for _ in range(rng.choice((13, 16))))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def build_table(rows: int, seed: int = 20261124) -> pl.DataFrame:
    from faker import Faker

    fake = Faker("zh_CN")
    Faker.seed(seed)
    rng = random.Random(seed)
    names = [fake.name() for _ in range(rows)]
    ids = [fake.ssn() for _ in range(rows)]
    mobiles = [fake.phone_number() for _ in range(rows)]
    addresses = [fake.address() for _ in range(min(rows, 20_000))]
    companies = [fake.company() for _ in range(min(rows, 5_000))]
    notes = [
        rng.choice(NOTES).format(
            name=names[rng.randrange(rows)],
            mobile=mobiles[rng.randrange(rows)],
            rid=ids[rng.randrange(rows)],
            address=rng.choice(addresses),
        )
        for _ in range(rows)
    ]
    start = date(2024, 1, 1).toordinal()
    return pl.DataFrame(
        {
            "姓名": names,
            "身份证号": ids,
            "手机": mobiles,
            "银行卡号": [_luhn_card(rng) for _ in range(rows)],
            "email": [fake.email() for _ in range(rows)],
            "login_ip": [fake.ipv4() for _ in range(rows)],
            "地址": [rng.choice(addresses) for _ in range(rows)],
            "备注": notes,
            "公司名称": [rng.choice(companies) for _ in range(rows)],
            # 18-digit order numbers: the shape of a resident ID, almost never its checksum.
            "订单号": [str(rng.randrange(10**17, 10**18)) for _ in range(rows)],
            "金额": [f"{rng.uniform(1, 99_999):.2f}" for _ in range(rows)],
            "下单日期": [
                date.fromordinal(start + rng.randrange(700)).isoformat() for _ in range(rows)
            ],
            "商品名称": [rng.choice(PRODUCTS) for _ in range(rows)],
            "数量": [str(rng.randint(1, 50)) for _ in range(rows)],
        }
    )


def peak_rss_mb() -> float:
    """VmHWM of this worker (ru_maxrss would carry the parent's peak over into a child)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(df: pl.DataFrame) -> dict[str, Any]:
    from ftz.practices.data_export.scanner import scan_frame

    scan_frame(df.head(200), "warmup")  # regex compilation and imports outside the timing
    t0 = time.perf_counter()
    table = scan_frame(df, "bench")
    seconds = time.perf_counter() - t0
    shares = {c.name: ({c.entity: c.share} if c.entity else {}) for c in table.columns}
    for c in table.columns:
        shares[c.name].update({o["entity"]: o["share"] for o in c.other_entities})
    return {"seconds": seconds, "cells": df.height * df.width, "shares": shares}


def _presidio_engine() -> Any:
    """AnalyzerEngine with presidio's NoOpNlpEngine (no spaCy model) and recognizers equivalent
    to ours: built-in credit card (Luhn), e-mail and IP; custom CN resident ID (checksum by
    python-stdnum, as our default checksum mode) and CN mobile, with the same no-letter/digit
    boundaries as ours (Python `re` lookarounds; presidio's own `\b` fails inside CJK text)."""
    from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
    )
    from stdnum.cn import ric

    class ResidentId(PatternRecognizer):  # type: ignore[misc]
        def validate_result(self, pattern_text: str) -> bool:
            return ric.calc_check_digit(pattern_text.upper()) == pattern_text[-1].upper()

    edge_l, edge_r = r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z])"
    lang = "zh"
    registry = RecognizerRegistry(supported_languages=[lang])
    for rec in (
        ResidentId(
            supported_entity="CN_RESIDENT_ID",
            patterns=[Pattern("ric", edge_l + r"[1-9][0-9]{16}[0-9Xx]" + edge_r, 0.5)],
            supported_language=lang,
        ),
        PatternRecognizer(
            supported_entity="CN_MOBILE",
            patterns=[Pattern("mobile", edge_l + r"(?:\+?86)?1[3-9][0-9]{9}" + edge_r, 0.5)],
            supported_language=lang,
        ),
        CreditCardRecognizer(supported_language=lang),
        EmailRecognizer(supported_language=lang),
        IpRecognizer(supported_language=lang),
    ):
        registry.add_recognizer(rec)
    nlp = NoOpNlpEngine(models=[{"lang_code": lang, "model_name": "none"}])
    nlp.load()
    return AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=[lang])


PRESIDIO_NAMES = {"CREDIT_CARD": "BANK_CARD", "EMAIL_ADDRESS": "EMAIL"}


def run_presidio(df: pl.DataFrame) -> dict[str, Any]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = _presidio_engine()
    engine.analyze(text="请联系13812345678谢谢", language="zh")  # warm-up
    shares: dict[str, dict[str, float]] = {}
    t0 = time.perf_counter()
    for col in df.columns:
        counts: dict[str, int] = {}
        cells = [v for v in df[col].to_list() if v]
        for cell in cells:  # presidio's API is one text at a time
            found = {r.entity_type for r in engine.analyze(text=cell, language="zh")}
            for entity in found:
                key = PRESIDIO_NAMES.get(entity, entity)
                counts[key] = counts.get(key, 0) + 1
        shares[col] = {e: n / max(len(cells), 1) for e, n in counts.items()}
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "cells": df.height * df.width, "shares": shares}


def worker(kind: str, data: Path, presidio_rows: int) -> None:
    df = pl.read_parquet(data)
    base = peak_rss_mb()
    result = run_ours(df) if kind == "ours" else run_presidio(df.head(presidio_rows))
    result.update(rss_base_mb=base, rss_peak_mb=peak_rss_mb())
    print(json.dumps(result, ensure_ascii=False))


def predicted(shares: dict[str, float]) -> str | None:
    best = max(shares.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best and best[1] >= THRESHOLD else None


def accuracy(result: dict[str, Any], columns: list[str]) -> tuple[float, list[str]]:
    wrong = []
    for c in columns:
        shares = result["shares"].get(c, {})
        if predicted(shares) != TRUTH[c]:
            best = max(shares.items(), key=lambda kv: kv[1], default=("nothing", 0.0))
            wrong.append(f"{c} (best: {best[0]} {best[1]:.2f})")
    return 1 - len(wrong) / len(columns), wrong


def strict_share(df: pl.DataFrame) -> float:
    """Share of the ID column passing stdnum's strict test (in the parent: not in the RSS)."""
    from ftz.practices.data_export.scanner.detectors import detect

    hits = detect(df["身份证号"], "身份证号", id_mode="strict").counts.hits
    return hits.get("CN_RESIDENT_ID", 0) / max(df.height, 1)


def report(
    rows: int, ours: dict[str, Any], peer: dict[str, Any], command: str, strict: float
) -> str:
    both = [c for c in TRUTH if c not in NOT_FOR_PRESIDIO]
    acc_o, wrong_o = accuracy(ours, both)
    acc_p, wrong_p = accuracy(peer, both)
    acc_all, wrong_all = accuracy(ours, list(TRUTH))
    cps_o, cps_p = ours["cells"] / ours["seconds"], peer["cells"] / peer["seconds"]
    lines = [
        f"Command: `{command}` — {rows:,} rows × {len(TRUTH)} columns.",
        "",
        "| | ours (polars scanner) | Presidio AnalyzerEngine (no-op NLP) |",
        "|---|---|---|",
        f"| cells scanned | {ours['cells']:,} (full table) | {peer['cells']:,} (first rows) |",
        f"| wall time s | {ours['seconds']:.2f} | {peer['seconds']:.2f} |",
        f"| cells/s | {cps_o:,.0f} | {cps_p:,.0f} |",
        f"| speed ratio | {cps_o / cps_p:.0f}× | 1× |",
        f"| column accuracy, {len(both)} columns both can detect | {acc_o:.3f} | {acc_p:.3f} |",
        f"| columns wrong | {', '.join(wrong_o) or '—'} | {', '.join(wrong_p) or '—'} |",
        f"| peak RSS MB (table loaded: base) | {ours['rss_peak_mb']:.0f} "
        f"(base {ours['rss_base_mb']:.0f}) | {peer['rss_peak_mb']:.0f} "
        f"(base {peer['rss_base_mb']:.0f}) |",
        "",
        f"Ours on all {len(TRUTH)} columns (adds 姓名 and 地址): accuracy {acc_all:.3f}"
        + (f", wrong: {', '.join(wrong_all)}" if wrong_all else "")
        + f". Column threshold {THRESHOLD:.0%} of non-empty cells.",
        "",
        NOTES_MD.format(
            presidio=_version("presidio-analyzer"), polars=pl.__version__, strict=strict
        ),
    ]
    return "\n".join(lines)


NOTES_MD = """Setup: polars {polars}, presidio-analyzer {presidio} with its `NoOpNlpEngine`
(no spaCy model) and five recognizers: built-in `CreditCardRecognizer`, `EmailRecognizer`,
`IpRecognizer`, plus a CN resident-ID `PatternRecognizer` whose `validate_result` checks the
check digit with python-stdnum (`stdnum.cn.ric.calc_check_digit`, the rule of our default
checksum mode) and a CN mobile `PatternRecognizer`, both with `(?<![0-9A-Za-z])…(?![0-9A-Za-z])`
boundaries. Presidio is called once per cell (`AnalyzerEngine.analyze`), ours once per column
(polars string kernels; Python validators only on distinct candidates). Ours is timed on the
whole table after a 200-row warm-up, through `scan_frame` (detection, scoring, head-counts);
Presidio on the first rows of every column after one warm-up call. Peak RSS is each worker's
VmHWM; "base" is after loading the Parquet table, so peak − base is the scan's own memory.
Faker's `ssn` IDs carry valid check digits, but only {strict:.0%} of the ID column passes
stdnum's strict birth-date and region test (`--strict-ids`): hence checksum mode by default.
Presidio's built-in credit-card pattern spans 13–17 digits, so the 19-digit UnionPay numbers
(about half of 银行卡号) are not found."""


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def write_docs(text: str) -> None:
    body = DOCS.read_text(encoding="utf-8")
    head = body.split(SECTION, 1)[0].rstrip("\n")
    DOCS.write_text(f"{head}\n\n{SECTION}\n\n{text}\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--presidio-rows", type=int, default=2_000)
    ap.add_argument("--docs", action="store_true", help="write this run into docs/benchmarks.md")
    ap.add_argument("--worker", choices=["ours", "presidio"], help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.data, args.presidio_rows)
        return
    command = ".venv/bin/python -m bench.data_scan " + " ".join(sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="ftz-bench-scan-") as tmp:
        data = Path(tmp) / "table.parquet"
        t0 = time.perf_counter()
        table = build_table(args.rows)
        table.write_parquet(data)
        strict = strict_share(table)
        del table
        print(f"built {args.rows:,} rows in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        results = {}
        for kind in ("ours", "presidio"):
            out = subprocess.run(
                [sys.executable, "-m", "bench.data_scan", "--worker", kind, "--data", str(data),
                 "--presidio-rows", str(args.presidio_rows)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            results[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    text = report(args.rows, results["ours"], results["presidio"], command.strip(), strict)
    print(text)
    if args.docs:
        write_docs(f"### Run of {time.strftime('%Y-%m-%d %H:%M')}\n\n{text}")


if __name__ == "__main__":
    main()
