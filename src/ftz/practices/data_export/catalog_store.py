"""Catalogs as the platform uses them: the shipped files plus the versions administrators saved
in the database, each in effect from its own date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, not_found, validation_error
from ftz.practices.data_export.catalogs import (
    CATALOG_FOLDER,
    CatalogError,
    Catalogs,
    load_catalogs,
    parse_document,
)
from ftz.practices.data_export.models import CatalogVersion


@dataclass(frozen=True)
class Source:
    catalog: str
    version: str
    effective_from: dt.date
    status: str
    origin: str  # "shipped" or "edited"
    text: str


def _documents(session: Session) -> tuple[tuple[str, str], ...]:
    rows = session.scalars(select(CatalogVersion).order_by(CatalogVersion.created_at))
    return tuple((f"db-{row.catalog}-{row.version}.yaml", row.content) for row in rows)


def effective(session: Session, on: dt.date | None = None) -> Catalogs:
    return load_catalogs(on, extra=_documents(session))


def _shipped() -> list[Source]:
    found = []
    for path in sorted(CATALOG_FOLDER.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        head = yaml.safe_load(text)
        found.append(
            Source(
                head["catalog"],
                str(head["version"]),
                head["effective_from"],
                head["status"],
                "shipped",
                text,
            )
        )
    return found


def sources(session: Session) -> list[Source]:
    """Every version of every catalog, shipped and edited."""
    edited = [
        Source(row.catalog, row.version, row.effective_from, "edited", "edited", row.content)
        for row in session.scalars(select(CatalogVersion))
    ]
    return sorted(_shipped() + edited, key=lambda s: (s.catalog, s.effective_from, s.version))


def source_in_effect(session: Session, name: str, on: dt.date | None = None) -> Source:
    version = effective(session, on).versions.get(name)
    for source in sources(session):
        if source.catalog == name and source.version == version:
            return source
    raise not_found(f"catalog {name}")


def save_version(session: Session, *, principal: Principal, name: str, text: str) -> CatalogVersion:
    """Validate a new version of catalog `name` against all the others, then keep it."""
    if not principal.is_admin:
        raise forbidden("only administrators edit the catalogs")
    label = f"{name} (edited)"
    try:
        item = parse_document(label, text)
    except CatalogError as exc:
        raise validation_error("content", str(exc)) from exc
    if item.catalog != name:
        raise validation_error("content", f"catalog: this document is {item.catalog}, not {name}")
    if any(s.catalog == name and s.version == item.version for s in sources(session)):
        raise conflict(f"{name} version {item.version} exists; give the new one a new version")
    try:
        load_catalogs(item.effective_from, extra=(*_documents(session), (Path(label).name, text)))
    except CatalogError as exc:
        raise validation_error("content", str(exc)) from exc
    row = CatalogVersion(
        catalog=name, version=item.version, effective_from=item.effective_from, content=text
    )
    session.add(row)
    session.flush()
    return row
