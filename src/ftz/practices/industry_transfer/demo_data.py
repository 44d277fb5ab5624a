"""The p23 demo's parties and pipeline, in the seed's proportions (case 23, 实践效果):

- the Kunming area (昆明片区, receiving): 45 signed projects with 150亿元 of funds in place,
  from Lingang (Shanghai; some inside the co-built 沪滇临港昆明科技城 enclave, some incubated in
  the Kunming development zone's reverse enclave in Lingang) and from Ningbo;
- the Mohan border industrial park (磨憨沿边产业园, receiving): 28 signed projects with
  52亿元 of contracted investment, from Lingang and from the Kunming area (both parks in Yunnan:
  the provincial roll-up counts these once);
- 17 intentions from Fujian, Zhejiang and Hubei enterprises for Mohan, over 6.6亿元.

Park and office names follow the seed; administrations, operators, enterprises, dates, sharing
percentages and every per-project figure are our own illustrative values (apportioned so the
totals equal the seed's)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# code, name_zh, name_en, role, province, city, admin org code, admin zh, admin en, operator, user
PARKS = (
    ("SH-LG", "中国（上海）自由贸易试验区临港新片区", "Lingang Special Area, Shanghai FTZ",
     "sponsor", "31", "上海市", "it-adm-lingang", "临港新片区管委会（演示）",
     "Lingang Special Area Administration (demo)", "上海临港经济发展（集团）有限公司",
     "it.lingang"),
    ("KM-FTZ", "中国（云南）自由贸易试验区昆明片区（昆明经济技术开发区）",
     "Kunming Area, Yunnan FTZ (Kunming ETDZ)", "receiving", "53", "昆明市", "it-adm-kunming",
     "昆明片区管委会（演示）", "Kunming Area Administration (demo)",
     "昆明经开区开发运营公司（演示）", "it.kunming"),
    ("MH-BIZ", "中老磨憨—磨丁经济合作区（磨憨沿边产业园）",
     "Mohan–Boten Economic Cooperation Zone (Mohan border industrial park)", "receiving", "53",
     "西双版纳傣族自治州", "it-adm-mohan", "磨憨—磨丁合作区管委会（演示）",
     "Mohan–Boten Cooperation Zone Administration (demo)", "磨憨开发投资公司（演示）",
     "it.mohan"),
    ("ZJ-NB", "中国（浙江）自由贸易试验区宁波片区", "Ningbo Area, Zhejiang FTZ", "sponsor", "33",
     "宁波市", "it-adm-ningbo", "宁波片区管委会（演示）", "Ningbo Area Administration (demo)",
     "", "it.ningbo"),
    ("FJ-FZ", "中国（福建）自由贸易试验区福州片区", "Fuzhou Area, Fujian FTZ", "sponsor", "35",
     "福州市", "it-adm-fuzhou", "福州片区管委会（演示）", "Fuzhou Area Administration (demo)",
     "", None),
    ("HB-WH", "中国（湖北）自由贸易试验区武汉片区", "Wuhan Area, Hubei FTZ", "sponsor", "42",
     "武汉市", "it-adm-wuhan", "武汉片区管委会（演示）", "Wuhan Area Administration (demo)",
     "", None),
)  # fmt: skip
# org code, name_zh, name_en, province (None: national), user
OFFICES = (
    ("it-stats-national", "国家统计局（演示）", "National Bureau of Statistics (demo)", None,
     "it.stats"),
    ("it-stats-yunnan", "云南省统计局（演示）", "Yunnan Provincial Bureau of Statistics (demo)",
     "53", "it.stats.yn"),
)  # fmt: skip
# number, title, sponsor, receiving, signatories, sponsor signatory, receiving signatory, signed
AGREEMENTS = (
    ("SH-KM-2022-01", "沪滇临港昆明科技城共建协议", "SH-LG", "KM-FTZ", "operators",
     "上海临港经济发展（集团）有限公司", "昆明经开区开发运营公司（演示）", date(2022, 7, 1)),
    ("KM-MH-2022-01", "昆明片区—磨憨合作区“四区”联动协议", "KM-FTZ", "MH-BIZ",
     "administrations", "昆明片区管委会（演示）", "磨憨—磨丁合作区管委会（演示）",
     date(2022, 10, 1)),
    ("SH-MH-2023-01", "上海临港—磨憨产业合作协议", "SH-LG", "MH-BIZ", "administrations",
     "临港新片区管委会（演示）", "磨憨—磨丁合作区管委会（演示）", date(2023, 3, 1)),
    ("ZJ-KM-2023-01", "宁波片区—昆明片区产业协作协议", "ZJ-NB", "KM-FTZ", "administrations",
     "宁波片区管委会（演示）", "昆明片区管委会（演示）", date(2023, 5, 1)),
    ("FJ-MH-2024-01", "福州片区—磨憨合作区产业转移协议", "FJ-FZ", "MH-BIZ", "administrations",
     "福州片区管委会（演示）", "磨憨—磨丁合作区管委会（演示）", date(2024, 4, 1)),
    ("ZJ-MH-2024-01", "宁波片区—磨憨合作区产业转移协议", "ZJ-NB", "MH-BIZ", "administrations",
     "宁波片区管委会（演示）", "磨憨—磨丁合作区管委会（演示）", date(2024, 4, 15)),
    ("HB-MH-2024-01", "武汉片区—磨憨合作区产业转移协议", "HB-WH", "MH-BIZ", "administrations",
     "武汉片区管委会（演示）", "磨憨—磨丁合作区管委会（演示）", date(2024, 5, 1)),
)  # fmt: skip
# key, agreement, kind, name_zh, name_en, host share %, years, starts, terms
ARRANGEMENTS = (
    ("science_city", "SH-KM-2022-01", "enclave", "沪滇临港昆明科技城",
     "Shanghai–Yunnan Lingang Kunming Science City", 50, 20, date(2022, 7, 1),
     "园区开发运营主体间签订共建协议，共同制定项目战略发展规划和产业规划；地方财政收入留成部分按约定比例分享"
     "（比例为演示值）；主要经济指标双方全额双核算。"),
    ("science_enclave", "SH-KM-2022-01", "reverse_enclave", "昆明经开区（上海）科创飞地",
     "Kunming ETDZ (Shanghai) science enclave", 30, 10, date(2023, 6, 1),
     "项目孵化在上海，成果转化在昆明；孵化项目落地昆明后地方财政收入留成部分按约定比例分享（比例为演示值）。"),
)  # fmt: skip
YI = 100_000_000  # 1亿元 in CNY
WAN = 10_000


@dataclass(frozen=True)
class DemoProject:
    code: str
    name: str
    enterprise: str
    agreement: str
    arrangement: str | None
    industry: str
    stage: str
    intention_on: date
    planned_wan: int
    actual_wan: int


def apportion(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights`, integer parts adding up exactly."""
    whole = sum(weights)
    if whole == 0:
        return [0] * len(weights)
    parts = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


