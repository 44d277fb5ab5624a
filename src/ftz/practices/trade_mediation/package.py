"""The foreign-use notarial package (涉外公证): agreement, notarial certificate text in Chinese
and English, a receipt for every notarized step and the instructions to check them abroad."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

CERTIFICATE = """公证书 / NOTARIAL CERTIFICATE

{number}

申请人 Applicant: {applicant}
对方当事人 Respondent: {respondent} ({country})
案件 Case: {case}

兹证明上述当事人于 {date} 通过在线调解平台签署了所附《调解协议》（SHA-256 {digest}），
签署过程及调解各环节已实时记录于可验证存证日志（附回执）。{enforceable_zh}

This is to certify that the above parties signed the attached settlement agreement (SHA-256
{digest}) through the online mediation platform on {date}, and that the signing and every
step of the mediation were recorded as they happened in a verifiable evidence log (receipts
attached). {enforceable_en}

依据 Under: 《中华人民共和国公证法》《公证程序规则》及相关国际条约。
"""

README = """# 涉外使用材料包 / Package for use abroad

- agreement.txt — 调解协议 / the settlement agreement (its SHA-256 is in the certificate)
- notarial_certificate.txt — 公证书（中英文）/ the notarial certificate (Chinese and English)
- receipts/NN-<step>.json — 每个环节的存证回执 / a receipt for each notarized step
- verifier_key.txt, tsa_certificate.pem — 日志公钥与时间戳证书 / log key, TSA certificate

Check a receipt offline: `ftz ledger verify receipts/<file>.json --key "$(cat verifier_key.txt)"`
or recompute by hand: RFC 9162 inclusion proof up to the C2SP signed checkpoint (Ed25519), and
the RFC 3161 timestamp with `openssl ts -verify -CAfile tsa_certificate.pem`.
"""


def foreign_package(
    case: Any, receipts: list[dict[str, Any]], verifier_key: str, tsa_pem: bytes
) -> bytes:
    agreement = case.agreement
    respondent = next(p for p in case.parties if p.role == "respondent")
    applicant = next(p for p in case.parties if p.role == "applicant")
    enforceable = bool(agreement.enforceability.get("result", {}).get("enforceable"))
    text = CERTIFICATE.format(
        number=agreement.notarial_number or "—",
        applicant=applicant.name,
        respondent=respondent.name,
        country=respondent.country,
        case=case.number,
        date=agreement.signatures.get("respondent", {}).get("signed_at", "—")[:10],
        digest=agreement.terms_sha256,
        enforceable_zh="该协议已被赋予强制执行效力。" if enforceable else "",
        enforceable_en="The agreement has been given enforceable effect." if enforceable else "",
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", README)
        archive.writestr("agreement.txt", agreement.terms)
        archive.writestr("notarial_certificate.txt", text)
        archive.writestr("verifier_key.txt", verifier_key + "\n")
        archive.writestr("tsa_certificate.pem", tsa_pem)
        for number, (step, receipt) in enumerate(
            zip(case.outcome.get("steps", []), receipts, strict=True), start=1
        ):
            name = step["step"].replace(":", "-")
            archive.writestr(
                f"receipts/{number:02d}-{name}.json",
                json.dumps(receipt, ensure_ascii=False, indent=2),
            )
    return buffer.getvalue()
