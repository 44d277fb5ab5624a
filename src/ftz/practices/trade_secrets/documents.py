"""Documents for litigation and for counterparties: a certificate of existence (PDF) and a
receipts package (ZIP) that a court or opposing expert can check offline."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from ftz.core.kit.csv_export import csv_text

# A CID font the PDF reader supplies: Chinese text without shipping or downloading a font file.
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

README = """# 商业秘密存证回执包 / Trade-secret registration receipts

每个 receipts/*.json 是一件存证记录的回执：条目、序号、签名检查点、包含证明、RFC 3161 时间戳。
Each receipts/*.json proves one record: entry, index, signed checkpoint, inclusion proof and an
RFC 3161 timestamp. Check them offline, with nothing but this folder:

    ftz ledger verify receipts/<record>.json --key "$(cat verifier_key.txt)"
    # the timestamp alone, with OpenSSL:
    python -c "import json,base64,sys; r=json.load(open(sys.argv[1])); \\
      open('t.tst','wb').write(base64.b64decode(r['timestamp_token'])); \\
      open('c.txt','w').write(r['checkpoint'])" receipts/<record>.json
    openssl ts -verify -in t.tst -token_in -data c.txt -CAfile tsa_certificate.pem

records.json lists each record's fingerprints and, to open its commitment, the salt and the
metadata, exactly as committed: commitment = SHA-256(salt ‖ RFC 8785 JSON of {title, file_name,
size_bytes, contributors, description}). records.csv is the same table for a spreadsheet: a text
cell that begins with =, +, -, @, a tab or a carriage return has one leading apostrophe (') so
the spreadsheet shows it instead of running it as a formula; recompute commitments from
records.json. records.json 中的值与承诺时完全一致，用于重新计算承诺值；records.csv 供电子表格
查看（以 = + - @ 开头的文本前加了撇号）。Keep this package confidential: it names your files.
"""

RECORD_COLUMNS = (
    "record_id", "title", "file_name", "size_bytes", "sha256", "sm3", "contributors",
    "description_committed", "salt", "commitment", "ledger_index", "registered_at",
)  # fmt: skip


def _record_row(record: Any) -> list[Any]:
    return [
        record.id, record.title, record.file_name, record.size_bytes, record.sha256,
        record.sm3, ";".join(record.contributors["names"]), "", record.salt,
        record.commitment, record.ledger_index, record.registered_at.isoformat(),
    ]  # fmt: skip


def receipts_zip(
    records: list[Any], receipts: list[dict[str, Any]], verifier_key: str, tsa_pem: bytes
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", README)
        archive.writestr("verifier_key.txt", verifier_key + "\n")
        archive.writestr("tsa_certificate.pem", tsa_pem)
        for record, receipt in zip(records, receipts, strict=True):
            archive.writestr(
                f"receipts/{record.id}.json", json.dumps(receipt, ensure_ascii=False, indent=2)
            )
        rows = [_record_row(record) for record in records]
        archive.writestr("records.csv", csv_text(RECORD_COLUMNS, rows))
        exact = [dict(zip(RECORD_COLUMNS, row, strict=True)) for row in rows]
        archive.writestr("records.json", json.dumps(exact, ensure_ascii=False, indent=2))
    return buffer.getvalue()


def certificate_pdf(data: dict[str, Any]) -> bytes:
    """存在证明 / certificate of existence for one record or a batch."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    org = data["organization"]
    records = data["records"]

    def header() -> float:
        pdf.setFont(FONT, 18)
        pdf.drawCentredString(width / 2, height - 25 * mm, "商业秘密存证证明")
        pdf.setFont(FONT, 11)
        pdf.drawCentredString(width / 2, height - 32 * mm, "Certificate of existence")
        return float(height - 45 * mm)

    y = header()
    lines = [
        f"存证主体 Registrant: {org.name_zh} / {org.name_en}",
        f"统一社会信用代码 USCC: {org.uscc or '—'}",
        f"记录数 Records: {len(records)}    出具时间 Issued: {data['issued_at']:%Y-%m-%d %H:%M %Z}",
        f"证明有效 All proofs valid: {'是 yes' if data['all_valid'] else '否 NO'}",
        f"日志公钥 Log key: {data['verifier_key']}",
    ]
    pdf.setFont(FONT, 10)
    for line in lines:
        pdf.drawString(20 * mm, y, line)
        y -= 6 * mm
    y -= 4 * mm
    for record, receipt, stamp in zip(records, data["receipts"], data["timestamps"], strict=True):
        if y < 40 * mm:
            pdf.showPage()
            y = header()
            pdf.setFont(FONT, 10)
        pdf.setFont(FONT, 10)
        pdf.drawString(20 * mm, y, f"{record.title}  ({record.file_name or '—'})")
        pdf.setFont("Courier", 8)
        for text in (
            f"SHA-256 {record.sha256}",
            f"SM3     {record.sm3}",
            f"ledger {receipt['origin']} #{record.ledger_index} of "
            f"{receipt['tree_size']}   time-stamped {stamp or '-'}",
        ):
            y -= 4.5 * mm
            pdf.drawString(24 * mm, y, text)
        y -= 7 * mm
    pdf.setFont(FONT, 8)
    pdf.drawString(
        20 * mm,
        15 * mm,
        "核验：在平台“存证核验”页面上传文件或输入哈希；或用回执包离线核验"
        " (ftz ledger verify)。Verify online by file or hash, or offline with the receipts.",
    )
    pdf.save()
    return buffer.getvalue()
