"""core/web/static/fingerprint.js (shared by p27 and p19) in the system Chromium: SM3 vectors,
hashlib cross-checks, streaming. Uses the session's browser from tests/browser/conftest.py."""

from __future__ import annotations

import base64
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "src/ftz/core/web/static/fingerprint.js"
PAGE_URL = "http://localhost/fingerprint-test"

# Decodes base64 in the page: large buffers travel as one string rather than a list of ints.
FROM_B64 = "(b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))"


def sm3(data: bytes) -> str:
    return hashlib.new("sm3", data).hexdigest()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # about:blank has an opaque origin, so it is not a secure context and crypto.subtle is
    # undefined there. localhost is a secure context; Playwright answers the page request itself,
    # so no server runs and nothing reaches the network.
    page = browser.new_page()
    stray: list[str] = []

    def handle(route: Any) -> None:
        if route.request.url == PAGE_URL:
            route.fulfill(
                status=200, content_type="text/html", body="<!doctype html><title>t</title>"
            )
        else:
            stray.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    page.goto(PAGE_URL)
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    yield page
    page.close()
    # The file must never leave the machine: the script itself makes no requests at all.
    assert stray == []


def js_sm3(page: Any, data: bytes) -> str:
    return str(page.evaluate("(b) => FtzFingerprint.sm3(new Uint8Array(b))", list(data)))


def test_sm3_standard_vectors(page: Any) -> None:
    assert js_sm3(page, b"abc") == (
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    )
    assert js_sm3(page, b"abcd" * 16) == (
        "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
    )
    assert js_sm3(page, b"") == ("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b")


def test_matches_hashlib_across_padding_boundaries(page: Any) -> None:
    rng = random.Random(32905)
    lengths = [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 300]
    lengths += [rng.randrange(0, 301) for _ in range(15)]
    samples = [rng.randbytes(n) for n in lengths]
    results = page.evaluate(
        """async (samples) => {
            const out = [];
            for (const s of samples) {
                const bytes = new Uint8Array(s);
                out.push([FtzFingerprint.sm3(bytes), await FtzFingerprint.sha256Hex(bytes)]);
            }
            return out;
        }""",
        [list(s) for s in samples],
    )
    expected = [[sm3(s), hashlib.sha256(s).hexdigest()] for s in samples]
    assert results == expected


def test_streaming_in_random_chunks_equals_one_shot(page: Any) -> None:
    rng = random.Random(2016)
    data = rng.randbytes(1_000_000)
    chunks = [1, 63, 64, 65, 1, 1, 127, 128, 0, 55, 56, 57]
    while sum(chunks) < len(data):
        chunks.append(rng.choice([1, 63, 64, 65, rng.randrange(1, 5000)]))
    streamed, one_shot = page.evaluate(
        f"""([b64, chunks]) => {{
            const data = ({FROM_B64})(b64);
            const hasher = new FtzFingerprint.Sm3();
            let offset = 0;
            for (const n of chunks) {{
                hasher.update(data.subarray(offset, offset + n));
                offset += n;
            }}
            return [hasher.digestHex(), FtzFingerprint.sm3(data)];
        }}""",
        [base64.b64encode(data).decode(), chunks],
    )
    assert streamed == one_shot == sm3(data)


def test_fingerprint_file_in_slices_with_progress(page: Any) -> None:
    data = random.Random(4).randbytes(9 * 1024 * 1024 + 12345)
    result = page.evaluate(
        f"""async (b64) => {{
            const blob = new Blob([({FROM_B64})(b64)]);
            const progress = [];
            const fp = await FtzFingerprint.fingerprintFile(
                blob, (done, total) => progress.push([done, total]));
            return {{fp, progress}};
        }}""",
        base64.b64encode(data).decode(),
    )
    assert result["fp"] == {
        "sha256": hashlib.sha256(data).hexdigest(),
        "sm3": sm3(data),
        "size": len(data),
        "name": "",
    }
    progress = result["progress"]
    assert len(progress) == 3  # 4 MiB + 4 MiB + the rest
    done = [d for d, _ in progress]
    assert done == sorted(set(done))
    assert done[-1] == len(data)
    assert {total for _, total in progress} == {len(data)}


def test_fingerprint_file_keeps_name_and_handles_empty(page: Any) -> None:
    result = page.evaluate(
        """async () => {
            const progress = [];
            const fp = await FtzFingerprint.fingerprintFile(
                new File([], "empty.txt"), (d, t) => progress.push([d, t]));
            return {fp, progress};
        }"""
    )
    assert result["fp"] == {
        "sha256": hashlib.sha256(b"").hexdigest(),
        "sm3": sm3(b""),
        "size": 0,
        "name": "empty.txt",
    }
    assert result["progress"] == [[0, 0]]


def test_too_large_file_points_to_the_cli(page: Any) -> None:
    # A stand-in object: the size check must come before any reading.
    message = page.evaluate(
        """async () => {
            const huge = {size: 512 * 1024 * 1024 + 1, name: "huge.bin",
                          slice() { throw new Error("must not read"); }};
            try { await FtzFingerprint.fingerprintFile(huge); return "no error"; }
            catch (e) { return e.message; }
        }"""
    )
    assert "512 MiB" in message
    assert "ftz trade-secrets register" in message


def test_fingerprint_text_is_utf8(page: Any) -> None:
    text = "商业秘密 – trade secret ✓\n"
    encoded = text.encode("utf-8")
    result = page.evaluate("(t) => FtzFingerprint.fingerprintText(t)", text)
    assert result == {
        "sha256": hashlib.sha256(encoded).hexdigest(),
        "sm3": sm3(encoded),
        "size": len(encoded),
        "name": "",
    }


def test_one_bit_change_changes_the_digest(page: Any) -> None:
    original = bytes(range(200))
    flipped = bytearray(original)
    flipped[137] ^= 0x01
    before, after = js_sm3(page, original), js_sm3(page, bytes(flipped))
    assert before == sm3(original)
    assert after == sm3(bytes(flipped))
    assert before != after
