"""Golden cases for each detector: valid values match, near misses do not."""

from __future__ import annotations

import polars as pl
import pytest
from stdnum import luhn as stdnum_luhn
from stdnum.cn import ric, uscc

from ftz.practices.data_export.scanner.detectors import detect
from ftz.practices.data_export.scanner.masking import mask
from ftz.practices.data_export.scanner.scoring import classify

from .helpers import luhn, resident_id, vin, wrong_check
from .helpers import uscc as make_uscc

RID = resident_id()


def hits(values: list[str], column: str = "备注", **kw: object) -> dict[str, int]:
    return detect(pl.Series(column, values), column, **kw).counts.hits  # type: ignore[arg-type]


def test_helpers_agree_with_stdnum() -> None:
    assert ric.is_valid(RID) and not ric.is_valid(wrong_check(RID))
    assert uscc.is_valid(make_uscc())
    assert stdnum_luhn.is_valid(luhn("622202123456789012"))


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (RID, "CN_RESIDENT_ID"),
        (f"身份证号码：{RID}，已核实", "CN_RESIDENT_ID"),
        (resident_id("310104", "19851231", "002"), "CN_RESIDENT_ID"),
        ("请联系13812345678谢谢", "CN_MOBILE"),
        ("+86 13812345678", "CN_MOBILE"),
        ("+8613912345678", "CN_MOBILE"),
        ("电话 010-62345678", "PHONE_NUMBER"),
        ("0755-86001234", "PHONE_NUMBER"),
        ("卡号" + luhn("622202123456789012") + "。", "BANK_CARD"),
        ("发件人 zhang.san@example.com.cn 谢谢", "EMAIL"),
        ("登录IP 192.168.10.254 成功", "IP_ADDRESS"),
        ("ip:2001:db8::8a2e:370:7334", "IP_ADDRESS"),
        ("车牌京A12345违停", "CN_LICENSE_PLATE"),
        ("新能源 粤BD12345", "CN_LICENSE_PLATE"),
        ("沪A·12345D", "CN_LICENSE_PLATE"),
        ("黑E-45634", "CN_LICENSE_PLATE"),
        ("车架号" + vin(), "VIN"),
        ("统一社会信用代码" + make_uscc(), "CN_USCC"),
        ("位置 39.904200,116.407400", "GPS_COORDINATE"),
        ("北京市朝阳区建国路88号", "ADDRESS"),
        ("收货地址：广东省深圳市南山区科技园路1号", "ADDRESS"),
        ("护照号E12345678", "CN_PASSPORT"),
        ("港澳通行证C12345678", "HK_MACAO_TAIWAN_PERMIT"),
        ("客户张伟来电", "PERSON_NAME"),
        ("患者有糖尿病史", "HEALTH"),
        ("已采集指纹", "BIOMETRIC"),
        ("设备 00:1A:2B:3C:4D:5E", "MAC_ADDRESS"),
    ],
)
def test_detects(text: str, entity: str) -> None:
    assert entity in hits([text]), hits([text])


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (wrong_check(RID), "CN_RESIDENT_ID"),
        ("9" + RID, "CN_RESIDENT_ID"),  # inside a longer digit run
        (RID + "7", "CN_RESIDENT_ID"),
        ("ID" + RID, "CN_RESIDENT_ID"),  # glued to letters
        ("913812345678", "CN_MOBILE"),
        ("138123456789", "CN_MOBILE"),
        ("12812345678", "CN_MOBILE"),  # 12x is no mobile prefix
        ("订单号2013812345678001", "CN_MOBILE"),
        (wrong_check(luhn("622202123456789012")), "BANK_CARD"),
        ("1234567812345670", "BANK_CARD"),  # Luhn-valid but no plausible BIN
        (wrong_check(vin()), "VIN"),
        (wrong_check(make_uscc()), "CN_USCC"),
        ("zhang@@example", "EMAIL"),
        ("版本 1.2.3.999", "IP_ADDRESS"),
        ("坐标 139.9,216.4", "GPS_COORDINATE"),
        ("12.5000,13.2500", "GPS_COORDINATE"),  # outside China
        ("京A123456", "CN_LICENSE_PLATE"),  # too long
        ("本市东区销售额增长", "ADDRESS"),
        ("无线蓝牙耳机", "PERSON_NAME"),
        ("2024-05-06", "PHONE_NUMBER"),
    ],
)
def test_rejects(text: str, entity: str) -> None:
    assert entity not in hits([text]), hits([text])


