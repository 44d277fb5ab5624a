"""p24 demo data: the agencies and companies, the fleet with the routes each truck holds a
permit for, and the cargo of the Honghe corridor (plateau produce south, Vietnamese fruit,
cassava starch and electronics north). Names and plates are demo values."""

from __future__ import annotations

AGENCIES = (
    (
        "cvt-customs",
        "河口海关（演示）",
        "Hekou Customs (demo)",
        "customs",
        "cvt.customs",
        "河口海关关员（演示）",
    ),
    (
        "cvt-transport",
        "红河州交通运输局（演示）",
        "Honghe Transport Bureau (demo)",
        "transport",
        "cvt.transport",
        "国际道路运输管理员（演示）",
    ),
)
ENTERPRISES = (
    (
        "cvt-carrier",
        "红河跨境物流有限公司（演示）",
        "Honghe Cross-border Logistics (demo)",
        "cvt.carrier",
    ),
    ("cvt-vncarrier", "老街运输股份公司（演示）", "Lao Cai Transport JSC (demo)", "cvt.vncarrier"),
    (
        "cvt-rail",
        "中国铁路昆明局集团河口北站（演示）",
        "China Railway Kunming, Hekou North (demo)",
        "cvt.rail",
    ),
)
# plate, country, kind, capacity, driver, owner, routes with a valid permit
FLEET = (
    ("云G61001", "CN", "reefer", "25", "李明", "cvt.carrier", ("HK-KT", "HK-HN", "HK-HP")),
    ("云G61002", "CN", "reefer", "25", "王强", "cvt.carrier", ("HK-KT", "HK-HN")),
    ("云G61003", "CN", "box", "30", "张伟", "cvt.carrier", ("HK-KT", "HK-YB", "HK-VT")),
    ("云G61004", "CN", "box", "30", "刘洋", "cvt.carrier", ("HK-HN", "HK-HP")),
    ("24C-10521", "VN", "box", "28", "Nguyen Van An", "cvt.vncarrier", ("HK-KT", "HK-HN")),
    ("24C-10522", "VN", "reefer", "22", "Tran Van Binh", "cvt.vncarrier", ("HK-KT",)),
)
SOUTH = (
    ("红河州高原蔬菜", "蒙自石榴（鲜）", True),
    ("建水农产品合作社", "高原鲜切花", True),
    ("个旧化工", "化肥", False),
    ("昆明机电", "机电设备", False),
)
NORTH = (
    ("老街农产品公司", "越南火龙果（鲜）", True),
    ("河内木薯加工", "木薯淀粉", False),
    ("海防电子", "电子元件", False),
)
DAYS = 7
