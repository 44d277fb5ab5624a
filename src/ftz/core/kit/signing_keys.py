"""Signing keys that enterprises bring: Ed25519 (RFC 8032) or SM2 (GB/T 32918, GM/T 0003).

Keys arrive in the formats the common tools write: PKCS#8 / SubjectPublicKeyInfo PEM (`openssl
genpkey -algorithm ed25519|SM2`, `openssl pkey -pubout`), or the raw public key in base64 or hex
(32 bytes for Ed25519; 64 bytes x‖y, or 65 with the 0x04 prefix, for SM2, as GmSSL prints
them). SM2 signatures are DER (r, s) over SM3(Z‖M) with the default signer id
1234567812345678 (GM/T 0009), so `openssl pkeyutl -digest sm3 -pkeyopt
distid:1234567812345678` verifies them. SM2 needs the `[sm]` extra (gmssl-pyx, GmSSL's C code).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import pem
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

ED25519 = "ed25519"
SM2 = "sm2"
SM2_CURVE_OID = "1.2.156.10197.1.301"  # sm2p256v1, GM/T 0006

# asn1crypto must know a named curve's key size before it can build an ECPrivateKey on it.
if SM2_CURVE_OID not in asn1_keys.NamedCurve._map:
    asn1_keys.NamedCurve.register("sm2p256v1", SM2_CURVE_OID, 32)


class KeyFormatError(ValueError):
    """The text is not a key this module reads; the message says why."""


def _gmssl() -> Any:
    try:
        import gmssl_pyx
    except ImportError as exc:
        raise KeyFormatError("SM2 keys need the platform's [sm] extra (gmssl-pyx)") from exc
    return gmssl_pyx


def _sm2_point(raw: bytes) -> bytes:
    """64 bytes x‖y of a point on the SM2 curve (from 64 bytes, or 65 with the 0x04 prefix)."""
    gmssl = _gmssl()
    try:
        return bytes(gmssl.normalize_sm2_public_key(raw))
    except (gmssl.InvalidValueError, ValueError) as exc:
        raise KeyFormatError("not a point on the SM2 curve") from exc


def _from_raw(raw: bytes) -> tuple[str, bytes]:
    if len(raw) == 32:
        return ED25519, raw
    if len(raw) == 64 or (len(raw) == 65 and raw[0] == 4):
        return SM2, _sm2_point(raw)
    raise KeyFormatError(
        f"{len(raw)} bytes: an Ed25519 key is 32 bytes, an SM2 key 64 (or 65 with 0x04)"
    )


def _from_spki(der: bytes) -> tuple[str, bytes]:
    info = asn1_keys.PublicKeyInfo.load(der)
    algorithm = info["algorithm"]["algorithm"].dotted
    if algorithm == "1.3.101.112":  # id-Ed25519, RFC 8410
        return ED25519, bytes(info["public_key"].native)
    if algorithm == "1.2.840.10045.2.1" and _curve(info["algorithm"]["parameters"]) == (
        SM2_CURVE_OID
    ):
        return SM2, _sm2_point(bytes(info["public_key"].native))
    raise KeyFormatError("only Ed25519 and SM2 public keys are accepted")


def _curve(parameters: object) -> str | None:
    chosen = getattr(parameters, "chosen", None)
    return getattr(chosen, "dotted", None)


def parse_public_key(text: str) -> tuple[str, bytes]:
    """(algorithm, raw public key) from PEM, base64 or hex."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            kind, _headers, der = pem.unarmor(text.encode())
            if kind != "PUBLIC KEY":
                raise KeyFormatError(f"a {kind} PEM block is not a public key")
            return _from_spki(der)
        if len(text) in (128, 130) and all(c in "0123456789abcdefABCDEF" for c in text):
            return _from_raw(bytes.fromhex(text))
        return _from_raw(base64.b64decode(text, validate=True))
    except KeyFormatError:
        raise
    except (ValueError, TypeError, KeyError, binascii.Error) as exc:
        raise KeyFormatError(f"not a public key ({exc})") from exc


