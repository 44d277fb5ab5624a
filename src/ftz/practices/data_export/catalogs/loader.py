"""Read the catalog files shipped with the package, pick the versions in effect, cross-check them.

Files are read from a folder relative to this package (never the network). Each file names its
`catalog`; several files may carry versions of the same catalog, and for a date the loader takes
the one with the latest `effective_from` not after that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from ftz.practices.data_export.catalogs.indicators import PreAssessmentIndicators
from ftz.practices.data_export.catalogs.models import (
    CatalogFile,
    Classification,
    FieldCatalog,
    GeneralList,
    LevelFramework,
    NegativeList,
)
from ftz.practices.data_export.catalogs.registry import Catalogs

DATA = Path(__file__).resolve().parent.parent / "data"
CATALOG_FOLDER = DATA / "catalogs"
PREASSESSMENT_FILE = DATA / "preassessment.yaml"

T = TypeVar("T")
_FILE_ADAPTER: TypeAdapter[CatalogFile] = TypeAdapter(CatalogFile)


class CatalogError(ValueError):
    """A catalog file is missing, malformed or inconsistent; the message names file and field."""


def load_catalogs(
    on: dt.date | None = None,
    folder: Path | None = None,
    extra: tuple[tuple[str, str], ...] = (),
) -> Catalogs:
    """The catalogs in effect on `on` (default today), from `folder` (default: shipped data)
    plus `extra` documents as (name, YAML text) — the versions admins saved in the database."""
    return _load_catalogs(on or dt.date.today(), (folder or CATALOG_FOLDER).resolve(), extra)


def parse_document(name: str, text: str) -> CatalogFile:
    """One catalog document from YAML text, validated; errors name `name` and the field."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogError(f"{name}: cannot read: {exc}") from exc
    if not isinstance(raw, dict):
        raise CatalogError(f"{name}: (top level): expected a mapping")
    try:
        return _FILE_ADAPTER.validate_python(raw)
    except ValidationError as exc:
        raise CatalogError(_describe(Path(name), exc)) from exc


def load_preassessment(path: Path | None = None) -> PreAssessmentIndicators:
    return _load_preassessment((path or PREASSESSMENT_FILE).resolve())


@lru_cache(maxsize=32)
def _load_catalogs(on: dt.date, folder: Path, extra: tuple[tuple[str, str], ...]) -> Catalogs:
    parsed = [(path, _parse(path)) for path in sorted(folder.glob("*.yaml"))]
    parsed += [(Path(name), parse_document(name, text)) for name, text in extra]
    chosen: dict[str, tuple[Path, CatalogFile]] = {}
    seen: dict[tuple[str, str], Path] = {}
    for path, item in parsed:
        other = seen.setdefault((item.catalog, item.version), path)
        if other != path:
            raise CatalogError(f"{path.name}: version: {item.version} also in {other.name}")
        if item.effective_from > on:
            continue
        current = chosen.get(item.catalog)
        # On the same date the later document wins: an administrator's correction (loaded
        # after the shipped files) replaces the version it corrects.
        if current is None or item.effective_from >= current[1].effective_from:
            chosen[item.catalog] = (path, item)
    files = {path: item for path, item in chosen.values()}
    catalogs = Catalogs(
        on=on,
        versions={name: item.version for name, (_, item) in sorted(chosen.items())},
        levels=_single(files, LevelFramework, on, folder),
        classification=_single(files, Classification, on, folder),
        negative_lists=tuple(i for i in files.values() if isinstance(i, NegativeList)),
        general_lists=tuple(i for i in files.values() if isinstance(i, GeneralList)),
        field_catalogs=tuple(i for i in files.values() if isinstance(i, FieldCatalog)),
    )
    _cross_check(catalogs, files)
    return catalogs


@lru_cache(maxsize=4)
def _load_preassessment(path: Path) -> PreAssessmentIndicators:
    raw = _read_yaml(path)
    try:
        return PreAssessmentIndicators.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(_describe(path, exc)) from exc


