"""Enterprise signing keys, Ed25519 or SM2 (core.kit.signing_keys reads and uses them).

A custodial Ed25519 key, generated on first use and kept under FTZ_DATA_DIR/keys/enterprises,
signs web registrations. An enterprise may instead register the public half of its own key,
Ed25519 or SM2 (as `openssl genpkey` or `ftz trade-secrets keygen` makes it), and sign locally
(`ftz trade-secrets register --key-file`)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.kit import signing_keys
from ftz.core.kit.errors import validation_error
from ftz.core.kit.signing_keys import KeyFormatError, PrivateKey
from ftz.practices.trade_secrets.models import SigningKey


def key_id_of(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()[:16]


def _custodial_path(org_id: str) -> Path:
    return get_settings().keys_dir / "enterprises" / f"{org_id}.pem"


def custodial_key(session: Session, org_id: str) -> tuple[SigningKey, PrivateKey]:
    path = _custodial_path(org_id)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(signing_keys.generate(signing_keys.ED25519).pem())
    private = signing_keys.load_private_key(path.read_bytes())
    key = register_public_key(session, org_id, private.algorithm, private.public, "custodial")
    return key, private


def register_public_key(
    session: Session, org_id: str, algorithm: str, public: bytes, custody: str
) -> SigningKey:
    key_id = key_id_of(public)
    existing = session.scalar(select(SigningKey).where(SigningKey.key_id == key_id))
    if existing is not None:
        if existing.org_id != org_id:
            raise validation_error("public_key", "this key belongs to another organization")
        return existing
    key = SigningKey(
        org_id=org_id, key_id=key_id, algorithm=algorithm, public_key=public, custody=custody
    )
    session.add(key)
    session.flush()
    return key


def parse_public_key(text: str) -> tuple[str, bytes]:
    """(algorithm, raw public key): PEM, base64 or hex; Ed25519 or SM2."""
    try:
        return signing_keys.parse_public_key(text)
    except KeyFormatError as exc:
        raise validation_error("public_key", str(exc)) from exc


def verify_signature(key: SigningKey, message: bytes, signature_b64: str) -> bool:
    try:
        return signing_keys.verify(key.algorithm, key.public_key, message, signature_b64)
    except KeyFormatError:  # an SM2 key on a platform without the [sm] extra
        return False
