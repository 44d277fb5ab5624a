"""Reference data about flags, classification societies and statutory certificates, read from
`data/` (see PROVENANCE.md there): what a risk profile takes from a ship's flag and class, and
which certificates a ship is expected to carry."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data")


def _yaml(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / name).read_text("utf-8"))
    return loaded


@cache
def flags() -> dict[str, Any]:
    return _yaml("flags.yaml")


@cache
def class_societies() -> dict[str, Any]:
    return _yaml("class_societies.yaml")


@cache
def certificates() -> dict[str, Any]:
    return _yaml("certificates.yaml")


def flag_performance(country: str) -> dict[str, Any]:
    """{"list": white|grey|black_*, "imo_audit": bool} for a flag (ISO alpha-2)."""
    data = flags()
    return dict(data["flags"].get(country.upper(), data["unknown"]))


def society(code: str) -> dict[str, Any]:
    data = class_societies()
    return dict(data["societies"].get(code.upper(), data["unknown"]))


def certificate_kinds() -> dict[str, dict[str, str]]:
    kinds: dict[str, dict[str, str]] = certificates()["kinds"]
    return kinds


def required_certificates(*, grain: bool) -> list[str]:
    data = certificates()
    return list(data["required"]) + (list(data["grain"]) if grain else [])
