"""Figures the p17 demo is built from, derived from the seed (data/seed.yaml) rather than typed:
the province's 2024 output and visitors split over the 19 cities and counties and the 2023
figures the seed's growth rates imply; the 70 key projects with the seed's named ones and a
total of nearly 600亿元. The split over cities and counties is illustrative (weights below), and
so are the demo's logins and operators (fictional organizations)."""

from __future__ import annotations

import random
from typing import Any

from ftz.practices.leisure_fishery import reference

OFFICER, ASSOCIATION = "lf.officer", "lf.association"
OPERATOR_A, OPERATOR_B = "lf.op.sanya", "lf.op.lingao"
# (code, name zh, name en, login or None, home areas)
OPERATORS = [
    (
        "lf-op-sanya",
        "三亚崖州湾休闲渔业合作社（演示）",
        "Yazhou Bay Leisure Fishery Co-op (demo)",
        OPERATOR_A,
        ("460200", "460300", "469027"),
    ),
    (
        "lf-op-lingao",
        "临高新盈休闲渔业有限公司（演示）",
        "Lingao Xinying Leisure Fishery Ltd (demo)",
        OPERATOR_B,
        ("469024", "469023", "460400", "469026", "469007"),
    ),
    (
        "lf-op-haikou",
        "海口南渡江口海钓俱乐部（演示）",
        "Haikou Estuary Sea Angling Club (demo)",
        None,
        ("460100", "469005"),
    ),
    (
        "lf-op-east",
        "琼东渔民休闲渔业合作社（演示）",
        "East Hainan Fishers' Leisure Co-op (demo)",
        None,
        ("469002", "469006", "469028"),
    ),
]


# Illustrative shares (per mille) of the province's leisure fishery by city or county.
SHARES = {
    "460200": 270,
    "460100": 170,
    "469024": 80,
    "469028": 70,
    "469006": 60,
    "469002": 60,
    "469005": 60,
    "460400": 50,
    "469023": 30,
    "469007": 30,
    "469027": 30,
    "469026": 20,
    "460300": 10,
    "469001": 10,
    "469021": 15,
    "469022": 10,
    "469025": 5,
    "469029": 10,
    "469030": 10,
}
# Shares (per cent) of the vessel indicators and demo vessels among the coastal areas.
VESSEL_SHARES = {
    "460200": 25,
    "460100": 12,
    "469028": 9,
    "469006": 8,
    "469024": 8,
    "469002": 7,
    "469005": 7,
    "460400": 6,
    "469023": 4,
    "469007": 4,
    "469027": 4,
    "469026": 3,
    "460300": 3,
}
HOME_PORTS = {
    "460100": "海口新港",
    "460200": "崖州中心渔港",
    "460300": "永兴岛渔港",
    "460400": "白马井中心渔港",
    "469002": "潭门中心渔港",
    "469005": "清澜港",
    "469006": "港北港",
    "469007": "八所港",
    "469023": "马村港",
    "469024": "新盈中心渔港",
    "469026": "海尾港",
    "469027": "莺歌海港",
    "469028": "新村港",
}
# The seed's named projects: (name, kind, level, area, investment 万元, status, description).
NAMED_PROJECTS = [
    (
        "三亚崖州湾科技城国家级渔港经济区休闲渔业水产品交易中心改造项目",
        "wharf",
        "national",
        "460200",
        8000,
        "under_construction",
        "案例17：投资8000万元",
    ),
    (
        "三亚崖州湾休闲海钓游客中心",
        "competition_base",
        "provincial",
        "460200",
        0,
        "open",
        "案例17：休闲海钓游客中心开业试运营",
    ),
    (
        "海口新溪湾休闲渔业示范基地",
        "demonstration_base",
        "provincial",
        "460100",
        0,
        "under_construction",
        "案例17：全省70个休闲渔业重点项目之一",
    ),
    (
        "临高东英镇国际慢城休闲渔业示范基地",
        "feature_town",
        "provincial",
        "469024",
        0,
        "under_construction",
        "案例17：全省70个休闲渔业重点项目之一",
    ),
    (
        "临高博纵村赶海民宿示范点",
        "demonstration_base",
        "municipal",
        "469024",
        0,
        "open",
        "案例17：临高博纵村成为“网红民宿村”",
    ),
]
KIND_NAMES = {
    "demonstration_base": "精品休闲渔业示范基地",
    "competition_base": "海钓赛事基地",
    "marine_ranch": "休闲型海洋牧场",
    "wharf": "休闲渔业码头",
    "feature_town": "休闲渔业特色小镇",
}


def apportion(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Split `total` in proportion to `weights` with integer parts that add up exactly
    (largest remainder), so the sums the statistics show equal the seed's figures."""
    whole = sum(weights.values())
    parts = {k: total * w // whole for k, w in weights.items()}
    left = total - sum(parts.values())
    by_remainder = sorted(weights, key=lambda k: (-(total * weights[k] % whole), k))
    for key in by_remainder[:left]:
        parts[key] += 1
    return parts


def yearly_statistics() -> list[dict[str, Any]]:
    seed = reference.seed()
    output_2024, visitors_2024 = int(seed["output_2024_wan"]), int(seed["visitors_2024"])
    # The year before, as the seed's growth rates imply (rounded to the unit reported).
    output_2023 = round(output_2024 / (1 + seed["output_growth_pct"] / 100))
    visitors_2023 = round(visitors_2024 / (1 + seed["visitors_growth_pct"] / 100))
    rows = []
    for year, output, visitors in (
        (2023, output_2023, visitors_2023),
        (2024, output_2024, visitors_2024),
    ):
        outputs, people = apportion(output, SHARES), apportion(visitors, SHARES)
        for code in SHARES:
            rows.append(
                {
                    "area_code": code,
                    "year": year,
                    "output_wan": outputs[code],
                    "visitors": people[code],
                    "source": "演示：按案例17全省数据分摊 (demo split of the seed's total)",
                }
            )
    return rows


def key_projects(rng: random.Random) -> list[dict[str, Any]]:
    """The seed's 70 key projects: its named ones, then illustrative ones in the coastal areas,
    investments drawn so the total is nearly 600亿元 (5,990,000 万元)."""
    seed = reference.seed()
    count, total = int(seed["key_projects"]), 5_990_000
    projects: list[dict[str, Any]] = [
        {
            "name": n,
            "kind": k,
            "level": lv,
            "area_code": a,
            "investment_wan": i,
            "status": s,
            "description": d,
            "key_project": True,
        }
        for n, k, lv, a, i, s, d in NAMED_PROJECTS
    ]
    coastal = list(VESSEL_SHARES)
    kinds = list(KIND_NAMES)
    weights = {}
    for n in range(count - len(NAMED_PROJECTS)):
        code, kind = coastal[n % len(coastal)], kinds[(n // len(coastal)) % len(kinds)]
        name = f"{reference.area_name(code)}{KIND_NAMES[kind]}（演示{n + 1:02d}）"
        projects.append(
            {
                "name": name,
                "kind": kind,
                "level": rng.choice(("provincial", "municipal")),
                "area_code": code,
                "status": rng.choice(("planned", "under_construction", "open")),
                "description": "演示项目 (illustrative project)",
                "key_project": True,
                "investment_wan": 0,
            }
        )
        weights[name] = rng.randint(20, 200)
    named = sum(int(p["investment_wan"]) for p in projects)
    shares = apportion(total - named, weights)
    for project in projects:
        if project["name"] in shares:
            project["investment_wan"] = shares[project["name"]]
    return projects
