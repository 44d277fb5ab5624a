"""Enterprise signing keys (Ed25519). A custodial key, generated on first use and kept under
FTZ_DATA_DIR/keys/enterprises, signs web registrations; an enterprise may instead register the
public half of its own key and sign locally (`ftz trade-secrets register --key-file`)."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.kit.errors import validation_error
from ftz.practices.trade_secrets.models import SigningKey


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id_of(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()[:16]


def _custodial_path(org_id: str) -> Path:
    return get_settings().keys_dir / "enterprises" / f"{org_id}.pem"


def custodial_key(session: Session, org_id: str) -> tuple[SigningKey, Ed25519PrivateKey]:
    path = _custodial_path(org_id)
    if path.exists():
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(private, Ed25519PrivateKey)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
    public = raw_public(private.public_key())
    return register_public_key(session, org_id, public, "custodial"), private


def register_public_key(session: Session, org_id: str, public: bytes, custody: str) -> SigningKey:
    if len(public) != 32:
        raise validation_error("public_key", "an Ed25519 public key is 32 bytes")
    key_id = key_id_of(public)
    existing = session.scalar(select(SigningKey).where(SigningKey.key_id == key_id))
    if existing is not None:
        if existing.org_id != org_id:
            raise validation_error("public_key", "this key belongs to another organization")
        return existing
    key = SigningKey(
        org_id=org_id, key_id=key_id, algorithm="ed25519", public_key=public, custody=custody
    )
    session.add(key)
    session.flush()
    return key


def parse_public_key(text: str) -> bytes:
    """PEM, or base64 of the 32 raw bytes."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode())
            if not isinstance(key, Ed25519PublicKey):
                raise ValueError("not Ed25519")
            return raw_public(key)
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise validation_error("public_key", f"not an Ed25519 public key ({exc})") from exc


def verify_signature(public: bytes, message: bytes, signature_b64: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(base64.b64decode(signature_b64), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def sign(private: Ed25519PrivateKey, message: bytes) -> str:
    return base64.b64encode(private.sign(message)).decode()
