"""p22 benchmark: CBEC export declaration lines screened per second against a key-items list of
5,000 rules, by the compiled matcher (one Aho-Corasick automaton over normalized text, HS
intervals, enterprise sets, thresholds) and, in the same run, by the straightforward baseline
(per line, each rule's own compiled regular expression, HS ranges, enterprises, thresholds).

    .venv/bin/python -m bench.key_items [--rules 5000] [--lines 500000] [--baseline-lines 2000]

Rules and lines are generated with a fixed seed: rules mix Chinese and English keywords with
synonyms (about four each), HS ranges, enterprise lists and weight/value thresholds, like the
shipped list; lines are product names with specifications, HS codes, weights and values, about
one in twenty carrying a listed keyword. Lines are screened in declarations of 500 lines (one
enterprise code each), as the service does. Both engines must find the same (line, rule) hits
on the lines the baseline screens, or the run fails. The goal is ≥ 100,000 lines/s.
"""

from __future__ import annotations

import argparse
import random
import time

from ftz.practices.cbec_key_items.keylist import shipped, to_rules
from ftz.practices.cbec_key_items.matcher import ENGINE, Line, Matcher, RegexBaseline, Rule

SEED = 22
DECLARATION = 500
HANZI = (
    "锂电充宝源磁铁钕硼酒精香水油漆胶喷雾罐烟花爆竹刀枪弩液体乳霜粉末镜片芯片线缆手机壳"
    "耳机灯具玩具服装鞋帽包袋茶叶瓷器工艺品饰品塑料金属木制纸张布料橡胶玻璃陶瓷家居厨具"
)
ENGLISH = [
    "lithium",
    "cell",
    "pack",
    "bank",
    "magnet",
    "neodymium",
    "alcohol",
    "perfume",
    "paint",
    "glue",
    "spray",
    "aerosol",
    "firework",
    "knife",
    "blade",
    "liquid",
    "lotion",
    "powder",
    "lens",
    "chip",
    "cable",
    "phone",
    "case",
    "earphone",
    "lamp",
    "toy",
    "shirt",
    "shoe",
    "hat",
    "bag",
    "tea",
    "porcelain",
    "craft",
    "ornament",
    "plastic",
    "metal",
    "wooden",
    "paper",
    "fabric",
    "rubber",
    "glass",
    "ceramic",
    "home",
    "kitchen",
    "charger",
    "adapter",
    "speaker",
    "watch",
    "ring",
    "necklace",
    "bracelet",
    "sticker",
    "candle",
    "brush",
]
PRODUCTS = (
    "纯棉T恤", "运动鞋", "手机壳", "蓝牙耳机", "LED台灯", "儿童玩具车", "陶瓷茶杯", "帆布包",
    "不锈钢保温杯", "USB数据线", "women dress", "running shoes", "phone case", "wireless earbuds",
    "desk lamp", "toy car", "ceramic mug", "canvas tote bag", "yoga mat", "hair clip",
)  # fmt: skip
HS_CODES = ("610910", "640411", "392690", "851830", "940521", "950300", "691200", "420292",
            "732393", "854442", "620443", "401110", "961511", "950691")  # fmt: skip


def make_rules(count: int, rng: random.Random) -> list[Rule]:
    """The shipped list's rules first, then generated ones up to `count`."""
    rules = to_rules(shipped())
    while len(rules) < count:
        n = len(rules)
        keywords = []
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.5:
                keywords.append("".join(rng.choice(HANZI) for _ in range(rng.randint(3, 5))))
            else:
                keywords.append(f"{rng.choice(ENGLISH)} {rng.choice(ENGLISH)}{n % 97}")
        hs: tuple[tuple[int, int], ...] = ()
        if rng.random() < 0.2:
            start = rng.randrange(100000, 970000, 100)
            hs = ((start, start + rng.choice((0, 99))),)
        rules.append(
            Rule(
                id=f"GEN-{n:05d}",
                category="other",
                reason_zh="生成的基准规则",
                reason_en="generated benchmark rule",
                source="bench",
                keywords=tuple(keywords),
                hs=hs,
                enterprises=frozenset({f"ENT{n:06d}"}) if rng.random() < 0.02 else frozenset(),
                weight_over_kg=rng.choice((None, None, None, 1.0, 5.0)),
                value_over_cny=rng.choice((None, None, None, None, 5000.0)),
            )
        )
    return rules


