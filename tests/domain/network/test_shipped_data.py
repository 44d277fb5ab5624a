"""The shipped network's data: the places the seed names, its scale, coordinates that fall in
their countries, one connected network, and sea distances that searoute reproduces."""

from __future__ import annotations

import importlib

import networkx as nx
import pytest

from ftz.domain.network.build import sea_leg
from ftz.domain.network.data import read_yaml
from ftz.domain.network.network import network

# Every place of seed cases 2, 9, 13, 14, 24, 25 and 29, by node id.
SEED_PLACES = [
    "yueyang_chenglingji", "chongqing_guoyuan", "qinzhou", "chengdu_qingbaijiang",
    "kunming_wangjiaying", "mohan", "boten", "vientiane_south", "hekou_north", "hekou_beishan",
    "lao_cai", "kim_thanh", "mengzi", "hanoi_yen_vien", "hai_phong", "ho_chi_minh_cat_lai",
    "lodz_olechow", "zhengzhou_putian", "zhengzhou_xinzheng", "shanghai_yangshan", "wuhu",
    "hefei_port", "guangzhou_nansha", "guangzhou_dalang", "suifenhe", "grodekovo", "dhaka",
    "chengdu_shuangliu", "warsaw",
]  # fmt: skip

# Generous boxes (west, south, east, north) per country: a swapped lon/lat falls outside.
BOXES = {
    "CN": (73, 18, 135, 54), "LA": (100, 13.9, 107.7, 22.5), "VN": (102, 8.4, 110, 23.4),
    "TH": (97, 5.6, 105.7, 20.5), "KZ": (46, 40, 88, 56), "UZ": (55, 37, 74, 46),
    "MN": (87, 41, 120, 52.2), "RU": (19, 41, 180, 82), "BY": (23, 51, 33, 56.2),
    "PL": (14, 49, 24.2, 55), "DE": (5.8, 47, 15.1, 55.1), "NL": (3.3, 50.7, 7.3, 53.6),
    "BE": (2.5, 49.5, 6.4, 51.6), "LU": (5.7, 49.4, 6.6, 50.2), "GB": (-8, 49.8, 2, 59),
    "FR": (-5, 41, 10, 51.2), "IT": (6.6, 36.6, 18.6, 47.1), "ES": (-9.4, 36, 4.4, 43.8),
    "GR": (19.3, 34.8, 28.3, 41.8), "SG": (103.6, 1.15, 104.1, 1.48), "MY": (99.6, 0.8, 119.3, 7.4),
    "ID": (95, -11, 141, 6), "PH": (116.9, 4.5, 126.7, 21.2), "KH": (102.3, 10, 107.7, 14.7),
    "MM": (92, 9.5, 101.2, 28.6), "BD": (88, 20.6, 92.7, 26.7), "LK": (79.5, 5.9, 82, 9.9),
    "IN": (68, 6.5, 97.5, 35.7), "PK": (60.8, 23.6, 77.9, 37.1), "AE": (51.5, 22.6, 56.4, 26.1),
    "SA": (34.5, 16.3, 55.7, 32.2), "DJ": (41.7, 10.9, 43.5, 12.8), "KE": (33.9, -4.8, 41.9, 5.1),
    "ZA": (16.4, -34.9, 32.9, -22.1), "NG": (2.6, 4.2, 14.7, 13.9), "KR": (124.6, 33.1, 130, 38.7),
    "JP": (122.9, 24, 146, 45.6), "US": (-180, 18.9, -66.9, 71.4), "BR": (-74, -33.8, -34.7, 5.3),
    "AU": (112.9, -43.7, 153.7, -10.6),
}  # fmt: skip


def test_every_place_the_seed_names_is_a_node_with_modes() -> None:
    nodes = network().nodes
    missing = [p for p in SEED_PLACES if p not in nodes or not nodes[p].modes]
    assert missing == []


def test_scale_matches_the_seed_200_stations_and_19_river_ports() -> None:
    net = network()
    rail = [n for n in net.nodes.values() if "rail" in n.modes]
    assert len(rail) >= 200
    yangtze = {
        station
        for reach in read_yaml("lines.yaml")["river"]
        if "Yangtze" in reach["name"]
        for station in reach["stations"]
        if net.nodes[station].kind == "river_port"
    }
    assert len(yangtze) >= 19
    chinese_rail_places = {n.name_zh for n in rail if n.country == "CN"}
    assert len(chinese_rail_places) >= 150


def test_coordinates_fall_in_their_country_and_locodes_match() -> None:
    wrong = []
    for node in network().nodes.values():
        west, south, east, north = BOXES[node.country]
        if not (west <= node.lon <= east and south <= node.lat <= north):
            wrong.append(node.id)
        assert node.locode is None or node.locode[:2] == node.country
    assert wrong == []


def test_one_network_every_node_reaches_and_is_reached_from_chengdu() -> None:
    graph = network().graph
    ahead = nx.descendants(graph, "chengdu_qingbaijiang|out")
    behind = nx.ancestors(graph, "chengdu_qingbaijiang|in")
    lost = [n for n in network().nodes if f"{n}|in" not in ahead or f"{n}|out" not in behind]
    assert lost in ([], ["chengdu_qingbaijiang"])


def test_every_service_has_a_timetable_and_runs_on_the_infrastructure() -> None:
    services = network().services
    assert len(services) >= 30
    for service in services.values():
        assert service.departs.per_week >= 1
        assert all(s.km > 0 and s.run_h > 0 for s in service.segments)
        assert list(service.arrive_h) == sorted(service.arrive_h)


@pytest.mark.parametrize("lane", ["qinzhou|hai_phong", "shanghai_yangshan|rotterdam"])
def test_sea_distances_are_what_searoute_computes(lane: str) -> None:
    searoute = importlib.import_module("searoute")
    net = network()
    a, b = lane.split("|")
    stored = next(x for x in net.lanes if (x.a, x.b) == (a, b))
    fresh = sea_leg(searoute, [net.nodes[a].lon, net.nodes[a].lat],
                    [net.nodes[b].lon, net.nodes[b].lat])  # fmt: skip
    assert stored.km == pytest.approx(fresh["km"], abs=0.1)
    assert stored.coordinates == fresh["coordinates"]