@dataclass(frozen=True)
class PrivateKey:
    """A private key that signs statements; `public` is the raw public key."""

    algorithm: str
    public: bytes
    _secret: bytes

    def sign(self, message: bytes) -> str:
        """Base64 signature: 64 bytes for Ed25519, DER (r, s) for SM2."""
        if self.algorithm == ED25519:
            signature = Ed25519PrivateKey.from_private_bytes(self._secret).sign(message)
        else:
            signature = bytes(_gmssl().sm2_sign(self._secret, self.public, message))
        return base64.b64encode(signature).decode()

    def pem(self) -> bytes:
        """PKCS#8 PEM, readable by OpenSSL (`openssl pkey`) for either algorithm."""
        if self.algorithm == ED25519:
            return Ed25519PrivateKey.from_private_bytes(self._secret).private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ec_key = asn1_keys.ECPrivateKey(
            {
                "version": "ecPrivkeyVer1",
                "private_key": int.from_bytes(self._secret, "big"),
                "public_key": b"\x04" + self.public,
            }
        )
        info = asn1_keys.PrivateKeyInfo(
            {
                "version": 0,
                "private_key_algorithm": {
                    "algorithm": "ec",
                    "parameters": asn1_keys.ECDomainParameters(name="named", value=SM2_CURVE_OID),
                },
                "private_key": ec_key,
            }
        )
        armored: bytes = pem.armor("PRIVATE KEY", info.dump())
        return armored


def generate(algorithm: str) -> PrivateKey:
    if algorithm == ED25519:
        private = Ed25519PrivateKey.generate()
        secret = private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return PrivateKey(ED25519, raw_ed25519(private.public_key()), secret)
    if algorithm == SM2:
        public, secret = _gmssl().sm2_key_generate()
        return PrivateKey(SM2, bytes(public), bytes(secret))
    raise KeyFormatError(f"unknown algorithm {algorithm!r}: choose ed25519 or sm2")


def raw_ed25519(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def load_private_key(data: bytes) -> PrivateKey:
    """An Ed25519 or SM2 private key from PKCS#8 PEM (as `openssl genpkey` writes it)."""
    try:
        kind, _headers, der = pem.unarmor(data)
    except ValueError as exc:
        raise KeyFormatError(f"not a PEM private key ({exc})") from exc
    if kind != "PRIVATE KEY":
        raise KeyFormatError(f"a {kind} PEM block; expected PKCS#8 'PRIVATE KEY'")
    try:
        info = asn1_keys.PrivateKeyInfo.load(der)
        algorithm = info["private_key_algorithm"]["algorithm"].dotted
        if algorithm == "1.3.101.112":
            key = serialization.load_der_private_key(der, password=None)
            assert isinstance(key, Ed25519PrivateKey)
            secret = key.private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            )
            return PrivateKey(ED25519, raw_ed25519(key.public_key()), secret)
        if _curve(info["private_key_algorithm"]["parameters"]) != SM2_CURVE_OID:
            raise KeyFormatError("only Ed25519 and SM2 private keys are accepted")
        ec_key = info["private_key"].parsed
        secret = int(ec_key["private_key"].native).to_bytes(32, "big")
        public = ec_key["public_key"].native
        if not public:
            raise KeyFormatError("the SM2 key file does not hold its public key")
        return PrivateKey(SM2, _sm2_point(bytes(public)), secret)
    except KeyFormatError:
        raise
    except (ValueError, TypeError, KeyError, AssertionError) as exc:
        raise KeyFormatError(f"not a readable private key ({exc})") from exc


def verify(algorithm: str, public: bytes, message: bytes, signature_b64: str) -> bool:
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (ValueError, binascii.Error):
        return False
    if algorithm == ED25519:
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True
    if algorithm == SM2:
        gmssl = _gmssl()
        try:
            return bool(gmssl.sm2_verify(public, message, signature))
        except (gmssl.GmsslInnerError, gmssl.InvalidValueError, ValueError):
            return False
    return False