KUNMING_INDUSTRIES = ("C30", "C32", "M74", "C27", "L72", "I64", "C35", "C26", "M73", "C38")
MOHAN_INDUSTRIES = ("C34", "C35", "C27", "D44", "C38", "C39")
INTENTION_INDUSTRIES = ("C33", "C29", "E47", "F51", "F52", "G59", "G58")
KUNMING_WORDS = ("新材料", "检验检测", "生物医药", "生产性服务", "工业互联网", "先进制造")
MOHAN_WORDS = ("装备制造", "生物医药", "绿色能源", "电子信息", "跨境加工", "维修服务")


def _stages(signed: int, building: int, operating: int) -> list[str]:
    return ["signed"] * signed + ["under_construction"] * building + ["in_operation"] * operating


def _projects(
    prefix: str,
    count: int,
    sources: Sequence[tuple[str, str | None]],
    stages: list[str],
    industries: tuple[str, ...],
    words: tuple[str, ...],
    planned_wan: int,
    actual_wan: int | None,
    rng: random.Random,
    first_day: date = date(2022, 8, 1),
) -> list[DemoProject]:
    weights = [rng.randint(40, 160) for _ in range(count)]
    planned = apportion(planned_wan, weights)
    if actual_wan is None:  # funds in place: a share of the contracted amount by stage
        share = {"signed": 0.35, "under_construction": 0.7, "in_operation": 0.95, "intention": 0}
        actual = [int(p * share[s]) for p, s in zip(planned, stages, strict=True)]
    else:
        factor = {"signed": 2, "under_construction": 4, "in_operation": 5, "intention": 0}
        actual = apportion(
            actual_wan, [w * factor[s] for w, s in zip(weights, stages, strict=True)]
        )
    made = []
    for i in range(count):
        agreement, arrangement = sources[i % len(sources)]
        word = words[i % len(words)]
        start = first_day + timedelta(days=(i * 23) % 640)
        made.append(DemoProject(
            code=f"{prefix}-{i + 1:03d}", name=f"{word}项目{i + 1}（演示）",
            enterprise=f"{word}示范企业{prefix}{i + 1:02d}有限公司（演示）", agreement=agreement,
            arrangement=arrangement, industry=industries[i % len(industries)], stage=stages[i],
            intention_on=start, planned_wan=planned[i], actual_wan=actual[i],
        ))  # fmt: skip
    return made


def pipeline() -> list[DemoProject]:
    rng = random.Random(23)
    kunming_sources = [("SH-KM-2022-01", "science_city")] * 4 + [
        ("SH-KM-2022-01", None), ("SH-KM-2022-01", None), ("SH-KM-2022-01", "science_enclave"),
        ("ZJ-KM-2023-01", None), ("ZJ-KM-2023-01", None)]  # fmt: skip
    kunming = _projects("KM", 45, kunming_sources, _stages(15, 12, 18), KUNMING_INDUSTRIES,
                        KUNMING_WORDS, 210 * YI // WAN, 150 * YI // WAN, rng)  # fmt: skip
    mohan_sources = [("SH-MH-2023-01", None), ("KM-MH-2022-01", None), ("KM-MH-2022-01", None)]
    mohan = _projects("MH", 28, mohan_sources, _stages(10, 8, 10), MOHAN_INDUSTRIES,
                      MOHAN_WORDS, 52 * YI // WAN, None, rng)  # fmt: skip
    intention_sources = [("FJ-MH-2024-01", None), ("ZJ-MH-2024-01", None),
                         ("HB-MH-2024-01", None)]  # fmt: skip
    intentions = _projects("MHI", 17, intention_sources, ["intention"] * 17,
                           INTENTION_INDUSTRIES, ("制造", "建筑", "商贸", "物流"), 66_200, 0,
                           rng, date(2024, 6, 1))  # fmt: skip
    return kunming + mohan + intentions


# Stage dates after the intention (days), so operating projects report the four quarters of 2025.
SIGN_AFTER, BUILD_AFTER, OPERATE_AFTER = 45, 75, 150
REPORT_QUARTERS = ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")
