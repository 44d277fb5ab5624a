"""The night-navigation zones in force. The shipped file (data/night_zones.geojson) is version 0
of each zone; the maritime administration publishes new versions (a whole FeatureCollection,
checked exactly like the file) that take effect from a date. For a given day the latest version
effective on or before it wins, so a report can always be re-checked against the zone it used."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.domain.geo import Zone, zones_from_geojson
from ftz.practices.yacht_services.common import DATA, marinas, require_department
from ftz.practices.yacht_services.models import ZoneVersion
from ftz.practices.yacht_services.permissions import MARITIME


@dataclass(frozen=True)
class ZoneInForce:
    zone: Zone
    version: int
    name_zh: str
    name_en: str
    marinas: tuple[str, ...]
    effective_from: date | None
    source: str
    geojson: dict[str, Any]

    @property
    def code(self) -> str:
        return self.zone.code


def _build(collection: dict[str, Any], version: int, effective: date | None) -> list[ZoneInForce]:
    found = []
    for zone in zones_from_geojson(collection):
        props = zone.properties
        served = tuple(str(m) for m in props.get("marinas") or [])
        unknown = [m for m in served if m not in marinas()]
        if unknown:
            raise validation_error("geojson", f"unknown marinas {unknown}")
        found.append(ZoneInForce(
            zone=zone, version=version, name_zh=str(props.get("name_zh") or zone.code),
            name_en=str(props.get("name_en") or zone.code), marinas=served,
            effective_from=effective, source=str(props.get("source") or ""),
            geojson={"type": "FeatureCollection", "features": [
                f for f in collection["features"] if f["properties"].get("code") == zone.code]},
        ))  # fmt: skip
    return found


@cache
def shipped() -> tuple[ZoneInForce, ...]:
    collection = json.loads((DATA / "night_zones.geojson").read_text("utf-8"))
    return tuple(_build(collection, 0, None))


@cache
def _published(version_id: str, geojson: str, version: int, effective: date) -> ZoneInForce:
    [zone] = _build(json.loads(geojson), version, effective)
    return zone


def in_force(session: Session, on: date) -> list[ZoneInForce]:
    """Every zone as in force on `on`."""
    zones = {z.code: z for z in shipped()}
    latest = (
        select(ZoneVersion)
        .where(ZoneVersion.effective_from <= on)
        .order_by(ZoneVersion.code, ZoneVersion.effective_from, ZoneVersion.version)
    )
    for row in session.scalars(latest):
        text = json.dumps(row.geojson, sort_keys=True)
        zones[row.code] = _published(row.id, text, row.version, row.effective_from)
    return list(zones.values())


def for_marina(session: Session, marina_code: str, on: date) -> ZoneInForce | None:
    return next((z for z in in_force(session, on) if marina_code in z.marinas), None)


def publish(
    session: Session, *, principal: Principal, geojson: Any, effective_from: date
) -> ZoneVersion:
    """A new version of one zone (a FeatureCollection whose features share one code)."""
    require_department(principal, MARITIME)
    if not isinstance(geojson, dict) or geojson.get("type") != "FeatureCollection":
        raise validation_error("geojson", "expected a GeoJSON FeatureCollection")
    built = _build(geojson, 0, effective_from)
    if len(built) != 1:
        raise validation_error("geojson", f"one zone per version, found {len(built)} codes")
    zone = built[0]
    if not zone.marinas:
        raise validation_error("geojson", "properties.marinas must name the marinas served")
    last_version = select(func.max(ZoneVersion.version)).where(ZoneVersion.code == zone.code)
    last = session.scalar(last_version)
    row = ZoneVersion(
        code=zone.code, version=int(last or 0) + 1, name_zh=zone.name_zh, name_en=zone.name_en,
        geojson=geojson, marinas=list(zone.marinas), effective_from=effective_from,
        source=zone.source, published_by=principal.username,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row


def versions(session: Session) -> list[ZoneVersion]:
    query = select(ZoneVersion).order_by(ZoneVersion.code, ZoneVersion.version.desc())
    return list(session.scalars(query))
