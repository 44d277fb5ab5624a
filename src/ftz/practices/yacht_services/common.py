"""Shared by the p16 services: rules, settings and reference data files, local time, the
evidence anchor, the officers' department checks and the keyed hash of document numbers."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet

HERE = Path(__file__).parent
DATA = HERE / "data"


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text("utf-8"))


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = _yaml("settings.yaml")
    return loaded


@cache
def documents() -> dict[str, Any]:
    loaded: dict[str, Any] = _yaml("documents.yaml")
    return loaded


@cache
def marinas() -> dict[str, dict[str, Any]]:
    return {m["code"]: m for m in _yaml("marinas.yaml")}


def marina(code: str, field: str = "marina") -> dict[str, Any]:
    found = marinas().get(code)
    if found is None:
        raise validation_error(field, f"unknown marina {code!r}; one of {', '.join(marinas())}")
    return found


@cache
def local_zone() -> ZoneInfo:
    return ZoneInfo(str(settings()["timezone"]))


def local(moment: datetime) -> datetime:
    return moment.astimezone(local_zone())


def anchor(session: Session, entry: dict[str, Any], ref: str) -> int:
    """One canonical entry in the evidence log; returns its index."""
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [ref])
    return int(index)


def require_department(principal: Principal, *departments: str) -> None:
    """The permission says "officer"; each action narrows it to the agencies that own it."""
    if not principal.is_admin and principal.department not in departments:
        raise forbidden(f"only officers of {' or '.join(departments)} may do this")


def document_hash(kind: str, number: str) -> str:
    # A key derived for this purpose only: the hashes reveal nothing about other uses of the
    # secret, and a short structured number cannot be recovered by enumerating plain hashes.
    secret = get_settings().resolved_secret_key().encode()
    key = hmac.new(secret, b"ftz/yacht_services/passenger-document", hashlib.sha256).digest()
    return hmac.new(key, f"{kind}:{number.upper()}".encode(), hashlib.sha256).hexdigest()
