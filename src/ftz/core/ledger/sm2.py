"""Optional SM2 signature line on checkpoints (extra `[sm]`, GmSSL through gmssl-pyx).

C2SP registers no signature type for SM2, so the key hash uses the "other" type byte 0xff
followed by the ASCII name "sm2": C2SP verifiers that do not know the key skip the line, and
the Ed25519 signature alone still verifies. The private key is GmSSL's, whose nonces come from
its CSPRNG (the pure-Python `gmssl` package's do not, which is why it is not used).
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

SM2_TYPE = b"\xffsm2"


def available() -> bool:
    try:
        import gmssl_pyx  # noqa: F401
    except ImportError:
        return False
    return True


def _key_id(name: str, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + SM2_TYPE + public_key).digest()[:4]


@dataclass(frozen=True)
class Sm2Verifier:
    name: str
    public_key: bytes  # 64 bytes, x || y

    @property
    def id(self) -> bytes:
        return _key_id(self.name, self.public_key)

    def __str__(self) -> str:
        encoded = base64.b64encode(SM2_TYPE + self.public_key).decode()
        return f"{self.name}+{self.id.hex()}+{encoded}"

    def verify(self, message: bytes, signature: bytes) -> bool:
        import gmssl_pyx

        try:
            return bool(gmssl_pyx.sm2_verify(self.public_key, message, signature))
        except (gmssl_pyx.GmsslInnerError, gmssl_pyx.InvalidValueError, ValueError):
            return False


@dataclass(frozen=True)
class Sm2Signer:
    name: str
    private_key: bytes
    public_key: bytes

    @property
    def verifier(self) -> Sm2Verifier:
        return Sm2Verifier(self.name, self.public_key)

    def signature_line(self, text: str) -> str:
        import gmssl_pyx

        signature = gmssl_pyx.sm2_sign(self.private_key, self.public_key, text.encode())
        encoded = base64.b64encode(self.verifier.id + signature).decode()
        return f"\u2014 {self.name} {encoded}\n"


def load_or_create(folder: Path, name: str) -> Sm2Signer:
    import gmssl_pyx

    path = folder / "ledger-sm2-0001.key"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        public, private = gmssl_pyx.sm2_key_generate()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write((bytes(private) + bytes(public)).hex())
    raw = bytes.fromhex(path.read_text().strip())
    return Sm2Signer(name, raw[:32], raw[32:])
