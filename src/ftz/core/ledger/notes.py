"""C2SP signed notes and tlog checkpoints, with Ed25519 keys kept under FTZ_DATA_DIR/keys.

A checkpoint is "<origin>\\n<size>\\n<base64 root>\\n"; a signed note appends a blank line and
one "— <key name> <base64(key id || signature)>" line per signature. The key id is the first four
bytes of SHA-256(name || "\\n" || 0x01 || public key), so any C2SP verifier (Go's
golang.org/x/mod/sumdb/note, for one) checks our checkpoints with the verifier key string alone.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

ED25519 = b"\x01"
SIGNATURE_PREFIX = "\u2014 "  # em dash and a space


class NoteError(ValueError):
    """A note is malformed or no trusted signature verifies."""


def key_id(name: str, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + ED25519 + public_key).digest()[:4]


@dataclass(frozen=True)
class Verifier:
    name: str
    public_key: bytes

    @property
    def id(self) -> bytes:
        return key_id(self.name, self.public_key)

    def __str__(self) -> str:
        encoded = base64.b64encode(ED25519 + self.public_key).decode()
        return f"{self.name}+{self.id.hex()}+{encoded}"

    @classmethod
    def parse(cls, text: str) -> Verifier:
        try:
            name, hex_id, encoded = text.strip().split("+", 2)  # base64 may hold "+"
            raw = base64.b64decode(encoded, validate=True)
        except ValueError as exc:
            raise NoteError(f"not a verifier key: {text!r}") from exc
        if raw[:1] != ED25519 or len(raw) != 33:
            raise NoteError("only Ed25519 verifier keys are supported")
        verifier = cls(name, raw[1:])
        if verifier.id.hex() != hex_id:
            raise NoteError("verifier key id does not match its key")
        return verifier

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class Signer:
    name: str
    private_key: Ed25519PrivateKey

    @property
    def verifier(self) -> Verifier:
        raw = self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return Verifier(self.name, raw)

    def signature_line(self, text: str) -> str:
        signature = self.private_key.sign(text.encode())
        encoded = base64.b64encode(self.verifier.id + signature).decode()
        return f"{SIGNATURE_PREFIX}{self.name} {encoded}\n"


class NoteSigner(Protocol):
    @property
    def name(self) -> str: ...

    def signature_line(self, text: str) -> str: ...


class NoteVerifier(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def id(self) -> bytes: ...

    def verify(self, message: bytes, signature: bytes) -> bool: ...


def sign_note(text: str, signers: Sequence[NoteSigner]) -> str:
    if not text.endswith("\n"):
        raise NoteError("note text must end with a newline")
    return text + "\n" + "".join(signer.signature_line(text) for signer in signers)


def open_note(note: str, verifiers: Sequence[NoteVerifier]) -> tuple[str, list[NoteVerifier]]:
    """The note's text and the trusted keys whose signatures verify (at least one, or raise)."""
    text, separator, signatures = note.rpartition("\n\n")
    if not separator:
        raise NoteError("a signed note needs a blank line before its signatures")
    text += "\n"
    by_id = {(v.name, v.id): v for v in verifiers}
    good: list[NoteVerifier] = []
    for line in signatures.splitlines():
        if not line.startswith(SIGNATURE_PREFIX):
            raise NoteError(f"malformed signature line {line!r}")
        try:
            name, encoded = line[len(SIGNATURE_PREFIX) :].rsplit(" ", 1)
            raw = base64.b64decode(encoded, validate=True)
        except ValueError as exc:
            raise NoteError(f"malformed signature line {line!r}") from exc
        verifier = by_id.get((name, raw[:4]))
        if verifier is not None and verifier.verify(text.encode(), raw[4:]):
            good.append(verifier)
    if not good:
        raise NoteError("no trusted signature on the note verifies")
    return text, good


def signature_key_ids(note: str) -> list[bytes]:
    """The key ids of a note's signature lines, whatever their algorithm."""
    ids = []
    for line in note.rpartition("\n\n")[2].splitlines():
        try:
            ids.append(base64.b64decode(line.rsplit(" ", 1)[1], validate=True)[:4])
        except (ValueError, IndexError):
            continue
    return ids


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes

    def text(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        lines = text.split("\n")
        if len(lines) < 4 or lines[-1] != "":
            raise NoteError("a checkpoint has an origin, a size and a root hash line")
        try:
            size = int(lines[1])
            root = base64.b64decode(lines[2], validate=True)
        except ValueError as exc:
            raise NoteError("malformed checkpoint size or root") from exc
        if size < 0 or len(root) != 32 or lines[1] != str(size):
            raise NoteError("malformed checkpoint size or root")
        return cls(lines[0], size, root)


class KeyRing:
    """The log's signing keys: the active one signs; retired ones remain trusted verifiers."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder
        self.name = name

    def _paths(self) -> list[Path]:
        return sorted(self.folder.glob("ledger-ed25519-*.pem"))

    def active(self) -> Signer:
        paths = self._paths()
        if not paths:
            return self.rotate()
        return self._load(paths[-1])

    def _load(self, path: Path) -> Signer:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise NoteError(f"{path} is not an Ed25519 key")
        return Signer(self.name, key)

    def rotate(self) -> Signer:
        """A new active key; earlier keys stay in the folder so old checkpoints still verify."""
        self.folder.mkdir(parents=True, exist_ok=True)
        number = len(self._paths()) + 1
        key = Ed25519PrivateKey.generate()
        path = self.folder / f"ledger-ed25519-{number:04d}.pem"
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
        return Signer(self.name, key)

    def verifiers(self) -> list[Verifier]:
        return [self._load(path).verifier for path in self._paths()]
