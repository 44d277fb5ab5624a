"""Imports every ORM module so Base.metadata is complete (Alembic, tests, create_all)."""

from __future__ import annotations

import importlib


def import_all_models() -> None:
    from ftz.core.registry import built_practices

    importlib.import_module("ftz.core.auth.models")
    importlib.import_module("ftz.core.audit.models")
    importlib.import_module("ftz.core.web.idempotency_models")
    importlib.import_module("ftz.core.ledger.models")
    importlib.import_module("ftz.domain.vessels.models")
    importlib.import_module("ftz.domain.legal.models")
    for spec in built_practices():
        importlib.import_module(f"ftz.practices.{spec.name}.models")
