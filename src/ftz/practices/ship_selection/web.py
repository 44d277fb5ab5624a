"""What the p07 pages share: the database and permission dependencies, reading forms (with
files), and turning a rejected form into the page again (status 422) with what was typed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from starlette.datastructures import UploadFile

from ftz.core.auth.deps import CSRF_FIELD, get_db, require

DB = Depends(get_db, scope="function")
READ = Depends(require("ship_selection.read"))
MANAGE = Depends(require("ship_selection.ships"))
REQUEST = Depends(require("ship_selection.request"))
DECIDE = Depends(require("ship_selection.decide"))
FILE = Depends(require("ship_selection.file"))
REVIEW = Depends(require("ship_selection.review"))
BASE = "/ship-selection"
T = "ship_selection/"
# Times typed in the forms are port time (China Standard Time).
PORT_TIME = ZoneInfo("Asia/Shanghai")


async def form_with_files(request: Request) -> tuple[dict[str, str], dict[str, UploadFile]]:
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != CSRF_FIELD}
    files = {k: v for k, v in form.items() if isinstance(v, UploadFile)}
    return values, files


def filled(values: dict[str, str]) -> dict[str, Any]:
    """The typed fields without the empty ones (so defaults apply)."""
    return {k: v.strip() for k, v in values.items() if v.strip() != ""}


def port_time(value: str | None) -> datetime | str | None:
    """A datetime-local value read as port time; anything else is left for validation."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=PORT_TIME)


def data_dir(request: Request) -> Path:
    return Path(request.app.state.settings.data_dir)
