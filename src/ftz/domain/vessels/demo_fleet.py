"""A demo fleet of grain carriers in the north–south coastal trade (Yingkou and Dalian to the
southern ports) and a few foreign-flag bulk carriers, as a `FleetFile` ready for the importer.

Ships and companies are fictional (names carry "(演示)"/"demo"); their identifiers are valid:
IMO numbers with a correct check digit, MMSIs with the MID of their flag, seven-digit company
numbers. A generated number may coincide with a real ship's by chance; nothing here describes a
real ship. Dates are relative to `today`, so the records stay current whenever the demo loads.
Each ship follows one profile (a clean record, or one of the problems the ten dimensions look
for), so the demo shows every rating."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from ftz.domain.vessels.importer import FleetFile
from ftz.domain.vessels.reference import required_certificates

COMPANIES = (
    ("5981011", "辽宁粮海航运有限公司（演示）", "Liaoning Grain Sea Shipping (demo)", "CN"),
    ("5981022", "大连北粮船务有限公司（演示）", "Dalian Beiliang Shipping (demo)", "CN"),
    ("5981033", "营口港航散运有限公司（演示）", "Yingkou Bulk Carriers (demo)", "CN"),
    ("5981044", "广州南粮海运有限公司（演示）", "Guangzhou Nanliang Marine (demo)", "CN"),
    ("5981055", "香港穗海船舶管理有限公司（演示）", "Suihai Ship Management HK (demo)", "HK"),
    ("5981066", "Oceanic Grain Carriers S.A. (demo)", "Oceanic Grain Carriers S.A. (demo)", "PA"),
    ("5981077", "远帆船舶管理有限公司（演示）", "Yuanfan Ship Management (demo)", "CN"),
)
# (name, name_zh, flag, MID, company index, dwt, year offset, class, profile)
SHIPS = (
    ("HUA LIANG HAI 1", "华粮海1", "CN", 413, 0, 57000, 6, "CCS", "clean"),
    ("HUA LIANG HAI 2", "华粮海2", "CN", 413, 0, 57000, 6, "CCS", "clean"),
    ("HUA LIANG HAI 3", "华粮海3", "CN", 413, 0, 45000, 9, "CCS", "clean"),
    ("HUA LIANG HAI 5", "华粮海5", "CN", 413, 0, 45000, 11, "CCS", "expiring"),
    ("BEI LIANG 18", "北粮18", "CN", 413, 1, 35000, 14, "CCS", "clean"),
    ("BEI LIANG 19", "北粮19", "CN", 413, 1, 35000, 14, "CCS", "clean"),
    ("BEI LIANG 26", "北粮26", "CN", 414, 1, 49000, 19, "CCS", "detained_old"),
    ("BEI LIANG 27", "北粮27", "CN", 414, 1, 49000, 8, "CCS", "clean"),
    ("YING GANG SAN YUN 6", "营港散运6", "CN", 413, 2, 28000, 17, "CCS", "clean"),
    ("YING GANG SAN YUN 8", "营港散运8", "CN", 413, 2, 28000, 21, "CCS", "old_penalty"),
    ("YING GANG SAN YUN 9", "营港散运9", "CN", 413, 2, 32000, 12, "CCS", "clean"),
    ("NAN LIANG 1", "南粮1", "CN", 412, 3, 63000, 4, "CCS", "clean"),
    ("NAN LIANG 2", "南粮2", "CN", 412, 3, 63000, 4, "CCS", "clean"),
    ("NAN LIANG 7", "南粮7", "CN", 412, 3, 50000, 10, "CCS", "accident"),
    ("NAN LIANG 8", "南粮8", "CN", 412, 3, 50000, 10, "CCS", "clean"),
    ("SUI HAI GLORY", "穗海荣耀", "HK", 477, 4, 76000, 7, "NK", "clean"),
    ("SUI HAI FORTUNE", "穗海福运", "HK", 477, 4, 76000, 9, "LR", "deficient"),
    ("SUI HAI PROSPER", "穗海兴旺", "HK", 477, 4, 82000, 3, "DNV", "clean"),
    ("OCEANIC HARVEST", "", "PA", 352, 5, 63000, 13, "BV", "clean"),
    ("OCEANIC WHEAT", "", "PA", 355, 5, 58000, 16, "ABS", "expired"),
    ("OCEANIC MAIZE", "", "PA", 356, 5, 58000, 19, "KR", "detained_recent"),
    ("YUAN FAN 16", "远帆16", "CN", 413, 6, 22000, 24, "ZC", "assistance"),
    ("YUAN FAN 17", "远帆17", "CN", 413, 6, 22000, 20, "CCS", "short_manned"),
    ("YUAN FAN 28", "远帆28", "CN", 414, 6, 26000, 15, "CCS", "key_tracking"),
    ("HUA LIANG HAI 6", "华粮海6", "CN", 413, 0, 45000, 2, "CCS", "no_grain_doc"),
)


def imo_with_check_digit(six: int) -> str:
    digits = f"{six:06d}"
    check = sum(int(d) * (7 - i) for i, d in enumerate(digits)) % 10
    return f"{digits}{check}"


def _certificates(today: date, rng: random.Random, grain: bool) -> list[dict[str, Any]]:
    found = []
    for kind in required_certificates(grain=grain):
        issued = today - timedelta(days=rng.randint(200, 900))
        expires = None if kind == "registry" else issued + timedelta(days=365 * 5)
        if expires is not None and expires <= today + timedelta(days=60):
            expires = today + timedelta(days=rng.randint(120, 700))
        found.append(
            {
                "kind": kind,
                "number": f"{kind[:3].upper()}-{rng.randint(10**5, 10**6 - 1)}",
                "issuer": "中华人民共和国海事局（演示）",
                "issued_on": issued.isoformat(),
                "expires_on": expires.isoformat() if expires else None,
            }
        )
    return found


def _inspection(
    day: date, port: str, deficiencies: list[tuple[str, str, bool, bool]], detained: bool = False
) -> dict[str, Any]:
    return {
        "regime": "tokyo_mou" if port in ("Busan", "Manila", "Vancouver") else "china_fsc",
        "authority": "Tokyo MOU member"
        if port in ("Busan", "Manila", "Vancouver")
        else "辽宁海事局（演示）",
        "port": port,
        "inspected_on": day.isoformat(),
        "inspection_type": "more_detailed" if deficiencies else "initial",
        "detained": detained,
        "detention_days": 3 if detained else 0,
        "deficiencies": [
            {"code": c, "area": a, "description": a, "detainable": d, "rectified": r}
            for c, a, d, r in deficiencies
        ],
    }


MINOR = ("07109", "Fire safety", False, True)
LIFEBOAT = ("11101", "Life saving appliances", True, True)
OPEN_DETAINABLE = ("04114", "Emergency systems", True, False)


def _profile(profile: str, ship: dict[str, Any], today: date, rng: random.Random) -> None:
    def ago(days: int) -> date:
        return today - timedelta(days=days)

    ship["inspections"] = [
        _inspection(ago(rng.randint(60, 300)), "营口港", []),
        _inspection(ago(rng.randint(380, 700)), "广州港", [MINOR]),
        _inspection(
            ago(rng.randint(760, 1000)),
            "大连港",
            [MINOR, ("10127", "Safety of navigation", False, True)],
        ),
    ]
    if profile == "expiring":
        ship["certificates"][5]["expires_on"] = (today + timedelta(days=18)).isoformat()
    elif profile == "expired":
        ship["certificates"][8]["expires_on"] = ago(12).isoformat()
    elif profile == "no_grain_doc":
        ship["certificates"] = [
            c for c in ship["certificates"] if c["kind"] != "grain_authorization"
        ]
    elif profile == "detained_old":
        ship["inspections"].append(_inspection(ago(600), "Busan", [LIFEBOAT, MINOR], True))
    elif profile == "detained_recent":
        ship["inspections"].append(
            _inspection(ago(150), "Manila", [OPEN_DETAINABLE, LIFEBOAT, MINOR], True)
        )
    elif profile == "deficient":
        many = [(f"{c:05d}", "Structural condition", False, True) for c in range(1101, 1108)]
        ship["inspections"] = [
            _inspection(ago(200), "大连港", many),
            _inspection(ago(500), "Vancouver", many[:6]),
        ]
    elif profile == "old_penalty":
        ship["penalties"] = [
            {
                "case_number": f"辽海罚〔{today.year}〕0{rng.randint(100, 999)}号",
                "decided_on": ago(240).isoformat(),
                "authority": "营口海事局（演示）",
                "violation": "未按规定报告船舶动态（演示）",
                "fine_cny": "20000.00",
                "status": "paid",
            }
        ]
    elif profile == "accident":
        ship["accidents"] = [
            {
                "occurred_on": ago(420).isoformat(),
                "kind": "contact",
                "severity": "serious",
                "responsibility": "main",
                "place": "珠江口（演示）",
                "description": "靠泊时触碰码头（演示）",
            }
        ]
    elif profile in ("assistance", "key_tracking"):
        kind = "assistance_investigation" if profile == "assistance" else "key_tracking"
        ship["watches"] = [
            {
                "kind": kind,
                "reason": "涉嫌未如实申报载货情况（演示）"
                if profile == "assistance"
                else "近期多次安全检查缺陷较多（演示）",
                "requested_by": "天津海事局（演示）",
                "opened_on": ago(40).isoformat(),
            }
        ]
        if profile == "key_tracking":
            ship["penalties"] = [
                {
                    "case_number": f"辽海罚〔{today.year}〕1{n}号",
                    "decided_on": ago(d).isoformat(),
                    "authority": "大连海事局（演示）",
                    "violation": "船舶配员不符合要求（演示）",
                    "fine_cny": "30000.00",
                    "status": "paid",
                }
                for n, d in ((11, 90), (12, 200))
            ]
    elif profile == "short_manned":
        ship["manning"] = [
            {
                "checked_on": ago(20).isoformat(),
                "required_crew": 16,
                "crew_on_board": 14,
                "uncertified": 1,
                "source": "营口海事局现场检查（演示）",
            }
        ]


def demo_fleet(today: date | None = None) -> FleetFile:
    today = today or date.today()
    rng = random.Random(7)
    companies = [
        {
            "imo_company_number": number,
            "name": zh,
            "name_en": en,
            "country": country,
            "doc_number": f"DOC-{number}",
            "doc_issuer": "中华人民共和国海事局（演示）",
            "doc_expires_on": (today + timedelta(days=500 + 30 * i)).isoformat(),
        }
        for i, (number, zh, en, country) in enumerate(COMPANIES)
    ]
    ships = []
    for i, (name, name_zh, flag, mid, company, dwt, age, society, profile) in enumerate(SHIPS):
        ship: dict[str, Any] = {
            "imo_number": imo_with_check_digit(938_100 + 37 * i),
            "mmsi": f"{mid}{600_100 + 7 * i:06d}",
            "call_sign": f"B{'PQR'[i % 3]}{4100 + i}" if flag == "CN" else f"VR{5200 + i}",
            "name": name,
            "name_zh": name_zh,
            "ship_type": "bulk_carrier",
            "flag": flag,
            "port_of_registry": {"CN": "大连", "HK": "Hong Kong", "PA": "Panama"}[flag],
            "gross_tonnage": round(dwt * 0.57),
            "deadweight_t": dwt,
            "year_built": today.year - age,
            "class_society": society,
            "company_imo": COMPANIES[company][0],
            "certificates": _certificates(today, rng, grain=True),
            "manning": [
                {
                    "checked_on": (today - timedelta(days=rng.randint(30, 300))).isoformat(),
                    "required_crew": 16 if dwt < 40000 else 18,
                    "crew_on_board": 18 if dwt < 40000 else 20,
                    "uncertified": 0,
                    "source": "船舶最低安全配员证书核查（演示）",
                }
            ],
        }
        _profile(profile, ship, today, rng)
        ships.append(ship)
    return FleetFile.model_validate({"companies": companies, "ships": ships})


PROFILES = {name: profile for name, *_, profile in SHIPS}