def test_resident_id_modes() -> None:
    bad_region = resident_id("990105")  # checksum right, no such region
    assert hits([bad_region], id_mode="checksum").get("CN_RESIDENT_ID") == 1
    assert "CN_RESIDENT_ID" not in hits([bad_region], id_mode="strict")
    bad_date = resident_id("110105", "19901332")
    assert "CN_RESIDENT_ID" not in hits([bad_date], id_mode="strict")
    assert hits([RID], id_mode="strict").get("CN_RESIDENT_ID") == 1


def test_id_that_passes_luhn_is_an_id_not_a_card() -> None:
    found = hits([resident_id("440305", "19900307", f"{i:03d}") for i in range(200)])
    assert found["CN_RESIDENT_ID"] == 200
    assert "BANK_CARD" not in found


def test_names_need_hint_or_hotword_or_majority() -> None:
    names = ["张伟", "欧阳娜娜", "李静", "王小明"]
    assert hits(names, "姓名")["PERSON_NAME"] == 4
    mixed = ["张伟", "苹果手机", "蓝牙耳机", "保温杯", "绿茶礼盒"]
    assert "PERSON_NAME" not in hits(mixed, "商品")
    assert "PERSON_NAME" in hits(["John Smith", "Mary Jones"], "customer_name")
    assert "PERSON_NAME" not in hits(["John Smith", "Mary Jones"], "product")


def test_share_confidence_and_hints() -> None:
    values = ["13812345678", "13912345678", "n/a", ""]
    plain = classify(detect(pl.Series("col_a", values)).counts)
    hinted = classify(detect(pl.Series("手机号", values)).counts)
    assert plain.entity == hinted.entity == "CN_MOBILE"
    assert plain.share == pytest.approx(2 / 3, abs=1e-3)  # empty cells are not counted
    assert hinted.confidence > plain.confidence
    assert hinted.category == "personal_information.contact" and hinted.level == "general-3"


def test_hotword_raises_confidence() -> None:
    card = luhn("622202123456789012")
    near = classify(detect(pl.Series("x", [f"银行卡号：{card}"])).counts)
    far = classify(detect(pl.Series("x", [f"{card}"])).counts)
    assert near.confidence > far.confidence


def test_catalog_mapping_and_flags() -> None:
    col = classify(detect(pl.Series("x", [RID, resident_id(seq="456")])).counts)
    assert (col.entity, col.category, col.level) == (
        "CN_RESIDENT_ID",
        "personal_information.identity",
        "general-4",
    )
    assert col.sensitive and col.personal_info
    company = classify(detect(pl.Series("x", [make_uscc()])).counts)
    assert company.category == "industrial.enterprise_basic" and not company.personal_info
    ip = classify(detect(pl.Series("x", ["10.0.0.1"])).counts)
    assert ip.level == "general-2"


def test_evidence_is_masked() -> None:
    col = classify(detect(pl.Series("x", [RID, "13812345678"])).counts)
    assert RID not in str(col.to_dict())
    assert mask(RID, 6, 4) == RID[:6] + "********" + RID[-4:]
    assert mask("zhang@example.com", 1, 0) == "z***@example.com"
    assert mask("张伟", 1, 0) == "张*"


def test_numeric_columns() -> None:
    assert detect(pl.Series("mobile", [13812345678, 13912345678])).counts.hits == {"CN_MOBILE": 2}
    lat = detect(pl.Series("latitude", [39.9, 31.2, 99.0]))
    assert lat.counts.hits == {"GPS_COORDINATE": 2}
    assert detect(pl.Series("price", [39.9, 31.2])).counts.hits == {}