def make_lines(count: int, rules: list[Rule], rng: random.Random) -> list[Line]:
    keywords = [k for rule in rules for k in rule.keywords]
    lines = []
    for n in range(count):
        name = rng.choice(PRODUCTS)
        spec = f"型号 {rng.choice(ENGLISH).upper()}-{n % 1000} {rng.randint(1, 99)}件装"
        if rng.random() < 0.05:
            spec = f"{spec} 含{rng.choice(keywords)}"
        lines.append(
            Line(
                text=f"{name} {spec}",
                hs=rng.choice(HS_CODES),
                weight_kg=round(rng.uniform(0.05, 12), 2),
                value_cny=round(rng.uniform(5, 8000), 2),
            )
        )
    return lines


def run(screen: object, lines: list[Line], enterprise: str) -> tuple[float, float, list[set[int]]]:
    """Wall and CPU seconds of screening `lines` in declarations, and each line's rules (the
    sets are built after the clock stops: they are the check, not the screening)."""
    results = []
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(lines), DECLARATION):
        batch = lines[start : start + DECLARATION]
        results.append(screen.screen(batch, [enterprise]))  # type: ignore[attr-defined]
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return wall, cpu, [{h.rule for h in hits} for batch in results for hits in batch]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", type=int, default=5000)
    parser.add_argument("--lines", type=int, default=500_000)
    parser.add_argument("--baseline-lines", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(SEED)
    rules = make_rules(args.rules, rng)
    lines = make_lines(args.lines, rules, rng)
    enterprise = "4401234567"  # on no list

    started = time.perf_counter()
    matcher = Matcher(rules, 1)
    compile_s = time.perf_counter() - started
    started = time.perf_counter()
    baseline = RegexBaseline(rules)
    baseline_compile_s = time.perf_counter() - started
    run(matcher, lines[:5000], enterprise)  # warm the HS cache as a running server has it

    seconds, cpu, found = run(matcher, lines, enterprise)
    base_seconds, base_cpu, base_found = run(baseline, lines[: args.baseline_lines], enterprise)
    same = found[: args.baseline_lines] == base_found
    hit_lines = sum(1 for f in found if f)
    rate = len(lines) / seconds
    base_rate = args.baseline_lines / base_seconds
    cpu_rate = len(lines) / cpu
    print(
        f"rules {len(rules):,}, keywords {matcher.keyword_count:,}, lines {len(lines):,}, "
        f"lines with a hit {hit_lines:,} ({hit_lines / len(lines):.1%})"
    )
    print("| engine | compile s | lines screened | wall s | lines/s (wall) | lines/s (CPU) |")
    print("|---|---|---|---|---|---|")
    print(
        f"| compiled matcher ({ENGINE}) | {compile_s:.2f} | {len(lines):,} | {seconds:.2f} "
        f"| {rate:,.0f} | {cpu_rate:,.0f} |"
    )
    print(
        f"| per-line regex baseline | {baseline_compile_s:.2f} | {args.baseline_lines:,} "
        f"| {base_seconds:.2f} | {base_rate:,.0f} | {args.baseline_lines / base_cpu:,.0f} |"
    )
    print(
        f"speed-up {rate / base_rate:,.0f}x; same hits on the baseline's lines: {same}; "
        f"goal ≥ 100,000 lines/s: {'met' if rate >= 100_000 else 'NOT met'} (wall clock)"
    )
    if not same:
        raise SystemExit("the matcher and the baseline disagree")


if __name__ == "__main__":
    main()