def _read_yaml(path: Path) -> Any:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogError(f"{path.name}: cannot read: {exc}") from exc
    if not isinstance(raw, dict):
        raise CatalogError(f"{path.name}: (top level): expected a mapping")
    return raw


def _parse(path: Path) -> CatalogFile:
    try:
        return _FILE_ADAPTER.validate_python(_read_yaml(path))
    except ValidationError as exc:
        raise CatalogError(_describe(path, exc)) from exc


def _describe(path: Path, exc: ValidationError) -> str:
    # The discriminator adds the kind (e.g. "classification") as the first loc element; it is
    # noise to a data editor, who needs the key path inside the file.
    kinds = {"levels", "classification", "negative_list", "general_list", "field_catalog"}
    problems = []
    for error in exc.errors()[:5]:
        loc = [str(part) for part in error["loc"]]
        if loc and loc[0] in kinds:
            loc = loc[1:]
        problems.append(f"{'.'.join(loc) or '(top level)'}: {error['msg']}")
    return f"{path.name}: " + "; ".join(problems)


def _single(files: dict[Path, Any], kind: type[T], on: dt.date, folder: Path) -> T:
    found = [item for item in files.values() if isinstance(item, kind)]
    if len(found) != 1:
        raise CatalogError(
            f"{folder.name}: kind: expected one {kind.__name__} in effect on {on}, "
            f"found {len(found)}"
        )
    return found[0]


def _cross_check(catalogs: Catalogs, files: dict[Path, Any]) -> None:
    """Every sub-class, scenario and category referenced from a list must exist."""
    _unique(files)
    scenarios = {s.id: s for d in catalogs.general_domains() for s in d.scenarios}
    categories = {c.id for s in scenarios.values() for c in s.categories}
    for path, item in files.items():
        for where, class_id in _class_refs(item):
            if not catalogs.has_subclass(class_id):
                raise CatalogError(f"{path.name}: {where}.class_id: unknown sub-class {class_id!r}")
        if isinstance(item, FieldCatalog):
            for fscen in item.scenarios:
                if fscen.scenario not in scenarios:
                    raise CatalogError(f"{path.name}: scenario: unknown {fscen.scenario!r}")
                for fld in fscen.fields:
                    if fld.category is not None and fld.category not in categories:
                        raise CatalogError(
                            f"{path.name}: {fld.name}.category: unknown {fld.category!r}"
                        )


def _unique(files: dict[Path, Any]) -> None:
    """Ids are lookup keys, so a repeated id (within or across files) would shadow an entry."""
    owner: dict[tuple[str, str], Path] = {}
    for path, item in files.items():
        here: set[tuple[str, str]] = set()
        for key in _ids(item):
            first = owner.setdefault(key, path)
            if first != path or key in here:
                raise CatalogError(f"{path.name}: id: {key[1]!r} repeated (also in {first.name})")
            here.add(key)


def _ids(item: Any) -> Iterator[tuple[str, str]]:
    if isinstance(item, Classification):
        for klass in item.classes:
            yield "class", klass.id
            for sub in klass.subclasses:
                yield "class", sub.id
    elif isinstance(item, NegativeList):
        for sector in item.sectors:
            for nscen in sector.scenarios:
                for entry in nscen.items:
                    yield "negative", entry.id
    elif isinstance(item, GeneralList):
        for domain in item.domains:
            yield "general", domain.id
            for gscen in domain.scenarios:
                yield "general", gscen.id
                for cat in gscen.categories:
                    yield "general", cat.id


def _class_refs(item: Any) -> Iterator[tuple[str, str]]:
    if isinstance(item, NegativeList):
        for sector in item.sectors:
            for nscen in sector.scenarios:
                for entry in nscen.items:
                    yield entry.id, entry.class_id
    elif isinstance(item, GeneralList):
        for domain in item.domains:
            for gscen in domain.scenarios:
                for cat in gscen.categories:
                    for class_id in cat.class_ids:
                        yield cat.id, class_id
    elif isinstance(item, FieldCatalog):
        for fscen in item.scenarios:
            for fld in fscen.fields:
                yield f"{fscen.scenario}.{fld.name}", fld.class_id
