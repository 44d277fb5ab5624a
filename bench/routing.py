"""Route planning latency on the shipped network (domain/network), side by side with a plain
networkx Dijkstra on the same graph in the same run.

Run: .venv/bin/python -m bench.routing [--pairs 300] [--yen-pairs 60] [--seed 7]

Random origin–destination pairs are drawn (seeded) among all nodes of the network. For each
pair, timed with perf_counter:
- baseline: `nx.dijkstra_path(graph, "O|out", "D|in", weight="hours")`: the path only, no legs,
  no alternatives (the plain Dijkstra the planner's best route must agree with);
- plan(k=1): the best route with its legs, costs and CO₂ (bidirectional Dijkstra + decoding);
- plan(k=3): the best route and two alternatives by leg elimination (the default);
- plan(k=3, method="yen"): the same with networkx's Yen (shortest_simple_paths) on the corridor
  graph, on the first --yen-pairs pairs only (it is the slow one);
for optimize="time" and optimize="cost". Prints Markdown tables; appends nothing."""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from collections.abc import Callable

import networkx as nx

from ftz.domain.network import plan
from ftz.domain.network.network import network

GOAL_MS = 100.0


def _ms(fn: Callable[..., object], *args: object, **kwargs: object) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000


def _row(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    p95 = pick(0.95)
    verdict = "yes" if p95 <= GOAL_MS else "no"
    return (f"| {name} | {len(samples)} | {pick(0.5):.1f} | {p95:.1f} | {pick(0.99):.1f} | "
            f"{ordered[-1]:.1f} | {statistics.mean(samples):.1f} | {verdict} |")  # fmt: skip


def measure(pairs: list[tuple[str, ...]], optimize: str, weight: str, yen_pairs: int) -> None:
    net = network()
    graph = net.graph
    baseline: list[float] = []
    best: list[float] = []
    three: list[float] = []
    yen: list[float] = []
    agree = 0
    for n, (origin, destination) in enumerate(pairs):
        source, target = f"{origin}|out", f"{destination}|in"
        baseline.append(_ms(nx.dijkstra_path, graph, source, target, weight))
        best.append(_ms(plan, origin, destination, optimize, k=1))
        three.append(_ms(plan, origin, destination, optimize, k=3))
        if n < yen_pairs:
            yen.append(_ms(plan, origin, destination, optimize, k=3, method="yen"))
        length = nx.dijkstra_path_length(graph, source, target, weight)
        ours = plan(origin, destination, optimize, k=1).total
        value = ours.hours if optimize == "time" else ours.cost_cny / net.factors.teu_tonnes
        agree += abs(value - length) <= 0.02 + 1e-6 * abs(length)
    print(f"optimize={optimize}: best route equals plain Dijkstra's in {agree}/{len(pairs)}\n")
    print("| query | pairs | p50 ms | p95 ms | p99 ms | max ms | mean ms | p95 ≤ 100 ms |")
    print("|---|---|---|---|---|---|---|---|")
    print(_row("baseline: nx.dijkstra_path (path only)", baseline))
    print(_row("plan(k=1): best route with legs", best))
    print(_row("plan(k=3): + 2 alternatives, leg elimination", three))
    if yen:
        print(_row("plan(k=3, method='yen'): Yen on the corridor", yen))
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--yen-pairs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    net = network()
    build_s = time.perf_counter() - started
    graph = net.graph
    ids = sorted(n for n, node in net.nodes.items() if node.modes)
    rng = random.Random(args.seed)
    pairs = [tuple(rng.sample(ids, 2)) for _ in range(args.pairs)]
    print(f"python {platform.python_version()}, networkx {nx.__version__}, "
          f"network built in {build_s:.2f} s: {len(net.nodes)} nodes, "
          f"{graph.number_of_nodes()} graph nodes, {graph.number_of_edges()} edges, "
          f"{len(net.services)} services; {len(pairs)} pairs, seed {args.seed}\n")  # fmt: skip
    plan(pairs[0][0], pairs[0][1])  # warm the caches (restricted graphs, reversed copies)

    for optimize, weight in (("time", "hours"), ("cost", "cost")):
        measure(pairs, optimize, weight, args.yen_pairs)


if __name__ == "__main__":
    main()
