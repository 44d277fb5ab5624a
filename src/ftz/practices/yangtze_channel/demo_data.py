"""p29 demo parties: the channel administration, the partner operators the seed names (岳阳中部
通道公司, 重庆渝新欧公司, 广铁集团, 湖南港口集团, 湖北港口集团, 广州港集团, 中海通公司; demo
organizations, not the companies' accounts), two fictional shippers, and the fixed services on
each channel. Chenglingji's river services add up to the seed's "每周达50余班次" (51 a week)."""

from __future__ import annotations

from typing import Any

ADMIN_ORG = "yc-channel-admin"
OFFICER = "yc.officer"
SHIPPER_A = "yc.shipper.a"
SHIPPER_B = "yc.shipper.b"
AGREEMENT = "《中部双循环大通道合作协议》（演示）"

# code, org code, name_zh, name_en, kind, port node, user (or "")
OPERATORS: list[tuple[str, str, str, str, str, str, str]] = [
    ("ZBTD", "yc-zhongbu", "岳阳中部通道公司（演示）", "Yueyang Central Corridor Co. (demo)",
     "forwarder", "", "yc.op.zhongbu"),
    ("YXO", "yc-yuxinou", "重庆渝新欧公司（演示）", "Chongqing Yuxinou Co. (demo)", "rail", "", ""),
    ("GTJT", "yc-guangtie", "广铁集团（演示）", "Guangzhou Railway Group (demo)", "rail", "",
     "yc.op.guangtie"),
    ("HNPG", "yc-hunan-port", "湖南港口集团（演示）", "Hunan Port Group (demo)", "port",
     "yueyang_chenglingji", "yc.port.hunan"),
    ("HBPG", "yc-hubei-port", "湖北港口集团（演示）", "Hubei Port Group (demo)", "port",
     "wuhan_yangluo", ""),
    ("GZPG", "yc-guangzhou-port", "广州港集团（演示）", "Guangzhou Port Group (demo)", "port",
     "guangzhou_nansha", ""),
    ("ZHT", "yc-zhonghaitong", "中海通公司（演示）", "Zhonghaitong Co. (demo)", "shipping", "", ""),
]  # fmt: skip

SHIPPERS = [
    ("yc-shipper-a", "湘北机械进出口有限公司（演示）", "Xiangbei Machinery Import & Export (demo)",
     SHIPPER_A),
    ("yc-shipper-b", "渝西电子科技有限公司（演示）", "Yuxi Electronics (demo)", SHIPPER_B),
]  # fmt: skip

ALL_CARGO = ["general", "machinery", "auto_parts", "electronics", "chemicals", "grain"]


def services() -> list[dict[str, Any]]:
    """One or more fixed services per channel, on the network's timetabled services."""
    return [
        {"code": "S1-GT-NS", "operator_code": "GTJT", "sub_channel": "S1", "mode": "rail",
         "name_zh": "城陵矶—广州南沙 铁海联运班列", "name_en": "Chenglingji–Nansha rail–sea train",
         "stops": ["yueyang_chenglingji", "changsha_xianing", "guangzhou_nansha"],
         "network_service": "central_corridor_nansha", "weekly_departures": 7,
         "teu_per_departure": 100, "cargo_types": ALL_CARGO},
        {"code": "S2-GT-QZ", "operator_code": "GTJT", "sub_channel": "S2", "mode": "rail",
         "name_zh": "城陵矶—钦州港 铁海联运班列", "name_en": "Chenglingji–Qinzhou rail–sea train",
         "stops": ["yueyang_chenglingji", "hengyang", "nanning", "qinzhou"],
         "network_service": "central_corridor_qinzhou", "weekly_departures": 3,
         "teu_per_departure": 100, "cargo_types": ALL_CARGO},
        {"code": "S3-ZHT-YS", "operator_code": "ZHT", "sub_channel": "S3", "mode": "river",
         "name_zh": "城陵矶—洋山 江海直达", "name_en": "Chenglingji–Yangshan river–sea liner",
         "stops": ["yueyang_chenglingji", "wuhan_yangluo", "nanjing_longtan", "shanghai_yangshan"],
         "network_service": "yangtze_chenglingji_yangshan", "weekly_departures": 14,
         "teu_per_departure": 300, "cargo_types": [*ALL_CARGO, "reefer"]},
        {"code": "S3-HN-TC", "operator_code": "HNPG", "sub_channel": "S3", "mode": "river",
         "name_zh": "城陵矶—太仓 集装箱航线", "name_en": "Chenglingji–Taicang container line",
         "stops": ["yueyang_chenglingji", "wuhan_yangluo", "taicang"],
         "weekly_departures": 2, "teu_per_departure": 200, "cargo_types": ALL_CARGO},
        {"code": "MAIN-ZHT-CS", "operator_code": "ZHT", "sub_channel": "MAIN", "mode": "river",
         "name_zh": "果园港—上海 长江班轮", "name_en": "Guoyuan–Shanghai Yangtze liner",
         "stops": ["chongqing_guoyuan", "yichang", "yueyang_chenglingji", "wuhan_yangluo",
                   "nanjing_longtan", "shanghai_waigaoqiao"],
         "network_service": "yangtze_chongqing_shanghai", "weekly_departures": 7,
         "teu_per_departure": 250, "cargo_types": ALL_CARGO},
        {"code": "S4-ZB-CQ", "operator_code": "ZBTD", "sub_channel": "S4", "mode": "river",
         "name_zh": "渝岳快线（果园港—城陵矶）", "name_en": "Chongqing–Yueyang express",
         "stops": ["chongqing_guoyuan", "wanzhou", "yichang", "yueyang_chenglingji"],
         "weekly_departures": 7, "teu_per_departure": 200, "cargo_types": ALL_CARGO},
        {"code": "S5-HN-CS", "operator_code": "HNPG", "sub_channel": "S5", "mode": "river",
         "name_zh": "湘江支线（霞凝—城陵矶）", "name_en": "Xiang River feeder",
         "stops": ["changsha_xianing", "yueyang_chenglingji"],
         "network_service": "xiang_changsha_chenglingji", "weekly_departures": 7,
         "teu_per_departure": 120, "cargo_types": ALL_CARGO},
        {"code": "S5-HB-WH", "operator_code": "HBPG", "sub_channel": "S5", "mode": "river",
         "name_zh": "岳阳—武汉穿梭巴士", "name_en": "Yueyang–Wuhan shuttle",
         "stops": ["yueyang_chenglingji", "wuhan_yangluo"],
         "network_service": "yangtze_chenglingji_wuhan", "weekly_departures": 14,
         "teu_per_departure": 150, "cargo_types": ALL_CARGO},
    ]  # fmt: skip
