"""The time a step happens. Normally now; the demo replays historic cases at their historic
dates (so the statistics' durations are real durations), which it does by `replaying(at)`
rather than by rewriting stored times, because each step's time is anchored in the ledger."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ftz.core.db import utcnow

LOCAL = ZoneInfo("Asia/Shanghai")
_replayed: ContextVar[datetime | None] = ContextVar("sealed_transfer_clock", default=None)


def now() -> datetime:
    return _replayed.get() or utcnow()


def today() -> date:
    return now().astimezone(LOCAL).date()


@contextmanager
def replaying(at: datetime) -> Iterator[None]:
    token = _replayed.set(at)
    try:
        yield
    finally:
        _replayed.reset(token)
