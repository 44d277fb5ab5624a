"""What p29's page modules share: permission dependencies, reading forms (multi-valued fields
as lists) and the vocabularies the templates offer."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request

from ftz.core.auth.deps import CSRF_FIELD, get_db, require
from ftz.practices.yangtze_channel import reference

BASE = "/yangtze-channel"
T = "yangtze_channel/"
DB = Depends(get_db, scope="function")
READ = Depends(require("yangtze_channel.read"))
TRADE = Depends(require("yangtze_channel.trade"))
ADMIN = Depends(require("yangtze_channel.administer"))


async def read_form(request: Request, *lists: str, keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Text fields stripped (empty ones left out so defaults apply, except those in `keep`, which
    an edit may empty) and named lists."""
    form = await request.form()
    values: dict[str, Any] = {}
    for key, value in form.items():
        if key == CSRF_FIELD or key in lists:
            continue
        text = str(value).strip()
        if text or key in keep:
            values[key] = text
    for key in lists:
        values[key] = [str(v) for v in form.getlist(key) if str(v).strip()]
    return values


def choices() -> dict[str, Any]:
    return {
        "cargo_types": reference.CARGO_TYPES,
        "trades": reference.TRADES,
        "offer_modes": reference.OFFER_MODES,
        "optimizes": reference.OPTIMIZE,
        "event_kinds": reference.EVENT_KINDS,
        "statuses": reference.ORDER_STATUSES,
        "channels": reference.channels(),
        "node_name": reference.node_name,
        "local_label": reference.local_label,
        "today": reference.today(),
    }
