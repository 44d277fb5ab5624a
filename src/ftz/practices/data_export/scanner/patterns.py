"""Regular expressions for polars (Rust `regex`: no look-around, no backreferences).

Instead of look-around boundaries, digit-like entities are cut out as maximal tokens
(`TOKEN`: letters/digits joined by single hyphens) and each token is then matched whole
(`^…$`). A token is maximal, so "13812345678" inside "9913812345678" is never a candidate,
while "请联系13812345678谢谢" yields exactly that number (CJK characters end a token)."""

from __future__ import annotations

from functools import cache

from .rules import load_rules

TOKEN = r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*"
# Runs of hex digits, colons and dots: candidates for IPv4, IPv6 and colon MAC addresses.
NET_TOKEN = r"[0-9A-Fa-f:.]+"
CJK = r"\x{4e00}-\x{9fff}"

# Whole-token patterns, matched on the token upper-cased with hyphens removed (`c`), except
# where noted as dashed (`t`, the token as written).
RIC = r"^[1-9][0-9]{16}[0-9X]$"
USCC = r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"
VIN = r"^[A-HJ-NPR-Z0-9]{17}$"
BANK_CARD = r"^(?:62|4|5[1-5]|2[2-7]|35|6011|65|9558)[0-9]+$"  # UnionPay, Visa, MC, JCB…
IMEI = r"^[0-9]{15}$"
CN_MOBILE = r"^(?:(?:00)?86)?1[3-9][0-9]{9}$"
PHONE_DASHED = r"^(?:0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}|[48]00-?[0-9]{3}-?[0-9]{4})$"
CN_PASSPORT = r"^(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[DSP]E[0-9]{7})$"
# 往来港澳通行证 C/W…, 港澳居民来往内地通行证 H/M…
PERMIT = r"^(?:[CW][0-9]{8}|[CW][A-HJ-NP-Z][0-9]{7}|[HM][0-9]{8}(?:[0-9]{2})?)$"
IBAN = r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"
MAC_DASHED = r"^[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}$"
MAC_COLON = r"^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$"
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
IPV4 = rf"^{_OCTET}(?:\.{_OCTET}){{3}}$"
EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
EMAIL_STRICT = r"^[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}$"
GPS_PAIR = r"-?[0-9]{1,3}\.[0-9]{3,}[ ]*[,，][ ]*-?[0-9]{1,3}\.[0-9]{3,}"
# Provinces' one-character abbreviations, then the issuing-office letter, then 5 characters
# (6 for new-energy plates, whose first or last one is D/F), or a 挂/学/警/港/澳 suffix.
PLATE_BODY = r"[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]"
# A trailing letter/digit is taken too, so that an over-long body fails the whole-body check.
PLATE = (
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
    rf"[A-HJ-NP-Z][·\- ]?(?:{PLATE_BODY})[0-9A-Za-z]?"
)
# Region (省/市/区/县…) followed within 15 characters by a street word (路/街/巷…).
ADDRESS = (
    rf"(?:[{CJK}]{{2,7}}(?:省|自治区|市))?[{CJK}]{{1,7}}(?:市|区|县|旗|州|镇|乡)"
    rf"[{CJK}0-9A-Za-z]{{0,15}}?(?:路|街|大道|巷|弄|胡同|村)"
    rf"(?:[{CJK}0-9A-Za-z\-]{{0,10}}?(?:[0-9]+号|[0-9A-Za-z]座|[0-9]+弄|[0-9]+栋|[0-9]+室))?"
)
ENGLISH_NAME = r"^[A-Z][a-z]+(?:[ .'\-][A-Z][a-z]+){1,2}$"
BASE64_BLOB = r"^[A-Za-z0-9+/=]{64,}$"

# Loose shapes for the hotword window (the match itself is already validated).
HOT_CORE: dict[str, str] = {
    "CN_RESIDENT_ID": r"[0-9]{17}[0-9Xx]",
    "CN_MOBILE": r"1[3-9][0-9]{9}",
    "PHONE_NUMBER": r"0[0-9]{2,3}-?[0-9]{7,8}",
    "BANK_CARD": r"[0-9]{16,19}",
    "CN_USCC": r"[0-9A-Z]{18}",
    "CN_PASSPORT": r"[EGDSP][0-9A-Z][0-9]{7}",
    "HK_MACAO_TAIWAN_PERMIT": r"[CWHM][0-9A-Z][0-9]{7}",
    "EMAIL": r"[A-Za-z0-9._%+\-]+@",
    "IP_ADDRESS": r"[0-9A-Fa-f]{1,4}[.:][0-9A-Fa-f]{1,4}[.:]",
    "VIN": r"[A-HJ-NPR-Z0-9]{17}",
    "IMEI": r"[0-9]{15}",
    "IBAN": r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11}",
    "CN_LICENSE_PLATE": PLATE,
}


def _alt(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(w.replace(".", r"\.") for w in words) + ")"


@cache
def hot_window(entity: str) -> str | None:
    """Hotword before or after the match with at most N non-alphanumerics in between; for
    entities without a fixed shape (address, health…), the hotword anywhere in the cell."""
    rules = load_rules()
    words = rules.entities[entity].hotwords
    if not words:
        return None
    hot = _alt(words)
    core = HOT_CORE.get(entity)
    if core is None:
        return hot
    gap = f"[^0-9A-Za-z]{{0,{rules.hotword_window}}}"
    return f"{hot}{gap}{core}|{core}{gap}{hot}"


@cache
def name_patterns() -> tuple[str, str, str]:
    """(whole-cell Chinese name, hotword-prefixed name in text, the prefix to strip)."""
    rules = load_rules()
    sur = rules.surname_regex
    prefix = _alt(rules.entities["PERSON_NAME"].hotwords) + r"[:：]?[ ]?"
    return (
        rf"^{sur}[{CJK}]{{1,2}}$|^[{CJK}]{{2,6}}·[{CJK}]{{2,8}}$",
        prefix + sur + f"[{CJK}]{{1,2}}",
        "^" + prefix,
    )


@cache
def term_pattern(kind: str) -> str:
    rules = load_rules()
    return _alt(rules.health_terms if kind == "HEALTH" else rules.biometric_terms)
