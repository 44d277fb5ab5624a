"""Enterprise signing keys, Ed25519 and SM2: formats OpenSSL writes, and signatures that
OpenSSL verifies (and the other way round)."""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest

from ftz.core.kit import signing_keys
from ftz.core.kit.signing_keys import ED25519, SM2, KeyFormatError

MESSAGE = b"ftz/trade-secrets statement v1\n"


def _openssl(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("openssl is not on PATH")
    return subprocess.run([path, *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("algorithm", [ED25519, SM2])
def test_generate_sign_verify_and_round_trip(algorithm: str) -> None:
    key = signing_keys.generate(algorithm)
    assert signing_keys.load_private_key(key.pem()) == key
    signature = key.sign(MESSAGE)
    assert signing_keys.verify(algorithm, key.public, MESSAGE, signature)
    assert not signing_keys.verify(algorithm, key.public, MESSAGE + b"!", signature)
    other = signing_keys.generate(algorithm)
    assert not signing_keys.verify(algorithm, other.public, MESSAGE, signature)
    assert not signing_keys.verify(algorithm, key.public, MESSAGE, "not base64!")


@pytest.mark.parametrize(("algorithm", "openssl_name"), [(ED25519, "ed25519"), (SM2, "SM2")])
def test_openssl_keys_are_read(tmp_path: Path, algorithm: str, openssl_name: str) -> None:
    assert (
        _openssl(tmp_path, "genpkey", "-algorithm", openssl_name, "-out", "k.pem").returncode == 0
    )
    assert _openssl(tmp_path, "pkey", "-in", "k.pem", "-pubout", "-out", "p.pem").returncode == 0
    private = signing_keys.load_private_key((tmp_path / "k.pem").read_bytes())
    parsed = signing_keys.parse_public_key((tmp_path / "p.pem").read_text())
    assert private.algorithm == algorithm
    assert parsed == (algorithm, private.public)
    # The raw forms a user may paste give the same key.
    assert signing_keys.parse_public_key(base64.b64encode(private.public).decode()) == parsed
    if algorithm == SM2:
        assert signing_keys.parse_public_key("04" + private.public.hex()) == parsed


def test_sm2_signatures_interoperate_with_openssl(tmp_path: Path) -> None:
    distid = "distid:1234567812345678"  # GM/T 0009 default signer id
    assert _openssl(tmp_path, "genpkey", "-algorithm", "SM2", "-out", "k.pem").returncode == 0
    assert _openssl(tmp_path, "pkey", "-in", "k.pem", "-pubout", "-out", "p.pem").returncode == 0
    (tmp_path / "msg").write_bytes(MESSAGE)
    key = signing_keys.load_private_key((tmp_path / "k.pem").read_bytes())

    (tmp_path / "ours.sig").write_bytes(base64.b64decode(key.sign(MESSAGE)))
    verify = ["pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", "p.pem"]
    checked = _openssl(tmp_path, *verify, "-in", "msg", "-sigfile", "ours.sig", "-pkeyopt", distid)
    assert checked.returncode == 0 and "Verified Successfully" in checked.stdout, checked.stderr
    (tmp_path / "other").write_bytes(MESSAGE + b"!")
    forged = _openssl(tmp_path, *verify, "-in", "other", "-sigfile", "ours.sig", "-pkeyopt", distid)
    assert forged.returncode != 0

    sign = ["pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", "k.pem"]
    made = _openssl(tmp_path, *sign, "-in", "msg", "-out", "theirs.sig", "-pkeyopt", distid)
    assert made.returncode == 0, made.stderr
    theirs = base64.b64encode((tmp_path / "theirs.sig").read_bytes()).decode()
    assert signing_keys.verify(SM2, key.public, MESSAGE, theirs)
    assert not signing_keys.verify(SM2, key.public, MESSAGE + b"!", theirs)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (base64.b64encode(b"x" * 31).decode(), "31 bytes"),
        (base64.b64encode(b"\x04" + b"\x01" * 64).decode(), "not a point on the SM2 curve"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "not a public key"),
        ("%%%", "not a public key"),
    ],
)
def test_bad_public_keys_say_why(text: str, reason: str) -> None:
    with pytest.raises(KeyFormatError, match=reason):
        signing_keys.parse_public_key(text)


def test_other_private_keys_are_refused(tmp_path: Path) -> None:
    assert _openssl(tmp_path, "genpkey", "-algorithm", "EC", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-out", "p256.pem").returncode == 0  # fmt: skip
    with pytest.raises(KeyFormatError, match="only Ed25519 and SM2"):
        signing_keys.load_private_key((tmp_path / "p256.pem").read_bytes())
    with pytest.raises(KeyFormatError, match="not a PEM"):
        signing_keys.load_private_key(b"garbage")
