"""The SLA of one application: its limit and day kind from rules/sla.json (per scheme), the due
date, the days used (calendar days, or working days in China's calendar when the scheme says
so), and the status from rules/sla_status.json: met / missed once closed, on_track / at_risk /
overdue while open. Every status carries the rows that fired."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ftz.practices.certification_one_stop import workdays
from ftz.practices.certification_one_stop.common import rules

if TYPE_CHECKING:
    from ftz.practices.certification_one_stop.models import ExportApplication

OPEN = ("submitted", "testing", "tested")


def limit(scheme_code: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """sla_days, day_kind and old_days of a scheme, with the rows that fired."""
    decision = rules().evaluate("sla.json", {"scheme": scheme_code})
    return dict(decision.result), decision.explanation()


def due_date(start: date, days: int, day_kind: str) -> date:
    if day_kind == "working":
        return workdays.add_working_days(start, days)
    return start + timedelta(days=days)


def days_used(start: date, end: date, day_kind: str) -> int:
    if day_kind == "working":
        return workdays.working_days_between(start, end)
    return (end - start).days


def status(application: ExportApplication, today: date) -> dict[str, Any]:
    """The SLA picture of an application on `today` (None-safe for drafts)."""
    start = application.submitted_on
    if start is None or application.status == "withdrawn":
        return {"status": "not_started" if start is None else "withdrawn", "fired": []}
    closed = application.status not in OPEN
    end = application.closed_on if closed and application.closed_on else today
    used = days_used(start, end, application.day_kind)
    remaining = application.sla_days - used
    facts = {
        "closed": closed,
        "remaining": remaining,
        "share_left": remaining / application.sla_days,
    }
    decision = rules().evaluate("sla_status.json", facts)
    return {
        "status": decision.result["status"],
        "days_used": used,
        "calendar_days": (end - start).days,
        "remaining": remaining,
        "sla_days": application.sla_days,
        "day_kind": application.day_kind,
        "due_on": application.due_on,
        "calendar_complete": application.day_kind == "calendar"
        or workdays.calendar_complete(start, max(end, application.due_on or end)),
        "fired": decision.explanation(),
    }
