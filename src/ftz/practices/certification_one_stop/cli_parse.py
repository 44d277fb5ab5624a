"""What the p28 commands share: parsing options into schemas (one-line errors) and hashing a
local file (only its fingerprint leaves the machine)."""

from __future__ import annotations

import hashlib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ftz.core.cli_kit import fail

Model = TypeVar("Model", bound=BaseModel)


def parse(schema: type[Model], **values: Any) -> Model:
    try:
        return schema.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)


def amount(text: str, option: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        fail(f"{option} must be an amount in CNY", 2)


def sha256_of(path: Path) -> str:
    if not path.is_file():
        fail(f"no file {path}", 2)
    return hashlib.sha256(path.read_bytes()).hexdigest()
