"""What the `ftz leisure-fishery` commands share: the Typer app, reading JSON bodies, one
transaction per command and one-line errors (exit 2 for input the caller must fix, 1 for denial
or absence)."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel, ValidationError

from ftz.core.cli_kit import cli_session, fail
from ftz.core.kit.errors import FtzError
from ftz.practices.leisure_fishery import (
    indicators,
    service,
)

app = typer.Typer(no_args_is_help=True, help="p17 休闲渔业 leisure fishery")
FILE = typer.Argument(..., dir_okay=False)
VESSELS = typer.Option(0, "--vessels", min=0)
POWER = typer.Option("0", "--power-kw", help="main engine power, kW")
GEAR = typer.Option(0, "--gear-units", min=0)
NOTE = typer.Option("", "--note")


def read_body(path: Path, model: type[BaseModel]) -> Any:
    try:
        return model.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        fail(f"{path}: {exc.strerror}", 2)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{path}: not JSON ({exc})", 2)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{path}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)


def valid(model: type[BaseModel], **values: Any) -> Any:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)


def run(as_user: str | None, action: Any) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        # Input the service refuses is the caller's to fix (2); denial or absence is 1.
        fail(exc.detail.replace("\n", " "), 2 if exc.status in (400, 409, 422) else 1)


def amount_arg(vessels: int, power_kw: str, gear_units: int) -> indicators.Amount:
    try:
        kw = Decimal(power_kw)
    except InvalidOperation:
        fail(f"--power-kw: not a number: {power_kw!r}", 2)
    if kw < 0 or kw != kw.quantize(Decimal("0.001")):
        fail("--power-kw: a non-negative number with at most 3 decimals", 2)
    return indicators.Amount(vessels, service.watts(kw), gear_units)
