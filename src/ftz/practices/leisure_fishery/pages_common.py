"""What p17's page modules share: permission dependencies, reading forms (with multi-valued
fields), and the reference lists every form offers."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request

from ftz.core.auth.deps import CSRF_FIELD, get_db, require
from ftz.practices.leisure_fishery import reference

BASE = "/leisure-fishery"
T = "leisure_fishery/"
DB = Depends(get_db, scope="function")
READ = Depends(require("leisure_fishery.read"))
OPERATE = Depends(require("leisure_fishery.operate"))
SUPERVISE = Depends(require("leisure_fishery.supervise"))
ASSOCIATE = Depends(require("leisure_fishery.associate"))
PUBLIC = Depends(require("leisure_fishery.public"))


async def read_form(request: Request, *lists: str) -> dict[str, Any]:
    """The submitted fields: text fields as stripped strings (empty ones left out, so optional
    fields fall back to their defaults) and the named multi-valued fields as lists."""
    form = await request.form()
    values: dict[str, Any] = {}
    for key, value in form.items():
        if key == CSRF_FIELD or key in lists:
            continue
        text = str(value).strip()
        if text:
            values[key] = text
    for key in lists:
        values[key] = [str(v) for v in form.getlist(key) if str(v).strip()]
    return values


# English labels (message ids) for codes whose bare word another catalog already translates
# differently ("open", "failed", "warning", "medium").
LABELS = {
    "vessel_class": {
        "small": "small vessel (under 12 m)",
        "medium": "medium vessel (12 to 24 m)",
        "large": "large vessel (24 m or more)",
    },
    "record_kind": {
        "inspection": "self-regulation inspection",
        "warning": "warning issued",
        "commendation": "commendation",
        "training": "training",
    },
    "base_status": {
        "planned": "planned",
        "under_construction": "under construction",
        "open": "open to visitors",
    },
    "inspection_state": {
        "none": "never inspected",
        "failed": "failed inspection",
        "overdue": "inspection overdue",
        "valid": "falling due",
    },
}


def choices() -> dict[str, Any]:
    """Reference lists for the forms and the code → name lookups of the templates."""
    return {
        "areas": reference.areas(),
        "coastal": reference.coastal_codes(),
        "area_names": reference.area_names(),
        "species": reference.species(),
        "gear": reference.gear(),
        "statuses": reference.VESSEL_STATUSES,
        "inspection_kinds": reference.INSPECTION_KINDS,
        "covers": reference.COVERS,
        "record_kinds": reference.RECORD_KINDS,
        "severities": reference.SEVERITIES,
        "base_kinds": reference.BASE_KINDS,
        "base_levels": reference.BASE_LEVELS,
        "base_statuses": reference.BASE_STATUSES,
        "facilities": reference.FACILITIES,
        "today": reference.today(),
        "labels": LABELS,
    }


def area_label(code: str, lang: str) -> str:
    return f"{code} {reference.area_name(code, lang)}"
