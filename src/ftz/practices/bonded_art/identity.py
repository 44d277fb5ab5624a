"""The digital identity of a work: SHA-256 of the image file, its perceptual hash (pHash, 64
bits, robust to re-photographing, resizing and JPEG compression) and the SHA-256 of a 3D-scan
file. Python only measures (Hamming distance); match or hold is rules/identity.json."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import imagehash
from PIL import Image, UnidentifiedImageError

from ftz.core.kit.errors import validation_error
from ftz.core.rules import RuleSet

RULES = Path(__file__).parent / "rules"
MAX_IMAGE_BYTES = 20 * 1024 * 1024


@cache
def rules() -> RuleSet:
    return RuleSet(RULES)


@dataclass(frozen=True)
class Fingerprint:
    sha256: str
    phash: str


def fingerprint(image: bytes, field: str = "image") -> Fingerprint:
    if not image or len(image) > MAX_IMAGE_BYTES:
        raise validation_error(field, "give an image file of at most 20 MB")
    try:
        with Image.open(io.BytesIO(image)) as opened:
            phash = str(imagehash.phash(opened.convert("RGB")))
    except (UnidentifiedImageError, OSError) as exc:
        raise validation_error(field, "not an image Pillow can read") from exc
    return Fingerprint(sha256=hashlib.sha256(image).hexdigest(), phash=phash)


def file_sha256(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data else None


def compare(
    captured_sha: str, captured_phash: str, captured_scan: str | None,
    image: Fingerprint, scan_sha: str | None,
) -> dict[str, Any]:  # fmt: skip
    """The facts of a return check and the identity table's verdict with its fired row."""
    hamming = imagehash.hex_to_hash(captured_phash) - imagehash.hex_to_hash(image.phash)
    scan = "none" if not (captured_scan and scan_sha) else (
        "same" if captured_scan == scan_sha else "differs")  # fmt: skip
    facts = {"sha_match": captured_sha == image.sha256, "hamming": int(hamming), "scan": scan}
    decision = rules().evaluate("identity.json", facts)
    return {
        **facts,
        "outcome": decision.result["outcome"],
        "image_sha256": image.sha256,
        "image_phash": image.phash,
        "why": decision.explanation(),
    }
