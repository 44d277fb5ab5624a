"""The shipped network assembled once per process: nodes with the modes that serve them, links,
lanes, services, the planning graph and its per-mode restrictions, and node lookup by node id
or UN/LOCODE with a clear error for anything else."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import networkx as nx

from ftz.core.kit.errors import validation_error
from ftz.domain.network.data import Factors, load_factors, read_nodes
from ftz.domain.network.graph import build_graph
from ftz.domain.network.links import Lane, Link, lanes, line_links, road_links
from ftz.domain.network.model import MODES, Graph, Mode, Node
from ftz.domain.network.services import Service, build_services


@dataclass
class Network:
    nodes: dict[str, Node]
    links: list[Link]
    lanes: list[Lane]
    services: dict[str, Service]
    factors: Factors
    graph: Graph
    by_locode: dict[str, list[Node]] = field(default_factory=dict)
    _restricted: dict[frozenset[str], Graph] = field(default_factory=dict)

    def resolve(self, ref: str, field_name: str = "node") -> list[Node]:
        """The nodes a reference names: a node id (case-insensitive) or a UN/LOCODE (all the
        nodes of that place). Anything else is a field problem with suggestions."""
        text = (ref or "").strip()
        if text.lower() in self.nodes:
            return [self.nodes[text.lower()]]
        if text.upper() in self.by_locode:
            return list(self.by_locode[text.upper()])
        hints = [n.id for n in self.search(text)][:5] or difflib.get_close_matches(
            text.lower(), list(self.nodes), n=5, cutoff=0.6
        )
        hint = f"; did you mean {', '.join(hints)}?" if hints else ""
        raise validation_error(
            field_name, f"unknown node {text!r}: not a node id or a UN/LOCODE{hint}"
        )

    def endpoint(self, ref: str, field_name: str, side: str) -> tuple[str, list[Node]]:
        """The graph node where a route starts (side "out") or ends ("in")."""
        found = self.resolve(ref, field_name)
        text = ref.strip()
        if len(found) == 1 and text.lower() == found[0].id:
            return f"{found[0].id}|{side}", found
        return f"@{found[0].locode}|{side}", found

    def search(
        self,
        text: str | None = None,
        mode: str | None = None,
        kind: str | None = None,
        country: str | None = None,
    ) -> list[Node]:
        """Nodes whose id, names, UN/LOCODE or IATA code contain `text`, filtered."""
        needle = (text or "").strip().lower()
        found = []
        for node in self.nodes.values():
            if mode and mode not in node.modes:
                continue
            if kind and node.kind != kind:
                continue
            if country and node.country != country.upper():
                continue
            haystack = " ".join(
                filter(None, (node.id, node.name, node.name_zh, node.locode, node.iata))
            ).lower()
            if needle and needle not in haystack:
                continue
            found.append(node)
        return found

    def restricted(self, modes: Iterable[str] | None) -> Graph:
        """The graph without the edges of modes not allowed (cached per set of modes)."""
        allowed = frozenset(modes or MODES)
        if allowed == frozenset(MODES):
            return self.graph
        if allowed not in self._restricted:

            def keep(u: str, v: str) -> bool:
                data = self.graph.edges[u, v]
                if data["mode"] is None:
                    return True
                return bool(
                    data["mode"] in allowed and data.get("from_mode", data["mode"]) in allowed
                )

            view = nx.subgraph_view(self.graph, filter_edge=keep)
            self._restricted[allowed] = nx.DiGraph(view)
        return self._restricted[allowed]


def assemble() -> Network:
    """The shipped network from the data files."""
    factors = load_factors()
    nodes = read_nodes()
    infrastructure = line_links(nodes, factors)
    taken = {(link.a, link.b) for link in infrastructure if link.mode == "road"}
    infrastructure += road_links(nodes, factors, taken)
    sea_air = lanes(nodes, factors)
    services = build_services(nodes, infrastructure, factors)
    return compose(nodes, infrastructure, sea_air, services, factors)


def compose(
    nodes: dict[str, Node],
    infrastructure: list[Link],
    sea_air: list[Lane],
    services: list[Service],
    factors: Factors,
) -> Network:
    """A network from its parts (the shipped one, or a small one a test writes by hand)."""
    graph = build_graph(nodes, infrastructure, sea_air, services, factors)
    modes: dict[str, set[Mode]] = {n: set() for n in nodes}
    for _u, _v, data in graph.edges(data=True):
        if data["kind"] == "access":
            modes[data["at"]].add(data["mode"])
    final = {
        n: node.model_copy(update={"modes": tuple(m for m in MODES if m in modes[n])})
        for n, node in nodes.items()
    }
    by_locode: dict[str, list[Node]] = {}
    for node in final.values():
        if node.locode and node.modes:
            by_locode.setdefault(node.locode, []).append(node)
    return Network(
        nodes=final,
        links=infrastructure,
        lanes=sea_air,
        services={s.id: s for s in services},
        factors=factors,
        graph=graph,
        by_locode=by_locode,
    )


@cache
def network() -> Network:
    """The shipped network, built on first use (a fraction of a second) and kept."""
    return assemble()
